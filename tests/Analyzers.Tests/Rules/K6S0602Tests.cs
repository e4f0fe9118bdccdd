using System;
using System.Threading.Tasks;
using K6Scenarios.Analyzers.Tests.Verification;

namespace K6Scenarios.Analyzers.Tests.Rules;

/// <summary>K6S0602: a load test whose peak VUs exceed what one load generator sustains.</summary>
public sealed class K6S0602Tests
{
    private const string Source = """
                public static LoadTest Ramp() => LoadTest.Create({|#0:"ramp"|})
                    .Scenario("a", s => s.ConstantVus(600, TimeSpan.FromSeconds(30)).Flow(f => f.Get("/a").ThinkTime(TimeSpan.FromSeconds(1))))
                    .Scenario("b", s => s.RampingVus(0, st => st.RampTo(600, TimeSpan.FromSeconds(30)).RampTo(0, TimeSpan.FromSeconds(5))).Flow(f => f.Get("/a").ThinkTime(TimeSpan.FromSeconds(1))));

                public static LoadTest AtLimit() => LoadTest.Create("at-limit")
                    .Scenario("a", s => s.ConstantVus(1000, TimeSpan.FromSeconds(30)).Flow(f => f.Get("/a").ThinkTime(TimeSpan.FromSeconds(1))));
            """;

    [Fact]
    public async Task Peak_vus_of_all_scenarios_above_one_generator_are_reported()
    {
        await Verify.AnalyzerAsync(
            Code.Wrap(Source),
            Verify.Diagnostic("K6S0602").WithLocation(0).WithArguments("ramp", "1200", "1000"));
    }

    [Fact]
    public async Task The_limit_is_configurable()
    {
        await new K6Test(Code.Wrap(Source.Replace("{|#0:\"ramp\"|}", "\"ramp\"", StringComparison.Ordinal)))
            .WithOption("k6scenarios.max_vus_per_generator", "2000")
            .VerifyAsync();
        await new K6Test(Code.Wrap(Source), Verify.Diagnostic("K6S0602").WithLocation(0).WithArguments("ramp", "1200", "1100"))
            .WithOption("build_property.K6ScenariosMaxVusPerGenerator", "1100")
            .VerifyAsync();
    }
}
