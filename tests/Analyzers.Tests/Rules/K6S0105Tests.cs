using System.Threading.Tasks;
using K6Scenarios.Analyzers.Tests.Verification;

namespace K6Scenarios.Analyzers.Tests.Rules;

/// <summary>K6S0105: shared iterations fewer than the VUs that share them.</summary>
public sealed class K6S0105Tests
{
    [Fact]
    public async Task Fewer_shared_iterations_than_vus_are_reported()
    {
        await Verify.AnalyzerAsync(
            Code.Wrap("""
                public static void Configure(ScenarioBuilder s) => s.SharedIterations(10, {|#0:5|});
            """),
            Verify.Diagnostic("K6S0105").WithLocation(0).WithArguments("(computed name)", "5", "10"));
    }

    [Fact]
    public async Task As_many_or_more_iterations_than_vus_are_not_reported()
    {
        await Verify.AnalyzerAsync(Code.Wrap("""
                public static void Configure(ScenarioBuilder s, int iterations) => s
                    .SharedIterations(10, 10)
                    .SharedIterations(10, 200)
                    .SharedIterations(10, iterations);
            """));
    }
}
