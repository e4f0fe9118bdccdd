using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using K6Scenarios.Benchmarks.Emitter;
using K6Scenarios.Emitter;
using K6Scenarios.Emitter.OpenApi;
using K6Scenarios.Model;
using K6Scenarios.RealK6.Tests.Support;
using K6Scenarios.Samples.Mistakes;
using K6Scenarios.Samples.Seeds.LoadTests;
using K6Scenarios.Testing.RealK6;

namespace K6Scenarios.RealK6.Tests.Conformance;

/// <summary>
/// The conformance tier: every script the suite emits (snapshots, samples, the README's example, a seeded sample of
/// the benchmark corpus) passes <c>k6 inspect --execution-requirements</c> without a warning and a paused <c>k6 run</c>
/// without a configuration error, given the environment its header lists.
/// </summary>
public sealed class ConformanceTests
{
    /// <summary>How many of the 1,000 corpus definitions the tier judges.</summary>
    public const int CorpusSample = 300;

    [RealK6Fact]
    public async Task Snapshots_samples_and_the_readme_example_are_accepted_by_k6()
    {
        var root = CompiledLoadTests.RepositoryRoot();
        var scripts = new List<EmittedLoadTest>();

        // The seeds, emitted as their snapshot tests emit them (with the sample API document).
        var sampleApi = Path.Combine(AppContext.BaseDirectory, "openapi", "sample-api.yaml");
        var seedOptions = new EmitterOptions
        {
            BaseDirectory = AppContext.BaseDirectory,
            OpenApiDocuments = [OpenApiSource.Load(sampleApi, "EVOSPIN_API_URL"), OpenApiSource.Load(sampleApi, "VINEYARD_API_URL")],
        };
        scripts.AddRange(new[] { Evospin.SignInStorm(), Evospin.SteppedRamp(), Evospin.Smoke(), EasyMo.Services(), Vineyard.UserMix(), Velure.ProgressiveRamp() }
            .Select(t => new K6ScriptEmitter(seedOptions).Emit(t).EnsureSucceeded()));

        // The README's example and the consumer sample, compiled from their text as a user's project compiles them.
        var readme = CompiledLoadTests.LoadTestBlocks(File.ReadAllText(Path.Combine(root, "README.md"))).Select((code, i) => ("README-" + i + ".cs", code)).ToArray();
        Assert.NotEmpty(readme);
        var consumer = Directory.GetFiles(Path.Combine(root, "samples", "Consumer"), "*LoadTests.cs").Select(p => (p, File.ReadAllText(p))).ToArray();
        Assert.NotEmpty(consumer);
        var plain = new K6ScriptEmitter(new EmitterOptions { BaseDirectory = AppContext.BaseDirectory });
        scripts.AddRange(CompiledLoadTests.Compile("Readme", readme).Select(t => plain.Emit(t).EnsureSucceeded()));
        scripts.AddRange(CompiledLoadTests.Compile("Consumer", consumer).Select(t => plain.Emit(t).EnsureSucceeded()));

        // The mistakes sample: the ones whose mistakes are warnings still get a script, which must run.
        var mistakes = new[] { SeedMistakes.SignInStorm(), SeedMistakes.SteppedRamp(), SeedMistakes.Groups() }.Select(t => plain.Emit(t)).ToList();
        Assert.Contains(mistakes, m => !m.Succeeded);
        scripts.AddRange(mistakes.Where(m => m.Succeeded).Select(m => m.Output!));

        // Every snapshot in the repository is one of these scripts, byte for byte: so every snapshot is judged.
        var emittedTexts = scripts.Select(s => s.Script).ToHashSet(StringComparer.Ordinal);
        var snapshots = Directory.EnumerateFiles(root, "*.verified.js", SearchOption.AllDirectories)
            .Where(p => !p.Contains(Path.DirectorySeparatorChar + "bin" + Path.DirectorySeparatorChar, StringComparison.Ordinal) && !p.Contains(Path.DirectorySeparatorChar + "obj" + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            .ToList();
        Assert.NotEmpty(snapshots);
        var unmatched = snapshots.Where(p => !emittedTexts.Contains(File.ReadAllText(p))).ToList();
        foreach (var snapshot in unmatched)
        {
            // A snapshot of a test project this tier does not compile: judged as it stands (it must open no data file).
            scripts.Add(new EmittedLoadTest("snapshot-" + Path.GetFileNameWithoutExtension(snapshot), File.ReadAllText(snapshot), []));
        }

        var problems = await ConformanceJudge.JudgeAsync(Unique(scripts));
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [RealK6Fact]
    public async Task A_seeded_sample_of_the_benchmark_corpus_is_accepted_by_k6()
    {
        using var data = new K6Workspace();
        LoadTestCorpus.WriteDataFiles(data.Folder);
        var emitter = new K6ScriptEmitter(new EmitterOptions { BaseDirectory = data.Folder });
        var corpus = LoadTestCorpus.Generate(LoadTestCorpus.DefaultSize);
        var sample = Sample(corpus.Count, CorpusSample).Select(i => emitter.Emit(corpus[i]).EnsureSucceeded()).ToList();
        Assert.Equal(CorpusSample, sample.Count);

        var problems = await ConformanceJudge.JudgeAsync(sample);
        Assert.True(problems.Count == 0, problems.Count + " problems:" + Environment.NewLine + string.Join(Environment.NewLine, problems.Take(40)));
    }

    // A fixed, seeded sample: the same definitions on every run, spread over the whole corpus (every executor kind, pool kind).
    private static IEnumerable<int> Sample(int size, int count)
    {
        var random = new Random(20261202);
        return Enumerable.Range(0, size).OrderBy(_ => random.Next()).Take(count).OrderBy(i => i);
    }

    private static List<EmittedLoadTest> Unique(IEnumerable<EmittedLoadTest> scripts) =>
        scripts.GroupBy(s => s.Script, StringComparer.Ordinal).Select(g => g.First()).ToList();
}
