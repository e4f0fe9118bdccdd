using System;
using System.Collections.Immutable;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;

namespace K6Scenarios.Analyzers.Tests.Verification;

/// <summary>
/// The one place where the tests find what they test: every C# <see cref="DiagnosticAnalyzer"/> of the
/// K6Scenarios.Analyzers assembly and every <see cref="CodeFixProvider"/> of K6Scenarios.CodeFixes, by reflection,
/// so that splitting, merging or renaming analyzer and fix classes changes no test. Rules are named by ID only.
/// </summary>
internal static class AnalyzerDiscovery
{
    /// <summary>The assembly the compiler loads as the analyzers.</summary>
    public const string AnalyzerAssemblyName = "K6Scenarios.Analyzers";

    /// <summary>The assembly the IDE loads as the code fixes.</summary>
    public const string CodeFixAssemblyName = "K6Scenarios.CodeFixes";

    private static readonly Lazy<ImmutableArray<DiagnosticAnalyzer>> LazyAnalyzers = new(() =>
        Instantiate<DiagnosticAnalyzer>(AnalyzerAssemblyName, type => type.GetCustomAttributes<DiagnosticAnalyzerAttribute>().Any(a => a.Languages.Contains(LanguageNames.CSharp))));

    private static readonly Lazy<ImmutableArray<CodeFixProvider>> LazyCodeFixes = new(() =>
        Instantiate<CodeFixProvider>(CodeFixAssemblyName, type => type.GetCustomAttributes<ExportCodeFixProviderAttribute>().Any(a => a.Languages.Contains(LanguageNames.CSharp))));

    /// <summary>Gets one instance of every analyzer the compiler would run, in a stable order.</summary>
    public static ImmutableArray<DiagnosticAnalyzer> Analyzers => LazyAnalyzers.Value;

    /// <summary>Gets one instance of every code fix the IDE would offer, in a stable order.</summary>
    public static ImmutableArray<CodeFixProvider> CodeFixes => LazyCodeFixes.Value;

    /// <summary>Gets every descriptor the analyzers declare, one per ID, ordered by ID.</summary>
    public static ImmutableArray<DiagnosticDescriptor> Descriptors { get; } = Analyzers
        .SelectMany(a => a.SupportedDiagnostics)
        .GroupBy(d => d.Id, StringComparer.Ordinal)
        .Select(g => g.First())
        .OrderBy(d => d.Id, StringComparer.Ordinal)
        .ToImmutableArray();

    /// <summary>Gets the descriptor of a rule ID; fails when no analyzer declares it.</summary>
    public static DiagnosticDescriptor Descriptor(string id) =>
        Descriptors.SingleOrDefault(d => d.Id == id) ?? throw new InvalidOperationException("No analyzer in " + AnalyzerAssemblyName + " declares " + id + ".");

    /// <summary>Gets the code fix that fixes a rule ID; fails unless exactly one does.</summary>
    public static CodeFixProvider CodeFixFor(string id)
    {
        var providers = CodeFixes.Where(p => p.FixableDiagnosticIds.Contains(id)).ToList();
        return providers.Count == 1
            ? providers[0]
            : throw new InvalidOperationException($"{providers.Count} code fixes in {CodeFixAssemblyName} fix {id}; expected one.");
    }

    private static ImmutableArray<T> Instantiate<T>(string assemblyName, Func<Type, bool> isExported)
        where T : class
    {
        var assembly = Assembly.Load(new AssemblyName(assemblyName));
        var instances = assembly.GetTypes()
            .Where(type => typeof(T).IsAssignableFrom(type) && !type.IsAbstract && isExported(type))
            .OrderBy(type => type.FullName, StringComparer.Ordinal)
            .Select(type => (T)Activator.CreateInstance(type)!)
            .ToImmutableArray();
        return instances.IsEmpty ? throw new InvalidOperationException("No " + typeof(T).Name + " found in " + assemblyName + ".") : instances;
    }
}
