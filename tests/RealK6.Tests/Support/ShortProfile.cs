using System;
using System.Linq;
using K6Scenarios.Model;

namespace K6Scenarios.RealK6.Tests.Support;

/// <summary>
/// Turns a seed's load test into a short, bounded run of the same flows: every scenario becomes per-vu-iterations
/// with a few VUs and a fixed number of iterations each, so the request count is known and the run takes seconds.
/// Checks, metrics and pools stay as the seed wrote them, and so do thresholds, except that a threshold on a time
/// (latency) no longer aborts the run: on a loopback server sharing two cores with the rest of the test run, latency
/// measures the machine, not the model, so a short run evaluates such thresholds without letting them decide.
/// </summary>
internal static class ShortProfile
{
    /// <summary>How long any scenario of a short run may take.</summary>
    public static readonly TimeSpan MaxDuration = TimeSpan.FromSeconds(40);

    /// <summary>Shrinks every scenario.</summary>
    /// <param name="loadTest">The seed's load test.</param>
    /// <param name="iterations">Iterations of each VU.</param>
    /// <param name="vusPerHundred">VUs per hundred of the scenario's peak (at least one, at most <paramref name="maxVus"/>).</param>
    /// <param name="maxVus">The most VUs a scenario gets.</param>
    /// <returns>The short load test.</returns>
    public static LoadTest Apply(LoadTest loadTest, int iterations = 2, int vusPerHundred = 3, int maxVus = 6) => loadTest with
    {
        Scenarios = loadTest.Scenarios.Select(s => s with
        {
            Executor = new PerVuIterationsExecutor
            {
                Vus = Math.Clamp(s.Executor.PeakVus * vusPerHundred / 100, 1, maxVus),
                Iterations = iterations,
                MaxDuration = MaxDuration,
            },
            StartTime = null,
        }).ToList(),
        Thresholds = loadTest.Thresholds.Select(t => IsLatency(t) ? t with { AbortOnFail = false, DelayAbortEval = null } : t).ToList(),
    };

    /// <summary>Gets whether a threshold watches a time, which depends on how loaded the machine is.</summary>
    /// <param name="threshold">A threshold of the load test.</param>
    /// <returns>Whether its metric holds times.</returns>
    public static bool IsLatency(Threshold threshold) => threshold.Condition.Metric.IsTime;

    /// <summary>Gets whether a threshold k6 reported is one of <paramref name="loadTest"/>'s latency thresholds.</summary>
    /// <param name="loadTest">The load test that ran.</param>
    /// <param name="reported">A threshold of k6's summary.</param>
    /// <returns>Whether it watches a time.</returns>
    public static bool IsLatency(LoadTest loadTest, K6Scenarios.Testing.RealK6.K6Threshold reported) =>
        loadTest.Thresholds.Any(t => IsLatency(t) && t.Condition.Metric.ThresholdKey == reported.Metric);

    /// <summary>Gets how many iterations a short run makes in all.</summary>
    /// <param name="shortened">A load test returned by <see cref="Apply"/>.</param>
    /// <returns>VUs times iterations, over every scenario.</returns>
    public static int TotalIterations(LoadTest shortened) =>
        shortened.Scenarios.Sum(s => s.Executor is PerVuIterationsExecutor e ? e.Vus * e.Iterations : 0);
}
