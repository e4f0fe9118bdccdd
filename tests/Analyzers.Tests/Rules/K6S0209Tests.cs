using System.Threading.Tasks;
using K6Scenarios.Analyzers.Tests.Verification;

namespace K6Scenarios.Analyzers.Tests.Rules;

/// <summary>K6S0209: a threshold bound that is not a finite number.</summary>
public sealed class K6S0209Tests
{
    private const string Scenario = """
                    .Scenario("s", s => s.ConstantVus(10, TimeSpan.FromSeconds(30)).Flow(f => f.Get("/a").ThinkTime(TimeSpan.FromSeconds(1))))
        """;

    [Fact]
    public async Task Not_a_number_and_infinite_bounds_are_reported()
    {
        await Verify.AnalyzerAsync(
            Code.Wrap("""
                public static LoadTest Test() => LoadTest.Create("test")
            """ + Scenario + """
                    .Threshold(K6Metrics.HttpReqDuration.Avg < {|#0:double.NaN|})
                    .Threshold(K6Metrics.HttpReqDuration.Max < {|#1:double.PositiveInfinity|});
            """),
            Verify.Diagnostic("K6S0209").WithLocation(0).WithArguments("http_req_duration", "NaN"),
            Verify.Diagnostic("K6S0209").WithLocation(1).WithArguments("http_req_duration", "Infinity"));
    }

    [Fact]
    public async Task Finite_and_computed_bounds_are_not_reported()
    {
        await Verify.AnalyzerAsync(Code.Wrap("""
                public static LoadTest Test(double bound) => LoadTest.Create("test")
            """ + Scenario + """
                    .Threshold(K6Metrics.HttpReqDuration.Avg < 500.5)
                    .Threshold(K6Metrics.HttpReqDuration.Max < bound);
            """));
    }
}
