using System.Threading.Tasks;
using K6Scenarios.Analyzers.Tests.Verification;

namespace K6Scenarios.Analyzers.Tests.Rules;

/// <summary>K6S0101: a scenario name k6 rejects.</summary>
public sealed class K6S0101Tests
{
    [Fact]
    public async Task Scenario_name_with_a_space_is_reported()
    {
        await Verify.AnalyzerAsync(
            Code.Wrap("""
                public static LoadTest Test() => LoadTest.Create("test")
                    .Scenario({|#0:"sign in"|}, s => s.ConstantVus(1, TimeSpan.FromSeconds(10)).Flow(f => f.Get("/a").ThinkTime(TimeSpan.FromSeconds(1))));
            """),
            Verify.Diagnostic("K6S0101").WithLocation(0).WithArguments("sign in"));
    }

    [Fact]
    public async Task Letters_digits_underscores_and_dashes_are_not_reported()
    {
        await Verify.AnalyzerAsync(Code.Wrap("""
                const string Computed = "also fine";
                public static LoadTest Test(string name) => LoadTest.Create("test")
                    .Scenario("sign-in_2", s => s.ConstantVus(1, TimeSpan.FromSeconds(10)).Flow(f => f.Get("/a").ThinkTime(TimeSpan.FromSeconds(1))))
                    .Scenario(name, s => s.ConstantVus(1, TimeSpan.FromSeconds(10)).Flow(f => f.Get("/a").ThinkTime(TimeSpan.FromSeconds(1))));
            """));
    }
}
