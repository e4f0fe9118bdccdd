using System.Threading.Tasks;
using K6Scenarios.Analyzers.Tests.Verification;

namespace K6Scenarios.Analyzers.Tests.Rules;

public sealed class ScenarioTests
{
    [Fact]
    public async Task Scenario_names_must_be_valid_and_unique()
    {
        await AnalyzerTest.For(Code.Wrap("""
                public static LoadTest Test() => LoadTest.Create({|K6S0111:"bad name"|})
                    .Scenario({|K6S0101:"sign in"|}, s => s.ConstantVus(1, TimeSpan.FromSeconds(10)).Flow(f => f.Get("/a").ThinkTime(TimeSpan.FromSeconds(1))))
                    .Scenario("signin", s => s.ConstantVus(1, TimeSpan.FromSeconds(10)).Flow(f => f.Get("/a").ThinkTime(TimeSpan.FromSeconds(1))))
                    .Scenario({|K6S0102:"signin"|}, s => s.ConstantVus(1, TimeSpan.FromSeconds(10)).Flow(f => f.Get("/a").ThinkTime(TimeSpan.FromSeconds(1))));
            """)).VerifyAsync();
    }

    [Fact]
    public async Task Zero_negative_and_too_short_durations_are_reported_including_constant_expressions()
    {
        await AnalyzerTest.For(Code.Wrap("""
                const int Seconds = 0;
                public static void Configure(ScenarioBuilder s, TimeSpan computed) => s
                    .ConstantVus({|K6S0104:0|}, {|K6S0103:TimeSpan.Zero|})
                    .ConstantVus(1, {|K6S0103:TimeSpan.FromSeconds(-1)|})
                    .ConstantVus(1, {|K6S0103:TimeSpan.FromMilliseconds(500)|})
                    .ConstantVus(1, {|K6S0103:TimeSpan.FromSeconds(Seconds)|})
                    .ConstantVus(1, {|K6S0103:TimeSpan.FromMinutes(1) - TimeSpan.FromSeconds(60)|})
                    .ConstantVus(1, TimeSpan.FromSeconds(1))
                    .ConstantVus(1, new TimeSpan(0, 1, 30))
                    .ConstantVus(1, computed)
                    .StartAfter({|K6S0103:-TimeSpan.FromSeconds(5)|})
                    .GracefulStop(TimeSpan.Zero);
            """)).VerifyAsync();
    }

    [Fact]
    public async Task Executor_parameters_that_k6_rejects_are_reported()
    {
        await AnalyzerTest.For(Code.Wrap("""
                public static void Configure(ScenarioBuilder s) => s
                    .SharedIterations(10, {|K6S0105:5|})
                    .PerVuIterations(10, {|K6S0104:0|})
                    .ConstantArrivalRate(10, TimeSpan.FromMinutes(1), preAllocatedVus: 10, maxVus: {|K6S0108:5|})
                    .ConstantArrivalRate({|K6S0104:0|}, TimeSpan.FromMinutes(1), preAllocatedVus: 10, timeUnit: {|K6S0103:TimeSpan.Zero|})
                    .RampingArrivalRate(0, {|K6S0106:st => { }|}, preAllocatedVus: 10);
            """)).VerifyAsync();
    }

    [Fact]
    public async Task Ramps_must_start_and_should_end_at_zero()
    {
        await AnalyzerTest.For(Code.Wrap("""
                public static void Configure(ScenarioBuilder s) => s
                    .{|K6S0107:RampingVus|}(0, st => st.RampTo(0, TimeSpan.FromSeconds(10)).Hold(TimeSpan.FromSeconds(10)))
                    .RampingVus(0, st => st.RampTo(50, TimeSpan.FromSeconds(10)).{|K6S0112:Hold|}(TimeSpan.FromSeconds(10)))
                    .RampingVus(0, st => st.RampTo(50, TimeSpan.FromSeconds(10)).RampTo(0, TimeSpan.FromSeconds(10)))
                    .RampingVus(0, st => st.RampTo({|K6S0104:-1|}, {|K6S0103:TimeSpan.FromSeconds(-10)|}).RampTo(0, TimeSpan.Zero));
            """)).VerifyAsync();
    }

    [Fact]
    public async Task Load_tests_need_scenarios_and_scenarios_need_steps()
    {
        await AnalyzerTest.For(Code.Wrap("""
                public static LoadTest Empty() => LoadTest.Create({|K6S0110:"empty"|});

                public static LoadTest NoFlow() => LoadTest.Create("no-flow")
                    .Scenario({|K6S0109:"idle"|}, s => s.ConstantVus(1, TimeSpan.FromSeconds(10)))
                    .Scenario({|K6S0109:"blank"|}, s => s.ConstantVus(1, TimeSpan.FromSeconds(10)).Flow(f => { }))
                    .Scenario("hidden", s => Configure(s));

                public static LoadTestBuilder Partial() => LoadTest.Create("partial");

                static void Configure(ScenarioBuilder s) => s.Flow(f => f.Get("/a"));
            """)).VerifyAsync();
    }
}
