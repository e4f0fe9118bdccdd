using System.Threading.Tasks;
using K6Scenarios.Analyzers.Tests.Verification;

namespace K6Scenarios.Analyzers.Tests.Rules;

/// <summary>K6S0112: ramping stages that end above 0 VUs.</summary>
public sealed class K6S0112Tests
{
    [Fact]
    public async Task Stages_that_end_at_a_positive_target_are_reported()
    {
        await Verify.AnalyzerAsync(
            Code.Wrap("""
                public static void Configure(ScenarioBuilder s) => s
                    .RampingVus(0, st => st.RampTo(50, TimeSpan.FromSeconds(10)).{|#0:Hold|}(TimeSpan.FromSeconds(10)));
            """),
            Verify.Diagnostic("K6S0112").WithLocation(0).WithArguments("(computed name)", "50"));
    }

    [Fact]
    public async Task Stages_that_ramp_down_to_zero_are_not_reported()
    {
        await Verify.AnalyzerAsync(Code.Wrap("""
                public static void Configure(ScenarioBuilder s) => s
                    .RampingVus(0, st => st.RampTo(50, TimeSpan.FromSeconds(10)).Hold(TimeSpan.FromSeconds(10)).RampTo(0, TimeSpan.FromSeconds(10)));
            """));
    }
}
