using System;
using System.Linq;
using System.Threading.Tasks;
using K6Scenarios.Analyzers.Tests.Verification;

namespace K6Scenarios.Analyzers.Tests.Rules;

public sealed class ThresholdTests
{
    private const string Flows = """
                    .Scenario("signin", s => s.ConstantVus(10, TimeSpan.FromSeconds(30)).Flow(f => f
                        .Group("login", g => g.Post("/api/auth/signin", r => r.Named("signin").RecordFailureIn(Errors)))
                        .Get("/api/health")
                        .ThinkTime(TimeSpan.FromSeconds(1))))
        """;

    [Fact]
    public async Task Tag_values_that_nothing_produces_are_reported_with_the_values_that_exist()
    {
        var reported = await AnalyzerTest.For(Code.Wrap("""
                static readonly RateMetric Errors = CustomMetric.Rate("errors");

                public static LoadTest Test() => LoadTest.Create("test")
            """ + Flows + """
                    .Threshold(K6Metrics.HttpReqDuration.ForScenario({|K6S0205:"sigin"|}).P(95) < 500)
                    .Threshold(K6Metrics.HttpReqDuration.ForRequest({|K6S0205:"/api/auth/signin"|}).P(95) < 500)
                    .Threshold(K6Metrics.GroupDuration.ForGroup({|K6S0205:"logn"|}).Avg < 500)
                    .Threshold(K6Metrics.HttpReqFailed.Where("method", {|K6S0205:"post"|}).Rate < 0.01);
            """)).VerifyAsync();

        Assert.Contains("use one of: 'signin'", reported[0].Message, StringComparison.Ordinal);
        Assert.Contains("use one of: '/api/health', 'signin'", reported[1].Message, StringComparison.Ordinal);
        Assert.Contains("use one of: '::login'", reported[2].Message, StringComparison.Ordinal);
        Assert.Contains("use one of: 'GET', 'POST'", reported[3].Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Produced_tag_values_and_constants_are_not_reported()
    {
        await AnalyzerTest.For(Code.Wrap("""
                static readonly RateMetric Errors = CustomMetric.Rate("errors");
                const string SignIn = "signin";

                public static LoadTest Test() => LoadTest.Create("test")
            """ + Flows + """
                    .Threshold(K6Metrics.HttpReqDuration.ForScenario(SignIn).P(95) < 500)
                    .Threshold(K6Metrics.HttpReqDuration.ForRequest("signin").P(95) < 500)
                    .Threshold(K6Metrics.HttpReqDuration.ForRequest("/api/health").P(95) < 500)
                    .Threshold(K6Metrics.GroupDuration.ForGroup("login").Avg < 500)
                    .Threshold(K6Metrics.HttpReqFailed.Where("method", "POST").Rate < 0.01)
                    .Threshold(Errors.Rate < 0.1);
            """)).VerifyAsync();
    }

    [Fact]
    public async Task Tag_values_are_not_judged_when_names_are_computed_or_flows_are_hidden()
    {
        await AnalyzerTest.For(Code.Wrap("""
                public static LoadTest Computed(string name) => LoadTest.Create("computed")
                    .Scenario(name, s => s.ConstantVus(10, TimeSpan.FromSeconds(30)).Flow(f => f.Get("/a").ThinkTime(TimeSpan.FromSeconds(1))))
                    .Threshold(K6Metrics.HttpReqDuration.ForScenario("other").P(95) < 500);

                public static LoadTest Hidden() => LoadTest.Create("hidden")
                    .Scenario("s", s => s.ConstantVus(10, TimeSpan.FromSeconds(30)).Flow(Steps))
                    .Threshold(K6Metrics.HttpReqDuration.ForRequest("/b").P(95) < 500);

                static void Steps(FlowBuilder f) => f.Get("/b").ThinkTime(TimeSpan.FromSeconds(1));
            """)).VerifyAsync();
    }

    [Fact]
    public async Task Threshold_on_a_custom_metric_that_nothing_records_is_reported()
    {
        await AnalyzerTest.For(Code.Wrap("""
                static readonly RateMetric Errors = CustomMetric.Rate("errors");
                static readonly TrendMetric Journey = CustomMetric.Trend("journey", isTime: true);

                public static LoadTest Test() => LoadTest.Create("test")
                    .Scenario("s", s => s.ConstantVus(10, TimeSpan.FromSeconds(30)).Flow(f => f
                        .Timed(Journey, t => t.Get("/a"))
                        .ThinkTime(TimeSpan.FromSeconds(1))))
                    .Metric(Errors)
                    .Threshold({|K6S0208:Errors|}.Rate < 0.1)
                    .Threshold(Journey.P(95) < 3000);
            """)).VerifyAsync();
    }

    [Fact]
    public async Task One_metric_name_with_two_types_is_reported()
    {
        await AnalyzerTest.For(Code.Wrap("""
                static readonly RateMetric Errors = CustomMetric.Rate("errors");
                static readonly CounterMetric ErrorCount = CustomMetric.Counter("errors");

                public static LoadTest Test() => LoadTest.Create("test")
                    .Scenario("s", s => s.ConstantVus(10, TimeSpan.FromSeconds(30)).Flow(f => f
                        .Get("/a", r => r.RecordFailureIn(Errors).CountIn({|K6S0202:ErrorCount|}))
                        .ThinkTime(TimeSpan.FromSeconds(1))));
            """)).VerifyAsync();
    }

    [Fact]
    public async Task Percentiles_tag_commas_delays_and_values_are_checked()
    {
        await AnalyzerTest.For(Code.Wrap("""
                public static LoadTest Test() => LoadTest.Create("test")
                    .Scenario("s", s => s.ConstantVus(10, TimeSpan.FromSeconds(30)).Flow(f => f.Get("/a").ThinkTime(TimeSpan.FromSeconds(1))))
                    .Threshold(K6Metrics.HttpReqDuration.P({|K6S0203:101|}) < 500)
                    .Threshold(K6Metrics.HttpReqDuration.P(99.9) < 500)
                    .Threshold(K6Metrics.HttpReqDuration.Where("team", {|K6S0204:"a,b"|}).P(95) < 500)
                    .Threshold(K6Metrics.HttpReqFailed.Rate < 0.05, delayAbortEval: {|K6S0206:TimeSpan.FromSeconds(10)|})
                    .Threshold(K6Metrics.HttpReqFailed.Rate < 0.05, abortOnFail: true, delayAbortEval: TimeSpan.FromSeconds(10))
                    .Threshold(K6Metrics.HttpReqDuration.Avg < {|K6S0209:double.NaN|});
            """)).VerifyAsync();
    }

    [Fact]
    public async Task Custom_metric_names_are_checked()
    {
        await AnalyzerTest.For(Code.Wrap("""
                static readonly RateMetric Shadow = CustomMetric.Rate({|K6S0207:"http_req_failed"|});
                static readonly RateMetric Bad = CustomMetric.Rate({|K6S0201:"1errors"|});
                static readonly RateMetric Good = CustomMetric.Rate("registration_failures");
            """)).VerifyAsync();
    }
}
