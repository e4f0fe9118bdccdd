using System.Threading.Tasks;
using K6Scenarios.Analyzers.Tests.Verification;

namespace K6Scenarios.Analyzers.Tests.Rules;

/// <summary>K6S0402: a path placeholder without a value.</summary>
public sealed class K6S0402Tests
{
    [Fact]
    public async Task Unfilled_placeholder_is_reported()
    {
        await Verify.AnalyzerAsync(
            Code.Wrap("""
                public static void Flow(FlowBuilder f) => f
                    .Get({|#0:"/api/groups/{id}"|}, r => r.BearerToken(Token))
                    .Get("/api/groups/{id}", r => r.BearerToken(Token).PathParameter("id", 1));
            """),
            Verify.Diagnostic("K6S0402").WithLocation(0).WithArguments("GET /api/groups/{id}", "id"));
    }

    [Fact]
    public async Task Opaque_request_configuration_does_not_claim_unfilled_placeholders()
    {
        await Verify.AnalyzerAsync(Code.Wrap("""
                public static void Flow(FlowBuilder f) => f.Get("/api/groups/{id}", r => Fill(r));
                static RequestBuilder Fill(RequestBuilder r) => r.PathParameter("id", 1).BearerToken(Token);
            """));
    }

    [Fact]
    public async Task Request_builder_used_inside_a_nested_lambda_makes_the_configuration_opaque()
    {
        // The nested lambda's own parameter and a string spelling "r" do not hide anything; using r inside it does.
        await Verify.AnalyzerAsync(
            Code.Wrap("""
                public static void Flow(FlowBuilder f) => f
                    .Post({|#0:"/api/groups/{id}"|}, r => r.BearerToken(Token).MultipartBody(m => m.Field("r", "r")))
                    .Post("/api/groups/{id}", r => r.BearerToken(Token).MultipartBody(m => Fill(m, r)));
                static void Fill(MultipartBuilder m, RequestBuilder r) => r.PathParameter("id", 1);
            """),
            Verify.Diagnostic("K6S0402").WithLocation(0).WithArguments("POST /api/groups/{id}", "id"));
    }

    [Fact]
    public async Task Builder_named_with_a_unicode_escape_inside_a_nested_lambda_makes_the_configuration_opaque()
    {
        // \u0072 is the name r: the nested lambda uses the request builder, so the placeholder may be filled there.
        await Verify.AnalyzerAsync(Code.Wrap("""
                public static void Flow(FlowBuilder f) => f
                    .Post("/api/groups/{id}", r => r.BearerToken(Token).MultipartBody(m => Fill(m, \u0072)));
                static void Fill(MultipartBuilder m, RequestBuilder r) => r.PathParameter("id", 1);
            """));
    }

    [Fact]
    public async Task Lambda_with_a_typed_parameter_is_read_from_its_body()
    {
        // The parameter list's type names are not the body's builder calls; the body's calls are read as usual.
        await Verify.AnalyzerAsync(
            Code.Wrap("""
                public static void Flow(FlowBuilder f) => f
                    .Get({|#0:"/api/groups/{id}"|}, (RequestBuilder r) => r.BearerToken(Token))
                    .Get("/api/groups/{id}", (RequestBuilder r) => r.BearerToken(Token).PathParameter("id", 1));
            """),
            Verify.Diagnostic("K6S0402").WithLocation(0).WithArguments("GET /api/groups/{id}", "id"));
    }

    [Fact]
    public async Task Builder_used_in_a_nested_lambda_two_levels_down_makes_the_configuration_opaque()
    {
        await Verify.AnalyzerAsync(Code.Wrap("""
                public static void Flow(FlowBuilder f) => f
                    .Post("/api/groups/{id}", r => r.BearerToken(Token).MultipartBody(m => m.Field("a", "b").Field("c", Run(() => Fill(r)))));
                static string Run(Func<string> value) => value();
                static string Fill(RequestBuilder r) { r.PathParameter("id", 1); return "x"; }
            """));
    }
}
