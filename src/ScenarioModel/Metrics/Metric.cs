using System;
using System.Collections.Generic;
using System.Linq;

namespace K6Scenarios.Model;

/// <summary>The four k6 metric types.</summary>
public enum MetricKind
{
    /// <summary>A cumulative sum (<c>count</c>, <c>rate</c>).</summary>
    Counter,

    /// <summary>The last value (<c>value</c>).</summary>
    Gauge,

    /// <summary>The share of non-zero values (<c>rate</c>).</summary>
    Rate,

    /// <summary>Statistics over values (<c>avg</c>, <c>min</c>, <c>med</c>, <c>max</c>, <c>p(N)</c>).</summary>
    Trend,
}

/// <summary>
/// A metric, built-in or custom, optionally narrowed to a sub-metric by tags. Each metric type has its own class,
/// so that a threshold can only use the aggregations k6 allows for it (<c>p(95)</c> on a Rate does not compile).
/// </summary>
public abstract class Metric
{
    private protected Metric(string name, MetricKind kind, bool isBuiltIn, bool isTime, IReadOnlyList<KeyValuePair<string, string>> tags)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        Name = name;
        Kind = kind;
        IsBuiltIn = isBuiltIn;
        IsTime = isTime;
        Tags = tags;
    }

    /// <summary>Gets the metric name.</summary>
    public string Name { get; }

    /// <summary>Gets the metric type.</summary>
    public MetricKind Kind { get; }

    /// <summary>Gets whether k6 produces the metric itself.</summary>
    public bool IsBuiltIn { get; }

    /// <summary>Gets whether the metric's values are times in milliseconds.</summary>
    public bool IsTime { get; }

    /// <summary>Gets the tag filter of a sub-metric, in the order given; empty for the whole metric.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Tags { get; }

    /// <summary>Gets the key k6 uses in <c>options.thresholds</c>: <c>name</c> or <c>name{tag:value,...}</c>.</summary>
    public string ThresholdKey => Tags.Count == 0
        ? Name
        : Name + "{" + string.Join(",", Tags.Select(t => t.Key + ":" + t.Value)) + "}";

    /// <summary>Gets whether two metrics are the same metric (ignoring tag filters).</summary>
    /// <param name="other">The other metric.</param>
    /// <returns><see langword="true"/> when name, kind and origin agree.</returns>
    public bool IsSameMetricAs(Metric other) =>
        other is not null && Name == other.Name && Kind == other.Kind && IsBuiltIn == other.IsBuiltIn;

    /// <inheritdoc />
    public override string ToString() => ThresholdKey;
}

