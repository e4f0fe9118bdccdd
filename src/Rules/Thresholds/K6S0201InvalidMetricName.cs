using K6Scenarios.Diagnostics;

namespace K6Scenarios.Rules;

/// <summary>K6S0201: k6 accepts custom metric names matching <c>^[a-zA-Z_][a-zA-Z0-9_]{1,128}$</c> only.</summary>
internal sealed class InvalidMetricNameRule : Rule
{
    /// <inheritdoc />
    public override RuleDescriptor Descriptor => DiagnosticCatalog.InvalidMetricName;

    /// <inheritdoc />
    public override void CheckMetricDeclaration(MetricFacts metric, RuleContext context)
    {
        if (metric.IsCustom && metric.Name.TryGet(out var name) && !BuiltInMetrics.IsBuiltIn(name) && !NamePatterns.IsMetricName(name))
        {
            Report(context, metric.Name.Site, TextCharacters.Escape(name));
        }
    }
}
