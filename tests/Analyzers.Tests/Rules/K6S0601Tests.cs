using System.Threading.Tasks;
using K6Scenarios.Analyzers.Tests.Verification;

namespace K6Scenarios.Analyzers.Tests.Rules;

/// <summary>K6S0601: a closed-model scenario whose VUs loop without think time.</summary>
public sealed class K6S0601Tests
{
    [Fact]
    public async Task Closed_model_loop_without_think_time_is_reported()
    {
        await Verify.AnalyzerAsync(
            Code.Wrap("""
                public static LoadTest Test() => LoadTest.Create("test")
                    .Scenario({|#0:"hammer"|}, s => s.ConstantVus(10, TimeSpan.FromSeconds(30)).Flow(f => f.Get("/a").Get("/b")));
            """),
            Verify.Diagnostic("K6S0601").WithLocation(0).WithArguments("hammer"));
    }

    [Fact]
    public async Task Paced_open_model_single_iteration_and_hidden_flows_are_not_reported()
    {
        await Verify.AnalyzerAsync(Code.Wrap("""
                public static LoadTest Test() => LoadTest.Create("test")
                    .Scenario("paced", s => s.ConstantVus(10, TimeSpan.FromSeconds(30)).Flow(f => f.Get("/a").Group("g", g => g.ThinkTime(TimeSpan.FromSeconds(1)))))
                    .Scenario("open", s => s.ConstantArrivalRate(10, TimeSpan.FromSeconds(30), preAllocatedVus: 10).Flow(f => f.Get("/a")))
                    .Scenario("once", s => s.SharedIterations(1, 1).Flow(f => f.Get("/a")))
                    .Scenario("hidden", s => s.ConstantVus(10, TimeSpan.FromSeconds(30)).Flow(f => Steps(f)));

                static void Steps(FlowBuilder f) => f.Get("/a");
            """));
    }
}
