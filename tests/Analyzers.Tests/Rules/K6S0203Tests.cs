using System.Threading.Tasks;
using K6Scenarios.Analyzers.Tests.Verification;

namespace K6Scenarios.Analyzers.Tests.Rules;

/// <summary>K6S0203: a percentile outside 0 to 100.</summary>
public sealed class K6S0203Tests
{
    private const string Scenario = """
                    .Scenario("s", s => s.ConstantVus(10, TimeSpan.FromSeconds(30)).Flow(f => f.Get("/a").ThinkTime(TimeSpan.FromSeconds(1))))
        """;

    [Fact]
    public async Task Percentile_above_100_is_reported()
    {
        await Verify.AnalyzerAsync(
            Code.Wrap("""
                public static LoadTest Test() => LoadTest.Create("test")
            """ + Scenario + """
                    .Threshold(K6Metrics.HttpReqDuration.P({|#0:101|}) < 500);
            """),
            Verify.Diagnostic("K6S0203").WithLocation(0).WithArguments("http_req_duration", "101"));
    }

    [Fact]
    public async Task Fractional_percentiles_within_range_are_not_reported()
    {
        await Verify.AnalyzerAsync(Code.Wrap("""
                public static LoadTest Test() => LoadTest.Create("test")
            """ + Scenario + """
                    .Threshold(K6Metrics.HttpReqDuration.P(99.9) < 500)
                    .Threshold(K6Metrics.HttpReqDuration.P(100) < 900);
            """));
    }
}
