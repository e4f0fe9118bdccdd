using System.Threading.Tasks;
using K6Scenarios.Analyzers.Tests.Verification;

namespace K6Scenarios.Analyzers.Tests.Rules;

/// <summary>K6S0507: a secured operation called without credentials; fixed by sending the token captured earlier.</summary>
public sealed class K6S0507Tests
{
    /// <summary>The key of the fix, the same for every diagnostic.</summary>
    private const string AddBearerTokenKey = "K6S0507.AddBearerToken";

    [Fact]
    public async Task Secured_operation_without_credentials_is_reported()
    {
        await Verify.AnalyzerWithOpenApiAsync(
            Code.Wrap("""
                public static void Flow(FlowBuilder f) => f.Get({|#0:"/api/groups"|}, r => r.ExpectStatus(200));
            """),
            Documents.Api,
            Verify.Diagnostic("K6S0507").WithLocation(0).WithArguments("GET /api/groups", "bearer (http)"));
    }

    [Fact]
    public async Task Credentials_in_any_form_and_open_operations_are_not_reported()
    {
        await Verify.AnalyzerWithOpenApiAsync(
            Code.Wrap("""
                public static void Flow(FlowBuilder f) => f
                    .Get("/api/groups", r => r.BearerToken(Token))
                    .Get("/api/groups", r => r.Header("Authorization", "Bearer " + Token))
                    .Get("/api/groups", r => r.Header("X-Session", Token))
                    .Get("/api/groups", r => Authorize(r))
                    .Get("/api/health")
                    .Get("/api/session/items");

                static RequestBuilder Authorize(RequestBuilder r) => r.BearerToken(Token);
            """),
            Documents.Api);
    }

    [Fact]
    public async Task Fix_all_sends_the_token_captured_earlier_to_every_request()
    {
        await new K6Test(
            Code.Wrap("""
                public static LoadTest Groups() => LoadTest.Create("groups")
                    .Scenario("groups", s => s.ConstantVus(10, TimeSpan.FromSeconds(30)).Flow(f => f
                        .Post("/api/auth/login", r => r.JsonBody(new { username = "u", password = Value.Secret("P") }).Capture(Token, CaptureSource.Json("access")))
                        .Get({|#0:"/api/groups"|}, r => r.ExpectStatus(200))
                        .Get({|#1:"/api/groups"|})
                        .ThinkTime(TimeSpan.FromSeconds(1))));
            """),
            Verify.Diagnostic("K6S0507").WithLocation(0).WithArguments("GET /api/groups", "bearer (http)"),
            Verify.Diagnostic("K6S0507").WithLocation(1).WithArguments("GET /api/groups", "bearer (http)"))
            .WithOpenApi(Documents.Api)
            .WithFix("K6S0507", AddBearerTokenKey, Code.Wrap("""
                public static LoadTest Groups() => LoadTest.Create("groups")
                    .Scenario("groups", s => s.ConstantVus(10, TimeSpan.FromSeconds(30)).Flow(f => f
                        .Post("/api/auth/login", r => r.JsonBody(new { username = "u", password = Value.Secret("P") }).Capture(Token, CaptureSource.Json("access")))
                        .Get("/api/groups", r => r.BearerToken(Token).ExpectStatus(200))
                        .Get("/api/groups", configure: r => r.BearerToken(Token))
                        .ThinkTime(TimeSpan.FromSeconds(1))));
            """))
            .VerifyAsync();
    }

    [Fact]
    public async Task Fix_uses_a_token_captured_in_setup_and_adds_a_statement_to_block_lambdas()
    {
        await new K6Test(
            Code.Wrap("""
                public static LoadTest Groups() => LoadTest.Create("groups")
                    .Setup(f => f.Post("/api/auth/login", r => r.Capture(Token, CaptureSource.Json("access"))))
                    .Scenario("groups", s => s.ConstantVus(10, TimeSpan.FromSeconds(30)).Flow(f => f
                        .Get({|#0:"/api/groups"|}, r => { r.ExpectStatus(200); })
                        .ThinkTime(TimeSpan.FromSeconds(1))));
            """),
            Verify.Diagnostic("K6S0507").WithLocation(0).WithArguments("GET /api/groups", "bearer (http)"))
            .WithOpenApi(Documents.Api)
            .WithFix("K6S0507", AddBearerTokenKey, Code.Wrap("""
                public static LoadTest Groups() => LoadTest.Create("groups")
                    .Setup(f => f.Post("/api/auth/login", r => r.Capture(Token, CaptureSource.Json("access"))))
                    .Scenario("groups", s => s.ConstantVus(10, TimeSpan.FromSeconds(30)).Flow(f => f
                        .Get("/api/groups", r => { r.BearerToken(Token); r.ExpectStatus(200); })
                        .ThinkTime(TimeSpan.FromSeconds(1))));
            """))
            .VerifyAsync();
    }

