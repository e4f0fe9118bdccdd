using System.Threading.Tasks;
using K6Scenarios.Analyzers.Tests.Verification;

namespace K6Scenarios.Analyzers.Tests.Rules;

/// <summary>K6S0106: a ramping executor without stages.</summary>
public sealed class K6S0106Tests
{
    [Fact]
    public async Task Ramping_arrival_rate_without_stages_is_reported()
    {
        await Verify.AnalyzerAsync(
            Code.Wrap("""
                public static void Configure(ScenarioBuilder s) => s.RampingArrivalRate(0, {|#0:st => { }|}, preAllocatedVus: 10);
            """),
            Verify.Diagnostic("K6S0106").WithLocation(0).WithArguments("(computed name)", "ramping-arrival-rate"));
    }

    [Fact]
    public async Task Stages_written_inline_or_elsewhere_are_not_reported()
    {
        await Verify.AnalyzerAsync(Code.Wrap("""
                public static void Configure(ScenarioBuilder s) => s
                    .RampingArrivalRate(0, st => st.RampTo(10, TimeSpan.FromSeconds(30)), preAllocatedVus: 10)
                    .RampingArrivalRate(0, Stages, preAllocatedVus: 10);

                static void Stages(StagesBuilder st) => st.RampTo(10, TimeSpan.FromSeconds(30));
            """));
    }
}
