using K6Scenarios.Diagnostics;

namespace K6Scenarios.Rules;

/// <summary>K6S0108: the arrival-rate executors refuse maxVUs below preAllocatedVUs.</summary>
internal sealed class MaxVusBelowPreAllocatedRule : Rule
{
    /// <inheritdoc />
    public override RuleDescriptor Descriptor => DiagnosticCatalog.MaxVusBelowPreAllocated;

    /// <inheritdoc />
    public override void CheckScenario(ScenarioFacts scenario, RuleContext context)
    {
        if (scenario.Executor is { IsArrivalRate: true } executor
            && executor.MaxVus.TryGet(out var max) && max is { } maxVus
            && executor.PreAllocatedVus.TryGet(out var preAllocated) && maxVus < preAllocated)
        {
            Report(context, executor.MaxVus.Site, scenario.DisplayName, RuleText.Number(maxVus), RuleText.Number(preAllocated));
        }
    }
}
