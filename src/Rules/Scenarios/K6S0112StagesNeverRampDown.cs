using K6Scenarios.Diagnostics;

namespace K6Scenarios.Rules;

/// <summary>K6S0112: a ramp whose last stage ends above 0 VUs stops them abruptly at the end.</summary>
internal sealed class StagesNeverRampDownRule : Rule
{
    /// <inheritdoc />
    public override RuleDescriptor Descriptor => DiagnosticCatalog.StagesNeverRampDown;

    /// <inheritdoc />
    public override void CheckScenario(ScenarioFacts scenario, RuleContext context)
    {
        if (scenario.Executor is { Kind: ExecutorKinds.RampingVus, StagesComplete: true, Stages.Count: > 0 } executor)
        {
            var last = executor.Stages[executor.Stages.Count - 1];
            if (last.Target.TryGet(out var target) && target > 0)
            {
                Report(context, last.Site, scenario.DisplayName, RuleText.Number(target));
            }
        }
    }
}
