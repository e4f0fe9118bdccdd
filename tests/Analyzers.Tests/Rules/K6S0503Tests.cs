using System.Collections.Generic;
using System.Threading.Tasks;
using K6Scenarios.Analyzers.Tests.Verification;

namespace K6Scenarios.Analyzers.Tests.Rules;

/// <summary>K6S0503: a request path the OpenAPI document does not have.</summary>
public sealed class K6S0503Tests
{
    [Fact]
    public async Task Unknown_path_suggests_the_closest_template()
    {
        await Verify.AnalyzerWithOpenApiAsync(
            Code.Wrap("""
                public static void Flow(FlowBuilder f) => f.Post({|#0:"/api/auth/sigin"|});
            """),
            Documents.Api,
            Verify.Diagnostic("K6S0503").WithLocation(0).WithArguments("POST /api/auth/sigin", "/api/auth/sigin", "; did you mean '/api/auth/signin'?"));
    }

    [Fact]
    public async Task Paths_match_with_and_without_the_server_base_path_and_the_base_url_path()
    {
        await Verify.AnalyzerWithOpenApiAsync(
            Code.Wrap("""
                public static LoadTest WithPrefix() => LoadTest.Create("prefix")
                    .BaseUrl("API_URL", "http://localhost:4000/api")
                    .Scenario("health", s => s.ConstantVus(1, TimeSpan.FromSeconds(10)).Flow(f => f
                        .Get("/health")
                        .Get("/api/health")
                        .ThinkTime(TimeSpan.FromSeconds(1))));
            """),
            Documents.Api);
    }

    [Fact]
    public async Task Computed_paths_are_not_checked()
    {
        await Verify.AnalyzerWithOpenApiAsync(
            Code.Wrap("""
                public static void Flow(FlowBuilder f, string segment) => f.Get("/api/" + segment).Request(HttpMethod.Get, null, Path());
                static string Path() => "/nowhere";
            """),
            Documents.Api);
    }

    [Fact]
    public async Task Document_applies_only_to_its_base_url_variable()
    {
        await new K6Test(
            Code.Wrap("""
                public static LoadTest OtherApi() => LoadTest.Create("other")
                    .BaseUrl("OTHER_URL", "http://localhost:5000")
                    .Scenario("s", s => s.ConstantVus(1, TimeSpan.FromSeconds(10)).Flow(f => f.Get("/nowhere").ThinkTime(TimeSpan.FromSeconds(1))));

                public static LoadTest Api() => LoadTest.Create("api")
                    .BaseUrl("API_URL", "http://localhost:4000")
                    .Scenario("s", s => s.ConstantVus(1, TimeSpan.FromSeconds(10)).Flow(f => f.Get({|#0:"/nowhere"|}).ThinkTime(TimeSpan.FromSeconds(1))));
            """),
            Verify.Diagnostic("K6S0503").WithLocation(0).WithArguments("GET /nowhere", "/nowhere", ""))
            .WithOpenApi(Documents.Api, baseUrlVariable: "API_URL")
            .VerifyAsync();
    }

    [Fact]
    public async Task Request_base_url_field_selects_the_document()
    {
        await new K6Test(
            Code.Wrap("""
                static readonly BaseUrl Api = BaseUrl.FromEnvironment("API_URL", "http://localhost:4000");
                static readonly BaseUrl Voice = BaseUrl.FromEnvironment("VOICE_URL", "http://localhost:3001");
                public static void Flow(FlowBuilder f) => f.Get(Api, {|#0:"/nowhere"|}).Get(Voice, "/nowhere");
            """),
            Verify.Diagnostic("K6S0503").WithLocation(0).WithArguments("GET /nowhere", "/nowhere", ""))
            .WithOpenApi(Documents.Api, baseUrlVariable: "API_URL")
            .VerifyAsync();
    }

    [Fact]
    public async Task Files_with_other_names_are_read_only_when_marked()
    {
        const string Source = """
                public static void Flow(FlowBuilder f) => f.Get({|#0:"/nowhere"|});
            """;
        await new K6Test(Code.Wrap(Source), Verify.Diagnostic("K6S0503").WithLocation(0).WithArguments("GET /nowhere", "/nowhere", ""))
            .WithAdditionalFile("/project/api.yaml", Documents.Api, new Dictionary<string, string> { [TestCompilation.OpenApiMetadata] = "true" })
            .VerifyAsync();
        await new K6Test(Code.Wrap(Source.Replace("{|#0:", "", System.StringComparison.Ordinal).Replace("|}", "", System.StringComparison.Ordinal)))
            .WithAdditionalFile("/project/api.yaml", Documents.Api)
            .VerifyAsync();
    }
}
