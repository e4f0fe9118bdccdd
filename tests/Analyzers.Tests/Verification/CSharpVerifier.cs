using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace K6Scenarios.Analyzers.Tests.Verification;

/// <summary>
/// The verifier every rule and code-fix test goes through (Microsoft.CodeAnalysis.Testing): all K6Scenarios
/// analyzers, found by <see cref="AnalyzerDiscovery"/>, over a load test compiled by <see cref="TestCompilation"/>.
/// Expected diagnostics are written with markup <c>{|#0:...|}</c> and
/// <c>Verify.Diagnostic("K6S0101").WithLocation(0).WithArguments(...)</c>; every diagnostic reported must be expected.
/// </summary>
internal static class Verify
{
    /// <summary>Starts an expected diagnostic of a rule, with the severity and message format it is declared with.</summary>
    public static DiagnosticResult Diagnostic(string id) => new(AnalyzerDiscovery.Descriptor(id));

    /// <summary>Verifies that the analyzers report exactly <paramref name="expected"/> on <paramref name="source"/>.</summary>
    public static Task AnalyzerAsync(string source, params DiagnosticResult[] expected) =>
        new K6Test(source, expected).VerifyAsync();

    /// <summary>
    /// Verifies that the analyzers report exactly <paramref name="expected"/> on <paramref name="source"/> with the
    /// OpenAPI document <paramref name="document"/> (markup allowed) at <see cref="TestCompilation.OpenApiPath"/>.
    /// </summary>
    public static Task AnalyzerWithOpenApiAsync(string source, string document, params DiagnosticResult[] expected) =>
        new K6Test(source, expected).WithOpenApi(document).VerifyAsync();
}

/// <summary>
/// One analyzer or code-fix test: sources, OpenAPI documents and other AdditionalFiles, analyzer config options,
/// and, for a code-fix test, the fix of one rule ID. Culture is pinned (invariant unless <see cref="Culture"/> says
/// otherwise) and every expected message is formatted with the invariant culture, so a message that depends on the
/// machine's culture fails.
/// </summary>
internal sealed class K6Test : CodeFixTest<DefaultVerifier>
{
    private readonly Dictionary<string, string> _options = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IReadOnlyDictionary<string, string>> _fileMetadata = new(StringComparer.Ordinal);
    private readonly List<CodeFixProvider> _codeFixes = [];

    /// <summary>Starts a test of <paramref name="source"/> (markup allowed) expecting <paramref name="expected"/>.</summary>
    public K6Test(string source, params DiagnosticResult[] expected)
    {
        ReferenceAssemblies = TestCompilation.OfflineReferenceAssemblies;
        TestState.AdditionalReferences.AddRange(TestCompilation.References);
        TestCode = source;
        ExpectedDiagnostics.AddRange(expected);
    }

    /// <inheritdoc />
    public override string Language => LanguageNames.CSharp;

    /// <summary>Gets or sets the culture the analyzers and code fixes run under.</summary>
    public CultureInfo Culture { get; set; } = CultureInfo.InvariantCulture;

    /// <inheritdoc />
    protected override string DefaultFileExt => "cs";

    /// <inheritdoc />
    public override Type SyntaxKindType => typeof(Microsoft.CodeAnalysis.CSharp.SyntaxKind);

    /// <inheritdoc />
    protected override string DefaultFilePathPrefix => TestCompilation.ProjectFolder + "LoadTests";

    /// <summary>Adds an OpenAPI document (markup allowed), optionally with the <c>K6BaseUrl</c> metadata.</summary>
    public K6Test WithOpenApi(string document, string? baseUrlVariable = null, string path = TestCompilation.OpenApiPath) =>
        WithAdditionalFile(path, document, TestCompilation.OpenApiDocumentMetadata(baseUrlVariable));

    /// <summary>Adds an AdditionalFile (markup allowed) with MSBuild item metadata (<c>build_metadata.AdditionalFiles.*</c> keys).</summary>
    public K6Test WithAdditionalFile(string path, string text, IReadOnlyDictionary<string, string>? metadata = null)
    {
        TestState.AdditionalFiles.Add((path, text));
        _fileMetadata[path] = metadata ?? new Dictionary<string, string>();
        return this;
    }

    /// <summary>Sets an analyzer config option, as <c>.editorconfig</c> or a global config would.</summary>
    public K6Test WithOption(string key, string value)
    {
        _options[key] = value;
        return this;
    }

    /// <summary>
    /// Makes this a code-fix test of the fix for <paramref name="id"/>: the action with <paramref name="equivalenceKey"/>
    /// is applied to each diagnostic in turn and, as Fix All, to all at once in the document, project and solution;
    /// both must give <paramref name="fixedSource"/>, where <paramref name="remaining"/> are still reported.
    /// </summary>
    public K6Test WithFix(string id, string equivalenceKey, string fixedSource, params DiagnosticResult[] remaining)
    {
        _codeFixes.Add(AnalyzerDiscovery.CodeFixFor(id));
        CodeActionEquivalenceKey = equivalenceKey;
        FixedCode = fixedSource;
        FixedState.ExpectedDiagnostics.AddRange(remaining);
        return this;
    }

    /// <summary>Runs the test under <see cref="Culture"/>.</summary>
    public async Task VerifyAsync(CancellationToken cancellationToken = default)
    {
        if (_fileMetadata.Values.Any(m => m.Count > 0) || _options.Count > 0)
        {
            TestState.AnalyzerConfigFiles.Add((TestCompilation.GlobalConfigPath, TestCompilation.GlobalConfig(_options, _fileMetadata)));
        }

        FormatMessagesInvariantly(TestState.ExpectedDiagnostics);
        FormatMessagesInvariantly(FixedState.ExpectedDiagnostics);
        FormatMessagesInvariantly(BatchFixedState.ExpectedDiagnostics);

        // Culture flows with the execution context into the analyzer callbacks and is restored when this method returns.
        CultureInfo.CurrentCulture = Culture;
        CultureInfo.CurrentUICulture = Culture;
        await RunAsync(cancellationToken);
    }

    /// <inheritdoc />
    protected override IEnumerable<DiagnosticAnalyzer> GetDiagnosticAnalyzers() => AnalyzerDiscovery.Analyzers;

    /// <inheritdoc />
    protected override IEnumerable<CodeFixProvider> GetCodeFixProviders() => _codeFixes;

    /// <inheritdoc />
    protected override CompilationOptions CreateCompilationOptions() => TestCompilation.CompilationOptions;

    /// <inheritdoc />
    protected override ParseOptions CreateParseOptions() => TestCompilation.ParseOptions;

    /// <summary>
    /// Turns each expectation with message arguments into an expectation of the whole message, formatted with the
    /// invariant culture: the arguments are checked, and so is that the reported text does not vary with culture.
    /// </summary>
    private static void FormatMessagesInvariantly(List<DiagnosticResult> expected)
    {
        for (var i = 0; i < expected.Count; i++)
        {
            if (expected[i] is { MessageFormat: { } format, MessageArguments: { Length: > 0 } arguments })
            {
                expected[i] = expected[i].WithMessage(string.Format(CultureInfo.InvariantCulture, format.ToString(CultureInfo.InvariantCulture), arguments));
            }
        }
    }
}
