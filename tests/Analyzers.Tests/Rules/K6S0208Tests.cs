using System.Threading.Tasks;
using K6Scenarios.Analyzers.Tests.Verification;

namespace K6Scenarios.Analyzers.Tests.Rules;

/// <summary>K6S0208: a threshold on a custom metric that no step records.</summary>
public sealed class K6S0208Tests
{
    [Fact]
    public async Task Threshold_on_a_custom_metric_that_nothing_records_is_reported()
    {
        await Verify.AnalyzerAsync(
            Code.Wrap("""
                static readonly RateMetric Errors = CustomMetric.Rate("errors");

                public static LoadTest Test() => LoadTest.Create("test")
                    .Scenario("s", s => s.ConstantVus(10, TimeSpan.FromSeconds(30)).Flow(f => f.Get("/a").ThinkTime(TimeSpan.FromSeconds(1))))
                    .Metric(Errors)
                    .Threshold({|#0:Errors|}.Rate < 0.1);
            """),
            Verify.Diagnostic("K6S0208").WithLocation(0).WithArguments("errors"));
    }

    [Fact]
    public async Task Thresholds_on_recorded_metrics_are_not_reported()
    {
        await Verify.AnalyzerAsync(Code.Wrap("""
                static readonly RateMetric Errors = CustomMetric.Rate("errors");
                static readonly TrendMetric Journey = CustomMetric.Trend("journey", isTime: true);

                public static LoadTest Test() => LoadTest.Create("test")
                    .Scenario("s", s => s.ConstantVus(10, TimeSpan.FromSeconds(30)).Flow(f => f
                        .Timed(Journey, t => t.Get("/a", r => r.RecordFailureIn(Errors)))
                        .ThinkTime(TimeSpan.FromSeconds(1))))
                    .Threshold(Errors.Rate < 0.1)
                    .Threshold(Journey.P(95) < 3000);
            """));
    }
}
