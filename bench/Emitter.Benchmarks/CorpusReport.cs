using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using K6Scenarios.Emitter;
using K6Scenarios.Model;

namespace K6Scenarios.Benchmarks.Emitter;

/// <summary>
/// <c>check</c>: emits the seeds and the corpus once (with validation) and prints what the corpus covers, so a
/// reader can see that the benchmark measures varied, valid scripts and not an error path.
/// </summary>
internal static class CorpusReport
{
    public static int Print(int size)
    {
        var seeds = BenchData.SeedLoadTests();
        var seedScripts = BenchData.EnsureAllEmit(seeds, new EmitterOptions { BaseDirectory = BenchData.SeedBaseDirectory() });
        Console.WriteLine(Invariant($"seeds: {seeds.Count} load tests emitted and validated; script lines {Describe(seedScripts.Select(Lines))}"));

        var corpus = LoadTestCorpus.Generate(size);
        var options = new EmitterOptions { BaseDirectory = BenchData.PrepareCorpusData() };
        var scripts = BenchData.EnsureAllEmit(corpus, options);
        Console.WriteLine(Invariant($"corpus: {corpus.Count} load tests emitted and validated; script lines {Describe(scripts.Select(Lines))}"));

        var scenarios = corpus.SelectMany(t => t.Scenarios).ToArray();
        var requests = corpus.SelectMany(t => t.AllSteps()).OfType<HttpRequestStep>().ToArray();
        Print("executors", scenarios.Select(s => s.Executor.GetType().Name.Replace("Executor", string.Empty, StringComparison.Ordinal)));
        Print("pools", corpus.Select(t => t.Scenarios.Select(s => s.Users?.Pool.Source.ToString()).FirstOrDefault() ?? "none"));
        Print("pool selections", scenarios.Where(s => s.Users is not null).Select(s => s.Users!.Selection.ToString()));
        Print("requests per scenario", scenarios.Select(s => StepWalker.Walk(s.Flow).OfType<HttpRequestStep>().Count().ToString(CultureInfo.InvariantCulture)));
        Print("methods", requests.Select(r => r.Method.ToString()));
        Print("checks", requests.SelectMany(r => r.Checks).Select(c => c.GetType().Name));
        Print("captures", requests.SelectMany(r => r.Captures).Select(c => c.Source.GetType().Name));
        Print("thresholds per test", corpus.Select(t => t.Thresholds.Count.ToString(CultureInfo.InvariantCulture)));

        // Warnings are allowed (the script is still written); the emitter's own verdict is what counts.
        var warnings = corpus.SelectMany(t => new K6ScriptEmitter(options with { DryRun = false }).Emit(t).Diagnostics).Select(d => d.Id);
        Print("diagnostics (warnings and infos)", warnings);
        return 0;
    }

    private static int Lines(EmittedLoadTest script) => script.Script.Count(c => c == '\n');

    private static string Describe(IEnumerable<int> values)
    {
        var sorted = values.OrderBy(v => v).ToArray();
        return Invariant($"min {sorted[0]}, median {sorted[sorted.Length / 2]}, max {sorted[^1]}");
    }

    private static void Print(string title, IEnumerable<string> values)
    {
        var counts = values.GroupBy(v => v, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => Invariant($"{g.Key} {g.Count()}"));
        Console.WriteLine(title + ": " + string.Join(", ", counts));
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
