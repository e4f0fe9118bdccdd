using System;
using System.Linq;
using System.Threading.Tasks;
using K6Scenarios.Analyzers.Tests.Verification;
using K6Scenarios.CodeFixes;

namespace K6Scenarios.Analyzers.Tests.Rules;

public sealed class AuthorizationTests
{
    [Fact]
    public async Task Secured_operation_without_credentials_is_reported()
    {
        var reported = await AnalyzerTest.For(Code.Wrap("""
                public static void Flow(FlowBuilder f) => f.Get({|K6S0507:"/api/groups"|}, r => r.ExpectStatus(200));
            """)).WithOpenApi(Documents.Api).VerifyAsync();

        Assert.Contains("requires bearer (http)", reported.Single().Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Credentials_in_any_form_and_open_operations_are_not_reported()
    {
        await AnalyzerTest.For(Code.Wrap("""
                public static void Flow(FlowBuilder f) => f
                    .Get("/api/groups", r => r.BearerToken(Token))
                    .Get("/api/groups", r => r.Header("Authorization", "Bearer " + Token))
                    .Get("/api/groups", r => r.Header("X-Session", Token))
                    .Get("/api/groups", r => Authorize(r))
                    .Get("/api/health")
                    .Get("/api/session/items");

                static RequestBuilder Authorize(RequestBuilder r) => r.BearerToken(Token);
            """)).WithOpenApi(Documents.Api).VerifyAsync();
    }

    [Fact]
    public async Task Fix_sends_the_token_captured_earlier()
    {
        var test = AnalyzerTest.For(Code.Wrap("""
                public static LoadTest Groups() => LoadTest.Create("groups")
                    .Scenario("groups", s => s.ConstantVus(10, TimeSpan.FromSeconds(30)).Flow(f => f
                        .Post("/api/auth/login", r => r.JsonBody(new { username = "u", password = Value.Secret("P") }).Capture(Token, CaptureSource.Json("access")))
                        .Get("/api/groups", r => r.ExpectStatus(200))
                        .Get("/api/groups")
                        .ThinkTime(TimeSpan.FromSeconds(1))));
            """)).WithOpenApi(Documents.Api);

        var fixedSource = await CodeFixTest.FixAllAsync(test, new AddBearerTokenCodeFix(), "K6S0507", AddBearerTokenCodeFix.EquivalenceKey);

        var expected = test.Source
            .Replace("""Get("/api/groups", r => r.ExpectStatus(200))""", """Get("/api/groups", r => r.BearerToken(Token).ExpectStatus(200))""", StringComparison.Ordinal)
            .Replace("""Get("/api/groups")""", """Get("/api/groups", configure: r => r.BearerToken(Token))""", StringComparison.Ordinal);
        Assert.Equal(expected, fixedSource);
        var after = await AnalyzerTest.For(fixedSource).WithOpenApi(Documents.Api).RunAsync();
        Assert.DoesNotContain(after, d => d.Id == "K6S0507");
    }

    [Fact]
    public async Task Fix_uses_a_token_captured_in_setup_and_adds_a_statement_to_block_lambdas()
    {
        var test = AnalyzerTest.For(Code.Wrap("""
                public static LoadTest Groups() => LoadTest.Create("groups")
                    .Setup(f => f.Post("/api/auth/login", r => r.Capture(Token, CaptureSource.Json("access"))))
                    .Scenario("groups", s => s.ConstantVus(10, TimeSpan.FromSeconds(30)).Flow(f => f
                        .Get("/api/groups", r => { r.ExpectStatus(200); })
                        .ThinkTime(TimeSpan.FromSeconds(1))));
            """)).WithOpenApi(Documents.Api);

        var fixedSource = await CodeFixTest.ApplyAsync(test, new AddBearerTokenCodeFix(), "K6S0507", AddBearerTokenCodeFix.EquivalenceKey);

        var compact = string.Concat(fixedSource.Where(c => !char.IsWhiteSpace(c)));
        Assert.Contains("r=>{r.BearerToken(Token);r.ExpectStatus(200);}", compact, StringComparison.Ordinal);
    }

    [Fact]
    public async Task No_fix_when_no_or_several_variables_were_captured()
    {
        var none = AnalyzerTest.For(Code.Wrap("""
                public static void Flow(FlowBuilder f) => f.Get("/api/groups");
            """)).WithOpenApi(Documents.Api);
        var several = AnalyzerTest.For(Code.Wrap("""
                public static void Flow(FlowBuilder f) => f
                    .Post("/api/auth/login", r => r.Capture(Token, CaptureSource.Json("access")).Capture(Other, CaptureSource.Json("refresh")))
                    .Get("/api/groups");
            """)).WithOpenApi(Documents.Api);

        Assert.Empty(await CodeFixTest.OfferedFixesAsync(none, new AddBearerTokenCodeFix(), "K6S0507"));
        Assert.Empty(await CodeFixTest.OfferedFixesAsync(several, new AddBearerTokenCodeFix(), "K6S0507"));
    }
}
