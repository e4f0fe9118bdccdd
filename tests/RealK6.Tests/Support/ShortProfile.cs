using System;
using System.Linq;
using K6Scenarios.Model;

namespace K6Scenarios.RealK6.Tests.Support;

/// <summary>
/// Turns a seed's load test into a short, bounded run of the same flows: every scenario becomes per-vu-iterations
/// with a few VUs and a fixed number of iterations each, so the request count is known and the run takes seconds.
/// Thresholds, checks, metrics and pools stay as the seed wrote them.
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
    };

    /// <summary>Gets how many iterations a short run makes in all.</summary>
    /// <param name="shortened">A load test returned by <see cref="Apply"/>.</param>
    /// <returns>VUs times iterations, over every scenario.</returns>
    public static int TotalIterations(LoadTest shortened) =>
        shortened.Scenarios.Sum(s => s.Executor is PerVuIterationsExecutor e ? e.Vus * e.Iterations : 0);
}
