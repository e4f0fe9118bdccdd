using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Text;

namespace K6Scenarios.Analyzers.Tests.Verification;

/// <summary>Applies a code fix (one diagnostic, or Fix All in the document) in an <see cref="AdhocWorkspace"/> and returns the new text.</summary>
internal static class CodeFixTest
{
    /// <summary>Gets the titles and equivalence keys of the fixes offered for the first diagnostic with an ID.</summary>
    public static async Task<IReadOnlyList<(string Title, string? Key)>> OfferedFixesAsync(AnalyzerTest test, CodeFixProvider provider, string diagnosticId)
    {
        var (document, diagnostics) = await PrepareAsync(test, diagnosticId);
        var actions = await CollectActionsAsync(document, provider, diagnostics.First());
        return actions.Select(a => (a.Title, a.EquivalenceKey)).ToList();
    }

    /// <summary>Applies the fix with <paramref name="equivalenceKey"/> to the first diagnostic with an ID.</summary>
    public static async Task<string> ApplyAsync(AnalyzerTest test, CodeFixProvider provider, string diagnosticId, string equivalenceKey)
    {
        var (document, diagnostics) = await PrepareAsync(test, diagnosticId);
        var actions = await CollectActionsAsync(document, provider, diagnostics.First());
        var action = actions.Single(a => a.EquivalenceKey == equivalenceKey);
        return await ApplyAsync(document, action);
    }

    /// <summary>Applies Fix All in the document for an equivalence key.</summary>
    public static async Task<string> FixAllAsync(AnalyzerTest test, CodeFixProvider provider, string diagnosticId, string equivalenceKey)
    {
        var (document, diagnostics) = await PrepareAsync(test, diagnosticId);
        var fixAll = provider.GetFixAllProvider();
        Assert.NotNull(fixAll);
        var context = new FixAllContext(
            document,
            provider,
            FixAllScope.Document,
            equivalenceKey,
            [diagnosticId],
            new FixedDiagnosticProvider(diagnostics),
            CancellationToken.None);
        var action = await fixAll!.GetFixAsync(context);
        Assert.NotNull(action);
        return await ApplyAsync(document, action!);
    }

    private static async Task<(Document Document, ImmutableArray<Diagnostic> Diagnostics)> PrepareAsync(AnalyzerTest test, string diagnosticId)
    {
        var workspace = new AdhocWorkspace();
        var projectId = ProjectId.CreateNewId();
        var documentId = DocumentId.CreateNewId(projectId);
        var solution = workspace.CurrentSolution
            .AddProject(ProjectInfo.Create(projectId, VersionStamp.Default, "LoadTests", "LoadTests", LanguageNames.CSharp,
                compilationOptions: AnalyzerTest.CompilationOptions, parseOptions: AnalyzerTest.ParseOptions, metadataReferences: AnalyzerTest.References))
            .AddDocument(documentId, "LoadTests.cs", SourceText.From(test.Source), filePath: AnalyzerTest.SourcePath);
        var document = solution.GetDocument(documentId)!;
        var compilation = (await document.Project.GetCompilationAsync())!;
        var diagnostics = (await AnalyzerTest.AnalyzeAsync(compilation, test.BuildAnalyzerOptions(), CancellationToken.None))
            .Where(d => d.Id == diagnosticId)
            .OrderBy(d => d.Location.SourceSpan.Start)
            .ToImmutableArray();
        Assert.NotEmpty(diagnostics);
        return (document, diagnostics);
    }

    private static async Task<List<CodeAction>> CollectActionsAsync(Document document, CodeFixProvider provider, Diagnostic diagnostic)
    {
        var actions = new List<CodeAction>();
        var context = new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None);
        await provider.RegisterCodeFixesAsync(context);
        return actions;
    }

    private static async Task<string> ApplyAsync(Document document, CodeAction action)
    {
        var solution = document.Project.Solution;
        foreach (var operation in await action.GetOperationsAsync(CancellationToken.None))
        {
            if (operation is ApplyChangesOperation apply)
            {
                solution = apply.ChangedSolution;
            }
        }

        var text = await solution.GetDocument(document.Id)!.GetTextAsync();
        return text.ToString();
    }

    private sealed class FixedDiagnosticProvider(ImmutableArray<Diagnostic> diagnostics) : FixAllContext.DiagnosticProvider
    {
        public override Task<IEnumerable<Diagnostic>> GetAllDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
            Task.FromResult<IEnumerable<Diagnostic>>(diagnostics);

        public override Task<IEnumerable<Diagnostic>> GetDocumentDiagnosticsAsync(Document document, CancellationToken cancellationToken) =>
            Task.FromResult<IEnumerable<Diagnostic>>(diagnostics);

        public override Task<IEnumerable<Diagnostic>> GetProjectDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
            Task.FromResult<IEnumerable<Diagnostic>>([]);
    }
}
