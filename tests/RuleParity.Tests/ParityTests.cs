using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using K6Scenarios.Benchmarks.Analyzers;

namespace K6Scenarios.RuleParity.Tests;

/// <summary>
/// One rule engine, two hosts: for every element whose values are constants, the analyzers (while typing) and model
/// validation (at emit time) report the same rule IDs with the same message arguments.
/// </summary>
public sealed partial class ParityTests
{
    private static readonly string Root = FindRoot();

    [Fact]
    public async Task Seed_samples_get_the_same_findings_from_both_adapters()
    {
        var (analyzer, model, count) = await ParityHarness.RunAsync(Sources("samples", "Seeds", "LoadTests"), [SampleApi("EVOSPIN_API_URL;VINEYARD_API_URL")]);
        Assert.True(count >= 6, "the seed samples define " + count + " load tests");
        ParityHarness.AssertSame(analyzer, model);
    }

    [Fact]
    public async Task Mistakes_sample_gets_the_same_findings_from_both_adapters()
    {
        var (analyzer, model, count) = await ParityHarness.RunAsync(Sources("samples", "Mistakes"), [SampleApi("API_URL")]);
        Assert.True(count > 0);

        // The planted mistakes are found by both, so the comparison is not of two empty lists.
        Assert.Contains(model, f => f.Id == "K6S0502");
        Assert.Contains(model, f => f.Id == "K6S0505");
        ParityHarness.AssertSame(analyzer, model);
    }

    [Fact]
    public async Task Consumer_sample_gets_the_same_findings_from_both_adapters()
    {
        var api = new ParityDocument("/samples/Consumer/openapi.yaml", File.ReadAllText(Path.Combine(Root, "samples", "Consumer", "openapi.yaml")), null);
        // The snapshot test beside it needs xunit and the emitter; the load tests are what both adapters read.
        var sources = Sources("samples", "Consumer").Where(s => !s.Path.EndsWith("EmittedScriptTests.cs", StringComparison.Ordinal)).ToList();

        // The project has ImplicitUsings on: the usings the SDK generates for it.
        sources.Add(("/samples/Consumer/obj/GlobalUsings.g.cs", "global using System;\nglobal using System.Collections.Generic;\nglobal using System.IO;\nglobal using System.Linq;\nglobal using System.Net.Http;\nglobal using System.Threading;\nglobal using System.Threading.Tasks;\n"));
        var (analyzer, model, count) = await ParityHarness.RunAsync(sources, [api]);
        Assert.True(count > 0);
        ParityHarness.AssertSame(analyzer, model);
    }

