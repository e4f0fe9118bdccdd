using K6Scenarios.Diagnostics;
using K6Scenarios.Rules;

namespace K6Scenarios.Model.Validation;

/// <summary>
/// Model-only threshold rule: tag keys and empty tag values of threshold selectors (K6S0114). Metric and threshold
/// rules (02xx) are the rule core's (src/Rules/Thresholds).
/// </summary>
internal static class MetricRules
{
    public static void Check(ValidationContext context)
    {
        var perKey = new System.Collections.Generic.Dictionary<string, int>(System.StringComparer.Ordinal);
        foreach (var threshold in Safe.List(context.Test.Thresholds))
        {
            if (threshold.Condition?.Operand?.Metric is not { } metric)
            {
                continue;
            }

            var key = metric.ThresholdKey;
            perKey.TryGetValue(key, out var index);
            perKey[key] = index + 1;
            var path = "thresholds['" + key + "'][" + Safe.Text(index) + "]";
            var location = threshold.DefinedAt ?? context.Test.DefinedAt;
            foreach (var tag in Safe.Pairs(metric.Tags))
            {
                var tagKey = tag.Key ?? string.Empty;
                if (!TagRules.IsTagKey(tagKey))
                {
                    context.Report(DiagnosticCatalog.InvalidName, path, location, "Threshold tag key", TextCharacters.Escape(tagKey), TagRules.KeyAdvice);
                }
                else if (string.IsNullOrEmpty(tag.Value))
                {
                    context.Report(DiagnosticCatalog.InvalidName, path, location, "Threshold tag value", string.Empty, "k6 cannot parse an empty tag value in a threshold; select a value");
                }
            }
        }
    }
}