    [Fact]
    public async Task Fix_works_in_a_flow_written_as_a_helper_method()
    {
        await new K6Test(
            Code.Wrap("""
                public static void Groups(FlowBuilder f) => f
                    .Post("/api/auth/login", r => r.Capture(Token, CaptureSource.Json("access")))
                    .Get({|#0:"/api/groups"|});
            """),
            Verify.Diagnostic("K6S0507").WithLocation(0).WithArguments("GET /api/groups", "bearer (http)"))
            .WithOpenApi(Documents.Api)
            .WithFix("K6S0507", AddBearerTokenKey, Code.Wrap("""
                public static void Groups(FlowBuilder f) => f
                    .Post("/api/auth/login", r => r.Capture(Token, CaptureSource.Json("access")))
                    .Get("/api/groups", configure: r => r.BearerToken(Token));
            """))
            .VerifyAsync();
    }

    [Fact]
    public async Task Fix_uses_a_local_or_parameter_in_scope_at_the_request_but_not_one_declared_inside_the_chain()
    {
        // The local and the parameter are in scope at every request of the chain; a local declared inside the sign-in's
        // lambda is not, so no fix is offered there.
        await new K6Test(
            Code.Wrap("""
                public static void Groups(FlowBuilder f)
                {
                    var token = new Variable("token");
                    f.Post("/api/auth/login", r => r.Capture(token, CaptureSource.Json("access")))
                        .Get({|#0:"/api/groups"|});
                }

                public static void Inner(FlowBuilder f) => f
                    .Post("/api/auth/login", r => { var inner = new Variable("inner"); r.Capture(inner, CaptureSource.Json("access")); })
                    .Get({|#1:"/api/groups"|});

                public static void Passed(FlowBuilder f, Variable session) => f
                    .Post("/api/auth/login", r => r.Capture(session, CaptureSource.Json("access")))
                    .Get({|#2:"/api/groups"|});
            """),
            Verify.Diagnostic("K6S0507").WithLocation(0).WithArguments("GET /api/groups", "bearer (http)"),
            Verify.Diagnostic("K6S0507").WithLocation(1).WithArguments("GET /api/groups", "bearer (http)"),
            Verify.Diagnostic("K6S0507").WithLocation(2).WithArguments("GET /api/groups", "bearer (http)"))
            .WithOpenApi(Documents.Api)
            .WithFix("K6S0507", AddBearerTokenKey, Code.Wrap("""
                public static void Groups(FlowBuilder f)
                {
                    var token = new Variable("token");
                    f.Post("/api/auth/login", r => r.Capture(token, CaptureSource.Json("access")))
                        .Get("/api/groups", configure: r => r.BearerToken(token));
                }

                public static void Inner(FlowBuilder f) => f
                    .Post("/api/auth/login", r => { var inner = new Variable("inner"); r.Capture(inner, CaptureSource.Json("access")); })
                    .Get({|#1:"/api/groups"|});

                public static void Passed(FlowBuilder f, Variable session) => f
                    .Post("/api/auth/login", r => r.Capture(session, CaptureSource.Json("access")))
                    .Get("/api/groups", configure: r => r.BearerToken(session));
            """), Verify.Diagnostic("K6S0507").WithLocation(1).WithArguments("GET /api/groups", "bearer (http)"))
            .VerifyAsync();
    }

    [Fact]
    public async Task Fix_key_is_the_same_for_every_diagnostic_and_the_title_names_the_token()
    {
        var project = AnalyzerRunner.CreateProject(
            Code.Wrap("""
                public static LoadTest Groups() => LoadTest.Create("groups")
                    .Scenario("groups", s => s.ConstantVus(10, TimeSpan.FromSeconds(30)).Flow(f => f
                        .Post("/api/auth/login", r => r.Capture(Token, CaptureSource.Json("access")))
                        .Get("/api/groups")
                        .Post("/api/groups", r => r.JsonBody(new { name = "n" }))
                        .ThinkTime(TimeSpan.FromSeconds(1))));
            """),
            TestAdditionalFile.OpenApi(Documents.Api));

        var offered = await AnalyzerRunner.OfferedFixesAsync(project, await AnalyzerRunner.AnalyzeAsync(project));

        Assert.Equal(2, offered.Count);
        Assert.All(offered, o => Assert.Equal(AddBearerTokenKey, o.Action.EquivalenceKey));
        Assert.All(offered, o => Assert.Equal("Send .BearerToken(Token)", o.Action.Title));
    }

    [Fact]
    public async Task No_fix_when_no_or_several_variables_were_captured()
    {
        var none = AnalyzerRunner.CreateProject(
            Code.Wrap("""
                public static void Flow(FlowBuilder f) => f.Get("/api/groups");
            """),
            TestAdditionalFile.OpenApi(Documents.Api));
        var several = AnalyzerRunner.CreateProject(
            Code.Wrap("""
                public static void Flow(FlowBuilder f) => f
                    .Post("/api/auth/login", r => r.Capture(Token, CaptureSource.Json("access")).Capture(Other, CaptureSource.Json("refresh")))
                    .Get("/api/groups");
            """),
            TestAdditionalFile.OpenApi(Documents.Api));

        var noneDiagnostics = await AnalyzerRunner.AnalyzeAsync(none);
        var severalDiagnostics = await AnalyzerRunner.AnalyzeAsync(several);

        Assert.Contains(noneDiagnostics, d => d.Id == "K6S0507");
        Assert.Contains(severalDiagnostics, d => d.Id == "K6S0507");
        Assert.Empty(await AnalyzerRunner.OfferedFixesAsync(none, noneDiagnostics));
        Assert.Empty(await AnalyzerRunner.OfferedFixesAsync(several, severalDiagnostics));
    }
}