/// <summary>A metric type that can be narrowed to sub-metrics by tag.</summary>
/// <typeparam name="TSelf">The concrete metric type.</typeparam>
public abstract class Metric<TSelf> : Metric
    where TSelf : Metric<TSelf>
{
    private protected Metric(string name, MetricKind kind, bool isBuiltIn, bool isTime, IReadOnlyList<KeyValuePair<string, string>> tags)
        : base(name, kind, isBuiltIn, isTime, tags)
    {
    }

    /// <summary>Narrows to the sub-metric whose samples carry <paramref name="tag"/> = <paramref name="value"/>.</summary>
    /// <param name="tag">The tag name.</param>
    /// <param name="value">The tag value.</param>
    /// <returns>The sub-metric.</returns>
    public TSelf Where(string tag, string value)
    {
        ArgumentException.ThrowIfNullOrEmpty(tag);
        ArgumentNullException.ThrowIfNull(value);
        return WithTags([.. Tags, new KeyValuePair<string, string>(tag, value)]);
    }

    /// <summary>Narrows to one scenario's samples (<c>{scenario:name}</c>).</summary>
    /// <param name="scenarioName">The scenario name.</param>
    /// <returns>The sub-metric.</returns>
    public TSelf ForScenario(string scenarioName) => Where(TagNames.Scenario, scenarioName);

    /// <summary>Narrows to one request's samples by its <c>name</c> tag.</summary>
    /// <param name="requestName">The request's name tag.</param>
    /// <returns>The sub-metric.</returns>
    public TSelf ForRequest(string requestName) => Where(TagNames.Name, requestName);

    /// <summary>Narrows to responses with one status.</summary>
    /// <param name="status">The status code.</param>
    /// <returns>The sub-metric.</returns>
    public TSelf ForStatus(int status) => Where(TagNames.Status, status.ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>Narrows to one group's samples; nested groups are joined with <c>::</c>.</summary>
    /// <param name="groupNames">The group names from the outermost in.</param>
    /// <returns>The sub-metric.</returns>
    public TSelf ForGroup(params string[] groupNames) => Where(TagNames.Group, "::" + string.Join("::", groupNames));

    /// <summary>Narrows to samples whose response was expected (or not) by the request's expected statuses.</summary>
    /// <param name="expected">Whether the response was expected.</param>
    /// <returns>The sub-metric.</returns>
    public TSelf ForExpectedResponse(bool expected) => Where(TagNames.ExpectedResponse, expected ? "true" : "false");

    private protected abstract TSelf WithTags(IReadOnlyList<KeyValuePair<string, string>> tags);
}

/// <summary>A Counter metric: thresholds on <c>count</c> and <c>rate</c>.</summary>
public sealed class CounterMetric : Metric<CounterMetric>
{
    internal CounterMetric(string name, bool isBuiltIn, IReadOnlyList<KeyValuePair<string, string>> tags)
        : base(name, MetricKind.Counter, isBuiltIn, isTime: false, tags)
    {
    }

    /// <summary>Gets the total count.</summary>
    public ThresholdOperand Count => new(this, "count");

    /// <summary>Gets the count per second.</summary>
    public ThresholdOperand Rate => new(this, "rate");

    private protected override CounterMetric WithTags(IReadOnlyList<KeyValuePair<string, string>> tags) => new(Name, IsBuiltIn, tags);
}

/// <summary>A Gauge metric: thresholds on <c>value</c>.</summary>
public sealed class GaugeMetric : Metric<GaugeMetric>
{
    internal GaugeMetric(string name, bool isBuiltIn, IReadOnlyList<KeyValuePair<string, string>> tags)
        : base(name, MetricKind.Gauge, isBuiltIn, isTime: false, tags)
    {
    }

    /// <summary>Gets the last value.</summary>
    public ThresholdOperand Value => new(this, "value");

    private protected override GaugeMetric WithTags(IReadOnlyList<KeyValuePair<string, string>> tags) => new(Name, IsBuiltIn, tags);
}

/// <summary>A Rate metric: thresholds on <c>rate</c>, the share of non-zero values from 0 to 1.</summary>
public sealed class RateMetric : Metric<RateMetric>
{
    internal RateMetric(string name, bool isBuiltIn, IReadOnlyList<KeyValuePair<string, string>> tags)
        : base(name, MetricKind.Rate, isBuiltIn, isTime: false, tags)
    {
    }

    /// <summary>Gets the share of non-zero values, from 0 to 1.</summary>
    public ThresholdOperand Rate => new(this, "rate");

    private protected override RateMetric WithTags(IReadOnlyList<KeyValuePair<string, string>> tags) => new(Name, IsBuiltIn, tags);
}

/// <summary>A Trend metric: thresholds on <c>avg</c>, <c>min</c>, <c>med</c>, <c>max</c> and <c>p(N)</c>.</summary>
public sealed class TrendMetric : Metric<TrendMetric>
{
    internal TrendMetric(string name, bool isBuiltIn, bool isTime, IReadOnlyList<KeyValuePair<string, string>> tags)
        : base(name, MetricKind.Trend, isBuiltIn, isTime, tags)
    {
    }

    /// <summary>Gets the average.</summary>
    public ThresholdOperand Avg => new(this, "avg");

    /// <summary>Gets the minimum.</summary>
    public ThresholdOperand Min => new(this, "min");

    /// <summary>Gets the median.</summary>
    public ThresholdOperand Med => new(this, "med");

    /// <summary>Gets the maximum.</summary>
    public ThresholdOperand Max => new(this, "max");

    /// <summary>Gets a percentile.</summary>
    /// <param name="percentile">The percentile, from 0 to 100 (<c>95</c>, <c>99.9</c>).</param>
    /// <returns>The operand.</returns>
    public ThresholdOperand P(double percentile) => new(this, "p(" + Formatting.Number(percentile) + ")", percentile);

    private protected override TrendMetric WithTags(IReadOnlyList<KeyValuePair<string, string>> tags) => new(Name, IsBuiltIn, IsTime, tags);
}

/// <summary>Tag names k6 puts on samples, for sub-metric thresholds.</summary>
public static class TagNames
{
    /// <summary>The scenario name.</summary>
    public const string Scenario = "scenario";

    /// <summary>The request name (by default the URL; this library sets it to the path template).</summary>
    public const string Name = "name";

    /// <summary>The response status.</summary>
    public const string Status = "status";

    /// <summary>The HTTP method.</summary>
    public const string Method = "method";

    /// <summary>The group path, starting with <c>::</c>.</summary>
    public const string Group = "group";

    /// <summary>The check name.</summary>
    public const string Check = "check";

    /// <summary>Whether the response was expected.</summary>
    public const string ExpectedResponse = "expected_response";
}

/// <summary>Creates custom metrics: <c>CustomMetric.Rate("errors")</c>, <c>CustomMetric.Trend("end_to_end_duration", isTime: true)</c>.</summary>
public static class CustomMetric
{
    /// <summary>Creates a custom Counter.</summary>
    /// <param name="name">The metric name.</param>
    /// <returns>The metric.</returns>
    public static CounterMetric Counter(string name) => new(name, isBuiltIn: false, []);

    /// <summary>Creates a custom Gauge.</summary>
    /// <param name="name">The metric name.</param>
    /// <returns>The metric.</returns>
    public static GaugeMetric Gauge(string name) => new(name, isBuiltIn: false, []);

    /// <summary>Creates a custom Rate.</summary>
    /// <param name="name">The metric name.</param>
    /// <returns>The metric.</returns>
    public static RateMetric Rate(string name) => new(name, isBuiltIn: false, []);

    /// <summary>Creates a custom Trend.</summary>
    /// <param name="name">The metric name.</param>
    /// <param name="isTime">Whether values are times in milliseconds (shown as durations by k6).</param>
    /// <returns>The metric.</returns>
    public static TrendMetric Trend(string name, bool isTime = false) => new(name, isBuiltIn: false, isTime, []);
}
