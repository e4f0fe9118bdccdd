using K6Scenarios.Diagnostics;

namespace K6Scenarios.Rules;

/// <summary>K6S0203: k6 (v2.1 and later) rejects threshold percentiles outside 0-100.</summary>
internal sealed class InvalidPercentileRule : Rule
{
    /// <inheritdoc />
    public override RuleDescriptor Descriptor => DiagnosticCatalog.InvalidPercentile;

    /// <inheritdoc />
    public override void CheckThreshold(ThresholdFacts threshold, RuleContext context)
    {
        if (threshold.Percentile.TryGet(out var value) && value is { } percentile && !(percentile >= 0 && percentile <= 100))
        {
            Report(context, threshold.Percentile.Site, threshold.KeyText, RuleText.Number(percentile));
        }
    }
}
