using System;
using System.Collections.Generic;
using System.Linq;
using K6Scenarios.Diagnostics;

namespace K6Scenarios.Rules;

/// <summary>
/// K6S0303: a pool picked unique per VU or per iteration needs an entry for each; with fewer, the script aborts (or,
/// in scripts written by hand, silently reuses users) in the middle of the run.
/// </summary>
internal sealed class PoolTooSmallRule : Rule
{
    /// <inheritdoc />
    public override RuleDescriptor Descriptor => DiagnosticCatalog.PoolTooSmall;

    /// <inheritdoc />
    public override void CheckTest(RuleContext context)
    {
        var test = context.Test;
        var uses = test.Scenarios.Where(s => s.Users?.Pool is not null).ToList();
        var pools = new List<PoolFacts>();
        foreach (var scenario in uses)
        {
            var pool = scenario.Users!.Pool!;
            if (!pools.Any(known => SamePool(known, pool)))
            {
                pools.Add(pool);
            }
        }

        foreach (var pool in pools)
        {
            if (CountOf(context, pool) is not { } count)
            {
                continue;
            }

            CheckUniquePerVu(context, pool, count, uses);
            CheckUniquePerIteration(context, pool, count, uses);
        }
    }

    /// <summary>
    /// Entries are indexed by exec.vu.idInTest, which numbers every VU of the test, so the peaks of all scenarios add
    /// up (reported once, at the last scenario that picks the pool unique per VU).
    /// </summary>
    private void CheckUniquePerVu(RuleContext context, PoolFacts pool, long count, List<ScenarioFacts> uses)
    {
        var users = uses.Where(s => Picks(s, pool, "UniquePerVu")).ToList();
        if (users.Count == 0)
        {
            return;
        }

        var scenarios = context.Test.Scenarios;
        var peaks = scenarios.Select(s => ExecutorMath.PeakVus(s.Executor)).ToList();
        long demand;
        string reason;
        if (scenarios.Count == 1)
        {
            if (peaks[0] is not { } peak)
            {
                return;
            }

            demand = peak;
            reason = "one per VU at its peak of " + RuleText.Number(demand) + " VUs";
        }
        else
        {
            if (!context.Test.IsComplete || peaks.Any(p => p is null) || scenarios.Any(s => !s.Name.IsKnown))
            {
                return;
            }

            demand = peaks.Sum(p => p!.Value);
            reason = "one per VU id, and VU ids (exec.vu.idInTest) count the VUs of every scenario: "
                + string.Join(" + ", scenarios.Select((s, i) => RuleText.Quote(s.Name.Value) + " (" + RuleText.Number(peaks[i]!.Value) + ")"));
        }

        if (demand > count)
        {
            var last = users[users.Count - 1];
            Report(context, last.Users!.Site, pool.DisplayName, RuleText.Number(count), last.DisplayName, RuleText.Number(demand), reason);
        }
    }

    /// <summary>Each scenario numbers its iterations from 0 (exec.scenario.iterationInTest), so each needs its own total.</summary>
    private void CheckUniquePerIteration(RuleContext context, PoolFacts pool, long count, List<ScenarioFacts> uses)
    {
        foreach (var scenario in uses.Where(s => Picks(s, pool, "UniquePerIteration")))
        {
            if (ExecutorMath.TotalIterations(scenario.Executor) is { } total && total.Item1 > count)
            {
                Report(context, scenario.Users!.Site, pool.DisplayName, RuleText.Number(count), scenario.DisplayName, RuleText.Number(total.Item1), "one per iteration: " + total.Item2);
            }
        }
    }

    private static long? CountOf(RuleContext context, PoolFacts pool)
    {
        if (pool.Count.TryGet(out var count) && count is { } known)
        {
            return known;
        }

        return pool.Count.IsKnown && pool.Name.IsKnown ? context.Settings.KnownPoolCount?.Invoke(pool.Name.Value) : null;
    }

    private static bool Picks(ScenarioFacts scenario, PoolFacts pool, string selection) =>
        scenario.Users is { Pool: { } used } use && use.Selection.IsKnown && use.Selection.Value == selection && SamePool(used, pool);

    private static bool SamePool(PoolFacts a, PoolFacts b) =>
        ReferenceEquals(a, b) || (a.Identity is not null && Equals(a.Identity, b.Identity))
        || (a.Identity is null && b.Identity is null && a.Name.IsKnown && b.Name.IsKnown && string.Equals(a.Name.Value, b.Name.Value, StringComparison.Ordinal));
}
