using System;
using System.Linq;
using System.Threading.Tasks;
using K6Scenarios.Analyzers.Tests.Verification;

namespace K6Scenarios.Analyzers.Tests.Rules;

public sealed class PathTests
{
    [Fact]
    public async Task Unknown_path_suggests_the_closest_template()
    {
        var reported = await AnalyzerTest.For(Code.Wrap("""
                public static void Flow(FlowBuilder f) => f.Post({|K6S0503:"/api/auth/sigin"|});
            """)).WithOpenApi(Documents.Api).VerifyAsync();

        Assert.Contains("did you mean '/api/auth/signin'?", reported.Single().Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Paths_match_with_and_without_the_server_base_path_and_the_base_url_path()
    {
        await AnalyzerTest.For(Code.Wrap("""
                public static LoadTest WithPrefix() => LoadTest.Create("prefix")
                    .BaseUrl("API_URL", "http://localhost:4000/api")
                    .Scenario("health", s => s.ConstantVus(1, TimeSpan.FromSeconds(10)).Flow(f => f
                        .Get("/health")
                        .Get("/api/health")
                        .ThinkTime(TimeSpan.FromSeconds(1))));
            """)).WithOpenApi(Documents.Api).VerifyAsync();
    }

    [Fact]
    public async Task Undocumented_method_lists_the_documented_ones()
    {
        var reported = await AnalyzerTest.For(Code.Wrap("""
                public static void Flow(FlowBuilder f) => f.{|K6S0504:Delete|}("/api/health");
            """)).WithOpenApi(Documents.Api).VerifyAsync();

        Assert.EndsWith("it documents GET", reported.Single().Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Computed_paths_are_not_checked()
    {
        await AnalyzerTest.For(Code.Wrap("""
                public static void Flow(FlowBuilder f, string segment) => f.Get("/api/" + segment).Request(HttpMethod.Get, null, Path());
                static string Path() => "/nowhere";
            """)).WithOpenApi(Documents.Api).VerifyAsync();
    }

    [Fact]
    public async Task Request_with_explicit_method_is_matched()
    {
        await AnalyzerTest.For(Code.Wrap("""
                public static void Flow(FlowBuilder f) => f.{|K6S0504:Request|}(HttpMethod.Put, null, "/api/health");
            """)).WithOpenApi(Documents.Api).VerifyAsync();
    }

    [Fact]
    public async Task Placeholders_must_be_filled_and_parameters_must_name_a_placeholder()
    {
        await AnalyzerTest.For(Code.Wrap("""
                public static void Flow(FlowBuilder f) => f
                    .Get({|K6S0402:"/api/groups/{id}"|}, r => r.BearerToken(Token).PathParameter({|K6S0413:"groupId"|}, 1))
                    .Get("/api/groups/{id}", r => r.BearerToken(Token).PathParameter("id", 1));
            """)).VerifyAsync();
    }

    [Fact]
    public async Task Placeholder_named_differently_from_the_document_is_reported()
    {
        var reported = await AnalyzerTest.For(Code.Wrap("""
                public static void Flow(FlowBuilder f) => f
                    .Get({|K6S0509:"/api/groups/{groupId}"|}, r => r.BearerToken(Token).PathParameter("groupId", 1));
            """)).WithOpenApi(Documents.Api).VerifyAsync();

        Assert.EndsWith("name it as the document does: {id}", reported.Single().Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Opaque_request_configuration_does_not_claim_unfilled_placeholders()
    {
        await AnalyzerTest.For(Code.Wrap("""
                public static void Flow(FlowBuilder f) => f.Get("/api/groups/{id}", r => Fill(r));
                static RequestBuilder Fill(RequestBuilder r) => r.PathParameter("id", 1).BearerToken(Token);
            """)).VerifyAsync();
    }

    [Fact]
    public async Task Request_builder_used_inside_a_nested_lambda_makes_the_configuration_opaque()
    {
        // The nested lambda's own parameter and a string spelling "r" do not hide anything; using r inside it does.
        await AnalyzerTest.For(Code.Wrap("""
                public static void Flow(FlowBuilder f) => f
                    .Post({|K6S0402:"/api/groups/{id}"|}, r => r.BearerToken(Token).MultipartBody(m => m.Field("r", "r")))
                    .Post("/api/groups/{id}", r => r.BearerToken(Token).MultipartBody(m => Fill(m, r)));
                static void Fill(MultipartBuilder m, RequestBuilder r) => r.PathParameter("id", 1);
            """)).VerifyAsync();
    }

    [Fact]
    public async Task Document_applies_only_to_its_base_url_variable()
    {
        const string Source = """
                public static LoadTest OtherApi() => LoadTest.Create("other")
                    .BaseUrl("OTHER_URL", "http://localhost:5000")
                    .Scenario("s", s => s.ConstantVus(1, TimeSpan.FromSeconds(10)).Flow(f => f.Get("/nowhere").ThinkTime(TimeSpan.FromSeconds(1))));

                public static LoadTest Api() => LoadTest.Create("api")
                    .BaseUrl("API_URL", "http://localhost:4000")
                    .Scenario("s", s => s.ConstantVus(1, TimeSpan.FromSeconds(10)).Flow(f => f.Get({|K6S0503:"/nowhere"|}).ThinkTime(TimeSpan.FromSeconds(1))));
            """;
        await AnalyzerTest.For(Code.Wrap(Source)).WithOpenApi(Documents.Api, baseUrlVariable: "API_URL").VerifyAsync();
    }

    [Fact]
    public async Task Request_base_url_field_selects_the_document()
    {
        await AnalyzerTest.For(Code.Wrap("""
                static readonly BaseUrl Api = BaseUrl.FromEnvironment("API_URL", "http://localhost:4000");
                static readonly BaseUrl Voice = BaseUrl.FromEnvironment("VOICE_URL", "http://localhost:3001");
                public static void Flow(FlowBuilder f) => f.Get(Api, {|K6S0503:"/nowhere"|}).Get(Voice, "/nowhere");
            """)).WithOpenApi(Documents.Api, baseUrlVariable: "API_URL").VerifyAsync();
    }

    [Fact]
    public async Task Several_documents_without_base_url_metadata_check_nothing_and_say_so()
    {
        var reported = await AnalyzerTest.For(Code.Wrap("""
                public static void Flow(FlowBuilder f) => f.Get("/nowhere");
            """))
            .WithOpenApi(Documents.Api, path: "/project/api.openapi.yaml")
            .WithOpenApi(Documents.Api, path: "/project/openapi.yaml")
            .RunAsync();

        Assert.Equal(["K6S0508", "K6S0508"], reported.Select(d => d.Id));
        Assert.All(reported, d => Assert.StartsWith("/project/", d.Diagnostic.Location.GetLineSpan().Path, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Malformed_document_is_reported_once_in_the_file_and_other_rules_still_work()
    {
        var reported = await AnalyzerTest.For(Code.Wrap("""
                public static void Flow(FlowBuilder f) => f.Get("/api/groups/{id}");
            """))
            .WithOpenApi("openapi: 3.0.3\npaths: [unclosed\n")
            .RunAsync();

        var invalid = Assert.Single(reported, d => d.Id == "K6S0501");
        Assert.Equal("/project/openapi.yaml", invalid.Diagnostic.Location.GetLineSpan().Path);
        Assert.Contains(reported, d => d.Id == "K6S0402");
    }

    [Fact]
    public async Task Files_with_other_names_are_read_only_when_marked()
    {
        var marked = await AnalyzerTest.For(Code.Wrap("""
                public static void Flow(FlowBuilder f) => f.Get("/nowhere");
            """))
            .WithAdditionalFile("/project/api.yaml", Documents.Api, new System.Collections.Generic.Dictionary<string, string> { ["build_metadata.AdditionalFiles.K6OpenApi"] = "true" })
            .RunAsync();
        var unmarked = await AnalyzerTest.For(Code.Wrap("""
                public static void Flow(FlowBuilder f) => f.Get("/nowhere");
            """))
            .WithAdditionalFile("/project/api.yaml", Documents.Api)
            .RunAsync();

        Assert.Equal(["K6S0503"], marked.Select(d => d.Id));
        Assert.Empty(unmarked);
    }
}
