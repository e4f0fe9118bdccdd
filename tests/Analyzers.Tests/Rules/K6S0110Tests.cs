using System.Threading.Tasks;
using K6Scenarios.Analyzers.Tests.Verification;

namespace K6Scenarios.Analyzers.Tests.Rules;

/// <summary>K6S0110: a load test without scenarios.</summary>
public sealed class K6S0110Tests
{
    [Fact]
    public async Task Load_test_without_a_scenario_is_reported()
    {
        await Verify.AnalyzerAsync(
            Code.Wrap("""
                public static LoadTest Empty() => LoadTest.Create({|#0:"empty"|});
            """),
            Verify.Diagnostic("K6S0110").WithLocation(0).WithArguments("empty"));
    }

    [Fact]
    public async Task Builder_handed_on_unfinished_and_load_test_with_a_scenario_are_not_reported()
    {
        await Verify.AnalyzerAsync(Code.Wrap("""
                public static LoadTestBuilder Partial() => LoadTest.Create("partial");

                public static LoadTest Complete() => LoadTest.Create("complete")
                    .Scenario("s", s => s.ConstantVus(1, TimeSpan.FromSeconds(10)).Flow(f => f.Get("/a").ThinkTime(TimeSpan.FromSeconds(1))));
            """));
    }
}
