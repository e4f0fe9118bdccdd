using System;
using System.Collections.Generic;
using System.Linq;
using K6Scenarios.Diagnostics;

namespace K6Scenarios.Model.Validation;

/// <summary>
/// Scenario and executor rules (01xx): every condition under which k6's executor <c>Validate()</c> methods
/// (lib/executor/*.go) refuse a configuration, plus flows that would run nothing.
/// </summary>
internal static class ScenarioRules
{
    /// <summary>k6's shortest duration for duration and maxDuration (lib/executor/constant_vus.go).</summary>
    private static readonly TimeSpan MinimumDuration = TimeSpan.FromSeconds(1);

    /// <summary>k6's sanity limit on ramping-vus targets (lib/executor/ramping_vus.go).</summary>
    private const int MaxConcurrentVus = 100_000_000;

    public static void Check(ValidationContext context)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var scenario in context.Scenarios)
        {
            var name = ValidationContext.NameOf(scenario);
            var path = ValidationContext.PathOf(scenario);
            var location = context.LocationOf(scenario);
            if (!NameRules.IsScenarioName(name))
            {
                context.Report(DiagnosticCatalog.InvalidScenarioName, path, location, name);
            }

            if (!seen.Add(name))
            {
                context.Report(DiagnosticCatalog.DuplicateScenarioName, path, location, name);
            }

            var target = new Target(context, scenario, path, location);
            target.NonNegativeDuration(scenario.StartTime, "startTime");
            target.NonNegativeDuration(scenario.GracefulStop, "gracefulStop");

            foreach (var variable in Safe.Pairs(scenario.Environment))
            {
                context.Environment.Add(variable.Key, null, path + ".env", location);
            }

            foreach (var tag in Safe.Pairs(scenario.Tags).Where(tag => !TagRules.IsTagKey(tag.Key)))
            {
                context.Report(DiagnosticCatalog.InvalidName, path + ".tags", location, "Tag key", tag.Key ?? string.Empty, TagRules.KeyAdvice);
            }

            CheckExecutor(target, scenario.Executor);

            if (!context.StepsOf(scenario).Any(IsAction))
            {
                context.Report(DiagnosticCatalog.EmptyFlow, path, location, name);
            }
        }
    }

    /// <summary>Gets whether a step does something by itself (containers only hold steps).</summary>
    private static bool IsAction(Step step) => step is not (GroupStep or TimedStep or ConditionalStep);

    private static void CheckExecutor(Target target, Executor? executor)
    {
        switch (executor)
        {
            case SharedIterationsExecutor shared:
                target.Positive(shared.Vus, "vus", "VUs");
                if (shared.Iterations <= 0)
                {
                    target.Positive(shared.Iterations, "iterations", "iterations");
                }
                else if (shared.Vus > 0 && shared.Iterations < shared.Vus)
                {
                    target.Context.Report(DiagnosticCatalog.IterationsBelowVus, target.Path + ".iterations", target.Location, target.Name, shared.Iterations, shared.Vus);
                }

                target.MinimumDuration(shared.MaxDuration, "maxDuration");
                break;
            case PerVuIterationsExecutor perVu:
                target.Positive(perVu.Vus, "vus", "VUs");
                target.Positive(perVu.Iterations, "iterations", "iterations");
                target.MinimumDuration(perVu.MaxDuration, "maxDuration");
                break;
            case ConstantVusExecutor constant:
                target.Positive(constant.Vus, "vus", "VUs");
                target.MinimumDuration(constant.Duration, "duration");
                break;
            case RampingVusExecutor ramping:
                target.NonNegative(ramping.StartVus, "startVUs", "VUs");
                target.AtMost(ramping.StartVus, MaxConcurrentVus, "startVUs");
                var rampingStages = CheckStages(target, ramping, "VUs", MaxConcurrentVus);
                if (rampingStages.Count > 0 && Math.Max(ramping.StartVus, rampingStages.Max(s => s.Target)) <= 0)
                {
                    target.Context.Report(DiagnosticCatalog.RampNeverStarts, target.Path, target.Location, target.Name);
                }
                else if (rampingStages.Count > 0 && rampingStages[^1].Target > 0)
                {
                    var last = rampingStages.Count - 1;
                    target.Context.Report(DiagnosticCatalog.StagesNeverRampDown, target.Path + ".stages[" + Safe.Text(last) + "].target",
                        rampingStages[last].DefinedAt ?? target.Location, target.Name, rampingStages[last].Target);
                }

                target.NonNegativeDuration(ramping.GracefulRampDown, "gracefulRampDown");
                break;
            case ConstantArrivalRateExecutor arrival:
                target.Positive(arrival.Rate, "rate", "iterations per time unit");
                target.PositiveDuration(arrival.TimeUnit, "timeUnit");
                target.MinimumDuration(arrival.Duration, "duration");
                CheckArrivalVus(target, arrival.PreAllocatedVus, arrival.MaxVus);
                break;
            case RampingArrivalRateExecutor arrival:
                target.NonNegative(arrival.StartRate, "startRate", "iterations per time unit");
                target.PositiveDuration(arrival.TimeUnit, "timeUnit");
                CheckStages(target, arrival, "iterations per time unit", int.MaxValue);
                CheckArrivalVus(target, arrival.PreAllocatedVus, arrival.MaxVus);
                break;
        }
    }

    private static List<Stage> CheckStages(Target target, Executor executor, string unit, int maxTarget)
    {
        var stages = executor switch
        {
            RampingVusExecutor ramping => ramping.Stages,
            RampingArrivalRateExecutor arrival => arrival.Stages,
            _ => null,
        };
        var present = new List<Stage>();
        if (stages is null || stages.Count == 0)
        {
            target.Context.Report(DiagnosticCatalog.MissingStages, target.Path + ".stages", target.Location, target.Name, executor.K6Name);
            return present;
        }

        for (var i = 0; i < stages.Count; i++)
        {
            var stage = stages[i];
            if (stage is null)
            {
                continue;
            }

            present.Add(stage);
            var stageTarget = target with
            {
                Path = target.Path + ".stages[" + Safe.Text(i) + "]",
                Location = stage.DefinedAt ?? target.Location,
                Subject = "Scenario " + Safe.Quote(target.Name) + " stage " + Safe.Text(i + 1),
            };
            stageTarget.NonNegativeDuration(stage.Duration, "duration");
            stageTarget.NonNegative(stage.Target, "target", unit);
            stageTarget.AtMost(stage.Target, maxTarget, "target");
        }

        return present;
    }

    private static void CheckArrivalVus(Target target, int preAllocatedVus, int? maxVus)
    {
        target.NonNegative(preAllocatedVus, "preAllocatedVUs", "VUs");
        if (maxVus < preAllocatedVus)
        {
            target.Context.Report(DiagnosticCatalog.MaxVusBelowPreAllocated, target.Path + ".maxVUs", target.Location, target.Name, maxVus.Value, preAllocatedVus);
        }
    }

    /// <summary>The element being checked: how to report on it and name it in messages.</summary>
    private sealed record Target(ValidationContext Context, string Name, string Path, SourceLocation? Location, string Subject)
    {
        public Target(ValidationContext context, Scenario scenario, string path, SourceLocation? location)
            : this(context, ValidationContext.NameOf(scenario), path, location, "Scenario " + Safe.Quote(ValidationContext.NameOf(scenario)))
        {
        }

        public void Positive(long value, string key, string unit)
        {
            if (value <= 0)
            {
                Parameter(key, value, "use 1 or more " + unit + "; k6 needs more than 0");
            }
        }

        public void NonNegative(long value, string key, string unit)
        {
            if (value < 0)
            {
                Parameter(key, value, "use 0 or more " + unit + "; k6 rejects negative values");
            }
        }

        public void AtMost(long value, long limit, string key)
        {
            if (value > limit)
            {
                Parameter(key, value, "use at most " + Safe.Text(limit) + ", k6's limit");
            }
        }

        public void MinimumDuration(TimeSpan? duration, string key)
        {
            if (duration < ScenarioRules.MinimumDuration)
            {
                Duration(key, duration.Value, "at least " + Formatting.Duration(ScenarioRules.MinimumDuration));
            }
        }

        public void PositiveDuration(TimeSpan? duration, string key)
        {
            if (duration <= TimeSpan.Zero)
            {
                Duration(key, duration.Value, "more than 0s");
            }
        }

        public void NonNegativeDuration(TimeSpan? duration, string key)
        {
            if (duration < TimeSpan.Zero)
            {
                Duration(key, duration.Value, "a duration of 0s or more");
            }
        }

        private void Parameter(string key, long value, string advice) =>
            Context.Report(DiagnosticCatalog.InvalidExecutorParameter, Path + "." + key, Location, Subject + " " + key, value, advice);

        private void Duration(string key, TimeSpan value, string needed) =>
            Context.Report(DiagnosticCatalog.InvalidDuration, Path + "." + key, Location, Subject + " " + key, Formatting.Duration(value), needed);
    }
}
