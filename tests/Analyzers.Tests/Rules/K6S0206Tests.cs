using System.Threading.Tasks;
using K6Scenarios.Analyzers.Tests.Verification;

namespace K6Scenarios.Analyzers.Tests.Rules;

/// <summary>K6S0206: an abort-evaluation delay on a threshold that does not abort.</summary>
public sealed class K6S0206Tests
{
    private const string Scenario = """
                    .Scenario("s", s => s.ConstantVus(10, TimeSpan.FromSeconds(30)).Flow(f => f.Get("/a").ThinkTime(TimeSpan.FromSeconds(1))))
        """;

    [Fact]
    public async Task Delay_without_abort_on_fail_is_reported()
    {
        await Verify.AnalyzerAsync(
            Code.Wrap("""
                public static LoadTest Test() => LoadTest.Create("test")
            """ + Scenario + """
                    .Threshold(K6Metrics.HttpReqFailed.Rate < 0.05, delayAbortEval: {|#0:TimeSpan.FromSeconds(10)|})
                    .Threshold(K6Metrics.HttpReqFailed.Rate < 0.1, abortOnFail: false, delayAbortEval: {|#1:TimeSpan.FromSeconds(10)|});
            """),
            Verify.Diagnostic("K6S0206").WithLocation(0).WithArguments("http_req_failed"),
            Verify.Diagnostic("K6S0206").WithLocation(1).WithArguments("http_req_failed"));
    }

    [Fact]
    public async Task Delay_with_abort_on_fail_is_not_reported()
    {
        await Verify.AnalyzerAsync(Code.Wrap("""
                public static LoadTest Test() => LoadTest.Create("test")
            """ + Scenario + """
                    .Threshold(K6Metrics.HttpReqFailed.Rate < 0.05, abortOnFail: true, delayAbortEval: TimeSpan.FromSeconds(10))
                    .Threshold(K6Metrics.HttpReqFailed.Rate < 0.1, abortOnFail: true);
            """));
    }
}
