using System.Collections.Generic;
using System.Linq;
using K6Scenarios.Analyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace K6Scenarios.Analyzers.Reading;

/// <summary>A tag filter of a sub-metric: <c>ForScenario("signin")</c> is <c>scenario:signin</c>.</summary>
internal sealed class TagFilter
{
    private TagFilter(string? tag, string? value, object location)
    {
        Tag = tag;
        Value = value;
        Location = location;
    }

    /// <summary>Gets the tag name, when constant.</summary>
    public string? Tag { get; }

    /// <summary>Gets the tag value, when constant.</summary>
    public string? Value { get; }

    /// <summary>Gets where to report a problem with the value: the value's syntax node, or a location spanning the group names.</summary>
    public object Location { get; }

    /// <summary>Reads the tag filter of a narrowing call, or returns <see langword="null"/> for other calls.</summary>
    public static TagFilter? Read(Call call, Semantics semantics)
    {
        switch (call.Name)
        {
            case "ForScenario":
                return Of("scenario", Constants.String(call.Value("scenarioName"), semantics), call, call.Value("scenarioName"));
            case "ForRequest":
                return Of("name", Constants.String(call.Value("requestName"), semantics), call, call.Value("requestName"));
            case "ForStatus":
                var status = call.Value("status");
                var code = Constants.Integer(status, semantics);
                return Of("status", code?.ToString(System.Globalization.CultureInfo.InvariantCulture), call, status);
            case "ForExpectedResponse":
                var expected = call.Value("expected");
                var flag = Constants.Boolean(expected, semantics);
                return Of("expected_response", flag is null ? null : flag.Value ? "true" : "false", call, expected);
            case "ForGroup":
                var names = call.Items("groupNames", semantics);
                var parts = names?.Select(n => Constants.String(n, semantics)).ToList();
                var path = parts is null || parts.Any(p => p is null) ? null : "::" + string.Join("::", parts);
                object location = names is { Count: > 0 }
                    ? Microsoft.CodeAnalysis.Location.Create(names[0].SyntaxTree, Microsoft.CodeAnalysis.Text.TextSpan.FromBounds(names[0].SpanStart, names[names.Count - 1].Span.End))
                    : call.NameNode;
                return new TagFilter("group", path, location);
            case "Where":
                return Of(Constants.String(call.Value("tag"), semantics), Constants.String(call.Value("value"), semantics), call, call.Value("value"));
            default:
                return null;
        }
    }

    private static TagFilter Of(string? tag, string? value, Call call, ExpressionSyntax? valueArgument) =>
        new(tag, value, (SyntaxNode?)valueArgument ?? call.NameNode);
}

/// <summary>The parts of a threshold condition (<c>metric.P(95) &lt; 500</c>).</summary>
internal sealed class ThresholdCondition
{
    private ThresholdCondition(ExpressionSyntax? bound, ExpressionSyntax? metric, Call? percentile)
    {
        Bound = bound;
        Metric = metric;
        Percentile = percentile;
    }

    /// <summary>Gets the bound (<c>500</c>), or <see langword="null"/>.</summary>
    public ExpressionSyntax? Bound { get; }

    /// <summary>Gets the metric expression, narrowing calls included, or <see langword="null"/> when it cannot be seen.</summary>
    public ExpressionSyntax? Metric { get; }

    /// <summary>Gets the <c>P(...)</c> call, when the aggregation is a percentile.</summary>
    public Call? Percentile { get; }

    /// <summary>Reads <c>metric.P(95) &lt; 500</c> or <c>metric.Rate.EqualTo(0)</c>; <see langword="null"/> for anything else.</summary>
    public static ThresholdCondition? Read(ExpressionSyntax? condition, Semantics semantics)
    {
        if (condition is null)
        {
            return null;
        }

        ExpressionSyntax operand;
        ExpressionSyntax? bound;
        switch (Semantics.Unwrap(condition))
        {
            case BinaryExpressionSyntax binary when IsComparison(binary):
                operand = Semantics.Unwrap(binary.Left);
                bound = binary.Right;
                break;
            case InvocationExpressionSyntax invocation when Call.NameNodeOf(invocation) is SimpleNameSyntax { Identifier.ValueText: "EqualTo" or "NotEqualTo" }
                && semantics.MethodOf(invocation) is { } comparison:
                var call = new Call(invocation, comparison);
                if (call.Receiver is null)
                {
                    return null;
                }

                operand = call.Receiver;
                bound = call.Value("value");
                break;
            default:
                return null;
        }

        var symbols = semantics.Symbols;
        switch (operand)
        {
            case InvocationExpressionSyntax invocation when semantics.MethodOf(invocation) is { Name: "P" } method && symbols.IsMetricMethod(method):
                var percentile = new Call(invocation, method);
                return new ThresholdCondition(bound, percentile.Receiver, percentile);
            case MemberAccessExpressionSyntax aggregation when semantics.SymbolOf(aggregation) is IPropertySymbol { IsStatic: false }
                && ModelSymbols.IsOrDerivesFrom(semantics.TypeOf(aggregation.Expression), symbols.Metric):
                return new ThresholdCondition(bound, Semantics.Unwrap(aggregation.Expression), null);
            default:
                return new ThresholdCondition(bound, null, null);
        }
    }

    private static bool IsComparison(BinaryExpressionSyntax binary) => binary.Kind() is SyntaxKind.LessThanExpression or SyntaxKind.LessThanOrEqualExpression
        or SyntaxKind.GreaterThanExpression or SyntaxKind.GreaterThanOrEqualExpression or SyntaxKind.EqualsExpression or SyntaxKind.NotEqualsExpression;
}
