using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using K6Scenarios.Analyzers.Tests.Verification;

namespace K6Scenarios.Analyzers.Tests;

public sealed partial class SampleTests
{
    [Fact]
    public async Task Mistakes_sample_reports_exactly_the_expected_rules_on_the_expected_lines()
    {
        // Expectations are the "// expect: K6S0502, ..." comments of the sample, mirroring its csproj (K6BaseUrl="API_URL").
        var files = Samples.SourceFiles.Where(p => p.StartsWith("samples/Mistakes/", StringComparison.Ordinal)).ToList();
        var expected = new List<string>();
        var sources = new List<(string Path, string Text)>();
        foreach (var file in files)
        {
            var text = Samples.Read(file);
            sources.Add((Repository.PathOf(file.Split('/')), text));
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

        var project = AnalyzerRunner.CreateProject(
            sources,
            [new TestAdditionalFile("/samples/openapi/sample-api.yaml", Samples.ApiYaml, new Dictionary<string, string>
            {
                [TestCompilation.OpenApiMetadata] = "true",
                [TestCompilation.BaseUrlMetadata] = "API_URL",
            })]);
        Assert.Empty(await AnalyzerRunner.CompilerErrorsAsync(project));

        var diagnostics = await AnalyzerRunner.AnalyzeAsync(project);

        var actual = diagnostics
            .Select(d => Path.GetFileName(d.Location.GetLineSpan().Path) + ":" + (d.Location.GetLineSpan().StartLinePosition.Line + 1) + " " + d.Id)
            .OrderBy(s => s, StringComparer.Ordinal);
        Assert.NotEmpty(expected);
        Assert.Equal(expected.OrderBy(s => s, StringComparer.Ordinal), actual);
    }

    [GeneratedRegex(@"// expect: (K6S\d{4}(?:, *K6S\d{4})*)")]
    private static partial Regex ExpectComment();
}
