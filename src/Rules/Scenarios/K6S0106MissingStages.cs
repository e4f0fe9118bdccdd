using K6Scenarios.Diagnostics;

namespace K6Scenarios.Rules;

/// <summary>K6S0106: the ramping executors need at least one stage.</summary>
internal sealed class MissingStagesRule : Rule
{
    /// <inheritdoc />
    public override RuleDescriptor Descriptor => DiagnosticCatalog.MissingStages;

    /// <inheritdoc />
    public override void CheckScenario(ScenarioFacts scenario, RuleContext context)
    {
        if (scenario.Executor is { Kind: ExecutorKinds.RampingVus or ExecutorKinds.RampingArrivalRate, StagesComplete: true } executor
            && (executor.Stages is null || executor.Stages.Count == 0))
        {
            Report(context, executor.StagesSite, scenario.DisplayName, executor.Kind);
        }
    }
}
