using System.Threading.Tasks;
using K6Scenarios.Analyzers.Tests.Verification;

namespace K6Scenarios.Analyzers.Tests.Rules;

/// <summary>K6S0207: a custom metric named like a k6 built-in metric.</summary>
public sealed class K6S0207Tests
{
    [Fact]
    public async Task Custom_metric_with_a_built_in_name_is_reported()
    {
        await Verify.AnalyzerAsync(
            Code.Wrap("""
                static readonly RateMetric Shadow = CustomMetric.Rate({|#0:"http_req_failed"|});
                static readonly TrendMetric Duration = CustomMetric.Trend({|#1:"iteration_duration"|}, isTime: true);
            """),
            Verify.Diagnostic("K6S0207").WithLocation(0).WithArguments("http_req_failed"),
            Verify.Diagnostic("K6S0207").WithLocation(1).WithArguments("iteration_duration"));
    }

    [Fact]
    public async Task Names_near_but_not_equal_to_built_ins_are_not_reported()
    {
        await Verify.AnalyzerAsync(Code.Wrap("""
                static readonly RateMetric Own = CustomMetric.Rate("http_req_failed_login");
                static readonly TrendMetric Journey = CustomMetric.Trend("journey_duration", isTime: true);
            """));
    }
}
