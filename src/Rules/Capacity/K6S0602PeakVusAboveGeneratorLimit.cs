using System;
using System.Collections.Generic;
using System.Linq;
using K6Scenarios.Diagnostics;

namespace K6Scenarios.Rules;

/// <summary>
/// K6S0602: one load generator usually sustains about 1000 VUs (seed 000 stopped there on its open-file limit). Peaks
/// of scenarios whose runs overlap add up; a k6-operator run is judged per runner. Scenarios whose peak is not known
/// add nothing, so what is reported is never more than the test really runs.
/// </summary>
internal sealed class PeakVusAboveGeneratorLimitRule : Rule
{
    /// <inheritdoc />
    public override RuleDescriptor Descriptor => DiagnosticCatalog.PeakVusAboveGeneratorLimit;

    /// <inheritdoc />
    public override void CheckTest(RuleContext context)
    {
        var test = context.Test;
        var limit = context.Settings.PeakVusPerGenerator;
        if (!test.IsLoadTest || limit <= 0 || !test.Parallelism.TryGet(out var parallelism))
        {
            return;
        }

        var highest = HighestConcurrentVus(test.Scenarios);
        var runners = Math.Max(1, parallelism ?? 1);
        var perGenerator = (highest + runners - 1) / runners;
        if (perGenerator > limit)
        {
            Report(context, test.Site.Child("scenarios"), test.Name.IsKnown ? test.Name.Value : RuleText.ComputedName, RuleText.Number(perGenerator), RuleText.Number(limit));
        }
    }

    /// <summary>Adds up the peaks of overlapping runs ([startTime, startTime + run time), graceful stops left out).</summary>
    private static long HighestConcurrentVus(IReadOnlyList<ScenarioFacts> scenarios)
    {
        var events = new List<KeyValuePair<TimeSpan, long>>();
        long highestAlone = 0;
        var placeable = true;
        foreach (var scenario in scenarios)
        {
            if (ExecutorMath.PeakVus(scenario.Executor) is not { } peak || peak == 0)
            {
                continue;
            }

            highestAlone = Math.Max(highestAlone, peak);
            var runTime = ExecutorMath.RunTime(scenario.Executor);
            if (!scenario.StartTime.IsKnown || runTime is null)
            {
                placeable = false;
                continue;
            }

            if (runTime.Value <= TimeSpan.Zero)
            {
                continue;
            }

            var start = scenario.StartTime.Value is { } startTime && startTime > TimeSpan.Zero ? startTime : TimeSpan.Zero;
            events.Add(new KeyValuePair<TimeSpan, long>(start, peak));
            events.Add(new KeyValuePair<TimeSpan, long>(start + runTime.Value, -peak));
        }

        if (!placeable)
        {
            return highestAlone;
        }

        // At the same instant, a scenario that ends frees its VUs before the next one starts.
        long running = 0;
        long highest = 0;
        foreach (var change in events.OrderBy(e => e.Key).ThenBy(e => e.Value))
        {
            running += change.Value;
            highest = Math.Max(highest, running);
        }

        return highest;
    }
}
