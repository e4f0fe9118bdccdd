using System.Threading.Tasks;
using K6Scenarios.Analyzers.Tests.Verification;

namespace K6Scenarios.Analyzers.Tests.Rules;

/// <summary>K6S0202: one metric name declared with two metric types.</summary>
public sealed class K6S0202Tests
{
    [Fact]
    public async Task One_metric_name_with_two_types_is_reported()
    {
        await Verify.AnalyzerAsync(
            Code.Wrap("""
                static readonly RateMetric Errors = CustomMetric.Rate("errors");
                static readonly CounterMetric ErrorCount = CustomMetric.Counter("errors");

                public static LoadTest Test() => LoadTest.Create("test")
                    .Scenario("s", s => s.ConstantVus(10, TimeSpan.FromSeconds(30)).Flow(f => f
                        .Get("/a", r => r.RecordFailureIn(Errors).CountIn({|#0:ErrorCount|}))
                        .ThinkTime(TimeSpan.FromSeconds(1))));
            """),
            Verify.Diagnostic("K6S0202").WithLocation(0).WithArguments("errors", "Rate", "Counter"));
    }

    [Fact]
    public async Task Metrics_with_their_own_names_are_not_reported()
    {
        await Verify.AnalyzerAsync(Code.Wrap("""
                static readonly RateMetric Errors = CustomMetric.Rate("errors");
                static readonly CounterMetric ErrorCount = CustomMetric.Counter("error_count");

                public static LoadTest Test() => LoadTest.Create("test")
                    .Scenario("s", s => s.ConstantVus(10, TimeSpan.FromSeconds(30)).Flow(f => f
                        .Get("/a", r => r.RecordFailureIn(Errors).CountIn(ErrorCount))
                        .ThinkTime(TimeSpan.FromSeconds(1))));
            """));
    }
}
