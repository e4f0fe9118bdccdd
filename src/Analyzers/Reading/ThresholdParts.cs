using System.Collections.Generic;
using System.Linq;
using K6Scenarios.Analyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace K6Scenarios.Analyzers.Reading;

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

/// <summary>The parts of a threshold condition (<c>metric.P(95) &lt; 500</c>).</summary>
internal static class ThresholdConditions
{
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
}
