using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using K6Scenarios.Benchmarks.Emitter;
using K6Scenarios.Emitter;
using K6Scenarios.Emitter.Emission;
using K6Scenarios.Model;

namespace K6Scenarios.RealK6.Tests.Differential;

/// <summary>
/// Mutated models: a valid load test with its executor parameters, durations, stages, start times, scenario and
/// metric names, percentiles and threshold values drawn from a seeded generator. Our verdict is the whole pipeline's
/// before writing (model validation and the dry run); the script k6 judges is the one the generator writes, also
/// when model validation refuses the model, so that every refusal is compared with k6.
/// </summary>
internal static class ModelCases
{
    private static readonly TimeSpan[] Durations =
    [
        TimeSpan.Zero, TimeSpan.FromMilliseconds(1), TimeSpan.FromMilliseconds(500), TimeSpan.FromMilliseconds(999), TimeSpan.FromSeconds(1),
        TimeSpan.FromMilliseconds(1500), TimeSpan.FromSeconds(61), TimeSpan.FromMinutes(90), TimeSpan.FromDays(1.5), TimeSpan.FromSeconds(-1),
        TimeSpan.FromTicks(1), TimeSpan.FromMilliseconds(0.5),
    ];

    private static readonly int[] Counts = [-1, 0, 1, 2, 3, 10, 1000];

    private static readonly string[] Names = ["main", "a", "A-b_9", "with space", "dot.name", "ünï", "", "0start", "comma,name", "x".PadRight(129, 'x')];

    private static readonly string[] MetricNames = ["diff_custom", "ab", "a", "1x", "bad-name", "ünï", new string('m', 128), new string('m', 129), "http_reqs", "checks", "_x"];

    private static readonly double[] Percentiles = [-1, 0, 50, 95, 99.9, 99.99, 100, 100.5, double.NaN];

    private static readonly double[] Values = [0, 1, -1, 0.5, 1e9, double.NaN, double.PositiveInfinity, 1e-7];

    /// <summary>Generates <paramref name="count"/> cases from <paramref name="seed"/>.</summary>
    /// <param name="seed">The generator's seed.</param>
    /// <param name="count">How many.</param>
    /// <returns>The cases; models the generator cannot write at all are left out.</returns>
    public static IReadOnlyList<DifferentialCase> Generate(ulong seed, int count)
    {
        var random = new DeterministicRandom(seed);
        var emitter = new K6ScriptEmitter(new EmitterOptions { BaseDirectory = AppContext.BaseDirectory });
        var cases = new List<DifferentialCase>(count);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; cases.Count < count && i < count * 20; i++)
        {
            var (category, description, model) = Mutate(random, i);
            var result = emitter.Emit(model, "Diff");
            string script;
            if (result.Succeeded)
            {
                script = result.Output!.Script;
            }
            else
            {
                try
                {
                    (script, _) = new ScriptGenerator(model, "Diff", new Dictionary<string, string>()).Generate();
                }
                catch (Exception e) when (e is EmissionException or ArgumentException or InvalidOperationException)
                {
                    continue;
                }
            }

            if (!seen.Add(script))
            {
                continue;
            }

            var problems = result.Diagnostics.Where(d => d.IsError).Select(d => d.Rule.Id + ": " + d.Message).ToList();
            cases.Add(new DifferentialCase("model-" + category + "-" + cases.Count.ToString("D4", CultureInfo.InvariantCulture), "model-" + category, description, script, K6Judge.PausedRun, problems));
        }

        return cases;
    }

    private static (string Category, string Description, LoadTest Model) Mutate(DeterministicRandom random, int index)
    {
        var baseline = Baseline();
        var scenario = baseline.Scenarios[0];
        switch (index % 5)
        {
            case 0:
            case 1:
                var executor = RandomExecutor(random);
                return ("executor", executor.ToString(), baseline with { Scenarios = [scenario with { Executor = executor }] });
            case 2:
                var start = random.Chance(1, 2) ? random.Pick(Durations) : (TimeSpan?)null;
                var stop = random.Chance(1, 2) ? random.Pick(Durations) : (TimeSpan?)null;
                return ("timing", "startTime " + start + ", gracefulStop " + stop, baseline with { Scenarios = [scenario with { StartTime = start, GracefulStop = stop }] });
            case 3:
                var name = random.Pick(Names);
                return ("scenario-name", "scenario '" + name + "'", baseline with
                {
                    Scenarios = [scenario with { Name = name }],
                    Thresholds = [new Threshold(K6Metrics.HttpReqDuration.ForScenario(name).P(95) < 500)],
                });
            default:
                var metricName = random.Pick(MetricNames);
                var percentile = random.Pick(Percentiles);
                var value = random.Pick(Values);
                var kind = random.Next(4);
                ThresholdCondition condition = kind switch
                {
                    0 => CustomMetric.Trend(metricName, isTime: true).P(percentile) < value,
                    1 => CustomMetric.Rate(metricName).Rate < value,
                    2 => CustomMetric.Counter(metricName).Count > value,
                    _ => K6Metrics.HttpReqDuration.P(percentile) < value,
                };
                var metric = condition.Metric;
                return ("threshold", condition.ToString(), baseline with
                {
                    Metrics = metric.IsBuiltIn ? baseline.Metrics : [.. baseline.Metrics, metric],
                    Thresholds = [new Threshold(condition)],
                });
        }
    }

    private static Executor RandomExecutor(DeterministicRandom random)
    {
        TimeSpan? Maybe() => random.Chance(1, 3) ? null : random.Pick(Durations);
        IReadOnlyList<Stage> Stages() => Enumerable.Range(0, random.Next(4)).Select(_ => new Stage(random.Pick(Durations), random.Pick(Counts))).ToList();
        return random.Next(6) switch
        {
            0 => new SharedIterationsExecutor { Vus = random.Pick(Counts), Iterations = random.Pick(Counts), MaxDuration = Maybe() },
            1 => new PerVuIterationsExecutor { Vus = random.Pick(Counts), Iterations = random.Pick(Counts), MaxDuration = Maybe() },
            2 => new ConstantVusExecutor { Vus = random.Pick(Counts), Duration = random.Pick(Durations) },
            3 => new RampingVusExecutor { StartVus = random.Pick(Counts), Stages = Stages(), GracefulRampDown = Maybe() },
            4 => new ConstantArrivalRateExecutor { Rate = random.Pick(Counts), TimeUnit = Maybe(), Duration = random.Pick(Durations), PreAllocatedVus = random.Pick(Counts), MaxVus = random.Chance(1, 2) ? random.Pick(Counts) : null },
            _ => new RampingArrivalRateExecutor { StartRate = random.Pick(Counts), TimeUnit = Maybe(), Stages = Stages(), PreAllocatedVus = random.Pick(Counts), MaxVus = random.Chance(1, 2) ? random.Pick(Counts) : null },
        };
    }

    private static LoadTest Baseline() => LoadTest.Create("diff-model")
        .BaseUrl("DIFF_API_URL", "http://127.0.0.1:9")
        .Scenario("main", s => s
            .ConstantVus(1, TimeSpan.FromSeconds(10))
            .Flow(f => f
                .Get("/health", r => r.ExpectStatus(200))
                .ThinkTime(TimeSpan.FromSeconds(1))))
        .Threshold(K6Metrics.HttpReqDuration.P(95) < 500);
}
