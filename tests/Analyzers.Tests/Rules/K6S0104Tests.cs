using System.Threading.Tasks;
using K6Scenarios.Analyzers.Tests.Verification;

namespace K6Scenarios.Analyzers.Tests.Rules;

/// <summary>K6S0104: an executor count (VUs, iterations, rate, stage target) out of the range k6 accepts.</summary>
public sealed class K6S0104Tests
{
    [Fact]
    public async Task Zero_vus_iterations_and_rate_and_negative_stage_targets_are_reported()
    {
        await Verify.AnalyzerAsync(
            Code.Wrap("""
                public static void Configure(ScenarioBuilder s)
                {
                    s.ConstantVus({|#0:0|}, TimeSpan.FromSeconds(10));
                    s.PerVuIterations(10, {|#1:0|});
                    s.ConstantArrivalRate({|#2:0|}, TimeSpan.FromMinutes(1), preAllocatedVus: 10);
                    s.RampingVus(0, st => st.RampTo({|#3:-1|}, TimeSpan.FromSeconds(10)).RampTo(5, TimeSpan.FromSeconds(10)).RampTo(0, TimeSpan.FromSeconds(10)));
                }
            """),
            Verify.Diagnostic("K6S0104").WithLocation(0).WithArguments("Scenario '(computed name)' vus", "0", "use 1 or more VUs; k6 needs more than 0"),
            Verify.Diagnostic("K6S0104").WithLocation(1).WithArguments("Scenario '(computed name)' iterations", "0", "use 1 or more iterations; k6 needs more than 0"),
            Verify.Diagnostic("K6S0104").WithLocation(2).WithArguments("Scenario '(computed name)' rate", "0", "use 1 or more iterations per time unit; k6 needs more than 0"),
            Verify.Diagnostic("K6S0104").WithLocation(3).WithArguments("Scenario '(computed name)' stage 1 target", "-1", "use 0 or more VUs; k6 rejects negative values"));
    }

    [Fact]
    public async Task Positive_counts_and_computed_ones_are_not_reported()
    {
        await Verify.AnalyzerAsync(Code.Wrap("""
                public static void Configure(ScenarioBuilder s, int vus) => s
                    .ConstantVus(1, TimeSpan.FromSeconds(10))
                    .ConstantVus(vus, TimeSpan.FromSeconds(10))
                    .PerVuIterations(10, 1)
                    .ConstantArrivalRate(1, TimeSpan.FromMinutes(1), preAllocatedVus: 10)
                    .RampingVus(0, st => st.RampTo(5, TimeSpan.FromSeconds(10)).RampTo(0, TimeSpan.FromSeconds(10)));
            """));
    }
}
