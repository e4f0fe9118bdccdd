using System.Linq;
using K6Scenarios.Diagnostics;

namespace K6Scenarios.Rules;

/// <summary>K6S0107: a ramping-vus scenario whose start and every stage target 0 VUs runs nothing (k6 refuses it).</summary>
internal sealed class RampNeverStartsRule : Rule
{
    /// <inheritdoc />
    public override RuleDescriptor Descriptor => DiagnosticCatalog.RampNeverStarts;

    /// <inheritdoc />
    public override void CheckScenario(ScenarioFacts scenario, RuleContext context)
    {
        if (scenario.Executor is { Kind: ExecutorKinds.RampingVus, StagesComplete: true, Stages.Count: > 0 } executor
            && executor.StartVus.TryGet(out var start) && start <= 0
            && executor.Stages.All(s => s.Target.IsKnown && s.Target.Value <= 0))
        {
            Report(context, executor.Site, scenario.DisplayName);
        }
    }
}
