using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading.Tasks;
using K6Scenarios.Analyzers.Tests.Verification;
using Microsoft.CodeAnalysis;

namespace K6Scenarios.Analyzers.Tests;

/// <summary>
/// A file of many load tests is read with look-ups cached per file and type declaration: what it reports must be exactly
/// what the same load tests report one per file, so nothing one chain reads leaks into another's findings.
/// </summary>
public sealed class ManyLoadTestsInOneFileTests
{
    private const int LoadTests = 24;

    [Fact]
    public async Task Every_load_test_of_a_large_file_reports_what_it_reports_alone_once_each()
    {
        var together = await FindingsAsync(Enumerable.Range(0, LoadTests).Select(LoadTest));
        var alone = new List<string>();
        for (var i = 0; i < LoadTests; i++)
        {
            alone.AddRange(await FindingsAsync([LoadTest(i)]));
        }

        // Three planted mistakes per load test, each naming the load test's own values.
        Assert.Equal(3 * LoadTests, alone.Count);
        Assert.Equal(alone.Order(System.StringComparer.Ordinal), together.Order(System.StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_large_file_reports_the_same_on_every_analysis()
    {
        var first = await FindingsAsync(Enumerable.Range(0, LoadTests).Select(LoadTest));

        for (var run = 0; run < 5; run++)
        {
            Assert.Equal(first, await FindingsAsync(Enumerable.Range(0, LoadTests).Select(LoadTest)));
        }
    }

    // A load test with an invalid scenario name (K6S0101), a negative VU count (K6S0104) and a threshold on a scenario
    // nothing runs (K6S0205), each message naming this load test's own values.
    private static string LoadTest(int i) => string.Create(CultureInfo.InvariantCulture, $$"""
            public static LoadTest Test{{i}}() => LoadTest.Create("test-{{i}}")
                .Scenario("bad name {{i}}", s => s
                    .ConstantVus(-{{i + 1}}, TimeSpan.FromSeconds(30))
                    .Flow(f => f.Get("/items/{{i}}").ThinkTime(TimeSpan.FromSeconds(1))))
                .Threshold(K6Metrics.HttpReqDuration.ForScenario("missing{{i}}").P(95) < 500);

        """);

    // Each finding as its rule, its message and its line counted from the start of its load test's method.
    private static async Task<List<string>> FindingsAsync(IEnumerable<string> loadTests)
    {
        var source = Code.Wrap(string.Concat(loadTests));
        var project = AnalyzerRunner.CreateProject(source);
        Assert.Empty(await AnalyzerRunner.CompilerErrorsAsync(project));
        var diagnostics = await AnalyzerRunner.AnalyzeAsync(project);
        var lines = source.Split('\n');
        return diagnostics.Where(d => d.Id.StartsWith("K6S", System.StringComparison.Ordinal)).Select(d => Describe(d, lines)).ToList();
    }

    private static string Describe(Diagnostic diagnostic, string[] lines)
    {
        var line = diagnostic.Location.GetLineSpan().StartLinePosition.Line;
        var start = line;
        while (start > 0 && !lines[start].Contains("public static LoadTest Test", System.StringComparison.Ordinal))
        {
            start--;
        }

        return string.Create(CultureInfo.InvariantCulture, $"{diagnostic.Id} +{line - start}: {diagnostic.GetMessage(CultureInfo.InvariantCulture)}");
    }
}
