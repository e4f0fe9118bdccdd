using K6Scenarios.Diagnostics;

namespace K6Scenarios.Rules;

/// <summary>K6S0209: k6's threshold grammar needs a finite number on the right.</summary>
internal sealed class InvalidThresholdValueRule : Rule
{
    /// <inheritdoc />
    public override RuleDescriptor Descriptor => DiagnosticCatalog.InvalidThresholdValue;

    /// <inheritdoc />
    public override void CheckThreshold(ThresholdFacts threshold, RuleContext context)
    {
        if (threshold.Bound.TryGet(out var bound) && (double.IsNaN(bound) || double.IsInfinity(bound)))
        {
            Report(context, threshold.Bound.Site, threshold.KeyText, RuleText.Number(bound));
        }
    }
}
