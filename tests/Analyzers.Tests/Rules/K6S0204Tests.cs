using System.Threading.Tasks;
using K6Scenarios.Analyzers.Tests.Verification;

namespace K6Scenarios.Analyzers.Tests.Rules;

/// <summary>K6S0204: a threshold tag value with a comma, which k6 cannot parse.</summary>
public sealed class K6S0204Tests
{
    private const string Scenario = """
                    .Scenario("s", s => s.ConstantVus(10, TimeSpan.FromSeconds(30)).Flow(f => f.Get("/a").ThinkTime(TimeSpan.FromSeconds(1))))
        """;

    [Fact]
    public async Task Tag_value_with_a_comma_is_reported()
    {
        await Verify.AnalyzerAsync(
            Code.Wrap("""
                public static LoadTest Test() => LoadTest.Create("test")
            """ + Scenario + """
                    .Threshold(K6Metrics.HttpReqDuration.Where("team", {|#0:"a,b"|}).P(95) < 500);
            """),
            Verify.Diagnostic("K6S0204").WithLocation(0).WithArguments("team", "a,b"));
    }

    [Fact]
    public async Task Tag_value_without_a_comma_is_not_reported()
    {
        await Verify.AnalyzerAsync(Code.Wrap("""
                public static LoadTest Test() => LoadTest.Create("test")
            """ + Scenario + """
                    .Threshold(K6Metrics.HttpReqDuration.Where("team", "a b; c").P(95) < 500);
            """));
    }
}
