using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using K6Scenarios.Emitter.Discovery;
using K6Scenarios.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace K6Scenarios.RealK6.Tests.Support;

/// <summary>Compiles load tests that live as C# text (the README's example, the consumer sample) and discovers them.</summary>
internal static class CompiledLoadTests
{
    // The consumer sample is written with implicit usings, as `dotnet new` projects are.
    private const string ImplicitUsings = "global using System; global using System.Collections.Generic; global using System.Linq;";

    /// <summary>Compiles <paramref name="sources"/> into an in-memory assembly and returns its load tests.</summary>
    /// <param name="assemblyName">The assembly's name.</param>
    /// <param name="sources">File names and C# text.</param>
    /// <returns>The load tests, by discovery order.</returns>
    public static IReadOnlyList<LoadTest> Compile(string assemblyName, params (string Path, string Code)[] sources)
    {
        var parse = new CSharpParseOptions(LanguageVersion.Latest);
        var trees = sources.Select(s => CSharpSyntaxTree.ParseText(s.Code, parse, s.Path))
            .Append(CSharpSyntaxTree.ParseText(ImplicitUsings, parse, "ImplicitUsings.cs"))
            .ToList();
        var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Append(typeof(LoadTest).Assembly.Location)
            .Distinct(StringComparer.Ordinal)
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p));
        var compilation = CSharpCompilation.Create(assemblyName, trees, references, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        using var image = new MemoryStream();
        var emitted = compilation.Emit(image);
        if (!emitted.Success)
        {
            throw new InvalidOperationException("The load tests do not compile:" + Environment.NewLine
                + string.Join(Environment.NewLine, emitted.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
        }

        image.Position = 0;
        var assembly = new AssemblyLoadContext(assemblyName, isCollectible: true).LoadFromStream(image);
        var discovered = LoadTestDiscovery.Discover(assembly);
        if (discovered.HasErrors)
        {
            throw new InvalidOperationException(string.Join(Environment.NewLine, discovered.Diagnostics));
        }

        return discovered.LoadTests.Select(d => d.LoadTest).ToList();
    }

    /// <summary>Reads the C# blocks of a Markdown file that define load tests.</summary>
    /// <param name="markdown">The Markdown text.</param>
    /// <returns>The blocks.</returns>
    public static IEnumerable<string> LoadTestBlocks(string markdown)
    {
        var parts = markdown.Split("```csharp\n");
        foreach (var part in parts.Skip(1))
        {
            var end = part.IndexOf("```", StringComparison.Ordinal);
            var code = end < 0 ? part : part[..end];
            if (code.Contains("[LoadTest]", StringComparison.Ordinal))
            {
                yield return code;
            }
        }
    }

    /// <summary>Finds the repository root (the folder holding Scenarios.sln) from the test's output folder.</summary>
    /// <returns>Its path.</returns>
    public static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Scenarios.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("Scenarios.sln not found above " + AppContext.BaseDirectory);
    }
}
