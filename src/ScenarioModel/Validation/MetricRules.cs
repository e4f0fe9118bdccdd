using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using K6Scenarios.Diagnostics;

namespace K6Scenarios.Model.Validation;

/// <summary>Metric and threshold rules (02xx).</summary>
internal static class MetricRules
{
    public static void Check(ValidationContext context)
    {
        var thresholds = ThresholdSites(context);
        CheckDeclarations(context, thresholds);
        var recorded = new HashSet<string>(StepDeclarations(context).Select(d => d.Metric.Name), StringComparer.Ordinal);
        var tags = TagUniverse.Build(context);
        foreach (var site in thresholds)
        {
            CheckThreshold(context, site, recorded, tags);
        }
    }

    /// <summary>Gets each threshold with its path (<c>thresholds['key'][n]</c>: the n-th entry of its key's array).</summary>
    private static List<ThresholdSite> ThresholdSites(ValidationContext context)
    {
        var sites = new List<ThresholdSite>();
        var perKey = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var threshold in Safe.List(context.Test.Thresholds))
        {
            if (threshold.Condition?.Operand?.Metric is not { } metric)
            {
                continue;
            }

            var key = metric.ThresholdKey;
            perKey.TryGetValue(key, out var index);
            perKey[key] = index + 1;
            sites.Add(new ThresholdSite(threshold, metric, key, "thresholds['" + key + "'][" + Safe.Text(index) + "]", threshold.DefinedAt ?? context.Test.DefinedAt));
        }

