using System.Threading.Tasks;
using K6Scenarios.Analyzers.Tests.Verification;

namespace K6Scenarios.Analyzers.Tests.Rules;

/// <summary>K6S0108: maxVUs below preAllocatedVUs.</summary>
public sealed class K6S0108Tests
{
    [Fact]
    public async Task Max_vus_below_the_pre_allocated_vus_is_reported()
    {
        await Verify.AnalyzerAsync(
            Code.Wrap("""
                public static void Configure(ScenarioBuilder s) => s
                    .ConstantArrivalRate(10, TimeSpan.FromMinutes(1), preAllocatedVus: 10, maxVus: {|#0:5|});
            """),
            Verify.Diagnostic("K6S0108").WithLocation(0).WithArguments("(computed name)", "5", "10"));
    }

    [Fact]
    public async Task Max_vus_at_or_above_the_pre_allocated_vus_is_not_reported()
    {
        await Verify.AnalyzerAsync(Code.Wrap("""
                public static void Configure(ScenarioBuilder s) => s
                    .ConstantArrivalRate(10, TimeSpan.FromMinutes(1), preAllocatedVus: 10, maxVus: 10)
                    .ConstantArrivalRate(10, TimeSpan.FromMinutes(1), preAllocatedVus: 10, maxVus: 50)
                    .ConstantArrivalRate(10, TimeSpan.FromMinutes(1), preAllocatedVus: 10);
            """));
    }
}
