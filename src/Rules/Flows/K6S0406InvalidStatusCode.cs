using K6Scenarios.Diagnostics;

namespace K6Scenarios.Rules;

/// <summary>K6S0406: an expected or checked status outside 100-599 can never be answered.</summary>
internal sealed class InvalidStatusCodeRule : Rule
{
    /// <inheritdoc />
    public override RuleDescriptor Descriptor => DiagnosticCatalog.InvalidStatusCode;

    /// <inheritdoc />
    public override void CheckTest(RuleContext context)
    {
        foreach (var status in context.Test.ExpectedStatuses)
        {
            if (status.TryGet(out var value) && !NamePatterns.IsHttpStatus(value))
            {
                Report(context, status.Site, "The load test's expected statuses", RuleText.Number(value));
            }
        }
    }

    /// <inheritdoc />
    public override void CheckStep(StepFacts step, StepContext where, RuleContext context)
    {
        if (step is not RequestFacts request)
        {
            return;
        }

        foreach (var status in request.Statuses)
        {
            if (status.TryGet(out var value) && !NamePatterns.IsHttpStatus(value))
            {
                Report(context, status.Site, request.Description, RuleText.Number(value));
            }
        }
    }
}
