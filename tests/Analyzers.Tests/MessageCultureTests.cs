using System.Globalization;
using System.Threading.Tasks;
using K6Scenarios.Analyzers.Tests.Verification;

namespace K6Scenarios.Analyzers.Tests;

/// <summary>
/// Messages read the same on every machine: the rules whose messages carry numbers, durations, upper-cased methods or
/// suggestions run under German (decimal comma, '.' thousands) and Turkish (dotted and dotless i) cultures, and must
/// report the message that the invariant culture formats (<see cref="K6Test"/> compares whole invariant messages).
/// </summary>
public sealed class MessageCultureTests
{
    public static TheoryData<string> Cultures() => new("de-DE", "tr-TR");

    [Theory]
    [MemberData(nameof(Cultures))]
    public async Task Capacity_messages_do_not_depend_on_the_culture(string culture)
    {
        await new K6Test(
            Code.Wrap("""
                public static LoadTest Test() => LoadTest.Create({|#1:"big"|})
                    .Scenario("open", s => s.{|#0:ConstantArrivalRate|}(100, TimeSpan.FromMinutes(1), preAllocatedVus: 20, maxVus: 100)
                        .Flow(f => f.Get("/a").Get("/b").ThinkTime(TimeSpan.FromSeconds(1))))
                    .Scenario("closed", s => s.ConstantVus(1200, TimeSpan.FromSeconds(30)).Flow(f => f.Get("/a").ThinkTime(TimeSpan.FromMilliseconds(1500))));
            """),
            Verify.Diagnostic("K6S0603").WithLocation(0).WithArguments("open", "100", "1s200ms", "120", "100"),
            Verify.Diagnostic("K6S0602").WithLocation(1).WithArguments("big", "1300", "1000"))
        {
            Culture = CultureInfo.GetCultureInfo(culture),
        }.VerifyAsync();
    }

    [Theory]
    [MemberData(nameof(Cultures))]
    public async Task Threshold_messages_do_not_depend_on_the_culture(string culture)
    {
        await new K6Test(
            Code.Wrap("""
                public static LoadTest Test() => LoadTest.Create("test")
                    .Scenario("signin", s => s.ConstantVus(10, TimeSpan.FromSeconds(30)).Flow(f => f.Post("/api/auth/signin").Get("/api/health").ThinkTime(TimeSpan.FromSeconds(1))))
                    .Threshold(K6Metrics.HttpReqDuration.P({|#0:100.5|}) < 500.25)
                    .Threshold(K6Metrics.HttpReqFailed.Where("method", {|#1:"delete"|}).Rate < 0.01)
                    .Threshold(K6Metrics.HttpReqDuration.Avg < {|#2:double.NegativeInfinity|})
                    .Threshold(K6Metrics.HttpReqDuration.ForScenario({|#3:"signin2"|}).P(99.9) < 1.5);
            """),
            Verify.Diagnostic("K6S0203").WithLocation(0).WithArguments("http_req_duration", "100.5"),
            Verify.Diagnostic("K6S0205").WithLocation(1).WithArguments("http_req_failed{method:delete}", "method", "delete", "'GET', 'POST'"),
            Verify.Diagnostic("K6S0209").WithLocation(2).WithArguments("http_req_duration", "-Infinity"),
            Verify.Diagnostic("K6S0205").WithLocation(3).WithArguments("http_req_duration{scenario:signin2}", "scenario", "signin2", "'signin'"))
        {
            Culture = CultureInfo.GetCultureInfo(culture),
        }.VerifyAsync();
    }

    [Theory]
    [MemberData(nameof(Cultures))]
    public async Task OpenApi_messages_do_not_depend_on_the_culture(string culture)
    {
        await new K6Test(
            Code.Wrap("""
                public static void Flow(FlowBuilder f) => f
                    .Post({|#0:"/api/auth/SIGNIN"|})
                    .Post("/api/auth/login", r => r.JsonBody(new { username = "u", password = Value.Secret("P"), {|#1:Id = 1|} }).ExpectStatus({|#2:201|}))
                    .{|#3:Patch|}("/api/health");
            """),
            Verify.Diagnostic("K6S0503").WithLocation(0).WithArguments("POST /api/auth/SIGNIN", "/api/auth/SIGNIN", "; did you mean '/api/auth/signin'?"),
            Verify.Diagnostic("K6S0505").WithLocation(1).WithArguments("POST /api/auth/login", "Id", "; it defines 'password', 'username'"),
            Verify.Diagnostic("K6S0502").WithLocation(2).WithArguments("POST /api/auth/login", "201", "200, 400"),
            Verify.Diagnostic("K6S0504").WithLocation(3).WithArguments("PATCH /api/health", "/api/health", "PATCH", "GET"))
        {
            Culture = CultureInfo.GetCultureInfo(culture),
        }.WithOpenApi(Documents.Api).VerifyAsync();
    }
}
