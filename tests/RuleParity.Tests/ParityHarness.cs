extern alias analyzers;

using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using System.Threading;
using System.Threading.Tasks;
using K6Scenarios.Diagnostics;
using K6Scenarios.Model;
using K6Scenarios.Model.Validation;
using K6Scenarios.OpenApi;
using K6Scenarios.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace K6Scenarios.RuleParity.Tests;

/// <summary>An OpenAPI document given to both adapters, with the base URLs it describes.</summary>
internal sealed record ParityDocument(string Path, string Text, string? BaseUrlVariables);

/// <summary>A finding as the parity test compares it: the rule and its message (which carries every argument).</summary>
internal sealed record Finding(string Id, string Message)
{
    public override string ToString() => Id + ": " + Message;
}

/// <summary>
/// Runs C# load-test definitions through both adapters of the rule core: the analyzers over the compilation, and model
/// validation over the load tests the compiled assembly builds. Only the rule core's IDs are compared; analyzer
/// findings on values it could not read ("(computed ...)") have no model twin by design and are left out.
/// </summary>
internal static class ParityHarness
{
    private static readonly Lazy<ImmutableArray<MetadataReference>> References = new(BuildReferences);

    /// <summary>Gets the rule IDs both adapters run.</summary>
    public static ISet<string> CoreRuleIds { get; } = new HashSet<string>(RuleEngine.Rules.Select(r => r.Descriptor.Id), StringComparer.Ordinal);

    public static async Task<(IReadOnlyList<Finding> Analyzer, IReadOnlyList<Finding> Model, int LoadTests)> RunAsync(
        IReadOnlyList<(string Path, string Text)> sources, IReadOnlyList<ParityDocument> documents)
    {
        var parse = new CSharpParseOptions(LanguageVersion.CSharp12);
        var trees = sources.Select(s => CSharpSyntaxTree.ParseText(s.Text, parse, s.Path)).ToArray();
        var compilation = CSharpCompilation.Create("Parity" + Guid.NewGuid().ToString("N"), trees, References.Value,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(errors.Count == 0, "The sources do not compile:\n" + string.Join("\n", errors.Take(20)));

        var analyzer = await AnalyzeAsync(compilation, documents);
        var (model, count) = Validate(compilation, documents);
        return (analyzer, model, count);
    }

    /// <summary>Asserts that both adapters found the same core findings.</summary>
    public static void AssertSame(IReadOnlyList<Finding> analyzer, IReadOnlyList<Finding> model)
    {
        var fromAnalyzer = analyzer.Where(f => CoreRuleIds.Contains(f.Id) && !f.Message.Contains("(computed", StringComparison.Ordinal)).Select(f => f.ToString()).OrderBy(s => s, StringComparer.Ordinal).ToList();
        var fromModel = model.Where(f => CoreRuleIds.Contains(f.Id)).Select(f => f.ToString()).OrderBy(s => s, StringComparer.Ordinal).ToList();
        var onlyAnalyzer = Except(fromAnalyzer, fromModel);
        var onlyModel = Except(fromModel, fromAnalyzer);
        Assert.True(
            onlyAnalyzer.Count == 0 && onlyModel.Count == 0,
            "Only the analyzers report:\n  " + string.Join("\n  ", onlyAnalyzer) + "\nOnly model validation reports:\n  " + string.Join("\n  ", onlyModel));
    }

    private static List<string> Except(List<string> all, List<string> other)
    {
        var remaining = other.GroupBy(s => s, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var result = new List<string>();
        foreach (var item in all)
        {
            if (remaining.TryGetValue(item, out var count) && count > 0)
            {
                remaining[item] = count - 1;
            }
            else
            {
                result.Add(item);
            }
        }

        return result;
    }

    private static async Task<IReadOnlyList<Finding>> AnalyzeAsync(Compilation compilation, IReadOnlyList<ParityDocument> documents)
    {
        var texts = documents.Select(d => (AdditionalText)new InMemoryText(d.Path, d.Text)).ToImmutableArray();
        var metadata = documents.ToDictionary(d => d.Path, d => d.BaseUrlVariables, StringComparer.Ordinal);
        var options = new AnalyzerOptions(texts, new MetadataOptions(metadata));
        var failures = new List<string>();
        var withAnalyzers = compilation.WithAnalyzers(
            [new analyzers::K6Scenarios.Analyzers.K6ScenariosAnalyzer()],
            new CompilationWithAnalyzersOptions(options, (exception, _, _) => { lock (failures) { failures.Add(exception.ToString()); } }, concurrentAnalysis: true, logAnalyzerExecutionTime: false));
        var diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync(CancellationToken.None);
        Assert.True(failures.Count == 0, "The analyzer threw:\n" + string.Join("\n", failures));
        Assert.DoesNotContain(diagnostics, d => d.Id is "AD0001" or "K6S0990");
        return diagnostics.Select(d => new Finding(d.Id, d.GetMessage(CultureInfo.InvariantCulture))).ToList();
    }

    private static (IReadOnlyList<Finding> Findings, int LoadTests) Validate(Compilation compilation, IReadOnlyList<ParityDocument> documents)
    {
        using var stream = new MemoryStream();
        var emitted = compilation.Emit(stream);
        Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics));
        stream.Position = 0;
        var context = new AssemblyLoadContext("parity", isCollectible: true);
        try
        {
            var assembly = context.LoadFromStream(stream);
            var tests = LoadTests(assembly).ToList();
            var api = documents.Count == 0 ? null : new ApiDocuments(documents.Select(d => new ApiDocument(d.Path, OpenApiReader.Read(d.Text, d.Path), d.BaseUrlVariables, null)).ToArray());
            var diagnostics = LoadTestValidator.ValidateAll(tests, new ValidationSettings { Documents = api });
            return (diagnostics.Select(d => new Finding(d.Id, d.Message)).ToList(), tests.Count);
        }
        finally
        {
            context.Unload();
        }
    }

