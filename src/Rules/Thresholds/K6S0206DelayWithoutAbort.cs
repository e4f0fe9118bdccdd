using K6Scenarios.Diagnostics;

namespace K6Scenarios.Rules;

/// <summary>K6S0206: k6 reads delayAbortEval only with abortOnFail, so alone it does nothing.</summary>
internal sealed class DelayWithoutAbortRule : Rule
{
    /// <inheritdoc />
    public override RuleDescriptor Descriptor => DiagnosticCatalog.DelayWithoutAbort;

    /// <inheritdoc />
    public override void CheckThreshold(ThresholdFacts threshold, RuleContext context)
    {
        if (threshold.DelayAbortEval.TryGet(out var delay) && delay is not null && threshold.AbortOnFail.TryGet(out var abort) && !abort)
        {
            Report(context, threshold.DelayAbortEval.Site, threshold.KeyText);
        }
    }
}
