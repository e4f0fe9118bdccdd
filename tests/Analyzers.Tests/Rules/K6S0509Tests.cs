using System.Threading.Tasks;
using K6Scenarios.Analyzers.Tests.Verification;

namespace K6Scenarios.Analyzers.Tests.Rules;

/// <summary>K6S0509: a path placeholder named differently from the document's path parameter.</summary>
public sealed class K6S0509Tests
{
    [Fact]
    public async Task Placeholder_named_differently_from_the_document_is_reported()
    {
        await Verify.AnalyzerWithOpenApiAsync(
            Code.Wrap("""
                public static void Flow(FlowBuilder f) => f
                    .Get({|#0:"/api/groups/{groupId}"|}, r => r.BearerToken(Token).PathParameter("groupId", 1));
            """),
            Documents.Api,
            Verify.Diagnostic("K6S0509").WithLocation(0).WithArguments("GET /api/groups/{groupId}", "groupId", "/groups/{id}", "{id}"));
    }

    [Fact]
    public async Task Placeholder_named_as_the_document_does_is_not_reported()
    {
        await Verify.AnalyzerWithOpenApiAsync(
            Code.Wrap("""
                public static void Flow(FlowBuilder f) => f
                    .Get("/api/groups/{id}", r => r.BearerToken(Token).PathParameter("id", 1));
            """),
            Documents.Api);
    }
}
