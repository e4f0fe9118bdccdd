using System;
using System.Linq;
using K6Scenarios.Diagnostics;
using static K6Scenarios.Model.Tests.Validation.ValidationKit;

namespace K6Scenarios.Model.Tests.Validation;

public class OptionsRuleTests
{
    private static LoadTest WithOptions(Func<K6Options, K6Options> change) =>
        LoadTest.Create("options").BaseUrl(Api)
            .Options(change)
            .Scenario("signin", s => s.ConstantVus(10, Minutes(1)).Flow(f => f.Get("/api/health").ThinkTime(Seconds(1))));

    [Theory]
    [InlineData("setupTimeout", 0)]
    [InlineData("teardownTimeout", -5)]
    public void Timeouts_must_be_positive(string option, int seconds)
    {
        var test = WithOptions(o => option == "setupTimeout" ? o with { SetupTimeout = Seconds(seconds) } : o with { TeardownTimeout = Seconds(seconds) });

        var diagnostic = Single(Validate(test), DiagnosticCatalog.InvalidDuration);

        Assert.Equal("options." + option, diagnostic.Path);
        Assert.Equal(test.DefinedAt, diagnostic.Location);
        Assert.Equal("Option " + option + " is " + Formatting.Duration(Seconds(seconds)) + "; k6 needs a positive duration", diagnostic.Message);
    }

    [Fact]
    public void Negative_min_iteration_duration_is_an_error() =>
        Assert.Equal("options.minIterationDuration", Single(Validate(WithOptions(o => o with { MinIterationDuration = Seconds(-1) })), DiagnosticCatalog.InvalidDuration).Path);

    [Fact]
    public void Negative_counts_are_errors()
    {
        var diagnostics = Validate(WithOptions(o => o with { MaxRedirects = -1, Batch = -2, BatchPerHost = -3 }));

        Assert.Equal(["options.maxRedirects", "options.batch", "options.batchPerHost"], diagnostics.Where(d => d.Id == DiagnosticCatalog.InvalidSettingValue.Id).Select(d => d.Path));
    }

    [Fact]
    public void Summary_trend_stats_k6_cannot_parse_are_errors()
    {
        var diagnostics = Validate(WithOptions(o => o with { SummaryTrendStats = ["avg", "p(99.9)", "p95", "p(101)", "count"] }));

        Assert.Equal(["options.summaryTrendStats[2]", "options.summaryTrendStats[3]"], diagnostics.Select(d => d.Path));
        Assert.All(diagnostics, d => Assert.Equal(DiagnosticCatalog.InvalidSettingValue.Id, d.Id));
    }

    [Fact]
    public void Summary_time_unit_must_be_one_k6_knows()
    {
        AssertClean(Validate(WithOptions(o => o with { SummaryTimeUnit = "ms" })));
        Assert.Equal("options.summaryTimeUnit", Single(Validate(WithOptions(o => o with { SummaryTimeUnit = "sec" })), DiagnosticCatalog.InvalidSettingValue).Path);
    }

    [Fact]
    public void Unknown_system_tag_is_reported_because_k6_drops_it_silently()
    {
        var diagnostic = Single(Validate(WithOptions(o => o with { SystemTags = ["status", "scenarios"] })), DiagnosticCatalog.InvalidName);

        Assert.Equal("options.systemTags[1]", diagnostic.Path);
        Assert.StartsWith("System tag 'scenarios' is not valid", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Test_wide_tag_key_must_be_selectable()
    {
        var diagnostic = Single(Validate(WithOptions(o => o with { Tags = [new("test run", "smoke")] })), DiagnosticCatalog.InvalidName);

        Assert.Equal("options.tags", diagnostic.Path);
    }

    [Fact]
    public void Cloud_distribution_must_sum_to_100()
    {
        var test = WithOptions(o => o with
        {
            Cloud = new CloudOptions
            {
                Name = "storm",
                Distribution = [new("eu", "amazon:se:stockholm", 50), new("us", "amazon:us:ashburn", 40)],
            },
        });

        var diagnostic = Single(Validate(test), DiagnosticCatalog.CloudDistributionNotWhole);

        Assert.Equal("options.cloud.distribution", diagnostic.Path);
        Assert.Equal("options.cloud.distribution gives the load zones 90 % in total; make the percents sum to 100", diagnostic.Message);
    }

    [Fact]
    public void Cloud_zone_share_must_be_1_to_100()
    {
        var test = WithOptions(o => o with
        {
            Cloud = new CloudOptions { Distribution = [new("eu", "amazon:se:stockholm", 100), new("us", "amazon:us:ashburn", 0)] },
        });

        Assert.Equal("options.cloud.distribution.us.percent", Single(Validate(test), DiagnosticCatalog.InvalidSettingValue).Path);
    }

    [Fact]
    public void K6_operator_parallelism_must_be_at_least_one()
    {
        LoadTest test = LoadTest.Create("storm").BaseUrl(Api)
            .RunOnKubernetes(4, k => k with { Parallelism = 0 })
            .Scenario("signin", s => s.ConstantVus(10, Minutes(1)).Flow(f => f.Get("/api/health").ThinkTime(Seconds(1))));

        Assert.Equal("kubernetes.parallelism", Single(Validate(test), DiagnosticCatalog.InvalidSettingValue).Path);
    }

    [Fact]
    public void Realistic_options_are_fine()
    {
        var test = WithOptions(o => o with
        {
            SetupTimeout = Minutes(2),
            TeardownTimeout = Seconds(30),
            SummaryTrendStats = ["avg", "med", "p(95)", "p(99)", "max"],
            SummaryTimeUnit = "ms",
            MaxRedirects = 0,
            SystemTags = ["status", "method", "name", "group", "scenario", "expected_response", "check"],
            Tags = [new("testid", "storm-2026-04-25")],
            Cloud = new CloudOptions { Distribution = [new("eu", "amazon:se:stockholm", 60), new("us", "amazon:us:ashburn", 40)] },
        });

        AssertClean(Validate(test));
    }
}
