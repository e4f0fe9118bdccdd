using System.Linq;
using K6Scenarios.Diagnostics;

namespace K6Scenarios.Rules;

/// <summary>K6S0109: a scenario whose flow does nothing (containers only hold steps) runs empty iterations.</summary>
internal sealed class EmptyFlowRule : Rule
{
    /// <inheritdoc />
    public override RuleDescriptor Descriptor => DiagnosticCatalog.EmptyFlow;

    /// <inheritdoc />
    public override void CheckScenario(ScenarioFacts scenario, RuleContext context)
    {
        if (scenario.IsComplete && IsEmpty(scenario.Flow))
        {
            Report(context, scenario.Site, scenario.DisplayName);
        }
    }

    private static bool IsEmpty(FlowFacts flow) =>
        flow.IsComplete && flow.Steps.All(step => step is GroupFacts or TimedFacts or ConditionalFacts && step.Children.All(IsEmpty));
}
