using System;
using System.Linq;
using System.Threading.Tasks;
using K6Scenarios.Analyzers.Tests.Verification;

namespace K6Scenarios.Analyzers.Tests.Rules;

/// <summary>K6S0502: an expected status the OpenAPI document does not document; fixed by expecting a documented one.</summary>
public sealed class K6S0502Tests
{
    /// <summary>The key of the fix that expects the operation's first documented success status, the same for every diagnostic.</summary>
    private const string FirstDocumentedStatusKey = "K6S0502.UseFirstDocumentedStatus";

    [Fact]
    public async Task Undocumented_status_on_sign_in_is_reported_with_the_documented_ones()
    {
        // Seed 000: the check expected 200 while sign-in answers 201.
        await Verify.AnalyzerWithOpenApiAsync(
            Code.Wrap("""
                public static LoadTest Storm() => LoadTest.Create("storm")
                    .BaseUrl("API_URL", "http://localhost:4000")
                    .Scenario("signin", s => s.ConstantVus(10, TimeSpan.FromSeconds(30)).Flow(f => f
                        .Post("/api/auth/signin", r => r.JsonBody(new { email = "a@b.c", password = Value.Secret("P") }).ExpectStatus({|#0:200|}))
                        .ThinkTime(TimeSpan.FromSeconds(1))));
            """),
            Documents.Api,
            Verify.Diagnostic("K6S0502").WithLocation(0).WithArguments("POST /api/auth/signin", "200", "201, 401"));
    }

    [Fact]
    public async Task Documented_and_computed_statuses_are_not_reported()
    {
        await Verify.AnalyzerWithOpenApiAsync(
            Code.Wrap("""
                const int Created = 201;
                static int Computed() => 200;

                public static LoadTest Storm() => LoadTest.Create("storm")
                    .Scenario("signin", s => s.ConstantVus(10, TimeSpan.FromSeconds(30)).Flow(f => f
                        .Post("/api/auth/signin", r => r.ExpectStatus(Created).AlsoExpected(401))
                        .Post("/api/auth/signin", r => r.ExpectStatus(HttpStatusCode.Created))
                        .Post("/api/auth/signin", r => r.ExpectStatus(Computed()))
                        .ThinkTime(TimeSpan.FromSeconds(1))));
            """),
            Documents.Api);
    }

    [Fact]
    public async Task Enum_statuses_and_also_expected_statuses_are_checked()
    {
        await Verify.AnalyzerWithOpenApiAsync(
            Code.Wrap("""
                public static void Flow(FlowBuilder f) => f
                    .Post("/auth/signin", r => r.ExpectStatus({|#0:HttpStatusCode.OK|}).AlsoExpected({|#1:429|}));
            """),
            Documents.Api,
            Verify.Diagnostic("K6S0502").WithLocation(0).WithArguments("POST /auth/signin", "200", "201, 401"),
            Verify.Diagnostic("K6S0502").WithLocation(1).WithArguments("POST /auth/signin", "429", "201, 401"));
    }

    [Fact]
    public async Task Load_test_expected_statuses_must_be_documented_by_an_operation_that_uses_them()
    {
        await Verify.AnalyzerWithOpenApiAsync(
            Code.Wrap("""
                public static LoadTest Mixed() => LoadTest.Create("mixed")
                    .ExpectedStatuses(201, 200, {|#0:418|})
                    .Scenario("signin", s => s.ConstantVus(10, TimeSpan.FromSeconds(30)).Flow(f => f
                        .Post("/api/auth/signin")
                        .Get("/api/health")
                        .ThinkTime(TimeSpan.FromSeconds(1))));
            """),
            Documents.Api,
            Verify.Diagnostic("K6S0502").WithLocation(0).WithArguments("The load test's expected statuses", "418", "200, 201, 401"));
    }

    [Fact]
    public async Task Fix_offers_each_documented_success_status()
    {
        var project = AnalyzerRunner.CreateProject(
            Code.Wrap("""
                public static void Flow(FlowBuilder f) => f.Get("/api/groups", r => r.BearerToken(Token).ExpectStatus(202));
            """),
            TestAdditionalFile.OpenApi(Documents.Api));

        var offered = await AnalyzerRunner.OfferedFixesAsync(project, await AnalyzerRunner.AnalyzeAsync(project));

        Assert.Equal(
            [("Expect documented status 200", FirstDocumentedStatusKey), ("Expect documented status 204", "K6S0502.UseDocumentedStatus.204")],
            offered.Select(o => (o.Action.Title, o.Action.EquivalenceKey)));
    }

