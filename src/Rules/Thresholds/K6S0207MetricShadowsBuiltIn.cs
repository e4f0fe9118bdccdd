using K6Scenarios.Diagnostics;

namespace K6Scenarios.Rules;

/// <summary>K6S0207: a custom metric with a built-in metric's name clashes with it (k6 refuses another type).</summary>
internal sealed class MetricShadowsBuiltInRule : Rule
{
    /// <inheritdoc />
    public override RuleDescriptor Descriptor => DiagnosticCatalog.MetricShadowsBuiltIn;

    /// <inheritdoc />
    public override void CheckMetricDeclaration(MetricFacts metric, RuleContext context)
    {
        if (metric.IsCustom && metric.Name.TryGet(out var name) && BuiltInMetrics.IsBuiltIn(name))
        {
            Report(context, metric.Name.Site, name);
        }
    }
}
