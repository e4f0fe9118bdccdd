using System;
using K6Scenarios.Diagnostics;

namespace K6Scenarios.Rules;

/// <summary>
/// K6S0603: an arrival-rate scenario needs about rate x iteration time VUs busy at once (Little's law); with fewer
/// allowed, k6 drops iterations and only logs it.
/// </summary>
internal sealed class ArrivalRateUnderProvisionedRule : Rule
{
    /// <inheritdoc />
    public override RuleDescriptor Descriptor => DiagnosticCatalog.ArrivalRateUnderProvisioned;

    /// <inheritdoc />
    public override void CheckScenario(ScenarioFacts scenario, RuleContext context)
    {
        if (scenario.Executor is not { IsArrivalRate: true } executor
            || ExecutorMath.PeakRatePerSecond(executor) is not { } rate || rate <= 0
            || ExecutorMath.AllowedVus(executor) is not { } allowed)
        {
            return;
        }

        var configured = context.Settings.ExpectedIterationDuration;
        var iteration = configured is { } expected && expected > TimeSpan.Zero ? expected : ExecutorMath.EstimateIteration(scenario.Flow);
        if (iteration is not { } duration || !scenario.IsComplete && configured is null)
        {
            return;
        }

        var needed = (long)Math.Ceiling(rate * duration.TotalSeconds - 1e-9);
        if (needed > allowed)
        {
            Report(context, executor.Site, scenario.DisplayName, RuleText.Number(Math.Round(rate, 2)), RuleText.Duration(duration), RuleText.Number(needed), RuleText.Number(Math.Max(0, allowed)));
        }
    }
}
