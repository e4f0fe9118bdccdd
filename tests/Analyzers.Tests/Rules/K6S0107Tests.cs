using System.Threading.Tasks;
using K6Scenarios.Analyzers.Tests.Verification;

namespace K6Scenarios.Analyzers.Tests.Rules;

/// <summary>K6S0107: a ramp that starts at 0 VUs and never leaves 0.</summary>
public sealed class K6S0107Tests
{
    [Fact]
    public async Task Ramp_whose_every_stage_targets_zero_is_reported()
    {
        await Verify.AnalyzerAsync(
            Code.Wrap("""
                public static void Configure(ScenarioBuilder s) => s
                    .{|#0:RampingVus|}(0, st => st.RampTo(0, TimeSpan.FromSeconds(10)).Hold(TimeSpan.FromSeconds(10)));
            """),
            Verify.Diagnostic("K6S0107").WithLocation(0).WithArguments("(computed name)"));
    }

    [Fact]
    public async Task Ramp_that_raises_the_vus_is_not_reported()
    {
        await Verify.AnalyzerAsync(Code.Wrap("""
                public static void Configure(ScenarioBuilder s) => s
                    .RampingVus(0, st => st.RampTo(50, TimeSpan.FromSeconds(10)).RampTo(0, TimeSpan.FromSeconds(10)))
                    .RampingVus(5, st => st.RampTo(0, TimeSpan.FromSeconds(10)));
            """));
    }
}
