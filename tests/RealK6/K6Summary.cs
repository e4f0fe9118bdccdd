using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;

namespace K6Scenarios.Testing.RealK6;

/// <summary>One check of a run: how often it passed and failed.</summary>
/// <param name="Name">The check's name as k6 shows it.</param>
/// <param name="Path">Its group path (<c>::group::name</c>).</param>
/// <param name="Passes">How often it passed.</param>
/// <param name="Fails">How often it failed.</param>
public sealed record K6Check(string Name, string Path, long Passes, long Fails);

/// <summary>One threshold of a run.</summary>
/// <param name="Metric">The metric key, sub-metric selector included (<c>http_req_duration{scenario:signin}</c>).</param>
/// <param name="Expression">The threshold (<c>p(95)&lt;500</c>).</param>
/// <param name="Crossed">Whether it failed.</param>
public sealed record K6Threshold(string Metric, string Expression, bool Crossed);

/// <summary>A run's <c>--summary-export</c> JSON: metrics with their values and thresholds, and every check.</summary>
public sealed class K6Summary
{
    private K6Summary(IReadOnlyDictionary<string, IReadOnlyDictionary<string, double>> metrics, IReadOnlyList<K6Threshold> thresholds, IReadOnlyList<K6Check> checks)
    {
        Metrics = metrics;
        Thresholds = thresholds;
        Checks = checks;
    }

    /// <summary>Gets each metric's values (<c>count</c>, <c>rate</c>, <c>value</c>, <c>passes</c>, <c>fails</c>, <c>p(95)</c>, ...).</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, double>> Metrics { get; }

    /// <summary>Gets every threshold.</summary>
    public IReadOnlyList<K6Threshold> Thresholds { get; }

    /// <summary>Gets every check of every group.</summary>
    public IReadOnlyList<K6Check> Checks { get; }

    /// <summary>Gets the share of checks that passed (1 when no check ran).</summary>
    public double ChecksPassRate
    {
        get
        {
            var total = Checks.Sum(c => c.Passes + c.Fails);
            return total == 0 ? 1 : (double)Checks.Sum(c => c.Passes) / total;
        }
    }

    /// <summary>Gets the thresholds that failed.</summary>
    public IReadOnlyList<K6Threshold> CrossedThresholds => Thresholds.Where(t => t.Crossed).ToList();

    /// <summary>Gets a metric's value, or <see langword="null"/> when the run has no such metric or value.</summary>
    /// <param name="metric">The metric (<c>http_reqs</c>).</param>
    /// <param name="value">The value (<c>count</c>).</param>
    /// <returns>The value.</returns>
    public double? Value(string metric, string value) =>
        Metrics.TryGetValue(metric, out var values) && values.TryGetValue(value, out var number) ? number : null;

    /// <summary>Gets the checks called <paramref name="name"/> (in any group), summed.</summary>
    /// <param name="name">The check's name.</param>
    /// <returns>The check, or <see langword="null"/> when no check of that name ran.</returns>
    public K6Check? Check(string name)
    {
        var matching = Checks.Where(c => c.Name == name).ToList();
        return matching.Count == 0 ? null : new K6Check(name, matching[0].Path, matching.Sum(c => c.Passes), matching.Sum(c => c.Fails));
    }

    /// <summary>Describes the run in a few lines, for assertion messages.</summary>
    /// <returns>Checks and thresholds, one per line.</returns>
    public string Describe() => string.Join(
        Environment.NewLine,
        Checks.Select(c => "check " + c.Path + ": " + c.Passes.ToString(CultureInfo.InvariantCulture) + " passed, " + c.Fails.ToString(CultureInfo.InvariantCulture) + " failed")
            .Concat(Thresholds.Select(t => "threshold " + t.Metric + " " + t.Expression + ": " + (t.Crossed ? "crossed" : "ok"))));

    /// <summary>Parses a <c>--summary-export</c> file's content.</summary>
    /// <param name="json">The JSON.</param>
    /// <returns>The summary.</returns>
    public static K6Summary Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        var metrics = new Dictionary<string, IReadOnlyDictionary<string, double>>(StringComparer.Ordinal);
        var thresholds = new List<K6Threshold>();
        foreach (var metric in root.GetProperty("metrics").EnumerateObject())
        {
            var values = new Dictionary<string, double>(StringComparer.Ordinal);
            foreach (var property in metric.Value.EnumerateObject())
            {
                if (property.Value.ValueKind == JsonValueKind.Number)
                {
                    values[property.Name] = property.Value.GetDouble();
                }
                else if (property.Name == "thresholds" && property.Value.ValueKind == JsonValueKind.Object)
                {
                    // The export maps each threshold to whether it was crossed.
                    thresholds.AddRange(property.Value.EnumerateObject().Select(t => new K6Threshold(metric.Name, t.Name, t.Value.GetBoolean())));
                }
            }

            metrics[metric.Name] = values;
        }

        var checks = new List<K6Check>();
        if (root.TryGetProperty("root_group", out var group))
        {
            CollectChecks(group, checks);
        }

        return new K6Summary(metrics, thresholds, checks);
    }

    private static void CollectChecks(JsonElement group, List<K6Check> checks)
    {
        if (group.TryGetProperty("checks", out var groupChecks))
        {
            // Older exports hold an array, newer ones an object keyed by name.
            var items = groupChecks.ValueKind == JsonValueKind.Array ? groupChecks.EnumerateArray().ToList() : groupChecks.EnumerateObject().Select(p => p.Value).ToList();
            checks.AddRange(items.Select(c => new K6Check(
                c.GetProperty("name").GetString() ?? string.Empty,
                c.GetProperty("path").GetString() ?? string.Empty,
                c.GetProperty("passes").GetInt64(),
                c.GetProperty("fails").GetInt64())));
        }

        if (group.TryGetProperty("groups", out var groups))
        {
            var children = groups.ValueKind == JsonValueKind.Array ? groups.EnumerateArray().ToList() : groups.EnumerateObject().Select(p => p.Value).ToList();
            foreach (var child in children)
            {
                CollectChecks(child, checks);
            }
        }
    }
}