    /// <summary>Builds every [LoadTest] member of an assembly, the way the emit command discovers them.</summary>
    private static IEnumerable<LoadTest> LoadTests(Assembly assembly)
    {
        foreach (var type in assembly.GetTypes().Where(t => t.IsPublic || t.IsNestedPublic).OrderBy(t => t.FullName, StringComparer.Ordinal))
        {
            foreach (var member in type.GetMembers(BindingFlags.Public | BindingFlags.Static).OrderBy(m => m.Name, StringComparer.Ordinal))
            {
                if (member.GetCustomAttribute<LoadTestAttribute>() is null)
                {
                    continue;
                }

                var value = member switch
                {
                    MethodInfo { IsGenericMethod: false } method when method.GetParameters().Length == 0 => method.Invoke(null, null),
                    PropertyInfo property => property.GetValue(null),
                    _ => null,
                };
                switch (value)
                {
                    case LoadTest test:
                        yield return test;
                        break;
                    case LoadTestBuilder builder:
                        yield return builder.Build();
                        break;
                }
            }
        }
    }

    private static ImmutableArray<MetadataReference> BuildReferences()
    {
        var runtimeDirectory = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        var trusted = ((string?)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") ?? string.Empty).Split(Path.PathSeparator);
        return trusted
            .Where(p => p.Length > 0 && string.Equals(Path.GetDirectoryName(p), runtimeDirectory, StringComparison.Ordinal))
            .Where(p => Path.GetFileName(p).StartsWith("System", StringComparison.Ordinal) || Path.GetFileName(p) is "mscorlib.dll" or "netstandard.dll")
            .OrderBy(p => p, StringComparer.Ordinal)
            .Append(typeof(LoadTest).Assembly.Location)
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
            .ToImmutableArray();
    }

    private sealed class InMemoryText(string path, string text) : AdditionalText
    {
        public override string Path { get; } = path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => SourceText.From(text);
    }

    private sealed class MetadataOptions(IReadOnlyDictionary<string, string?> baseUrls) : AnalyzerConfigOptionsProvider
    {
        public override AnalyzerConfigOptions GlobalOptions { get; } = new Options(new Dictionary<string, string>());

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => GlobalOptions;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile)
        {
            var values = new Dictionary<string, string>(StringComparer.Ordinal) { ["build_metadata.AdditionalFiles.K6OpenApi"] = "true" };
            if (baseUrls.TryGetValue(textFile.Path, out var variables) && variables is not null)
            {
                values["build_metadata.AdditionalFiles.K6BaseUrl"] = variables;
            }

            return new Options(values);
        }

        private sealed class Options(Dictionary<string, string> values) : AnalyzerConfigOptions
        {
            public override bool TryGetValue(string key, out string value) => values.TryGetValue(key, out value!);
        }
    }
}
