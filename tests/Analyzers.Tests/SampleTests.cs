using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using K6Scenarios.Analyzers.Tests.Verification;
using K6Scenarios.CodeFixes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace K6Scenarios.Analyzers.Tests;

public sealed partial class SampleTests
{
    private static readonly string SampleApi = File.ReadAllText(Repository.PathOf("samples", "openapi", "sample-api.yaml"));

    public static TheoryData<string> SampleFiles() => new(
        Directory.EnumerateFiles(Repository.PathOf("samples"), "*.cs", SearchOption.AllDirectories)
            .Where(p => !IsBuildOutput(p))
            .Select(p => Path.GetRelativePath(Repository.Root, p).Replace('\\', '/'))
            .OrderBy(p => p, StringComparer.Ordinal));

    [Fact]
    public async Task Mistakes_sample_reports_exactly_the_expected_rules_on_the_expected_lines()
    {
        // Expectations are the "// expect: K6S0502, ..." comments of the sample, mirroring its csproj (K6BaseUrl="API_URL").
        var files = Directory.EnumerateFiles(Repository.PathOf("samples", "Mistakes"), "*.cs", SearchOption.AllDirectories).Where(p => !IsBuildOutput(p)).ToList();
        var expected = new List<string>();
        var trees = new List<SyntaxTree>();
        foreach (var file in files)
        {
            var text = File.ReadAllText(file);
            trees.Add(CSharpSyntaxTree.ParseText(text, AnalyzerTest.ParseOptions, file));
            var lines = text.Split('\n');
            for (var i = 0; i < lines.Length; i++)
            {
                var match = ExpectComment().Match(lines[i]);
                if (match.Success)
                {
                    expected.AddRange(match.Groups[1].Value.Split(',').Select(id => Path.GetFileName(file) + ":" + (i + 1) + " " + id.Trim()));
                }
            }
        }

        var compilation = CSharpCompilation.Create("Mistakes", trees, AnalyzerTest.References, AnalyzerTest.CompilationOptions);
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        var options = AnalyzerTest.For("")
            .WithAdditionalFile("/samples/openapi/sample-api.yaml", SampleApi, new Dictionary<string, string>
            {
                ["build_metadata.AdditionalFiles.K6OpenApi"] = "true",
                ["build_metadata.AdditionalFiles.K6BaseUrl"] = "API_URL",
            })
            .BuildAnalyzerOptions();

        var diagnostics = await AnalyzerTest.AnalyzeAsync(compilation, options, CancellationToken.None);

        var actual = diagnostics
            .Select(d => Path.GetFileName(d.Location.GetLineSpan().Path) + ":" + (d.Location.GetLineSpan().StartLinePosition.Line + 1) + " " + d.Id)
            .OrderBy(s => s, StringComparer.Ordinal);
        Assert.NotEmpty(expected);
        Assert.Equal(expected.OrderBy(s => s, StringComparer.Ordinal), actual);
    }

    [Theory]
    [MemberData(nameof(SampleFiles))]
    public async Task Analyzers_and_fixes_survive_every_sample_and_its_broken_versions(string relativePath)
    {
        var text = File.ReadAllText(Repository.PathOf(relativePath.Split('/')));
        foreach (var version in BrokenVersions(text).Prepend(text))
        {
            // AnalyzeAsync fails on any analyzer exception, AD0001 or K6S0990.
            var diagnostics = await AnalyzeAsync(version);
            await ApplyEveryFixAsync(version, diagnostics);
        }
    }

    /// <summary>Prefixes cut at a dozen places, and versions with every third line removed.</summary>
    private static IEnumerable<string> BrokenVersions(string text)
    {
        const int Cuts = 12;
        for (var i = 1; i < Cuts; i++)
        {
            yield return text.Substring(0, text.Length * i / Cuts);
        }

        var lines = text.Split('\n');
        for (var offset = 0; offset < 3; offset++)
        {
            yield return string.Join('\n', lines.Where((_, index) => index % 3 != offset));
        }
    }

    private static async Task<ImmutableArray<Diagnostic>> AnalyzeAsync(string source)
    {
        var tree = CSharpSyntaxTree.ParseText(source, AnalyzerTest.ParseOptions, AnalyzerTest.SourcePath);
        var compilation = CSharpCompilation.Create("Sample", [tree], AnalyzerTest.References, AnalyzerTest.CompilationOptions);
        return await AnalyzerTest.AnalyzeAsync(compilation, AnalyzerTest.For("").WithOpenApi(SampleApi).BuildAnalyzerOptions(), CancellationToken.None);
    }

    private static async Task ApplyEveryFixAsync(string source, ImmutableArray<Diagnostic> diagnostics)
    {
        CodeFixProvider[] providers = [new UseDocumentedStatusCodeFix(), new AddBearerTokenCodeFix()];
        var workspace = new AdhocWorkspace();
        var projectId = ProjectId.CreateNewId();
        var documentId = DocumentId.CreateNewId(projectId);
        var solution = workspace.CurrentSolution
            .AddProject(ProjectInfo.Create(projectId, VersionStamp.Default, "Sample", "Sample", LanguageNames.CSharp,
                compilationOptions: AnalyzerTest.CompilationOptions, parseOptions: AnalyzerTest.ParseOptions, metadataReferences: AnalyzerTest.References))
            .AddDocument(documentId, "Sample.cs", SourceText.From(source), filePath: AnalyzerTest.SourcePath);
        var document = solution.GetDocument(documentId)!;
        foreach (var diagnostic in diagnostics.Where(d => d.Location.IsInSource))
        {
            foreach (var provider in providers.Where(p => p.FixableDiagnosticIds.Contains(diagnostic.Id)))
            {
                var actions = new List<CodeAction>();
                await provider.RegisterCodeFixesAsync(new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None));
                foreach (var action in actions)
                {
                    Assert.NotEmpty(await action.GetOperationsAsync(CancellationToken.None));
                }
            }
        }
    }

    private static bool IsBuildOutput(string path)
    {
        var normalized = path.Replace('\\', '/');
        return normalized.Contains("/obj/", StringComparison.Ordinal) || normalized.Contains("/bin/", StringComparison.Ordinal);
    }

    [GeneratedRegex(@"// expect: (K6S\d{4}(?:, *K6S\d{4})*)")]
    private static partial Regex ExpectComment();
}