    [Fact]
    public async Task Readme_example_gets_the_same_findings_from_both_adapters()
    {
        var readme = File.ReadAllText(Path.Combine(Root, "README.md"));
        var examples = CSharpBlock().Matches(readme).Select(m => m.Groups[1].Value).Where(code => code.Contains("[LoadTest]", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(examples);
        var sources = examples.Select((code, i) => ("/readme/Example" + i + ".cs", code)).ToList();
        var (analyzer, model, count) = await ParityHarness.RunAsync(sources, []);
        Assert.Equal(examples.Count, count);
        ParityHarness.AssertSame(analyzer, model);
    }

    [Fact]
    public async Task Benchmark_corpus_of_a_thousand_definitions_gets_the_same_findings_from_both_adapters()
    {
        var folder = Path.Combine(Path.GetTempPath(), "k6scenarios-parity-" + Guid.NewGuid().ToString("N"));
        try
        {
            var files = ProjectGenerator.Write(folder, Root, loadTests: 1000, operations: 200);
            var sources = files.Select(f => (f, File.ReadAllText(f))).ToList();
            var api = new ParityDocument(Path.Combine(folder, ProjectGenerator.OpenApiFileName), File.ReadAllText(Path.Combine(folder, ProjectGenerator.OpenApiFileName)), null);
            var (analyzer, model, count) = await ParityHarness.RunAsync(sources, [api]);
            Assert.Equal(1000, count);
            ParityHarness.AssertSame(analyzer, model);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>
    /// Mistakes planted in the benchmark corpus, one per definition in turn (the text replaced, its replacement, and the
    /// rule that must then report), so that the corpus comparison is of findings and not of two empty lists.
    /// </summary>
    private static readonly (string Find, string Replace, string Id)[] PlantedMistakes =
    [
        (".ExpectStatus(201)", ".ExpectStatus(200)", "K6S0502"),
        ("\"/auth/signin\"", "\"/auth/sigin\"", "K6S0503"),
        (".ForScenario(\"", ".ForScenario(\"x-", "K6S0205"),
        (".P(95)", ".P(100.5)", "K6S0203"),
        ("TimeSpan.FromSeconds(1))))", "TimeSpan.Zero)))", "K6S0601"),
        ("new { name = \"renamed\", quantity = 1 }", "new { nmae = \"renamed\", quantity = 1 }", "K6S0505"),
        (".PathParameter(\"id\", ", ".PathParameter(\"ident\", ", "K6S0413"),
    ];

    [Fact]
    public async Task Corpus_with_planted_mistakes_gets_the_same_findings_from_both_adapters()
    {
        var folder = Path.Combine(Path.GetTempPath(), "k6scenarios-parity-" + Guid.NewGuid().ToString("N"));
        try
        {
            var files = ProjectGenerator.Write(folder, Root, loadTests: 350, operations: 200);
            var planted = new HashSet<string>(StringComparer.Ordinal);
            var next = 0;
            var sources = files.Select(f => (f, Plant(File.ReadAllText(f), ref next, planted))).ToList();
            var api = new ParityDocument(Path.Combine(folder, ProjectGenerator.OpenApiFileName), File.ReadAllText(Path.Combine(folder, ProjectGenerator.OpenApiFileName)), null);

            var (analyzer, model, count) = await ParityHarness.RunAsync(sources, [api]);

            Assert.Equal(350, count);
            Assert.Equal(PlantedMistakes.Select(m => m.Id).ToHashSet(StringComparer.Ordinal), planted);
            var missing = planted.Where(id => !model.Any(f => f.Id == id)).ToList();
            Assert.True(missing.Count == 0, "planted but not reported: " + string.Join(", ", missing) + "\n" + string.Join("\n", model.Select(f => f.ToString()).Distinct().Take(40)));
            ParityHarness.AssertSame(analyzer, model);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    // Plants the next mistake in each definition of a generated file whose text has the place for it.
    private static string Plant(string source, ref int next, HashSet<string> planted)
    {
        var parts = source.Split("    [LoadTest]");
        for (var i = 1; i < parts.Length; i++)
        {
            for (var attempt = 0; attempt < PlantedMistakes.Length; attempt++)
            {
                var (find, replace, id) = PlantedMistakes[(next + attempt) % PlantedMistakes.Length];
                var at = parts[i].IndexOf(find, StringComparison.Ordinal);
                if (at >= 0)
                {
                    parts[i] = parts[i][..at] + replace + parts[i][(at + find.Length)..];
                    planted.Add(id);
                    next += attempt + 1;
                    break;
                }
            }
        }

        return string.Join("    [LoadTest]", parts);
    }

    private static ParityDocument SampleApi(string baseUrls) =>
        new("/samples/openapi/sample-api.yaml", File.ReadAllText(Path.Combine(Root, "samples", "openapi", "sample-api.yaml")), baseUrls);

    private static List<(string Path, string Text)> Sources(params string[] folder) =>
        Directory.EnumerateFiles(Path.Combine([Root, .. folder]), "*.cs", SearchOption.AllDirectories)
            .Where(p => !p.Contains(Path.DirectorySeparatorChar + "obj" + Path.DirectorySeparatorChar, StringComparison.Ordinal)
                && !p.Contains(Path.DirectorySeparatorChar + "bin" + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            .OrderBy(p => p, StringComparer.Ordinal)
            .Select(p => (p, File.ReadAllText(p)))
            .ToList();

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Scenarios.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Scenarios.sln not found above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex("```csharp\\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex CSharpBlock();
}
