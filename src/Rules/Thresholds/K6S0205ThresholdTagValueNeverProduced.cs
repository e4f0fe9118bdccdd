using K6Scenarios.Diagnostics;

namespace K6Scenarios.Rules;

/// <summary>
/// K6S0205: a threshold on a sub-metric whose tag value no sample carries evaluates an empty metric and passes
/// silently (an empty Trend reads 0), so a mistyped scenario or request name hides a breached SLO.
/// </summary>
internal sealed class ThresholdTagValueNeverProducedRule : Rule
{
    /// <inheritdoc />
    public override RuleDescriptor Descriptor => DiagnosticCatalog.ThresholdTagValueNeverProduced;

    /// <inheritdoc />
    public override void CheckThreshold(ThresholdFacts threshold, RuleContext context)
    {
        foreach (var filter in threshold.Filters)
        {
            if (!filter.Tag.TryGet(out var tag) || !filter.Value.TryGet(out var value)
                || value.Length == 0 || value.IndexOf(',') >= 0 || !NamePatterns.IsTagKey(tag))
            {
                continue;
            }

            var tags = context.Tags;
            if (tags.Governs(tag) && !tags.Produces(tag, value))
            {
                Report(context, filter.Site, threshold.KeyText, tag, value, tags.Describe(tag));
            }
        }
    }
}
