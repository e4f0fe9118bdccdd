using K6Scenarios.Diagnostics;

namespace K6Scenarios.Rules;

/// <summary>K6S0204: k6's threshold parser splits sub-metric selectors on ',', so a tag value cannot hold one.</summary>
internal sealed class ThresholdTagValueHasCommaRule : Rule
{
    /// <inheritdoc />
    public override RuleDescriptor Descriptor => DiagnosticCatalog.ThresholdTagValueHasComma;

    /// <inheritdoc />
    public override void CheckThreshold(ThresholdFacts threshold, RuleContext context)
    {
        foreach (var filter in threshold.Filters)
        {
            if (filter.Tag.TryGet(out var tag) && filter.Value.TryGet(out var value) && value.IndexOf(',') >= 0)
            {
                Report(context, filter.Site, tag, value);
            }
        }
    }
}
