using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace K6Scenarios.Analyzers.Tests.Verification;

/// <summary>A diagnostic as the tests compare it: ID, position, covered text and invariant message.</summary>
internal sealed record ReportedDiagnostic(string Id, int Line, int Column, string Text, string Message, Diagnostic Diagnostic)
{
    public override string ToString() => $"{Id} at {Line}:{Column} on '{Text}': {Message}";
}

/// <summary>
/// Runs every K6Scenarios analyzer over C# source with the model referenced, OpenAPI documents and other files as
/// AdditionalFiles, and analyzer config options, offline: references are the test runtime's own assemblies plus
/// K6Scenarios.Model.dll (no reference packs are downloaded). Culture is pinned to invariant.
/// </summary>
internal sealed class AnalyzerTest
{
    public const string SourcePath = "/project/LoadTests.cs";

    private static readonly Lazy<ImmutableArray<MetadataReference>> LazyReferences = new(BuildReferences);

    private readonly List<(string Path, string Text, IReadOnlyDictionary<string, string> Metadata)> _additionalFiles = [];
    private readonly Dictionary<string, string> _globalOptions = new(StringComparer.Ordinal);

    private AnalyzerTest(string markup, string? defaultId)
    {
        (Source, Expected) = Markup.Parse(markup);
        DefaultId = defaultId;
    }

    public static ImmutableArray<MetadataReference> References => LazyReferences.Value;

    public static ImmutableArray<DiagnosticAnalyzer> Analyzers { get; } =
        [new K6ScenariosAnalyzer()];

    public static CSharpParseOptions ParseOptions { get; } = new(LanguageVersion.CSharp12);

    public static CSharpCompilationOptions CompilationOptions { get; } = new(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable);

    public string Source { get; }

    public IReadOnlyList<ExpectedSpan> Expected { get; }

    public string? DefaultId { get; }

    /// <summary>Starts a test of <paramref name="markup"/>; <c>[|...|]</c> spans expect <paramref name="defaultId"/>.</summary>
    public static AnalyzerTest For(string markup, string? defaultId = null) => new(markup, defaultId);

    /// <summary>Adds an OpenAPI document, optionally with the <c>K6BaseUrl</c> metadata.</summary>
    public AnalyzerTest WithOpenApi(string document, string? baseUrlVariable = null, string path = "/project/openapi.yaml")
    {
        var metadata = new Dictionary<string, string>(StringComparer.Ordinal);
        if (baseUrlVariable is not null)
        {
            metadata["build_metadata.AdditionalFiles.K6BaseUrl"] = baseUrlVariable;
        }

        return WithAdditionalFile(path, document, metadata);
    }

    public AnalyzerTest WithAdditionalFile(string path, string text, IReadOnlyDictionary<string, string>? metadata = null)
    {
        _additionalFiles.Add((path, text, metadata ?? new Dictionary<string, string>()));
        return this;
    }

    /// <summary>Sets an analyzer config option, as <c>.editorconfig</c> or a global config would.</summary>
    public AnalyzerTest WithOption(string key, string value)
    {
        _globalOptions[key] = value;
        return this;
    }

    public AnalyzerOptions BuildAnalyzerOptions()
    {
        var texts = _additionalFiles.Select(f => (AdditionalText)new TestAdditionalText(f.Path, f.Text)).ToImmutableArray();
        var perFile = _additionalFiles.ToDictionary(f => f.Path, f => f.Metadata, StringComparer.Ordinal);
        return new AnalyzerOptions(texts, new TestOptionsProvider(_globalOptions, perFile));
    }

    /// <summary>Compiles the source, runs the analyzers, and returns the K6S diagnostics, failing on any analyzer exception.</summary>
    public async Task<IReadOnlyList<ReportedDiagnostic>> RunAsync(bool allowCompilerErrors = false)
    {
        var tree = CSharpSyntaxTree.ParseText(Source, ParseOptions, SourcePath);
        var compilation = CSharpCompilation.Create("LoadTests", [tree], References, CompilationOptions);
        if (!allowCompilerErrors)
        {
            var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
            Assert.True(errors.Count == 0, "The test source does not compile:\n" + string.Join("\n", errors));
        }

        var diagnostics = await AnalyzeAsync(compilation, BuildAnalyzerOptions(), CancellationToken.None);
        return diagnostics.Select(d => Describe(d)).OrderBy(d => d.Line).ThenBy(d => d.Column).ThenBy(d => d.Id, StringComparer.Ordinal).ToList();
    }

