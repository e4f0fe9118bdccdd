using System;
using System.Threading.Tasks;
using K6Scenarios.Analyzers.Tests.Verification;

namespace K6Scenarios.Analyzers.Tests.Rules;

/// <summary>K6S0603: an arrival-rate scenario without enough VUs for the expected iteration time.</summary>
public sealed class K6S0603Tests
{
    private const string Source = """
                public static LoadTest Test() => LoadTest.Create("test")
                    .Scenario("open", s => s.{|#0:ConstantArrivalRate|}(100, TimeSpan.FromMinutes(1), preAllocatedVus: 20, maxVus: 100)
                        .Flow(f => f.Get("/a").Get("/b").ThinkTime(TimeSpan.FromSeconds(1))))
                    .Scenario("roomy", s => s.ConstantArrivalRate(100, TimeSpan.FromMinutes(1), preAllocatedVus: 20, maxVus: 200)
                        .Flow(f => f.Get("/a").Get("/b").ThinkTime(TimeSpan.FromSeconds(1))));
            """;

    [Fact]
    public async Task Arrival_rate_without_enough_vus_for_the_expected_iteration_is_reported()
    {
        await Verify.AnalyzerAsync(
            Code.Wrap(Source),
            Verify.Diagnostic("K6S0603").WithLocation(0).WithArguments("open", "100", "1s200ms", "120", "100"));
    }

    [Fact]
    public async Task Configured_expected_iteration_time_that_fits_is_not_reported()
    {
        await new K6Test(Code.Wrap(Source.Replace("{|#0:ConstantArrivalRate|}", "ConstantArrivalRate", StringComparison.Ordinal)))
            .WithOption("k6scenarios.expected_iteration_ms", "500")
            .VerifyAsync();
    }
}
