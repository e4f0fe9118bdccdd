using System.Threading.Tasks;
using K6Scenarios.Analyzers.Tests.Verification;

namespace K6Scenarios.Analyzers.Tests.Rules;

/// <summary>K6S0205: a threshold selecting a tag value that nothing in the load test produces.</summary>
public sealed class K6S0205Tests
{
    private const string Flows = """
                    .Scenario("signin", s => s.ConstantVus(10, TimeSpan.FromSeconds(30)).Flow(f => f
                        .Group("login", g => g.Post("/api/auth/signin", r => r.Named("signin").RecordFailureIn(Errors)))
                        .Get("/api/health")
                        .ThinkTime(TimeSpan.FromSeconds(1))))
        """;

    [Fact]
    public async Task Tag_values_that_nothing_produces_are_reported_with_the_values_that_exist()
    {
        await Verify.AnalyzerAsync(
            Code.Wrap("""
                static readonly RateMetric Errors = CustomMetric.Rate("errors");

                public static LoadTest Test() => LoadTest.Create("test")
            """ + Flows + """
                    .Threshold(K6Metrics.HttpReqDuration.ForScenario({|#0:"sigin"|}).P(95) < 500)
                    .Threshold(K6Metrics.HttpReqDuration.ForRequest({|#1:"/api/auth/signin"|}).P(95) < 500)
                    .Threshold(K6Metrics.GroupDuration.ForGroup({|#2:"logn"|}).Avg < 500)
                    .Threshold(K6Metrics.HttpReqFailed.Where("method", {|#3:"post"|}).Rate < 0.01);
            """),
            Verify.Diagnostic("K6S0205").WithLocation(0).WithArguments("http_req_duration{scenario:sigin}", "scenario", "sigin", "'signin'"),
            Verify.Diagnostic("K6S0205").WithLocation(1).WithArguments("http_req_duration{name:/api/auth/signin}", "name", "/api/auth/signin", "'/api/health', 'signin'"),
            Verify.Diagnostic("K6S0205").WithLocation(2).WithArguments("group_duration{group:::logn}", "group", "::logn", "'::login'"),
            Verify.Diagnostic("K6S0205").WithLocation(3).WithArguments("http_req_failed{method:post}", "method", "post", "'GET', 'POST'"));
    }

    [Fact]
    public async Task Produced_tag_values_and_constants_are_not_reported()
    {
        await Verify.AnalyzerAsync(Code.Wrap("""
                static readonly RateMetric Errors = CustomMetric.Rate("errors");
                const string SignIn = "signin";

                public static LoadTest Test() => LoadTest.Create("test")
            """ + Flows + """
                    .Threshold(K6Metrics.HttpReqDuration.ForScenario(SignIn).P(95) < 500)
                    .Threshold(K6Metrics.HttpReqDuration.ForRequest("signin").P(95) < 500)
                    .Threshold(K6Metrics.HttpReqDuration.ForRequest("/api/health").P(95) < 500)
                    .Threshold(K6Metrics.GroupDuration.ForGroup("login").Avg < 500)
                    .Threshold(K6Metrics.HttpReqFailed.Where("method", "POST").Rate < 0.01)
                    .Threshold(Errors.Rate < 0.1);
            """));
    }

    [Fact]
    public async Task Tag_values_are_not_judged_when_names_are_computed_or_flows_are_hidden()
    {
        await Verify.AnalyzerAsync(Code.Wrap("""
                public static LoadTest Computed(string name) => LoadTest.Create("computed")
                    .Scenario(name, s => s.ConstantVus(10, TimeSpan.FromSeconds(30)).Flow(f => f.Get("/a").ThinkTime(TimeSpan.FromSeconds(1))))
                    .Threshold(K6Metrics.HttpReqDuration.ForScenario("other").P(95) < 500);

                public static LoadTest Hidden() => LoadTest.Create("hidden")
                    .Scenario("s", s => s.ConstantVus(10, TimeSpan.FromSeconds(30)).Flow(Steps))
                    .Threshold(K6Metrics.HttpReqDuration.ForRequest("/b").P(95) < 500);

                static void Steps(FlowBuilder f) => f.Get("/b").ThinkTime(TimeSpan.FromSeconds(1));
            """));
    }
}
