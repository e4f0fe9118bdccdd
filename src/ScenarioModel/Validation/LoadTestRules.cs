using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using K6Scenarios.Diagnostics;
using K6Scenarios.Rules;

namespace K6Scenarios.Model.Validation;

/// <summary>
/// Model-only rules on the load test and its options (K6S0114-K6S0116): settings the analyzers leave to the built
/// model because they are read from option records (<c>o =&gt; o with { ... }</c>) rather than builder calls.
/// </summary>
internal static class LoadTestRules
{
    /// <summary>System tags k6 knows (metrics/system_tag.go); others are dropped without a word.</summary>
    private static readonly string[] KnownSystemTags =
    [
        "proto", "subproto", "status", "method", "url", "name", "group", "check", "error", "error_code", "tls_version",
        "scenario", "service", "expected_response", "iter", "vu", "ocsp_status", "ip",
    ];

    private static readonly string[] StaticTrendStats = ["avg", "min", "med", "max", "count"];

    private static readonly string[] SummaryTimeUnits = ["s", "ms", "us"];

    public static void Check(ValidationContext context)
    {
        var test = context.Test;
        var location = test.DefinedAt;
        if (test.Kubernetes is { } kubernetes)
        {
            CheckKubernetes(context, kubernetes);
        }

        context.Environment.AddBaseUrl(test.DefaultBaseUrl, "baseUrl", location);
        CheckOptions(context, test.Options ?? new K6Options());
    }

    private static void CheckOptions(ValidationContext context, K6Options options)
    {
        var location = context.Test.DefinedAt;
        NonNegative(context, options.MaxRedirects, "maxRedirects");
        NonNegative(context, options.Batch, "batch");
        NonNegative(context, options.BatchPerHost, "batchPerHost");

        var stats = options.SummaryTrendStats ?? [];
        for (var i = 0; i < stats.Count; i++)
        {
            if (!IsTrendStat(stats[i]))
            {
                context.Report(DiagnosticCatalog.InvalidSettingValue, "options.summaryTrendStats[" + Safe.Text(i) + "]", location,
                    "Option summaryTrendStats entry", Safe.Quote(stats[i]), "k6 refuses to start; use avg, min, med, max, count or p(N) with N from 0 to 100");
            }
        }

        if (options.SummaryTimeUnit is { } unit && !SummaryTimeUnits.Contains(unit, StringComparer.Ordinal))
        {
            context.Report(DiagnosticCatalog.InvalidSettingValue, "options.summaryTimeUnit", location,
                "Option summaryTimeUnit", Safe.Quote(unit), "use 's', 'ms' or 'us'");
        }

        var systemTags = options.SystemTags ?? [];
        for (var i = 0; i < systemTags.Count; i++)
        {
            if (!KnownSystemTags.Contains(systemTags[i], StringComparer.Ordinal))
            {
                context.Report(DiagnosticCatalog.InvalidName, "options.systemTags[" + Safe.Text(i) + "]", location,
                    "System tag", systemTags[i] ?? string.Empty, "k6 drops unknown system tags silently; use one of: " + string.Join(", ", KnownSystemTags));
            }
        }

        foreach (var tag in Safe.Pairs(options.Tags))
        {
            if (!TagRules.IsTagKey(tag.Key))
            {
                context.Report(DiagnosticCatalog.InvalidName, "options.tags", location, "Tag key", TextCharacters.Escape(tag.Key ?? string.Empty), TagRules.KeyAdvice);
            }
        }

        CheckCloud(context, options.Cloud);
    }

    // What the Kubernetes API server accepts for the manifest's names (apimachinery's validation): a namespace is a DNS
    // label, a Secret's name a DNS subdomain. kubectl would refuse them only at apply time, after the run was planned.
    private const int DnsLabelLength = 63;
    private const int DnsSubdomainLength = 253;

