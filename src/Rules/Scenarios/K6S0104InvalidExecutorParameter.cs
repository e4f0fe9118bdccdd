using K6Scenarios.Diagnostics;

namespace K6Scenarios.Rules;

/// <summary>K6S0104: executor parameters k6's executor <c>Validate()</c> methods refuse (lib/executor/*.go).</summary>
internal sealed class InvalidExecutorParameterRule : Rule
{
    /// <summary>k6's sanity limit on ramping-vus targets (lib/executor/ramping_vus.go).</summary>
    private const long MaxConcurrentVus = 100_000_000;

    /// <inheritdoc />
    public override RuleDescriptor Descriptor => DiagnosticCatalog.InvalidExecutorParameter;

    /// <inheritdoc />
    public override void CheckScenario(ScenarioFacts scenario, RuleContext context)
    {
        if (scenario.Executor is not { } executor)
        {
            return;
        }

        var subject = "Scenario " + RuleText.Quote(scenario.DisplayName);
        switch (executor.Kind)
        {
            case ExecutorKinds.SharedIterations:
            case ExecutorKinds.PerVuIterations:
                Positive(context, executor.Vus, subject + " vus", "VUs");
                Positive(context, executor.Iterations, subject + " iterations", "iterations");
                break;
            case ExecutorKinds.ConstantVus:
                Positive(context, executor.Vus, subject + " vus", "VUs");
                break;
            case ExecutorKinds.RampingVus:
                NonNegative(context, executor.StartVus, subject + " startVUs", "VUs");
                AtMost(context, executor.StartVus, MaxConcurrentVus, subject + " startVUs");
                CheckStages(context, executor, subject, "VUs", MaxConcurrentVus);
                break;
            case ExecutorKinds.ConstantArrivalRate:
                Positive(context, executor.Rate, subject + " rate", "iterations per time unit");
                NonNegative(context, executor.PreAllocatedVus, subject + " preAllocatedVUs", "VUs");
                break;
            case ExecutorKinds.RampingArrivalRate:
                NonNegative(context, executor.StartRate, subject + " startRate", "iterations per time unit");
                CheckStages(context, executor, subject, "iterations per time unit", int.MaxValue);
                NonNegative(context, executor.PreAllocatedVus, subject + " preAllocatedVUs", "VUs");
                break;
        }
    }

    private void CheckStages(RuleContext context, ExecutorFacts executor, string subject, string unit, long maxTarget)
    {
        var stages = executor.Stages;
        for (var i = 0; stages is not null && i < stages.Count; i++)
        {
            var stageSubject = subject + " stage " + RuleText.Number(i + 1) + " target";
            NonNegative(context, stages[i].Target, stageSubject, unit);
            AtMost(context, stages[i].Target, maxTarget, stageSubject);
        }
    }

    private void Positive(RuleContext context, Fact<long> value, string subject, string unit)
    {
        if (value.TryGet(out var number) && number <= 0)
        {
            Report(context, value.Site, subject, RuleText.Number(number), "use 1 or more " + unit + "; k6 needs more than 0");
        }
    }

    private void NonNegative(RuleContext context, Fact<long> value, string subject, string unit)
    {
        if (value.TryGet(out var number) && number < 0)
        {
            Report(context, value.Site, subject, RuleText.Number(number), "use 0 or more " + unit + "; k6 rejects negative values");
        }
    }

    private void AtMost(RuleContext context, Fact<long> value, long limit, string subject)
    {
        if (value.TryGet(out var number) && number > limit)
        {
            Report(context, value.Site, subject, RuleText.Number(number), "use at most " + RuleText.Number(limit) + ", k6's limit");
        }
    }
}
