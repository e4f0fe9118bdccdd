using System.Threading.Tasks;
using K6Scenarios.Analyzers.Tests.Verification;

namespace K6Scenarios.Analyzers.Tests.Rules;

/// <summary>K6S0102: two scenarios of one load test with the same name.</summary>
public sealed class K6S0102Tests
{
    [Fact]
    public async Task Second_scenario_with_a_name_already_used_is_reported()
    {
        await Verify.AnalyzerAsync(
            Code.Wrap("""
                public static LoadTest Test() => LoadTest.Create("test")
                    .Scenario("signin", s => s.ConstantVus(1, TimeSpan.FromSeconds(10)).Flow(f => f.Get("/a").ThinkTime(TimeSpan.FromSeconds(1))))
                    .Scenario({|#0:"signin"|}, s => s.ConstantVus(1, TimeSpan.FromSeconds(10)).Flow(f => f.Get("/a").ThinkTime(TimeSpan.FromSeconds(1))));
            """),
            Verify.Diagnostic("K6S0102").WithLocation(0).WithArguments("signin"));
    }

    [Fact]
    public async Task Distinct_names_and_the_same_name_in_two_load_tests_are_not_reported()
    {
        await Verify.AnalyzerAsync(Code.Wrap("""
                public static LoadTest First() => LoadTest.Create("first")
                    .Scenario("signin", s => s.ConstantVus(1, TimeSpan.FromSeconds(10)).Flow(f => f.Get("/a").ThinkTime(TimeSpan.FromSeconds(1))))
                    .Scenario("browse", s => s.ConstantVus(1, TimeSpan.FromSeconds(10)).Flow(f => f.Get("/a").ThinkTime(TimeSpan.FromSeconds(1))));

                public static LoadTest Second() => LoadTest.Create("second")
                    .Scenario("signin", s => s.ConstantVus(1, TimeSpan.FromSeconds(10)).Flow(f => f.Get("/a").ThinkTime(TimeSpan.FromSeconds(1))));
            """));
    }
}
