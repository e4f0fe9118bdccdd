using System.Threading.Tasks;
using K6Scenarios.Analyzers.Tests.Verification;

namespace K6Scenarios.Analyzers.Tests.Rules;

/// <summary>K6S0409: a header name that is not a valid HTTP token.</summary>
public sealed class K6S0409Tests
{
    [Fact]
    public async Task Header_name_with_a_space_is_reported()
    {
        await Verify.AnalyzerAsync(
            Code.Wrap("""
                public static void Flow(FlowBuilder f) => f.Get("/a", r => r.Header({|#0:"Bad Header"|}, "x"));
            """),
            Verify.Diagnostic("K6S0409").WithLocation(0).WithArguments("GET /a", "Bad Header"));
    }

    [Fact]
    public async Task Token_header_names_are_not_reported()
    {
        await Verify.AnalyzerAsync(Code.Wrap("""
                public static void Flow(FlowBuilder f) => f.Get("/a", r => r.Header("X-Request-Id", "x").Header("Accept", "application/json"));
            """));
    }
}
