using System.Threading.Tasks;
using K6Scenarios.Analyzers.Tests.Verification;

namespace K6Scenarios.Analyzers.Tests.Rules;

/// <summary>K6S0109: a scenario whose flow has no steps.</summary>
public sealed class K6S0109Tests
{
    [Fact]
    public async Task Scenarios_without_a_flow_or_with_an_empty_one_are_reported()
    {
        await Verify.AnalyzerAsync(
            Code.Wrap("""
                public static LoadTest NoFlow() => LoadTest.Create("no-flow")
                    .Scenario({|#0:"idle"|}, s => s.ConstantVus(1, TimeSpan.FromSeconds(10)))
                    .Scenario({|#1:"blank"|}, s => s.ConstantVus(1, TimeSpan.FromSeconds(10)).Flow(f => { }));
            """),
            Verify.Diagnostic("K6S0109").WithLocation(0).WithArguments("idle"),
            Verify.Diagnostic("K6S0109").WithLocation(1).WithArguments("blank"));
    }

    [Fact]
    public async Task Flows_with_steps_or_configured_elsewhere_are_not_reported()
    {
        await Verify.AnalyzerAsync(Code.Wrap("""
                public static LoadTest Flows() => LoadTest.Create("flows")
                    .Scenario("steps", s => s.ConstantVus(1, TimeSpan.FromSeconds(10)).Flow(f => f.Get("/a").ThinkTime(TimeSpan.FromSeconds(1))))
                    .Scenario("hidden", s => Configure(s));

                static void Configure(ScenarioBuilder s) => s.Flow(f => f.Get("/a"));
            """));
    }
}
