using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using K6Scenarios.Analyzers.Tests.Verification;
using Microsoft.CodeAnalysis;

namespace K6Scenarios.Analyzers.Tests;

/// <summary>The README's C# example compiles as it stands and is clean of every analyzer rule.</summary>
public sealed partial class ReadmeTests
{
    [Fact]
    public async Task The_readme_load_test_example_compiles_without_diagnostics()
    {
        var readme = File.ReadAllText(Repository.PathOf("README.md"));
        var examples = CSharpBlock().Matches(readme).Select(m => m.Groups[1].Value).Where(code => code.Contains("[LoadTest]", StringComparison.Ordinal)).ToArray();
        Assert.NotEmpty(examples);
        foreach (var example in examples)
        {
            var project = AnalyzerRunner.CreateProject([(TestCompilation.ProjectFolder + "README.cs", example)]);
            var compilation = (await project.GetCompilationAsync())!;
            // CS1701/CS1702 (assembly version unification) are silenced by the SDK in real builds.
            Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning && d.Id is not ("CS1701" or "CS1702")).Select(d => d.ToString()));
            var analyzerDiagnostics = await AnalyzerRunner.AnalyzeAsync(project);
            Assert.Empty(analyzerDiagnostics.Select(d => d.ToString()));
        }
    }

    [Fact]
    public void The_readme_rules_table_matches_the_rules_docs()
    {
        static string[] Rows(string markdown, string linkPrefix) => markdown.Split('\n')
            .Where(l => l.StartsWith("| [K6S", StringComparison.Ordinal))
            .Select(l => l.Replace("](" + linkPrefix, "](", StringComparison.Ordinal).TrimEnd())
            .ToArray();

        var docs = Rows(File.ReadAllText(Repository.PathOf("docs", "rules", "README.md")), string.Empty);
        var readme = Rows(File.ReadAllText(Repository.PathOf("README.md")), "docs/rules/");
        Assert.NotEmpty(docs);
        Assert.Equal(docs, readme);
    }

    [GeneratedRegex("```csharp\\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex CSharpBlock();
}
