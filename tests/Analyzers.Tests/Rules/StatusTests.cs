using System;
using System.Linq;
using System.Threading.Tasks;
using K6Scenarios.Analyzers.Tests.Verification;
using K6Scenarios.CodeFixes;

namespace K6Scenarios.Analyzers.Tests.Rules;

public sealed class StatusTests
{
    [Fact]
    public async Task Undocumented_status_on_sign_in_is_reported_with_the_documented_ones()
    {
        // Seed 000: the check expected 200 while sign-in answers 201.
        var reported = await AnalyzerTest.For(Code.Wrap("""
                public static LoadTest Storm() => LoadTest.Create("storm")
                    .BaseUrl("API_URL", "http://localhost:4000")
                    .Scenario("signin", s => s.ConstantVus(10, TimeSpan.FromSeconds(30)).Flow(f => f
                        .Post("/api/auth/signin", r => r.JsonBody(new { email = "a@b.c", password = Value.Secret("P") }).ExpectStatus({|K6S0502:200|}))
                        .ThinkTime(TimeSpan.FromSeconds(1))));
            """)).WithOpenApi(Documents.Api).VerifyAsync();

        var message = reported.Single().Message;
        Assert.Contains("expects status 200", message, StringComparison.Ordinal);
        Assert.Contains("201, 401", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Documented_and_computed_statuses_are_not_reported()
    {
        await AnalyzerTest.For(Code.Wrap("""
                const int Created = 201;
                static int Computed() => 200;

                public static LoadTest Storm() => LoadTest.Create("storm")
                    .Scenario("signin", s => s.ConstantVus(10, TimeSpan.FromSeconds(30)).Flow(f => f
                        .Post("/api/auth/signin", r => r.ExpectStatus(Created).AlsoExpected(401))
                        .Post("/api/auth/signin", r => r.ExpectStatus(HttpStatusCode.Created))
                        .Post("/api/auth/signin", r => r.ExpectStatus(Computed()))
                        .ThinkTime(TimeSpan.FromSeconds(1))));
            """)).WithOpenApi(Documents.Api).VerifyAsync();
    }

    [Fact]
    public async Task Enum_statuses_and_also_expected_statuses_are_checked()
    {
        await AnalyzerTest.For(Code.Wrap("""
                public static void Flow(FlowBuilder f) => f
                    .Post("/auth/signin", r => r.ExpectStatus({|K6S0502:HttpStatusCode.OK|}).AlsoExpected({|K6S0502:429|}));
            """)).WithOpenApi(Documents.Api).VerifyAsync();
    }

    [Fact]
    public async Task Load_test_expected_statuses_must_be_documented_by_an_operation_that_uses_them()
    {
        await AnalyzerTest.For(Code.Wrap("""
                public static LoadTest Mixed() => LoadTest.Create("mixed")
                    .ExpectedStatuses(201, 200, {|K6S0502:418|})
                    .Scenario("signin", s => s.ConstantVus(10, TimeSpan.FromSeconds(30)).Flow(f => f
                        .Post("/api/auth/signin")
                        .Get("/api/health")
                        .ThinkTime(TimeSpan.FromSeconds(1))));
            """)).WithOpenApi(Documents.Api).VerifyAsync();
    }

    [Fact]
    public async Task Fix_offers_each_documented_success_status()
    {
        var test = AnalyzerTest.For(Code.Wrap("""
                public static void Flow(FlowBuilder f) => f.Get("/api/groups", r => r.BearerToken(Token).ExpectStatus(202));
            """)).WithOpenApi(Documents.Api);

        var offered = await CodeFixTest.OfferedFixesAsync(test, new UseDocumentedStatusCodeFix(), "K6S0502");

        Assert.Equal(
            new[] { ("Expect documented status 200", (string?)UseDocumentedStatusCodeFix.FirstStatusEquivalenceKey), ("Expect documented status 204", UseDocumentedStatusCodeFix.StatusEquivalenceKeyPrefix + "204") },
            offered);
    }

    [Fact]
    public async Task Fix_replaces_a_number_with_the_documented_status()
    {
        var test = AnalyzerTest.For(Code.Wrap("""
                public static void Flow(FlowBuilder f) => f.Post("/api/auth/signin", r => r.ExpectStatus(200));
            """)).WithOpenApi(Documents.Api);

        var fixedSource = await CodeFixTest.ApplyAsync(test, new UseDocumentedStatusCodeFix(), "K6S0502", UseDocumentedStatusCodeFix.FirstStatusEquivalenceKey);

        Assert.Equal(test.Source.Replace("ExpectStatus(200)", "ExpectStatus(201)", StringComparison.Ordinal), fixedSource);
    }

    [Fact]
    public async Task Fix_keeps_the_enum_style()
    {
        var test = AnalyzerTest.For(Code.Wrap("""
                public static void Flow(FlowBuilder f) => f.Post("/api/auth/signin", r => r.ExpectStatus(HttpStatusCode.OK));
            """)).WithOpenApi(Documents.Api);

        var fixedSource = await CodeFixTest.ApplyAsync(test, new UseDocumentedStatusCodeFix(), "K6S0502", UseDocumentedStatusCodeFix.FirstStatusEquivalenceKey);

        Assert.Equal(test.Source.Replace("HttpStatusCode.OK", "HttpStatusCode.Created", StringComparison.Ordinal), fixedSource);
    }

    [Fact]
    public async Task Fix_all_replaces_every_undocumented_status_with_its_own_operations_status()
    {
        var test = AnalyzerTest.For(Code.Wrap("""
                public static void Flow(FlowBuilder f) => f
                    .Post("/api/auth/signin", r => r.ExpectStatus(200))
                    .Post("/api/auth/login", r => r.ExpectStatus(201))
                    .Post("/api/auth/signin", r => r.ExpectStatus(204));
            """)).WithOpenApi(Documents.Api);

        var fixedSource = await CodeFixTest.FixAllAsync(test, new UseDocumentedStatusCodeFix(), "K6S0502", UseDocumentedStatusCodeFix.FirstStatusEquivalenceKey);

        var expected = test.Source
            .Replace("""signin", r => r.ExpectStatus(200)""", """signin", r => r.ExpectStatus(201)""", StringComparison.Ordinal)
            .Replace("""login", r => r.ExpectStatus(201)""", """login", r => r.ExpectStatus(200)""", StringComparison.Ordinal)
            .Replace("""signin", r => r.ExpectStatus(204)""", """signin", r => r.ExpectStatus(201)""", StringComparison.Ordinal);
        Assert.Equal(expected, fixedSource);
        var after = await AnalyzerTest.For(fixedSource).WithOpenApi(Documents.Api).RunAsync();
        Assert.DoesNotContain(after, d => d.Id == "K6S0502");
    }
}
