using System;
using System.Collections.Generic;
using System.Linq;
using K6Scenarios.Diagnostics;

namespace K6Scenarios.Model.Validation;

/// <summary>Capacity heuristics (06xx): pacing of closed-model loops, VUs per load generator, arrival-rate sizing.</summary>
internal static class CapacityRules
{
    public static void Check(ValidationContext context)
    {
        foreach (var scenario in context.Scenarios)
        {
            CheckThinkTime(context, scenario);
        }

        CheckPeakVus(context);
        foreach (var scenario in context.Scenarios)
        {
            CheckArrivalRate(context, scenario);
        }
    }

    /// <summary>
    /// A looping closed-model scenario without pauses sends requests as fast as the API answers. Iteration-bounded
    /// executors (shared-iterations, per-vu-iterations) are skipped: they stop after a fixed count, which is what
    /// smoke tests and data seeding want. A WebSocket session held open, or options.minIterationDuration, paces too.
    /// </summary>
    private static void CheckThinkTime(ValidationContext context, Scenario scenario)
    {
        if (scenario.Executor is not { IsClosedModel: true } executor || ExecutorMath.IsIterationBounded(executor))
        {
            return;
        }

        if (context.Test.Options?.MinIterationDuration > TimeSpan.Zero)
        {
            return;
        }

        var steps = context.StepsOf(scenario).ToArray();
        var paced = steps.Any(step => step is ThinkTimeStep { Max.Ticks: > 0 } or WebSocketStep { HoldOpen.Ticks: > 0 });
        if (!paced && steps.Any(step => step is HttpRequestStep or WebSocketStep))
        {
            context.Report(DiagnosticCatalog.NoThinkTime, ValidationContext.PathOf(scenario), context.LocationOf(scenario), ValidationContext.NameOf(scenario));
        }
    }

    /// <summary>
    /// Adds up the peaks of scenarios whose runs overlap ([startTime, startTime + run time), graceful stops left out)
    /// and reports the highest sum, once per test; a k6-operator run is judged per runner.
    /// </summary>
    private static void CheckPeakVus(ValidationContext context)
    {
        var limit = context.Settings.PeakVusPerGenerator;
        if (limit <= 0)
        {
            return;
        }

        var events = new List<(TimeSpan Time, long Change)>();
        foreach (var scenario in context.Scenarios)
        {
            var start = scenario.StartTime is { } startTime && startTime > TimeSpan.Zero ? startTime : TimeSpan.Zero;
            var peak = ExecutorMath.PeakVus(scenario.Executor);
            var runTime = ExecutorMath.RunTime(scenario.Executor);
            if (peak == 0 || runTime <= TimeSpan.Zero)
            {
                continue;
            }

            events.Add((start, peak));
            events.Add((start + runTime, -peak));
        }

        // At the same instant, a scenario that ends frees its VUs before the next one starts.
        long running = 0;
        long highest = 0;
        foreach (var change in events.OrderBy(e => e.Time).ThenBy(e => e.Change))
        {
            running += change.Change;
            highest = Math.Max(highest, running);
        }

        // A k6-operator run splits VUs between its runners (execution segments), so each generator carries its share.
        var runners = Math.Max(1, context.Test.Kubernetes?.Parallelism ?? 1);
        var perGenerator = (highest + runners - 1) / runners;
        if (perGenerator > limit)
        {
            context.Report(DiagnosticCatalog.PeakVusAboveGeneratorLimit, "scenarios", context.Test.DefinedAt, context.Test.Name ?? string.Empty, perGenerator, limit);
        }
    }

    /// <summary>
    /// An arrival-rate scenario needs about rate x iteration time VUs busy at once (Little's law); fewer allowed VUs
    /// means k6 drops iterations and only logs it.
    /// </summary>
    private static void CheckArrivalRate(ValidationContext context, Scenario scenario)
    {
        if (ExecutorMath.PeakRatePerSecond(scenario.Executor) is not { } rate || rate <= 0)
        {
            return;
        }

        var configured = context.Settings.ExpectedIterationDuration;
        var iteration = configured > TimeSpan.Zero ? configured.Value : ExecutorMath.EstimateIteration(scenario.Flow);
        var needed = (long)Math.Ceiling(rate * iteration.TotalSeconds - 1e-9);
        var allowed = ExecutorMath.AllowedVus(scenario.Executor!);
        if (needed > allowed)
        {
            context.Report(DiagnosticCatalog.ArrivalRateUnderProvisioned, ValidationContext.PathOf(scenario), context.LocationOf(scenario),
                ValidationContext.NameOf(scenario), Formatting.Number(Math.Round(rate, 2)), Formatting.Duration(iteration), needed, Math.Max(0, allowed));
        }
    }
}