        return sites;
    }

    /// <summary>Checks every custom metric declaration: explicit ones, then those of steps, then those of thresholds.</summary>
    private static void CheckDeclarations(ValidationContext context, List<ThresholdSite> thresholds)
    {
        var declarations = Safe.List(context.Test.Metrics)
            .Select(metric => new Declaration(metric, "metrics." + metric.Name, context.Test.DefinedAt))
            .Concat(StepDeclarations(context))
            .Concat(thresholds.Select(t => new Declaration(t.Metric, t.Path, t.Location)))
            .Where(d => !d.Metric.IsBuiltIn);

        var first = new Dictionary<string, Declaration>(StringComparer.Ordinal);
        var conflictsReported = new HashSet<(string Name, string Kind)>();
        foreach (var declaration in declarations)
        {
            var name = declaration.Metric.Name;
            if (!first.TryGetValue(name, out var original))
            {
                first.Add(name, declaration);
                if (!NameRules.IsMetricName(name))
                {
                    context.Report(DiagnosticCatalog.InvalidMetricName, declaration.Path, declaration.Location, name);
                }

                if (K6Metrics.All.ContainsKey(name))
                {
                    context.Report(DiagnosticCatalog.MetricShadowsBuiltIn, declaration.Path, declaration.Location, name);
                }

                continue;
            }

            var kind = KindOf(declaration.Metric);
            var originalKind = KindOf(original.Metric);
            if (!string.Equals(kind, originalKind, StringComparison.Ordinal) && conflictsReported.Add((name, kind)))
            {
                context.Report(DiagnosticCatalog.DuplicateMetricName, declaration.Path, declaration.Location, name, originalKind, kind);
            }
        }
    }

    /// <summary>Gets the custom metrics that steps record into, in run order.</summary>
    private static IEnumerable<Declaration> StepDeclarations(ValidationContext context)
    {
        foreach (var site in context.AllSites)
        {
            var metrics = site.Step switch
            {
                HttpRequestStep request => Safe.List(request.Samples).Select(sample => sample.Metric),
                RecordMetricStep record => [record.Metric],
                TimedStep timed => [timed.Metric],
                _ => [],
            };
            foreach (var metric in metrics.Where(m => m is not null && !m.IsBuiltIn))
            {
                yield return new Declaration(metric, site.Path, site.Location);
            }
        }
    }

    /// <summary>Describes a metric's type the way k6 distinguishes it (a Trend of times differs from a plain Trend).</summary>
    private static string KindOf(Metric metric) => metric.Kind == MetricKind.Trend && metric.IsTime ? "Trend (isTime)" : metric.Kind.ToString();

    private static void CheckThreshold(ValidationContext context, ThresholdSite site, HashSet<string> recorded, TagUniverse tags)
    {
        var threshold = site.Threshold;
        var condition = threshold.Condition;
        if (!site.Metric.IsBuiltIn && !recorded.Contains(site.Metric.Name))
        {
            context.Report(DiagnosticCatalog.MetricNeverRecorded, site.Path, site.Location, site.Key);
        }

        if (condition.Operand.Percentile is { } percentile && !(percentile >= 0 && percentile <= 100))
        {
            context.Report(DiagnosticCatalog.InvalidPercentile, site.Path, site.Location, site.Key, Formatting.Number(percentile));
        }

        if (double.IsNaN(condition.Value) || double.IsInfinity(condition.Value))
        {
            context.Report(DiagnosticCatalog.InvalidThresholdValue, site.Path, site.Location, site.Key, Formatting.Number(condition.Value));
        }

        if (threshold.DelayAbortEval is { } delay)
        {
            if (!threshold.AbortOnFail)
            {
                context.Report(DiagnosticCatalog.DelayWithoutAbort, site.Path, site.Location, site.Key);
            }

            if (delay < TimeSpan.Zero)
            {
                context.Report(DiagnosticCatalog.InvalidDuration, site.Path, site.Location, "Threshold " + Safe.Quote(site.Key) + " delayAbortEval", Formatting.Duration(delay), "a duration of 0s or more");
            }
        }

        foreach (var tag in Safe.Pairs(site.Metric.Tags))
        {
            CheckTag(context, site, tag.Key ?? string.Empty, tag.Value ?? string.Empty, tags);
        }
    }

    private static void CheckTag(ValidationContext context, ThresholdSite site, string key, string value, TagUniverse tags)
    {
        if (!TagRules.IsTagKey(key))
        {
            context.Report(DiagnosticCatalog.InvalidName, site.Path, site.Location, "Threshold tag key", key, TagRules.KeyAdvice);
        }
        else if (value.Length == 0)
        {
            context.Report(DiagnosticCatalog.InvalidName, site.Path, site.Location, "Threshold tag value", value, "k6 cannot parse an empty tag value in a threshold; select a value");
        }
        else if (value.Contains(',', StringComparison.Ordinal))
        {
            context.Report(DiagnosticCatalog.ThresholdTagValueHasComma, site.Path, site.Location, key, value);
        }
        else if (tags.Governs(key) && !tags.Produces(key, value))
        {
            context.Report(DiagnosticCatalog.ThresholdTagValueNeverProduced, site.Path, site.Location, site.Key, key, value, tags.Describe(key));
        }
    }

    private sealed record Declaration(Metric Metric, string Path, SourceLocation? Location);

    private sealed record ThresholdSite(Threshold Threshold, Metric Metric, string Key, string Path, SourceLocation? Location);

    /// <summary>
    /// The tag values the test's samples can carry. System tags (scenario, name, group, status, method) are always
    /// checked; other keys only when the test sets them somewhere, since outputs or extensions may add their own.
    /// </summary>
    private sealed class TagUniverse
    {
        private static readonly string[] CheckedSystemTags = [TagNames.Scenario, TagNames.Name, TagNames.Group, TagNames.Status, TagNames.Method];

        private readonly Dictionary<string, List<string>> _values = new(StringComparer.Ordinal);
        private readonly HashSet<string> _disabledSystemTags = new(StringComparer.Ordinal);
        private bool _defaultStatusesExpected;

        public static TagUniverse Build(ValidationContext context)
        {
            var universe = new TagUniverse();
            var systemTags = context.Test.Options?.SystemTags ?? [];
            foreach (var key in CheckedSystemTags)
            {
                universe._values[key] = [];
                if (systemTags.Count > 0 && !systemTags.Contains(key, StringComparer.Ordinal))
                {
                    universe._disabledSystemTags.Add(key);
                }
            }

            universe.AddExplicit(Safe.Pairs(context.Test.Options?.Tags));
            foreach (var scenario in context.Scenarios)
            {
                universe.AddSystem(TagNames.Scenario, ValidationContext.NameOf(scenario));
                universe.AddExplicit(Safe.Pairs(scenario.Tags));
            }

            var testStatuses = Safe.Numbers(context.Test.ExpectedStatuses);
            foreach (var status in testStatuses)
            {
                universe.AddSystem(TagNames.Status, status.ToString(CultureInfo.InvariantCulture));
            }

            foreach (var site in context.AllSites)
            {
                switch (site.Step)
                {
                    case HttpRequestStep request:
                        universe.AddSystem(TagNames.Name, request.EffectiveName);
                        universe.AddSystem(TagNames.Method, request.Method.ToString().ToUpperInvariant());
                        var statuses = StatusRules.Statuses(request).ToArray();
                        foreach (var status in statuses)
                        {
                            universe.AddSystem(TagNames.Status, status.ToString(CultureInfo.InvariantCulture));
                        }

                        // A request with no expectation of its own (and none from the test) expects k6's default 200-399.
                        universe._defaultStatusesExpected |= statuses.Length == 0 && testStatuses.Count == 0;
                        universe.AddExplicit(Safe.Pairs(request.Tags));
                        break;
                    case WebSocketStep socket:
                        universe.AddSystem(TagNames.Name, socket.EffectiveName);
                        universe.AddSystem(TagNames.Status, "101");
                        break;
                    case GroupStep group:
                        universe.AddSystem(TagNames.Group, site.GroupPath + "::" + group.Name);
                        break;
                }
            }

            return universe;
        }

        public bool Governs(string key) => _values.ContainsKey(key);

        public bool Produces(string key, string value) =>
            _values.TryGetValue(key, out var values) && values.Contains(value, StringComparer.Ordinal)
            || (key == TagNames.Status && DefaultStatusesApply && int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var status) && status is >= 200 and <= 399);

        public string Describe(string key)
        {
            var values = _values.TryGetValue(key, out var known) ? known : [];
            if (values.Count == 0 && _disabledSystemTags.Contains(key))
            {
                return "(none: options.systemTags leaves out " + Safe.Quote(key) + ")";
            }

            var listed = Safe.Join(values);
            return key == TagNames.Status && DefaultStatusesApply
                ? (values.Count == 0 ? string.Empty : listed + ", ") + "200-399 (k6's default expected statuses)"
                : listed;
        }

        private bool DefaultStatusesApply => _defaultStatusesExpected && !_disabledSystemTags.Contains(TagNames.Status);

        private void AddSystem(string key, string? value)
        {
            if (!_disabledSystemTags.Contains(key))
            {
                Add(key, value);
            }
        }

        private void AddExplicit(IEnumerable<KeyValuePair<string, string>> tags)
        {
            foreach (var tag in tags)
            {
                Add(tag.Key, tag.Value);
            }
        }

        private void Add(string? key, string? value)
        {
            if (key is null || value is null)
            {
                return;
            }

            if (!_values.TryGetValue(key, out var values))
            {
                _values[key] = values = [];
            }

            if (!values.Contains(value, StringComparer.Ordinal))
            {
                values.Add(value);
            }
        }
    }
}
