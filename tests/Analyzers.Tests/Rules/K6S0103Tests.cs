using System.Threading.Tasks;
using K6Scenarios.Analyzers.Tests.Verification;

namespace K6Scenarios.Analyzers.Tests.Rules;

/// <summary>K6S0103: a duration k6 rejects (zero, negative, or too short), constant expressions included.</summary>
public sealed class K6S0103Tests
{
    [Fact]
    public async Task Zero_negative_and_too_short_durations_are_reported_including_constant_expressions()
    {
        await Verify.AnalyzerAsync(
            Code.Wrap("""
                const int Seconds = 0;
                public static void Configure(ScenarioBuilder s)
                {
                    // Each statement is a fragment of its own: the last executor of a chain is the one k6 runs.
                    s.ConstantVus(1, {|#0:TimeSpan.Zero|});
                    s.ConstantVus(1, {|#1:TimeSpan.FromSeconds(-1)|});
                    s.ConstantVus(1, {|#2:TimeSpan.FromMilliseconds(500)|});
                    s.ConstantVus(1, {|#3:TimeSpan.FromSeconds(Seconds)|});
                    s.ConstantVus(1, {|#4:TimeSpan.FromMinutes(1) - TimeSpan.FromSeconds(60)|});
                    s.StartAfter({|#5:-TimeSpan.FromSeconds(5)|});
                }
            """),
            Verify.Diagnostic("K6S0103").WithLocation(0).WithArguments("Scenario '(computed name)' duration", "0s", "at least 1s"),
            Verify.Diagnostic("K6S0103").WithLocation(1).WithArguments("Scenario '(computed name)' duration", "-1s", "at least 1s"),
            Verify.Diagnostic("K6S0103").WithLocation(2).WithArguments("Scenario '(computed name)' duration", "500ms", "at least 1s"),
            Verify.Diagnostic("K6S0103").WithLocation(3).WithArguments("Scenario '(computed name)' duration", "0s", "at least 1s"),
            Verify.Diagnostic("K6S0103").WithLocation(4).WithArguments("Scenario '(computed name)' duration", "0s", "at least 1s"),
            Verify.Diagnostic("K6S0103").WithLocation(5).WithArguments("Scenario '(computed name)' startTime", "-5s", "a duration of 0s or more"));
    }

    [Fact]
    public async Task Request_timeouts_and_duration_check_limits_are_named_after_their_request()
    {
        await Verify.AnalyzerAsync(
            Code.Wrap("""
                public static void Flow(FlowBuilder f) => f
                    .Get("/a", r => r.Timeout({|#0:TimeSpan.Zero|}))
                    .Post("/b", r => r.CheckDuration({|#1:TimeSpan.FromSeconds(-1)|}))
                    .Get("/c", r => r.Timeout(TimeSpan.FromSeconds(5)).CheckDuration(TimeSpan.FromMilliseconds(300)));
            """),
            Verify.Diagnostic("K6S0103").WithLocation(0).WithArguments("GET /a timeout", "0s", "a positive duration"),
            Verify.Diagnostic("K6S0103").WithLocation(1).WithArguments("POST /b duration check limit", "-1s", "a positive duration"));
    }

    [Fact]
    public async Task Time_units_and_stage_durations_are_checked()
    {
        await Verify.AnalyzerAsync(
            Code.Wrap("""
                public static void Configure(ScenarioBuilder s)
                {
                    s.ConstantArrivalRate(10, TimeSpan.FromMinutes(1), preAllocatedVus: 10, timeUnit: {|#0:TimeSpan.Zero|});
                    s.RampingVus(0, st => st.RampTo(50, {|#1:TimeSpan.FromSeconds(-10)|}).RampTo(0, TimeSpan.Zero));
                }
            """),
            Verify.Diagnostic("K6S0103").WithLocation(0).WithArguments("Scenario '(computed name)' timeUnit", "0s", "more than 0s"),
            Verify.Diagnostic("K6S0103").WithLocation(1).WithArguments("Scenario '(computed name)' stage 1 duration", "-10s", "a duration of 0s or more"));
    }

    [Fact]
    public async Task Negative_abort_evaluation_delay_is_reported()
    {
        await Verify.AnalyzerAsync(
            Code.Wrap("""
                public static LoadTest Test() => LoadTest.Create("test")
                    .Scenario("s", s => s.ConstantVus(10, TimeSpan.FromSeconds(30)).Flow(f => f.Get("/a").ThinkTime(TimeSpan.FromSeconds(1))))
                    .Threshold(K6Metrics.HttpReqFailed.Rate < 0.05, abortOnFail: true, delayAbortEval: {|#0:TimeSpan.FromSeconds(-1)|});
            """),
            Verify.Diagnostic("K6S0103").WithLocation(0).WithArguments("Threshold 'http_req_failed' delayAbortEval", "-1s", "a duration of 0s or more"));
    }

    [Fact]
    public async Task Valid_computed_and_zero_where_allowed_durations_are_not_reported()
    {
        await Verify.AnalyzerAsync(Code.Wrap("""
                public static void Configure(ScenarioBuilder s, TimeSpan computed) => s
                    .ConstantVus(1, TimeSpan.FromSeconds(1))
                    .ConstantVus(1, new TimeSpan(0, 1, 30))
                    .ConstantVus(1, computed)
                    .GracefulStop(TimeSpan.Zero)
                    .RampingVus(0, st => st.RampTo(50, TimeSpan.FromSeconds(10)).RampTo(0, TimeSpan.Zero));
            """));
    }
}
