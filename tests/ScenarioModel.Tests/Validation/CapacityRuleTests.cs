using System;
using System.Linq;
using K6Scenarios.Diagnostics;
using K6Scenarios.Model.Validation;
using static K6Scenarios.Model.Tests.Validation.ValidationKit;

namespace K6Scenarios.Model.Tests.Validation;

public class CapacityRuleTests
{
    [Fact]
    public void Looping_scenario_without_think_time_is_a_warning_at_the_scenario()
    {
        var line = 0;
        LoadTest test = LoadTest.Create("hammer").BaseUrl(Api)
            .At(out line).Scenario("history", s => s.ConstantVus(50, Minutes(1)).Flow(f => f.Get("/api/bets").Get("/api/wallet")));

        var diagnostic = AssertReported(Validate(test), DiagnosticCatalog.NoThinkTime, "scenarios.history", line);

        Assert.Equal(RuleSeverity.Warning, diagnostic.Severity);
    }

    [Fact]
    public void Think_time_nested_in_a_group_paces_the_loop()
    {
        LoadTest test = LoadTest.Create("paced").BaseUrl(Api)
            .Scenario("history", s => s.RampingVus(0, st => st.RampTo(50, Minutes(1)).RampTo(0, Seconds(10)))
                .Flow(f => f.Group("browse", g => g.Get("/api/bets").ThinkTime(Seconds(1), Seconds(3)))));

        AssertNotReported(Validate(test), DiagnosticCatalog.NoThinkTime);
    }

    [Fact]
    public void Iteration_bounded_executors_need_no_think_time()
    {
        LoadTest test = LoadTest.Create("seed-data").BaseUrl(Api)
            .Scenario("seed", s => s.SharedIterations(10, 10_000).Flow(f => f.Post("/api/users", r => r.JsonBody(new { email = "u" + Value.UniqueSuffix + "@example.test" }).ExpectStatus(201))))
            .Scenario("warmup", s => s.PerVuIterations(5, 20).Flow(f => f.Get("/api/products")));

        AssertClean(Validate(test));
    }

    [Fact]
    public void Min_iteration_duration_paces_the_loop()
    {
        LoadTest test = LoadTest.Create("paced").BaseUrl(Api)
            .Options(o => o with { MinIterationDuration = Seconds(2) })
            .Scenario("history", s => s.ConstantVus(50, Minutes(1)).Flow(f => f.Get("/api/bets")));

        AssertClean(Validate(test));
    }