    [Fact]
    public async Task Fix_key_is_the_same_for_every_diagnostic_whatever_status_it_expects()
    {
        var project = AnalyzerRunner.CreateProject(
            Code.Wrap("""
                public static void Flow(FlowBuilder f) => f
                    .Post("/api/auth/signin", r => r.ExpectStatus(200))
                    .Post("/api/auth/login", r => r.ExpectStatus(201))
                    .Get("/api/groups", r => r.BearerToken(Token).ExpectStatus(418));
            """),
            TestAdditionalFile.OpenApi(Documents.Api));

        var offered = await AnalyzerRunner.OfferedFixesAsync(project, await AnalyzerRunner.AnalyzeAsync(project));

        var firstPerDiagnostic = offered.GroupBy(o => o.Diagnostic.Location.SourceSpan.Start).Select(g => g.First().Action).ToList();
        Assert.Equal(3, firstPerDiagnostic.Count);
        Assert.All(firstPerDiagnostic, action => Assert.Equal(FirstDocumentedStatusKey, action.EquivalenceKey));
        Assert.Equal(["Expect documented status 201", "Expect documented status 200", "Expect documented status 200"], firstPerDiagnostic.Select(a => a.Title));
    }

    [Fact]
    public async Task Fix_replaces_a_number_with_the_documented_status()
    {
        const string Source = """
                public static void Flow(FlowBuilder f) => f.Post("/api/auth/signin", r => r.ExpectStatus({|#0:200|}));
            """;
        await new K6Test(Code.Wrap(Source), Verify.Diagnostic("K6S0502").WithLocation(0).WithArguments("POST /api/auth/signin", "200", "201, 401"))
            .WithOpenApi(Documents.Api)
            .WithFix("K6S0502", FirstDocumentedStatusKey, Code.Wrap(Source.Replace("{|#0:200|}", "201", StringComparison.Ordinal)))
            .VerifyAsync();
    }

    [Fact]
    public async Task Fix_keeps_the_enum_style()
    {
        const string Source = """
                public static void Flow(FlowBuilder f) => f.Post("/api/auth/signin", r => r.ExpectStatus({|#0:HttpStatusCode.OK|}));
            """;
        await new K6Test(Code.Wrap(Source), Verify.Diagnostic("K6S0502").WithLocation(0).WithArguments("POST /api/auth/signin", "200", "201, 401"))
            .WithOpenApi(Documents.Api)
            .WithFix("K6S0502", FirstDocumentedStatusKey, Code.Wrap(Source.Replace("{|#0:HttpStatusCode.OK|}", "HttpStatusCode.Created", StringComparison.Ordinal)))
            .VerifyAsync();
    }

    [Fact]
    public async Task Fix_all_replaces_every_undocumented_status_with_its_own_operations_status()
    {
        await new K6Test(
            Code.Wrap("""
                public static void Flow(FlowBuilder f) => f
                    .Post("/api/auth/signin", r => r.ExpectStatus({|#0:200|}))
                    .Post("/api/auth/login", r => r.ExpectStatus({|#1:201|}))
                    .Post("/api/auth/signin", r => r.ExpectStatus({|#2:204|}));
            """),
            Verify.Diagnostic("K6S0502").WithLocation(0).WithArguments("POST /api/auth/signin", "200", "201, 401"),
            Verify.Diagnostic("K6S0502").WithLocation(1).WithArguments("POST /api/auth/login", "201", "200, 400"),
            Verify.Diagnostic("K6S0502").WithLocation(2).WithArguments("POST /api/auth/signin", "204", "201, 401"))
            .WithOpenApi(Documents.Api)
            .WithFix("K6S0502", FirstDocumentedStatusKey, Code.Wrap("""
                public static void Flow(FlowBuilder f) => f
                    .Post("/api/auth/signin", r => r.ExpectStatus(201))
                    .Post("/api/auth/login", r => r.ExpectStatus(200))
                    .Post("/api/auth/signin", r => r.ExpectStatus(201));
            """))
            .VerifyAsync();
    }
}
