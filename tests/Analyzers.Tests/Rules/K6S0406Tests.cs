using System.Threading.Tasks;
using K6Scenarios.Analyzers.Tests.Verification;

namespace K6Scenarios.Analyzers.Tests.Rules;

/// <summary>K6S0406: an expected status outside 100 to 599.</summary>
public sealed class K6S0406Tests
{
    [Fact]
    public async Task Status_outside_the_http_range_is_reported()
    {
        await Verify.AnalyzerAsync(
            Code.Wrap("""
                public static void Flow(FlowBuilder f) => f.Get("/a", r => r.ExpectStatus({|#0:2000|}));
            """),
            Verify.Diagnostic("K6S0406").WithLocation(0).WithArguments("GET /a", "2000"));
    }

    [Fact]
    public async Task Statuses_within_the_http_range_are_not_reported()
    {
        await Verify.AnalyzerAsync(Code.Wrap("""
                public static void Flow(FlowBuilder f) => f
                    .Get("/a", r => r.ExpectStatus(100))
                    .Post("/a", r => r.ExpectStatus(201).AlsoExpected(599));
            """));
    }
}
