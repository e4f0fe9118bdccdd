using System.Threading.Tasks;
using K6Scenarios.Analyzers.Tests.Verification;

namespace K6Scenarios.Analyzers.Tests.Rules;

/// <summary>K6S0413: a path parameter whose placeholder the path does not have.</summary>
public sealed class K6S0413Tests
{
    [Fact]
    public async Task Parameter_without_a_placeholder_is_reported_and_the_placeholder_stays_unfilled()
    {
        await Verify.AnalyzerAsync(
            Code.Wrap("""
                public static void Flow(FlowBuilder f) => f
                    .Get({|#0:"/api/groups/{id}"|}, r => r.BearerToken(Token).PathParameter({|#1:"groupId"|}, 1));
            """),
            Verify.Diagnostic("K6S0402").WithLocation(0).WithArguments("GET /api/groups/{id}", "id"),
            Verify.Diagnostic("K6S0413").WithLocation(1).WithArguments("GET /api/groups/{id}", "groupId"));
    }

    [Fact]
    public async Task Parameter_naming_a_placeholder_is_not_reported()
    {
        await Verify.AnalyzerAsync(Code.Wrap("""
                public static void Flow(FlowBuilder f) => f.Get("/api/groups/{id}", r => r.BearerToken(Token).PathParameter("id", 1));
            """));
    }
}
