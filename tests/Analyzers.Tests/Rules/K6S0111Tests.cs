using System.Threading.Tasks;
using K6Scenarios.Analyzers.Tests.Verification;

namespace K6Scenarios.Analyzers.Tests.Rules;

/// <summary>K6S0111: a load-test name that cannot name a script file.</summary>
public sealed class K6S0111Tests
{
    [Fact]
    public async Task Load_test_name_with_a_space_is_reported()
    {
        await Verify.AnalyzerAsync(
            Code.Wrap("""
                public static LoadTest Test() => LoadTest.Create({|#0:"bad name"|})
                    .Scenario("s", s => s.ConstantVus(1, TimeSpan.FromSeconds(10)).Flow(f => f.Get("/a").ThinkTime(TimeSpan.FromSeconds(1))));
            """),
            Verify.Diagnostic("K6S0111").WithLocation(0).WithArguments("bad name"));
    }

    [Fact]
    public async Task File_name_safe_load_test_names_are_not_reported()
    {
        await Verify.AnalyzerAsync(Code.Wrap("""
                public static LoadTest Test() => LoadTest.Create("signin-storm.v2_b")
                    .Scenario("s", s => s.ConstantVus(1, TimeSpan.FromSeconds(10)).Flow(f => f.Get("/a").ThinkTime(TimeSpan.FromSeconds(1))));
            """));
    }
}
