using System;
using K6Scenarios.Diagnostics;

namespace K6Scenarios.Model;

/// <summary>An aggregation of a metric that a threshold compares: <c>p(95)</c>, <c>rate</c>, <c>count</c>.</summary>
public sealed class ThresholdOperand
{
    internal ThresholdOperand(Metric metric, string aggregation, double? percentile = null)
    {
        Metric = metric;
        Aggregation = aggregation;
        Percentile = percentile;
    }

    /// <summary>Gets the metric (or sub-metric).</summary>
    public Metric Metric { get; }

    /// <summary>Gets the aggregation as k6 writes it.</summary>
    public string Aggregation { get; }

    /// <summary>Gets the percentile of a <c>p(N)</c> aggregation.</summary>
    public double? Percentile { get; }

    /// <summary>The metric's aggregation must stay below a value.</summary>
    /// <param name="operand">The aggregation.</param>
    /// <param name="value">The bound (milliseconds for time metrics).</param>
    /// <returns>The condition.</returns>
    public static ThresholdCondition operator <(ThresholdOperand operand, double value) => new(operand, "<", value);

    /// <summary>The metric's aggregation must stay above a value.</summary>
    /// <param name="operand">The aggregation.</param>
    /// <param name="value">The bound.</param>
    /// <returns>The condition.</returns>
    public static ThresholdCondition operator >(ThresholdOperand operand, double value) => new(operand, ">", value);

    /// <summary>The metric's aggregation must stay at or below a value.</summary>
    /// <param name="operand">The aggregation.</param>
    /// <param name="value">The bound.</param>
    /// <returns>The condition.</returns>
    public static ThresholdCondition operator <=(ThresholdOperand operand, double value) => new(operand, "<=", value);

    /// <summary>The metric's aggregation must stay at or above a value.</summary>
    /// <param name="operand">The aggregation.</param>
    /// <param name="value">The bound.</param>
    /// <returns>The condition.</returns>
    public static ThresholdCondition operator >=(ThresholdOperand operand, double value) => new(operand, ">=", value);

    /// <summary>A time metric's aggregation must stay below a duration.</summary>
    /// <param name="operand">The aggregation.</param>
    /// <param name="value">The bound.</param>
    /// <returns>The condition.</returns>
    public static ThresholdCondition operator <(ThresholdOperand operand, TimeSpan value) => new(operand, "<", value.TotalMilliseconds);

    /// <summary>A time metric's aggregation must stay above a duration.</summary>
    /// <param name="operand">The aggregation.</param>
    /// <param name="value">The bound.</param>
    /// <returns>The condition.</returns>
    public static ThresholdCondition operator >(ThresholdOperand operand, TimeSpan value) => new(operand, ">", value.TotalMilliseconds);

    /// <summary>A time metric's aggregation must stay at or below a duration.</summary>
    /// <param name="operand">The aggregation.</param>
    /// <param name="value">The bound.</param>
    /// <returns>The condition.</returns>
    public static ThresholdCondition operator <=(ThresholdOperand operand, TimeSpan value) => new(operand, "<=", value.TotalMilliseconds);

    /// <summary>A time metric's aggregation must stay at or above a duration.</summary>
    /// <param name="operand">The aggregation.</param>
    /// <param name="value">The bound.</param>
    /// <returns>The condition.</returns>
    public static ThresholdCondition operator >=(ThresholdOperand operand, TimeSpan value) => new(operand, ">=", value.TotalMilliseconds);

    /// <summary>The metric's aggregation must equal a value.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The condition.</returns>
    public ThresholdCondition EqualTo(double value) => new(this, "==", value);

    /// <summary>The metric's aggregation must differ from a value.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The condition.</returns>
    public ThresholdCondition NotEqualTo(double value) => new(this, "!=", value);

    /// <inheritdoc />
    public override string ToString() => Metric.ThresholdKey + " " + Aggregation;
}

/// <summary>A comparison k6 evaluates on a metric, such as <c>p(95)&lt;500</c>.</summary>
public sealed class ThresholdCondition
{
    internal ThresholdCondition(ThresholdOperand operand, string comparison, double value)
    {
        Operand = operand;
        Comparison = comparison;
        Value = value;
    }

    /// <summary>Gets the aggregation compared.</summary>
    public ThresholdOperand Operand { get; }

    /// <summary>Gets the operator, one of <c>&lt; &lt;= &gt; &gt;= == !=</c>.</summary>
    public string Comparison { get; }

    /// <summary>Gets the bound.</summary>
    public double Value { get; }

    /// <summary>Gets the metric.</summary>
    public Metric Metric => Operand.Metric;

    /// <summary>Gets the expression as k6 reads it: <c>p(95)&lt;500</c>.</summary>
    public string Expression => Operand.Aggregation + Comparison + Formatting.Number(Value);

    /// <inheritdoc />
    public override string ToString() => Metric.ThresholdKey + ": " + Expression;
}

/// <summary>A pass/fail criterion of the run; with <see cref="AbortOnFail"/>, k6 stops the test when it fails.</summary>
public sealed record Threshold
{
    /// <summary>Creates a threshold.</summary>
    /// <param name="condition">The condition.</param>
    /// <param name="abortOnFail">Whether k6 aborts the run as soon as the threshold fails.</param>
    /// <param name="delayAbortEval">How long k6 waits before evaluating the abort, so early noise does not stop a run.</param>
    /// <param name="definedAt">Where it was defined.</param>
    public Threshold(ThresholdCondition condition, bool abortOnFail = false, TimeSpan? delayAbortEval = null, SourceLocation? definedAt = null)
    {
        Condition = condition ?? throw new ArgumentNullException(nameof(condition));
        AbortOnFail = abortOnFail;
        DelayAbortEval = delayAbortEval;
        DefinedAt = definedAt;
    }

    /// <summary>Gets the condition.</summary>
    public ThresholdCondition Condition { get; init; }

    /// <summary>Gets whether k6 aborts the run when the threshold fails.</summary>
    public bool AbortOnFail { get; init; }

    /// <summary>Gets the delay before the abort is evaluated.</summary>
    public TimeSpan? DelayAbortEval { get; init; }

    /// <summary>Gets where it was defined.</summary>
    public SourceLocation? DefinedAt { get; init; }
}
