using System;
using System.Linq;
using K6Scenarios.Diagnostics;
using static K6Scenarios.Model.Tests.Validation.ValidationKit;

namespace K6Scenarios.Model.Tests.Validation;

public class MetricRuleTests
{
    private static LoadTestBuilder SignIn(Action<RequestBuilder>? request = null) =>
        LoadTest.Create("signin-storm").BaseUrl(Api)
            .Scenario("signin", s => s.ConstantVus(200, Seconds(60)).Flow(f => f
                .Post("/api/auth/signin", r => { r.ExpectStatus(201); request?.Invoke(r); })
                .ThinkTime(Seconds(1))));

    [Fact]
    public void Custom_metric_name_k6_rejects_is_reported_where_it_is_first_used()
    {
        var errorRate = CustomMetric.Rate("error-rate");
        var postLine = 0;
        LoadTest test = LoadTest.Create("signin").BaseUrl(Api)
            .Scenario("signin", s => s.ConstantVus(10, Seconds(60)).Flow(f => f
                .Post("/api/auth/signin", r => r.ExpectStatus(201).RecordFailureIn(errorRate)).At(out postLine)
                .ThinkTime(Seconds(1))))
            .Threshold(errorRate.Rate < 0.05);

        var diagnostic = AssertReported(Validate(test), DiagnosticCatalog.InvalidMetricName, "scenarios.signin.flow[0]", postLine);

        Assert.Contains("'error-rate'", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Same_metric_name_with_two_types_is_reported_at_the_second_declaration()
    {
        var getLine = 0;
        LoadTest test = LoadTest.Create("shop").BaseUrl(Api)
            .Scenario("shoppers", s => s.ConstantVus(10, Seconds(60)).Flow(f => f
                .Post("/api/orders", r => r.ExpectStatus(201).RecordFailureIn(CustomMetric.Rate("errors")))
                .Get("/api/orders", r => r.ExpectStatus(200).CountIn(CustomMetric.Counter("errors"))).At(out getLine)
                .ThinkTime(Seconds(1))));

        var diagnostic = AssertReported(Validate(test), DiagnosticCatalog.DuplicateMetricName, "scenarios.shoppers.flow[1]", getLine);

        Assert.Equal("Metric name 'errors' is declared as Rate and as Counter; use one declaration, or another name", diagnostic.Message);
    }

    [Fact]
    public void Trend_of_times_and_plain_trend_with_one_name_conflict()
    {
        var timed = CustomMetric.Trend("order_duration", isTime: true);
        var plain = CustomMetric.Trend("order_duration");
        LoadTest test = LoadTest.Create("shop").BaseUrl(Api)
            .Metric(timed)
            .Scenario("shoppers", s => s.ConstantVus(10, Seconds(60)).Flow(f => f
                .Post("/api/orders", r => r.ExpectStatus(201).RecordDurationIn(plain))
                .ThinkTime(Seconds(1))));

        var diagnostic = Single(Validate(test), DiagnosticCatalog.DuplicateMetricName);

        Assert.Equal("scenarios.shoppers.flow[0]", diagnostic.Path);
        Assert.Contains("Trend (isTime) and as Trend", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Percentile_outside_0_to_100_is_reported_at_the_threshold()
    {
        var line = 0;
        LoadTest test = SignIn()
            .At(out line).Threshold(K6Metrics.HttpReqDuration.P(101) < 500);

        var diagnostic = AssertReported(Validate(test), DiagnosticCatalog.InvalidPercentile, "thresholds['http_req_duration'][0]", line);

        Assert.Contains("p(101)", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Threshold_path_counts_entries_of_the_same_key()
    {
        var line = 0;
        LoadTest test = SignIn()
            .Threshold(K6Metrics.HttpReqDuration.P(95) < 500)
            .At(out line).Threshold(K6Metrics.HttpReqDuration.P(-1) < 900);

        AssertReported(Validate(test), DiagnosticCatalog.InvalidPercentile, "thresholds['http_req_duration'][1]", line);
    }

    [Fact]
    public void Tag_value_with_a_comma_is_an_error()
    {
        var line = 0;
        LoadTest test = SignIn(r => r.Named("signin,v2"))
            .At(out line).Threshold(K6Metrics.HttpReqDuration.ForRequest("signin,v2").P(95) < 500);

        AssertReported(Validate(test), DiagnosticCatalog.ThresholdTagValueUnparsable, "thresholds['http_req_duration{name:signin,v2}'][0]", line);
    }

    [Fact]
    public void Threshold_on_a_scenario_that_does_not_exist_lists_the_scenarios()
    {
        var line = 0;
        LoadTest test = SignIn()
            .At(out line).Threshold(K6Metrics.HttpReqDuration.ForScenario("signn").P(95) < 500, abortOnFail: true);

        var diagnostic = AssertReported(Validate(test), DiagnosticCatalog.ThresholdTagValueNeverProduced, "thresholds['http_req_duration{scenario:signn}'][0]", line);

        Assert.Equal(
            "Threshold 'http_req_duration{scenario:signn}' selects scenario 'signn', which nothing in this load test produces, so it would pass silently; use one of: 'signin'",
            diagnostic.Message);
    }

    [Fact]
    public void Threshold_on_status_200_when_sign_in_answers_201_is_caught()
    {
        // Seed 000: the check expected 200 while sign-in answers 201.
        LoadTest test = SignIn()
            .Threshold(K6Metrics.HttpReqDuration.ForStatus(200).P(95) < 500);

        var diagnostic = Single(Validate(test), DiagnosticCatalog.ThresholdTagValueNeverProduced);

        Assert.EndsWith("use one of: '201'", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Status_thresholds_accept_k6s_default_expected_statuses_when_a_request_sets_none()
    {
        LoadTest test = LoadTest.Create("browse").BaseUrl(Api)
            .Scenario("browse", s => s.ConstantVus(10, Seconds(60)).Flow(f => f.Get("/api/products").ThinkTime(Seconds(1))))
            .Threshold(K6Metrics.HttpReqDuration.ForStatus(200).P(95) < 500)
            .Threshold(K6Metrics.HttpReqDuration.ForStatus(304).P(95) < 500);

        AssertClean(Validate(test));
    }

    [Theory]
    [InlineData(TagNames.Name, "/api/auth/login", "'/api/auth/signin'")]
    [InlineData(TagNames.Group, "::login", "(none)")]
    [InlineData(TagNames.Method, "PUT", "'POST'")]
    [InlineData(TagNames.Status, "429", "'201'")]
    public void Sub_metric_on_a_system_tag_value_nothing_produces_is_caught(string tag, string value, string suggestions)
    {
        LoadTest test = SignIn().Threshold(K6Metrics.HttpReqDuration.Where(tag, value).P(95) < 500);

        var diagnostic = Single(Validate(test), DiagnosticCatalog.ThresholdTagValueNeverProduced);

        Assert.EndsWith("use one of: " + suggestions, diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Group_sub_metric_matches_nested_group_paths()
    {
        LoadTest test = LoadTest.Create("shop").BaseUrl(Api)
            .Scenario("shoppers", s => s.ConstantVus(10, Seconds(60)).Flow(f => f
                .Group("checkout", g => g.Group("payment", p => p.Post("/api/payments", r => r.ExpectStatus(201))))
                .ThinkTime(Seconds(1))))
            .Threshold(K6Metrics.GroupDuration.ForGroup("checkout", "payment").P(95) < 2000)
            .Threshold(K6Metrics.GroupDuration.ForGroup("payment").P(95) < 2000);

        var diagnostic = Single(Validate(test), DiagnosticCatalog.ThresholdTagValueNeverProduced);

        Assert.Equal("thresholds['group_duration{group:::payment}'][0]", diagnostic.Path);
        Assert.EndsWith("use one of: '::checkout', '::checkout::payment'", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Custom_tags_are_checked_only_when_the_test_sets_them()
    {
        LoadTest test = LoadTest.Create("shop").BaseUrl(Api)
            .Scenario("shoppers", s => s.ConstantVus(10, Seconds(60)).Tag("team", "payments").Flow(f => f
                .Post("/api/orders", r => r.ExpectStatus(201).Tag("flow", "checkout"))
                .ThinkTime(Seconds(1))))
            .Threshold(K6Metrics.HttpReqDuration.Where("team", "payments").P(95) < 500)
            .Threshold(K6Metrics.HttpReqDuration.Where("flow", "checkout").P(95) < 500)
            .Threshold(K6Metrics.HttpReqDuration.Where("instance_id", "0").P(95) < 500)
            .Threshold(K6Metrics.HttpReqDuration.Where("team", "payment").P(95) < 500);

        var diagnostic = Single(Validate(test), DiagnosticCatalog.ThresholdTagValueNeverProduced);

        Assert.Equal("thresholds['http_req_duration{team:payment}'][0]", diagnostic.Path);
    }

    [Fact]
    public void Scenario_threshold_is_caught_when_system_tags_leave_out_the_scenario_tag()
    {
        LoadTest test = SignIn()
            .Options(o => o with { SystemTags = ["status", "method", "name"] })
            .Threshold(K6Metrics.HttpReqDuration.ForScenario("signin").P(95) < 500);

        var diagnostic = Single(Validate(test), DiagnosticCatalog.ThresholdTagValueNeverProduced);

        Assert.EndsWith("use one of: (none: options.systemTags leaves out 'scenario')", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Empty_threshold_tag_value_is_an_invalid_name()
    {
        var line = 0;
        LoadTest test = SignIn().At(out line).Threshold(K6Metrics.HttpReqDuration.ForScenario(string.Empty).P(95) < 500);

        var diagnostic = AssertReported(Validate(test), DiagnosticCatalog.InvalidName, "thresholds['http_req_duration{scenario:}'][0]", line);

        Assert.StartsWith("Threshold tag value '' is not valid", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Delay_without_abort_is_a_warning_at_the_threshold()
    {
        var line = 0;
        LoadTest test = SignIn()
            .At(out line).Threshold(K6Metrics.HttpReqFailed.Rate < 0.05, delayAbortEval: Seconds(30));

        AssertReported(Validate(test), DiagnosticCatalog.DelayWithoutAbort, "thresholds['http_req_failed'][0]", line);
    }

    [Fact]
    public void Delay_with_abort_is_fine() =>
        AssertClean(Validate(SignIn().Threshold(K6Metrics.HttpReqFailed.Rate < 0.05, abortOnFail: true, delayAbortEval: Seconds(30))));

    [Fact]
    public void Custom_metric_with_a_built_in_name_is_an_error()
    {
        var postLine = 0;
        LoadTest test = LoadTest.Create("signin").BaseUrl(Api)
            .Scenario("signin", s => s.ConstantVus(10, Seconds(60)).Flow(f => f
                .Post("/api/auth/signin", r => r.ExpectStatus(201).RecordDurationIn(CustomMetric.Trend("http_req_duration", isTime: true))).At(out postLine)
                .ThinkTime(Seconds(1))));

        AssertReported(Validate(test), DiagnosticCatalog.MetricShadowsBuiltIn, "scenarios.signin.flow[0]", postLine);
    }

    [Fact]
    public void Threshold_on_a_custom_metric_nothing_records_is_a_warning()
    {
        var errors = CustomMetric.Rate("errors");
        var line = 0;
        LoadTest test = SignIn()
            .Metric(errors)
            .At(out line).Threshold(errors.Rate < 0.1);

        var diagnostic = AssertReported(Validate(test), DiagnosticCatalog.MetricNeverRecorded, "thresholds['errors'][0]", line);

        // It can only pass vacuously or fail, like a threshold on a tag value nothing produces: no script (an error).
        Assert.True(diagnostic.IsError);
    }

    [Fact]
    public void Threshold_on_a_recorded_custom_metric_is_fine()
    {
        var errors = CustomMetric.Rate("errors");

        AssertClean(Validate(SignIn(r => r.RecordFailureIn(errors)).Threshold(errors.Rate < 0.1)));
    }

    [Theory]
    [InlineData(double.NaN, "NaN")]
    [InlineData(double.PositiveInfinity, "Infinity")]
    public void Threshold_value_must_be_finite(double value, string shown)
    {
        var line = 0;
        LoadTest test = SignIn().At(out line).Threshold(K6Metrics.HttpReqDuration.P(95) < value);

        var diagnostic = AssertReported(Validate(test), DiagnosticCatalog.InvalidThresholdValue, "thresholds['http_req_duration'][0]", line);

        Assert.Contains("compares with " + shown, diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Negative_delay_before_abort_evaluation_is_an_invalid_duration()
    {
        LoadTest test = SignIn().Threshold(K6Metrics.HttpReqFailed.Rate < 0.05, abortOnFail: true, delayAbortEval: Seconds(-10));

        Assert.Equal("thresholds['http_req_failed'][0]", Single(Validate(test), DiagnosticCatalog.InvalidDuration).Path);
    }

    [Fact]
    public void Metric_problems_are_reported_once_per_name()
    {
        var errors = CustomMetric.Rate("error rate");
        LoadTest test = SignIn(r => r.RecordFailureIn(errors))
            .Metric(errors)
            .Threshold(errors.Rate < 0.1)
            .Threshold(errors.Rate < 0.2, abortOnFail: true);

        var diagnostic = Single(Validate(test), DiagnosticCatalog.InvalidMetricName);

        Assert.Equal("metrics.error rate", diagnostic.Path);
    }
}
