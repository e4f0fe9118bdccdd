using System.Threading.Tasks;
using K6Scenarios.Analyzers.Tests.Verification;

namespace K6Scenarios.Analyzers.Tests.Rules;

/// <summary>K6S0504: a request method the OpenAPI document does not document for the path.</summary>
public sealed class K6S0504Tests
{
    [Fact]
    public async Task Undocumented_method_lists_the_documented_ones()
    {
        await Verify.AnalyzerWithOpenApiAsync(
            Code.Wrap("""
                public static void Flow(FlowBuilder f) => f.{|#0:Delete|}("/api/health");
            """),
            Documents.Api,
            Verify.Diagnostic("K6S0504").WithLocation(0).WithArguments("DELETE /api/health", "/api/health", "DELETE", "GET"));
    }

    [Fact]
    public async Task Request_with_explicit_method_is_matched()
    {
        await Verify.AnalyzerWithOpenApiAsync(
            Code.Wrap("""
                public static void Flow(FlowBuilder f) => f.{|#0:Request|}(HttpMethod.Put, null, "/api/health");
            """),
            Documents.Api,
            Verify.Diagnostic("K6S0504").WithLocation(0).WithArguments("PUT /api/health", "/api/health", "PUT", "GET"));
    }

    [Fact]
    public async Task Documented_methods_are_not_reported()
    {
        await Verify.AnalyzerWithOpenApiAsync(
            Code.Wrap("""
                public static void Flow(FlowBuilder f) => f
                    .Get("/api/health")
                    .Request(HttpMethod.Get, null, "/api/health")
                    .Post("/api/groups", r => r.BearerToken(Token));
            """),
            Documents.Api);
    }
}
