using System.Threading.Tasks;
using K6Scenarios.Analyzers.Tests.Verification;

namespace K6Scenarios.Analyzers.Tests.Rules;

/// <summary>K6S0403: a body on a request whose k6 function sends none.</summary>
public sealed class K6S0403Tests
{
    [Fact]
    public async Task Body_on_a_get_is_reported()
    {
        await Verify.AnalyzerAsync(
            Code.Wrap("""
                public static void Flow(FlowBuilder f) => f.Get("/a", r => r.{|#0:JsonBody|}(new { a = 1 }));
            """),
            Verify.Diagnostic("K6S0403").WithLocation(0).WithArguments("GET /a", "get"));
    }

    [Fact]
    public async Task Bodies_on_methods_that_send_them_are_not_reported()
    {
        await Verify.AnalyzerAsync(Code.Wrap("""
                public static void Flow(FlowBuilder f) => f
                    .Post("/a", r => r.JsonBody(new { a = 1 }).ExpectStatus(201))
                    .Put("/a", r => r.JsonBody(new { a = 1 }));
            """));
    }
}
