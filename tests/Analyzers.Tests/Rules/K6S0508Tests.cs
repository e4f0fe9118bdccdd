using System;
using System.Threading.Tasks;
using K6Scenarios.Analyzers.Tests.Verification;

namespace K6Scenarios.Analyzers.Tests.Rules;

/// <summary>K6S0508: several OpenAPI documents and none says which base URL it describes, so none is used.</summary>
public sealed class K6S0508Tests
{
    [Fact]
    public async Task Several_documents_without_base_url_metadata_check_nothing_and_say_so_in_each()
    {
        await new K6Test(
            Code.Wrap("""
                public static void Flow(FlowBuilder f) => f.Get("/nowhere");
            """),
            Verify.Diagnostic("K6S0508").WithLocation(0).WithArguments("2", "api.openapi.yaml, openapi.yaml"),
            Verify.Diagnostic("K6S0508").WithLocation(1).WithArguments("2", "api.openapi.yaml, openapi.yaml"))
            .WithOpenApi(MarkFirstLine(Documents.Api, 0), path: "/project/api.openapi.yaml")
            .WithOpenApi(MarkFirstLine(Documents.Api, 1))
            .VerifyAsync();
    }

    [Fact]
    public async Task Documents_with_base_url_metadata_or_a_single_document_are_not_reported()
    {
        await new K6Test(Code.Wrap("""
                public static void Flow(FlowBuilder f) => f.Get("/api/health");
            """))
            .WithOpenApi(Documents.Api, baseUrlVariable: "API_URL", path: "/project/api.openapi.yaml")
            .WithOpenApi(Documents.Api, baseUrlVariable: "OTHER_URL")
            .VerifyAsync();
        await Verify.AnalyzerWithOpenApiAsync(
            Code.Wrap("""
                public static void Flow(FlowBuilder f) => f.Get("/api/health");
            """),
            Documents.Api);
    }

    /// <summary>The diagnostic covers the document's first line.</summary>
    private static string MarkFirstLine(string document, int location)
    {
        var end = document.IndexOf('\n', StringComparison.Ordinal);
        return "{|#" + location + ":" + document[..end] + "|}" + document[end..];
    }
}