    [Fact]
    public void Overlapping_scenarios_beyond_one_generator_are_reported_once_for_the_test()
    {
        var line = 0;
        LoadTest test = LoadTest.Create("storm").At(out line).BaseUrl(Api)
            .Scenario("signin", s => s.ConstantVus(600, Minutes(2)).Flow(f => f.Get("/api/health").ThinkTime(Seconds(1))))
            .Scenario("bet", s => s.ConstantVus(600, Minutes(2)).StartAfter(Minutes(1)).Flow(f => f.Get("/api/bets").ThinkTime(Seconds(1))));

        var diagnostic = AssertReported(Validate(test), DiagnosticCatalog.PeakVusAboveGeneratorLimit, "scenarios", line);

        Assert.StartsWith("Load test 'storm' peaks at 1200 VUs, above the 1000 that one load generator usually sustains", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void K6_operator_runners_share_the_peak()
    {
        LoadTest Storm(int runners) => LoadTest.Create("storm").BaseUrl(Api)
            .RunOnKubernetes(runners)
            .Scenario("signin", s => s.ConstantVus(2500, Minutes(2)).Flow(f => f.Get("/api/health").ThinkTime(Seconds(1))));

        AssertNotReported(Validate(Storm(3)), DiagnosticCatalog.PeakVusAboveGeneratorLimit);
        Assert.Contains("peaks at 1250 VUs", Single(Validate(Storm(2)), DiagnosticCatalog.PeakVusAboveGeneratorLimit).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Scenarios_that_run_one_after_the_other_do_not_add_up()
    {
        LoadTest test = LoadTest.Create("phases").BaseUrl(Api)
            .Scenario("signin", s => s.ConstantVus(600, Minutes(2)).Flow(f => f.Get("/api/health").ThinkTime(Seconds(1))))
            .Scenario("bet", s => s.ConstantVus(600, Minutes(2)).StartAfter(Minutes(2)).Flow(f => f.Get("/api/bets").ThinkTime(Seconds(1))));

        AssertClean(Validate(test));
    }

    [Fact]
    public void Generator_limit_comes_from_the_settings()
    {
        var settings = new ValidationSettings { PeakVusPerGenerator = 150 };

        var diagnostic = Single(Validate(SeedModels.SignInStorm(), settings), DiagnosticCatalog.PeakVusAboveGeneratorLimit);

        Assert.Contains("peaks at 200 VUs, above the 150", diagnostic.Message, StringComparison.Ordinal);
        AssertNotReported(Validate(SeedModels.SignInStorm(), settings with { PeakVusPerGenerator = 0 }), DiagnosticCatalog.PeakVusAboveGeneratorLimit);
    }

    [Fact]
    public void Seed_000_ramp_to_1000_vus_sits_at_the_limit() =>
        AssertNotReported(Validate(SeedModels.SteppedRamp()), DiagnosticCatalog.PeakVusAboveGeneratorLimit);

    [Fact]
    public void Arrival_rate_without_enough_vus_for_the_estimated_iteration_is_a_warning()
    {
        // Two requests (2 x 100 ms) and 1 s of think time: 1.2 s per iteration, so 200/s needs 240 VUs.
        var line = 0;
        LoadTest test = LoadTest.Create("checkout").BaseUrl(Api)
            .At(out line).Scenario("checkout", s => s
                .ConstantArrivalRate(200, Minutes(5), preAllocatedVus: 50, maxVus: 100)
                .Flow(f => f.Get("/api/cart").ThinkTime(Seconds(1)).Post("/api/orders", r => r.ExpectStatus(201))));

        var diagnostic = AssertReported(Validate(test), DiagnosticCatalog.ArrivalRateUnderProvisioned, "scenarios.checkout", line);

        Assert.Equal(
            "Scenario 'checkout' starts up to 200 iterations/s; at 1s200ms per iteration that needs about 240 VUs but at most 100 are allowed, so iterations will be dropped; raise maxVUs",
            diagnostic.Message);
    }

    [Fact]
    public void Pre_allocated_vus_are_the_limit_when_max_vus_is_not_set()
    {
        LoadTest test = LoadTest.Create("checkout").BaseUrl(Api)
            .Scenario("checkout", s => s
                .RampingArrivalRate(10, st => st.RampTo(60, Minutes(1)).RampTo(30, Minutes(1)), preAllocatedVus: 5, timeUnit: Minutes(1))
                .Flow(f => f.Get("/api/cart").ThinkTime(Seconds(8), Seconds(12))));

        // Peak 60 per minute = 1/s, at 10.1 s per iteration: 11 VUs.
        Assert.Contains("about 11 VUs but at most 5", Single(Validate(test), DiagnosticCatalog.ArrivalRateUnderProvisioned).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Expected_iteration_duration_from_the_settings_replaces_the_estimate()
    {
        LoadTest test = LoadTest.Create("checkout").BaseUrl(Api)
            .Scenario("checkout", s => s
                .ConstantArrivalRate(200, Minutes(5), preAllocatedVus: 50, maxVus: 100)
                .Flow(f => f.Get("/api/cart").ThinkTime(Seconds(1)).Post("/api/orders", r => r.ExpectStatus(201))));

        AssertNotReported(Validate(test, new ValidationSettings { ExpectedIterationDuration = Ms(500) }), DiagnosticCatalog.ArrivalRateUnderProvisioned);
        Assert.Contains("about 400 VUs", Single(Validate(test, new ValidationSettings { ExpectedIterationDuration = Seconds(2) }), DiagnosticCatalog.ArrivalRateUnderProvisioned).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Well_provisioned_arrival_rate_is_fine() =>
        AssertClean(Validate(SeedModels.CheckoutAtArrivalRate()));
}
