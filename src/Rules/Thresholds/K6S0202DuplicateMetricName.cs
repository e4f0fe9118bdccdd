using System;
using System.Collections.Generic;
using System.Linq;
using K6Scenarios.Diagnostics;

namespace K6Scenarios.Rules;

/// <summary>K6S0202: one metric name with two types makes k6 refuse the script.</summary>
internal sealed class DuplicateMetricNameRule : Rule
{
    /// <inheritdoc />
    public override RuleDescriptor Descriptor => DiagnosticCatalog.DuplicateMetricName;

    /// <inheritdoc />
    public override void CheckTest(RuleContext context)
    {
        var test = context.Test;
        var all = test.DeclaredMetrics
            .Concat(context.RecordedMetrics)
            .Concat(test.Thresholds.Where(t => t.Metric is not null).Select(t => t.Metric!))
            .Where(m => m.IsCustom && m.Name.IsKnown && m.Kind.IsKnown);
        var first = new Dictionary<string, MetricFacts>(StringComparer.Ordinal);
        var reported = new HashSet<string>(StringComparer.Ordinal);
        foreach (var metric in all)
        {
            var name = metric.Name.Value;
            if (!first.TryGetValue(name, out var original))
            {
                first.Add(name, metric);
                continue;
            }

            if (!string.Equals(metric.Kind.Value, original.Kind.Value, StringComparison.Ordinal) && reported.Add(name + "\n" + metric.Kind.Value))
            {
                Report(context, metric.Site, name, original.Kind.Value, metric.Kind.Value);
            }
        }
    }
}
