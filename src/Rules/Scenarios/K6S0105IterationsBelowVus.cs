using K6Scenarios.Diagnostics;

namespace K6Scenarios.Rules;

/// <summary>K6S0105: shared-iterations refuses fewer iterations than VUs.</summary>
internal sealed class IterationsBelowVusRule : Rule
{
    /// <inheritdoc />
    public override RuleDescriptor Descriptor => DiagnosticCatalog.IterationsBelowVus;

    /// <inheritdoc />
    public override void CheckScenario(ScenarioFacts scenario, RuleContext context)
    {
        if (scenario.Executor is { Kind: ExecutorKinds.SharedIterations } executor
            && executor.Vus.TryGet(out var vus) && executor.Iterations.TryGet(out var iterations)
            && vus > 0 && iterations > 0 && iterations < vus)
        {
            Report(context, executor.Iterations.Site, scenario.DisplayName, RuleText.Number(iterations), RuleText.Number(vus));
        }
    }
}
