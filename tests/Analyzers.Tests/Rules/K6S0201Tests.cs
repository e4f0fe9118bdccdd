using System.Threading.Tasks;
using K6Scenarios.Analyzers.Tests.Verification;

namespace K6Scenarios.Analyzers.Tests.Rules;

/// <summary>K6S0201: a custom metric name k6 rejects.</summary>
public sealed class K6S0201Tests
{
    [Fact]
    public async Task Metric_name_starting_with_a_digit_is_reported()
    {
        await Verify.AnalyzerAsync(
            Code.Wrap("""
                static readonly RateMetric Bad = CustomMetric.Rate({|#0:"1errors"|});
            """),
            Verify.Diagnostic("K6S0201").WithLocation(0).WithArguments("1errors"));
    }

    [Fact]
    public async Task Letters_digits_and_underscores_are_not_reported()
    {
        await Verify.AnalyzerAsync(Code.Wrap("""
                static readonly RateMetric Good = CustomMetric.Rate("registration_failures");
                static readonly TrendMetric Underscore = CustomMetric.Trend("_journey2", isTime: true);
            """));
    }
}
