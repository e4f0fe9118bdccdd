using System;
using K6Scenarios.Diagnostics;

namespace K6Scenarios.Rules;

/// <summary>
/// K6S0103: durations k6 rejects or that mean nothing: executor durations under 1s, time units, graceful stops and
/// stages below zero, option timeouts, request timeouts, duration checks, WebSocket hold-open times and abort delays.
/// </summary>
internal sealed class InvalidDurationRule : Rule
{
    private const string AtLeastOneSecond = "at least 1s";
    private const string NotNegative = "a duration of 0s or more";
    private const string Positive = "a positive duration";

    /// <summary>k6's shortest duration and maxDuration (lib/executor/constant_vus.go).</summary>
    private static readonly TimeSpan MinimumDuration = TimeSpan.FromSeconds(1);

    /// <inheritdoc />
    public override RuleDescriptor Descriptor => DiagnosticCatalog.InvalidDuration;

    /// <inheritdoc />
    public override void CheckTest(RuleContext context)
    {
        var options = context.Test.Options;

        // k6 rejects a setupTimeout that is not positive (lib/options.go); teardown has the same meaning, so the same rule.
        Check(context, options.SetupTimeout, "Option setupTimeout", d => d > TimeSpan.Zero, Positive);
        Check(context, options.TeardownTimeout, "Option teardownTimeout", d => d > TimeSpan.Zero, Positive);
        Check(context, options.MinIterationDuration, "Option minIterationDuration", d => d >= TimeSpan.Zero, NotNegative);
    }

    /// <inheritdoc />
    public override void CheckScenario(ScenarioFacts scenario, RuleContext context)
    {
        var subject = "Scenario " + RuleText.Quote(scenario.DisplayName);
        Check(context, scenario.StartTime, subject + " startTime", d => d >= TimeSpan.Zero, NotNegative);
        Check(context, scenario.GracefulStop, subject + " gracefulStop", d => d >= TimeSpan.Zero, NotNegative);
        if (scenario.Executor is not { } executor)
        {
            return;
        }

        switch (executor.Kind)
        {
            case ExecutorKinds.SharedIterations:
            case ExecutorKinds.PerVuIterations:
                Check(context, executor.MaxDuration, subject + " maxDuration", d => d >= MinimumDuration, AtLeastOneSecond);
                break;
            case ExecutorKinds.ConstantVus:
                Check(context, executor.Duration, subject + " duration", d => d >= MinimumDuration, AtLeastOneSecond);
                break;
            case ExecutorKinds.RampingVus:
                CheckStages(context, executor, subject);
                Check(context, executor.GracefulRampDown, subject + " gracefulRampDown", d => d >= TimeSpan.Zero, NotNegative);
                break;
            case ExecutorKinds.ConstantArrivalRate:
                Check(context, executor.TimeUnit, subject + " timeUnit", d => d > TimeSpan.Zero, "more than 0s");
                Check(context, executor.Duration, subject + " duration", d => d >= MinimumDuration, AtLeastOneSecond);
                break;
            case ExecutorKinds.RampingArrivalRate:
                Check(context, executor.TimeUnit, subject + " timeUnit", d => d > TimeSpan.Zero, "more than 0s");
                CheckStages(context, executor, subject);
                break;
        }
    }

    /// <inheritdoc />
    public override void CheckStep(StepFacts step, StepContext where, RuleContext context)
    {
        switch (step)
        {
            case RequestFacts request:
                Check(context, request.Timeout, request.Description, d => d > TimeSpan.Zero, Positive, " timeout");
                foreach (var check in request.Checks)
                {
                    Check(context, check.DurationLimit, request.Description, d => d > TimeSpan.Zero, Positive, " duration check limit");
                }

                break;
            case WebSocketFacts socket:
                Check(context, socket.HoldOpen, socket.Description, d => d >= TimeSpan.Zero, NotNegative, " hold-open time");
                break;
        }
    }

    /// <inheritdoc />
    public override void CheckThreshold(ThresholdFacts threshold, RuleContext context) =>
        Check(context, threshold.DelayAbortEval, "Threshold " + RuleText.Quote(threshold.KeyText) + " delayAbortEval", d => d >= TimeSpan.Zero, NotNegative);

    private void CheckStages(RuleContext context, ExecutorFacts executor, string subject)
    {
        var stages = executor.Stages;
        for (var i = 0; stages is not null && i < stages.Count; i++)
        {
            Check(context, stages[i].Duration, subject + " stage " + RuleText.Number(i + 1) + " duration", d => d >= TimeSpan.Zero, NotNegative);
        }
    }

    // The subject is "<subject><part>", joined only for a report (a step's part is checked for every request).
    private void Check(RuleContext context, Fact<TimeSpan?> duration, string subject, Func<TimeSpan, bool> isValid, string needed, string part = "")
    {
        if (duration.TryGet(out var value) && value is { } set && !isValid(set))
        {
            Report(context, duration.Site, subject + part, RuleText.Duration(set), needed);
        }
    }

    private void Check(RuleContext context, Fact<TimeSpan> duration, string subject, Func<TimeSpan, bool> isValid, string needed, string part = "")
    {
        if (duration.TryGet(out var value) && !isValid(value))
        {
            Report(context, duration.Site, subject + part, RuleText.Duration(value), needed);
        }
    }
}
