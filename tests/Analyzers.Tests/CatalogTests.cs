using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using K6Scenarios.Analyzers.Tests.Verification;
using Microsoft.CodeAnalysis;

namespace K6Scenarios.Analyzers.Tests;

public sealed class CatalogTests
{
    private static readonly IReadOnlyList<DiagnosticDescriptor> Reported = AnalyzerDiscovery.Descriptors;

    /// <summary>The model's catalog, read by reflection: the analyzer assembly links the same source, so naming the type would be ambiguous.</summary>
    private static readonly IReadOnlyList<(string Field, string Id, string Title, string Severity)> Catalog = ReadCatalog();

    public static TheoryData<string> ReportedIds() => new(Reported.Select(d => d.Id));

    public static TheoryData<string> CatalogIds() => new(Catalog.Select(r => r.Id));

    [Theory]
    [MemberData(nameof(ReportedIds))]
    public void Help_link_points_at_an_existing_rule_page(string id)
    {
        var descriptor = Reported.Single(d => d.Id == id);

        Assert.EndsWith("/docs/rules/" + id + ".md", descriptor.HelpLinkUri, StringComparison.Ordinal);
        Assert.True(File.Exists(Repository.PathOf("docs", "rules", id + ".md")), "docs/rules/" + id + ".md is missing");
    }

    [Theory]
    [MemberData(nameof(CatalogIds))]
    public void Every_catalog_rule_has_a_page_and_a_row_in_the_rules_table(string id)
    {
        var page = File.ReadAllText(Repository.PathOf("docs", "rules", id + ".md"));
        var table = File.ReadAllText(Repository.PathOf("docs", "rules", "README.md"));

        Assert.StartsWith("# " + id + ":", page, StringComparison.Ordinal);
        foreach (var section in new[] { "## Cause", "## Rule description", "## How to fix", "## How to suppress" })
        {
            Assert.Contains(section, page, StringComparison.Ordinal);
        }

        Assert.Contains("[" + id + "](" + id + ".md)", table, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(ReportedIds))]
    public void Reported_rule_is_tracked_in_an_analyzer_release(string id)
    {
        var descriptor = Reported.Single(d => d.Id == id);
        var releases = File.ReadAllLines(Repository.PathOf("src", "Analyzers", "AnalyzerReleases.Shipped.md"))
            .Concat(File.ReadAllLines(Repository.PathOf("src", "Analyzers", "AnalyzerReleases.Unshipped.md")));

        var row = Assert.Single(releases, line => line.StartsWith(id + " |", StringComparison.Ordinal));
        var cells = row.Split('|').Select(c => c.Trim()).ToArray();
        Assert.Equal(descriptor.Category, cells[1]);
        Assert.Equal(descriptor.DefaultSeverity.ToString(), cells[2]);
    }

    [Theory]
    [MemberData(nameof(ReportedIds))]
    public void Every_descriptor_mirrors_its_catalog_rule(string id)
    {
        var descriptor = Reported.Single(d => d.Id == id);

        var rule = Assert.Single(Catalog, r => r.Id == id);
        Assert.Equal(rule.Title, descriptor.Title.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(rule.Severity, descriptor.DefaultSeverity.ToString());
        Assert.True(descriptor.IsEnabledByDefault);
    }

    [Theory]
    [MemberData(nameof(ReportedIds))]
    public void Every_reported_rule_has_its_own_test_class(string id)
    {
        // One class per rule ID, named after it (Rules/K6S0101Tests.cs), with a case that fires and one that does not.
        var testClass = typeof(CatalogTests).Assembly.GetType("K6Scenarios.Analyzers.Tests.Rules." + id + "Tests");

        Assert.True(testClass is not null, "Rules/" + id + "Tests.cs is missing");
        Assert.True(testClass!.GetMethods().Count(m => m.GetCustomAttributes<FactAttribute>().Any()) >= 2, id + "Tests needs a firing and a non-firing case");
    }

    private static List<(string Field, string Id, string Title, string Severity)> ReadCatalog()
    {
        var catalog = typeof(K6Scenarios.Model.LoadTest).Assembly.GetType("K6Scenarios.Diagnostics.DiagnosticCatalog")!;
        var rules = new List<(string, string, string, string)>();
        foreach (var field in catalog.GetFields(BindingFlags.Static | BindingFlags.Public))
        {
            var rule = field.GetValue(null);
            if (rule is null || rule.GetType().Name != "RuleDescriptor")
            {
                continue;
            }

            string Read(string property) => rule.GetType().GetProperty(property)!.GetValue(rule)!.ToString()!;
            rules.Add((field.Name, Read("Id"), Read("Title"), Read("Severity")));
        }

        return rules.OrderBy(r => r.Item2, StringComparer.Ordinal).ToList();
    }
}
