using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace K6Scenarios.Analyzers.Tests.Verification;

/// <summary>An AdditionalFile of a test project and its MSBuild item metadata.</summary>
internal sealed record TestAdditionalFile(string Path, string Text, IReadOnlyDictionary<string, string> Metadata)
{
    /// <summary>An OpenAPI document, optionally with the <c>K6BaseUrl</c> metadata.</summary>
    public static TestAdditionalFile OpenApi(string text, string? baseUrlVariable = null, string path = TestCompilation.OpenApiPath) =>
        new(path, text, TestCompilation.OpenApiDocumentMetadata(baseUrlVariable));
}

/// <summary>
/// Runs the analyzers over whole projects where the tests judge the diagnostics themselves (samples, the README,
/// broken sources): the same analyzers (<see cref="AnalyzerDiscovery"/>), references, options and global config as
/// <see cref="K6Test"/>, in a workspace project, with the culture pinned. Any analyzer exception, AD0001 or K6S0990
/// fails the test.
/// </summary>
internal static class AnalyzerRunner
{
    /// <summary>Creates a project of sources, additional files and analyzer config options.</summary>
    public static Project CreateProject(
        IEnumerable<(string Path, string Text)> sources,
        IEnumerable<TestAdditionalFile>? additionalFiles = null,
        IReadOnlyDictionary<string, string>? options = null,
        IEnumerable<MetadataReference>? references = null)
    {
        var files = (additionalFiles ?? []).ToList();
        var workspace = new AdhocWorkspace();
        var projectId = ProjectId.CreateNewId();
        var solution = workspace.CurrentSolution.AddProject(ProjectInfo.Create(
            projectId,
            VersionStamp.Default,
            "LoadTests",
            "LoadTests",
            LanguageNames.CSharp,
            filePath: TestCompilation.ProjectFolder + "LoadTests.csproj",
            compilationOptions: TestCompilation.CompilationOptions,
            parseOptions: TestCompilation.ParseOptions,
            metadataReferences: references ?? TestCompilation.References));
        foreach (var (path, text) in sources)
        {
            solution = solution.AddDocument(DocumentId.CreateNewId(projectId), System.IO.Path.GetFileName(path), SourceText.From(text), filePath: path);
        }

        foreach (var file in files)
        {
            solution = solution.AddAdditionalDocument(DocumentId.CreateNewId(projectId), System.IO.Path.GetFileName(file.Path), SourceText.From(file.Text), filePath: file.Path);
        }

        var config = TestCompilation.GlobalConfig(
            options ?? new Dictionary<string, string>(),
            files.ToDictionary(f => f.Path, f => f.Metadata, StringComparer.Ordinal));
        solution = solution.AddAnalyzerConfigDocument(DocumentId.CreateNewId(projectId), ".globalconfig", SourceText.From(config), filePath: TestCompilation.GlobalConfigPath);
        return solution.GetProject(projectId)!;
    }

    /// <summary>Creates a project of one source file at the default path.</summary>
    public static Project CreateProject(string source, params TestAdditionalFile[] additionalFiles) =>
        CreateProject([(TestCompilation.ProjectFolder + "LoadTests.cs", source)], additionalFiles);

    /// <summary>Gets the compiler's errors of a project (the tests that want a clean compile assert they are empty).</summary>
    public static async Task<IReadOnlyList<Diagnostic>> CompilerErrorsAsync(Project project)
    {
        var compilation = (await project.GetCompilationAsync())!;
        return compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
    }

    /// <summary>Runs every analyzer over a project and returns what they report, ordered by place.</summary>
    public static async Task<ImmutableArray<Diagnostic>> AnalyzeAsync(Project project, CancellationToken cancellationToken = default)
    {
        var compilation = (await project.GetCompilationAsync(cancellationToken))!;
        CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
        CultureInfo.CurrentUICulture = CultureInfo.InvariantCulture;
        var exceptions = new List<string>();
        var withAnalyzers = compilation.WithAnalyzers(
            AnalyzerDiscovery.Analyzers,
            new CompilationWithAnalyzersOptions(
                project.AnalyzerOptions,
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
        return diagnostics
            .OrderBy(d => d.Location.GetLineSpan().Path, StringComparer.Ordinal)
            .ThenBy(d => d.Location.SourceSpan.Start)
            .ThenBy(d => d.Id, StringComparer.Ordinal)
            .ToImmutableArray();
    }

    /// <summary>Gets the code actions every code fix offers for each diagnostic it fixes, in diagnostic order.</summary>
    public static async Task<IReadOnlyList<(Diagnostic Diagnostic, CodeAction Action)>> OfferedFixesAsync(Project project, IEnumerable<Diagnostic> diagnostics)
    {
        var offered = new List<(Diagnostic, CodeAction)>();
        foreach (var diagnostic in diagnostics.Where(d => d.Location.IsInSource))
        {
            var document = project.GetDocument(diagnostic.Location.SourceTree);
            if (document is null)
            {
                continue;
            }

            foreach (var provider in AnalyzerDiscovery.CodeFixes.Where(p => p.FixableDiagnosticIds.Contains(diagnostic.Id)))
            {
                await provider.RegisterCodeFixesAsync(new CodeFixContext(document, diagnostic, (action, _) => offered.Add((diagnostic, action)), CancellationToken.None));
            }
        }

        return offered;
    }
}
