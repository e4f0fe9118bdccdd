using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Threading;
using K6Scenarios.Analyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace K6Scenarios.Analyzers.Chains;

/// <summary>A metric a threshold watches or a step records: built-in (<c>K6Metrics.HttpReqDuration</c>) or custom.</summary>
internal sealed class MetricReference
{
    private MetricReference(string? name, string? kind, bool isBuiltIn, ISymbol? symbol, Location location)
    {
        Name = name;
        Kind = kind;
        IsBuiltIn = isBuiltIn;
        Symbol = symbol;
        Location = location;
    }

    /// <summary>Gets the k6 metric name, when known.</summary>
    public string? Name { get; }

    /// <summary>Gets the metric type: Counter, Gauge, Rate or Trend, when known.</summary>
    public string? Kind { get; }

    /// <summary>Gets whether k6 produces the metric itself.</summary>
    public bool IsBuiltIn { get; }

    /// <summary>Gets the field, property or local that holds the metric, if any.</summary>
    public ISymbol? Symbol { get; }

    /// <summary>Gets where the metric is referenced.</summary>
    public Location Location { get; }

    /// <summary>Gets whether two references denote the same metric (same name, or same symbol when names are unknown).</summary>
    public bool IsSameMetricAs(MetricReference other) =>
        Name is not null && other.Name is not null
            ? Name == other.Name
            : Symbol is not null && SymbolEqualityComparer.Default.Equals(Symbol, other.Symbol);

    /// <summary>Reads the metric an expression denotes, narrowing calls (<c>ForScenario</c>, <c>Where</c>) skipped.</summary>
    public static MetricReference? Read(IOperation? expression, ModelSymbols symbols, CancellationToken cancellationToken)
    {
        if (expression is null)
        {
            return null;
        }

        var current = expression.WalkDownConversions();
        while (current is IInvocationOperation narrowing && narrowing.Instance is not null && symbols.IsMetricMethod(narrowing.TargetMethod))
        {
            current = narrowing.Instance.WalkDownConversions();
        }

        var kind = KindOf(current.Type);
        if (current is IPropertyReferenceOperation property && property.Instance is null && SymbolEqualityComparer.Default.Equals(property.Property.ContainingType, symbols.K6Metrics))
        {
            return new MetricReference(SnakeCase(property.Property.Name), kind, isBuiltIn: true, property.Property, current.Syntax.GetLocation());
        }

        var symbol = current.ReferencedSymbol();
        var steps = FactoryCalls.Resolve(current, cancellationToken);
        var factory = steps?.FirstOrDefault(s => s.Name is "Counter" or "Gauge" or "Rate" or "Trend");
        var name = factory?.At(0) as string;
        return new MetricReference(name, kind ?? factory?.Name, isBuiltIn: false, symbol, current.Syntax.GetLocation());
    }

    private static string? KindOf(ITypeSymbol? type) => type?.Name switch
    {
        "CounterMetric" => "Counter",
        "GaugeMetric" => "Gauge",
        "RateMetric" => "Rate",
        "TrendMetric" => "Trend",
        _ => null,
    };

    private static string SnakeCase(string pascal)
    {
        var builder = new StringBuilder(pascal.Length + 8);
        for (var i = 0; i < pascal.Length; i++)
        {
            var c = pascal[i];
            if (char.IsUpper(c) && i > 0)
            {
                builder.Append('_');
            }

            builder.Append(char.ToLowerInvariant(c));
        }

        return builder.ToString();
    }
}

/// <summary>A tag filter of a sub-metric: <c>ForScenario("signin")</c> is <c>scenario:signin</c>.</summary>
internal sealed class TagFilter
{
    public TagFilter(string? tag, string? value, IInvocationOperation call, IOperation? valueArgument, Location? itemsLocation = null)
    {
        ItemsLocation = itemsLocation;
        Tag = tag;
        Value = value;
        Call = call;
        ValueArgument = valueArgument;
    }

    /// <summary>Gets the tag name, when constant.</summary>
    public string? Tag { get; }

    /// <summary>Gets the tag value, when constant.</summary>
    public string? Value { get; }

    /// <summary>Gets the narrowing call.</summary>
    public IInvocationOperation Call { get; }

    /// <summary>Gets the value argument.</summary>
    public IOperation? ValueArgument { get; }

    /// <summary>Gets where to report a problem with the value.</summary>
    public Location Location => ItemsLocation ?? ValueArgument?.Syntax.GetLocation() ?? Call.NameLocation();

    /// <summary>Gets the location of a <c>params</c> value (the group names of <c>ForGroup</c>).</summary>
    private Location? ItemsLocation { get; }