    private static void CheckKubernetes(ValidationContext context, KubernetesRun kubernetes)
    {
        var location = kubernetes.DefinedAt ?? context.Test.DefinedAt;
        if (kubernetes.Parallelism < 1)
        {
            context.Report(DiagnosticCatalog.InvalidSettingValue, "kubernetes.parallelism", location,
                "k6-operator parallelism", kubernetes.Parallelism, "use 1 or more runner pods");
        }

        if (kubernetes.Namespace is { } ns && !IsDnsLabel(ns))
        {
            context.Report(DiagnosticCatalog.InvalidSettingValue, "kubernetes.namespace", location,
                "Kubernetes namespace", Safe.Quote(TextCharacters.Escape(ns)),
                "Kubernetes refuses it; use at most 63 lower-case letters, digits and '-', starting and ending with a letter or digit");
        }

        if (kubernetes.SecretName is { } secret && !IsDnsSubdomain(secret))
        {
            context.Report(DiagnosticCatalog.InvalidSettingValue, "kubernetes.secretName", location,
                "Kubernetes Secret name", Safe.Quote(TextCharacters.Escape(secret)),
                "Kubernetes refuses it; use at most 253 lower-case letters, digits, '-' and '.', each dot-separated part starting and ending with a letter or digit");
        }

        // The API server refuses an image with white space around it, and no registry names an image with any inside.
        if (kubernetes.RunnerImage is { } image && (image.Length == 0 || image.Any(c => char.IsWhiteSpace(c) || char.IsControl(c))))
        {
            context.Report(DiagnosticCatalog.InvalidSettingValue, "kubernetes.runnerImage", location,
                "k6-operator runner image", Safe.Quote(TextCharacters.Escape(image)),
                "name an image without white space, such as grafana/k6:1.4.0, or leave it unset for the operator's default");
        }
    }

    /// <summary>Gets whether a name is an RFC 1123 DNS label as Kubernetes checks it (a namespace, for one).</summary>
    private static bool IsDnsLabel(string name) =>
        name.Length is > 0 and <= DnsLabelLength && IsLabelPart(name.AsSpan());

    /// <summary>Gets whether a name is an RFC 1123 DNS subdomain as Kubernetes checks it (a Secret's name, for one).</summary>
    private static bool IsDnsSubdomain(string name)
    {
        if (name.Length is 0 or > DnsSubdomainLength)
        {
            return false;
        }

        foreach (var part in name.Split('.'))
        {
            if (part.Length == 0 || !IsLabelPart(part.AsSpan()))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsLabelPart(ReadOnlySpan<char> part)
    {
        static bool IsAlphanumeric(char c) => c is (>= 'a' and <= 'z') or (>= '0' and <= '9');
        if (!IsAlphanumeric(part[0]) || !IsAlphanumeric(part[^1]))
        {
            return false;
        }

        foreach (var c in part)
        {
            if (!IsAlphanumeric(c) && c != '-')
            {
                return false;
            }
        }

        return true;
    }

    private static void CheckCloud(ValidationContext context, CloudOptions? cloud)
    {
        var location = context.Test.DefinedAt;
        var zones = Safe.List(cloud?.Distribution);
        if (zones.Count == 0)
        {
            return;
        }

        foreach (var zone in zones)
        {
            var path = "options.cloud.distribution." + zone.Label;
            if (string.IsNullOrWhiteSpace(zone.Label))
            {
                context.Report(DiagnosticCatalog.InvalidSettingValue, path, location, "A cloud load zone's label", "empty", "name it; k6 keys the distribution by label");
            }

            if (string.IsNullOrWhiteSpace(zone.LoadZone))
            {
                context.Report(DiagnosticCatalog.InvalidSettingValue, path + ".loadZone", location, "Cloud load zone " + Safe.Quote(zone.Label), "empty", "name a zone such as amazon:de:frankfurt");
            }

            if (zone.Percent is < 1 or > 100)
            {
                context.Report(DiagnosticCatalog.InvalidSettingValue, path + ".percent", location,
                    "Cloud load zone " + Safe.Quote(zone.Label) + " percent", zone.Percent, "use a share from 1 to 100");
            }
        }

        var total = zones.Sum(zone => (long)zone.Percent);
        if (total != 100)
        {
            context.Report(DiagnosticCatalog.CloudDistributionNotWhole, "options.cloud.distribution", location, total);
        }
    }

    private static void NonNegative(ValidationContext context, int? value, string option)
    {
        if (value < 0)
        {
            context.Report(DiagnosticCatalog.InvalidSettingValue, "options." + option, context.Test.DefinedAt,
                "Option " + option, value.Value, "use 0 or more");
        }
    }

    /// <summary>Mirrors k6's summary-stat parser (metrics/sample.go): a fixed name or p(N) with 0 &lt;= N &lt;= 100.</summary>
    private static bool IsTrendStat(string? stat)
    {
        if (stat is null)
        {
            return false;
        }

        if (StaticTrendStats.Contains(stat, StringComparer.Ordinal))
        {
            return true;
        }

        return stat.StartsWith("p(", StringComparison.Ordinal) && stat.EndsWith(')')
            && double.TryParse(stat.AsSpan(2, stat.Length - 3), NumberStyles.Float, CultureInfo.InvariantCulture, out var percentile)
            && percentile is >= 0 and <= 100;
    }
}
