using System.Threading.Tasks;
using K6Scenarios.Analyzers.Tests.Verification;

namespace K6Scenarios.Analyzers.Tests.Rules;

/// <summary>K6S0501: an OpenAPI document that cannot be read, reported once in the document itself.</summary>
public sealed class K6S0501Tests
{
    [Fact]
    public async Task Malformed_document_is_reported_once_in_the_file_and_other_rules_still_work()
    {
        await new K6Test(
            Code.Wrap("""
                public static void Flow(FlowBuilder f) => f.Get({|#0:"/api/groups/{id}"|});
            """),
            Verify.Diagnostic("K6S0402").WithLocation(0).WithArguments("GET /api/groups/{id}", "id"),
            Verify.Diagnostic("K6S0501").WithLocation(1).WithArguments(
                TestCompilation.OpenApiPath,
                "invalid YAML: while parsing a flow sequence, did not find expected ',' or ']' at the end of the document (in the [ ] list opened at line 2, column 8) (line 2, column 16)"))
            .WithOpenApi("openapi: 3.0.3\npaths: [unclose{|#1:d|}\n")
            .VerifyAsync();
    }

    [Fact]
    public async Task Readable_document_is_not_reported()
    {
        await Verify.AnalyzerWithOpenApiAsync(
            Code.Wrap("""
                public static void Flow(FlowBuilder f) => f.Get("/api/health");
            """),
            Documents.Api);
    }
}