    private static Location? SpanOf(IReadOnlyList<IOperation>? items) =>
        items is { Count: > 0 }
            ? Location.Create(items[0].Syntax.SyntaxTree, Microsoft.CodeAnalysis.Text.TextSpan.FromBounds(items[0].Syntax.SpanStart, items[items.Count - 1].Syntax.Span.End))
            : null;

    /// <summary>Reads the tag filter of a narrowing call, or returns <see langword="null"/> for other calls.</summary>
    public static TagFilter? Read(IInvocationOperation call)
    {
        switch (call.TargetMethod.Name)
        {
            case "ForScenario":
                var scenario = call.ArgumentValue("scenarioName");
                return new TagFilter("scenario", Constants.String(scenario), call, scenario);
            case "ForRequest":
                var request = call.ArgumentValue("requestName");
                return new TagFilter("name", Constants.String(request), call, request);
            case "ForStatus":
                var status = call.ArgumentValue("status");
                var code = Constants.Integer(status);
                return new TagFilter("status", code?.ToString(System.Globalization.CultureInfo.InvariantCulture), call, status);
            case "ForExpectedResponse":
                var expected = call.ArgumentValue("expected");
                var flag = Constants.Boolean(expected);
                return new TagFilter("expected_response", flag is null ? null : flag.Value ? "true" : "false", call, expected);
            case "ForGroup":
                var names = call.Argument("groupNames").ParamsItems();
                var parts = names?.Select(Constants.String).ToList();
                var path = parts is null || parts.Any(p => p is null) ? null : "::" + string.Join("::", parts);
                return new TagFilter("group", path, call, null, SpanOf(names));
            case "Where":
                var value = call.ArgumentValue("value");
                return new TagFilter(Constants.String(call.ArgumentValue("tag")), Constants.String(value), call, value);
            default:
                return null;
        }
    }
}

/// <summary>A threshold of a load-test chain.</summary>
internal sealed class ThresholdInfo
{
    public ThresholdInfo(IInvocationOperation invocation, ModelSymbols symbols, CancellationToken cancellationToken)
    {
        Invocation = invocation;
        Condition = invocation.ArgumentValue("condition");
        MetricExpression = OperandMetricExpression(Condition, symbols);
        Metric = MetricReference.Read(MetricExpression, symbols, cancellationToken);
        Filters = ReadFilters(MetricExpression, symbols);
    }

    /// <summary>Gets the <c>.Threshold(...)</c> call.</summary>
    public IInvocationOperation Invocation { get; }

    /// <summary>Gets the condition argument.</summary>
    public IOperation? Condition { get; }

    /// <summary>Gets the (sub-)metric expression of the condition.</summary>
    public IOperation? MetricExpression { get; }

    /// <summary>Gets the metric, when it can be read.</summary>
    public MetricReference? Metric { get; }

    /// <summary>Gets the tag filters, outermost call last.</summary>
    public IReadOnlyList<TagFilter> Filters { get; }

    /// <summary>Gets the condition as written, for messages.</summary>
    public string DisplayText => Condition?.Syntax.ToString() ?? "threshold";

    /// <summary>Finds the metric expression of a condition such as <c>metric.P(95) &lt; 500</c> or <c>metric.Rate.EqualTo(0)</c>.</summary>
    public static IOperation? OperandMetricExpression(IOperation? condition, ModelSymbols symbols)
    {
        var operand = condition?.WalkDownConversions() switch
        {
            IBinaryOperation binary => binary.LeftOperand,
            IInvocationOperation { TargetMethod.Name: "EqualTo" or "NotEqualTo" } comparison => comparison.Instance,
            _ => null,
        };
        return operand?.WalkDownConversions() switch
        {
            IInvocationOperation { TargetMethod.Name: "P" } percentile when symbols.IsMetricMethod(percentile.TargetMethod) => percentile.Instance,
            IPropertyReferenceOperation aggregation when aggregation.Instance is not null && ModelSymbols.IsOrDerivesFrom(aggregation.Instance.Type, symbols.Metric) => aggregation.Instance,
            _ => null,
        };
    }

    private static List<TagFilter> ReadFilters(IOperation? metricExpression, ModelSymbols symbols)
    {
        var filters = new List<TagFilter>();
        var current = metricExpression?.WalkDownConversions();
        while (current is IInvocationOperation call && call.Instance is not null && symbols.IsMetricMethod(call.TargetMethod))
        {
            if (TagFilter.Read(call) is { } filter)
            {
                filters.Insert(0, filter);
            }

            current = call.Instance.WalkDownConversions();
        }

        return filters;
    }
}