    /// <summary>Runs the analyzers and asserts that exactly the marked diagnostics are reported.</summary>
    public async Task<IReadOnlyList<ReportedDiagnostic>> VerifyAsync()
    {
        var reported = await RunAsync();
        var tree = CSharpSyntaxTree.ParseText(Source, ParseOptions, SourcePath);
        var expected = Expected
            .Select(e => (Id: e.Id ?? DefaultId ?? throw new InvalidOperationException("[|...|] needs a default ID."), e.Span))
            .Select(e => Format(e.Id, tree.GetLineSpan(e.Span).StartLinePosition, Source.Substring(e.Span.Start, e.Span.Length)))
            .OrderBy(s => s, StringComparer.Ordinal)
            .ToList();
        var actual = reported
            .Where(d => d.Diagnostic.Location.IsInSource)
            .Select(d => Format(d.Id, d.Diagnostic.Location.GetLineSpan().StartLinePosition, d.Text))
            .OrderBy(s => s, StringComparer.Ordinal)
            .ToList();
        Assert.True(
            expected.SequenceEqual(actual),
            "Expected:\n  " + string.Join("\n  ", expected) + "\nActual:\n  " + string.Join("\n  ", reported));
        return reported;
    }

    /// <summary>Runs the analyzers over a compilation; analyzer exceptions and K6S0990 fail the test.</summary>
    public static async Task<ImmutableArray<Diagnostic>> AnalyzeAsync(Compilation compilation, AnalyzerOptions options, CancellationToken cancellationToken)
    {
        var (previous, previousUi) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
        CultureInfo.CurrentUICulture = CultureInfo.InvariantCulture;
        try
        {
            var exceptions = new List<string>();
            var withAnalyzers = compilation.WithAnalyzers(
                Analyzers,
                new CompilationWithAnalyzersOptions(
                    options,
                    (exception, analyzer, _) =>
                    {
                        lock (exceptions)
                        {
                            exceptions.Add(analyzer.GetType().Name + ": " + exception);
                        }
                    },
                    concurrentAnalysis: true,
                    logAnalyzerExecutionTime: false));
            var diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync(cancellationToken);
            Assert.True(exceptions.Count == 0, "An analyzer threw:\n" + string.Join("\n", exceptions));
            var failures = diagnostics.Where(d => d.Id is "AD0001" or "K6S0990").ToList();
            Assert.True(failures.Count == 0, "An analyzer failed:\n" + string.Join("\n", failures));
            return diagnostics;
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
            CultureInfo.CurrentUICulture = previousUi;
        }
    }

    public static ReportedDiagnostic Describe(Diagnostic diagnostic)
    {
        var location = diagnostic.Location;
        var position = location.GetLineSpan().StartLinePosition;
        var text = location.IsInSource ? location.SourceTree!.GetText().ToString(location.SourceSpan) : string.Empty;
        return new ReportedDiagnostic(diagnostic.Id, position.Line + 1, position.Character + 1, text, diagnostic.GetMessage(CultureInfo.InvariantCulture), diagnostic);
    }

    private static string Format(string id, Microsoft.CodeAnalysis.Text.LinePosition position, string text) =>
        $"{id} at {position.Line + 1}:{position.Character + 1} on '{text}'";

    private static ImmutableArray<MetadataReference> BuildReferences()
    {
        // The runtime's own assemblies (trusted platform assemblies in the shared framework folder) and the model.
        var runtimeDirectory = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        var trusted = ((string?)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") ?? string.Empty).Split(Path.PathSeparator);
        var framework = trusted
            .Where(p => p.Length > 0 && string.Equals(Path.GetDirectoryName(p), runtimeDirectory, StringComparison.Ordinal))
            .Where(p => Path.GetFileName(p).StartsWith("System", StringComparison.Ordinal) || Path.GetFileName(p) is "mscorlib.dll" or "netstandard.dll")
            .OrderBy(p => p, StringComparer.Ordinal);
        return framework
            .Append(typeof(K6Scenarios.Model.LoadTest).Assembly.Location)
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
            .ToImmutableArray();
    }
}
