using System.Linq;
using K6Scenarios.Diagnostics;

namespace K6Scenarios.Rules;

/// <summary>K6S0208: a threshold on a custom metric that no step records can only pass vacuously or fail.</summary>
internal sealed class MetricNeverRecordedRule : Rule
{
    /// <inheritdoc />
    public override RuleDescriptor Descriptor => DiagnosticCatalog.MetricNeverRecorded;

    /// <inheritdoc />
    public override void CheckThreshold(ThresholdFacts threshold, RuleContext context)
    {
        if (!context.Test.IsComplete || threshold.Metric is not { IsCustom: true } metric || (!metric.Name.IsKnown && metric.Identity is null))
        {
            return;
        }

        if (!context.RecordedMetrics.Any(recorded => recorded.IsSameMetricAs(metric)))
        {
            Report(context, metric.Site, threshold.KeyText);
        }
    }
}
