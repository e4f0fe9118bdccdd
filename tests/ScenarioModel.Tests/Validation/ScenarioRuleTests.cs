using System;
using System.Collections.Generic;
using System.Linq;
using K6Scenarios.Diagnostics;
using static K6Scenarios.Model.Tests.Validation.ValidationKit;

namespace K6Scenarios.Model.Tests.Validation;

public class ScenarioRuleTests
{
    /// <summary>Every rejection of k6's executor Validate() methods (the K6.md executor table, plus the base config's).</summary>
    public static IEnumerable<object[]> K6Rejections =>
    [
        ["shared-iterations: vus <= 0", (Func<ScenarioBuilder, ScenarioBuilder>)(s => s.SharedIterations(0, 10)), "K6S0104", ".vus"],
        ["shared-iterations: iterations < vus", (Func<ScenarioBuilder, ScenarioBuilder>)(s => s.SharedIterations(50, 20)), "K6S0105", ".iterations"],
        ["shared-iterations: maxDuration < 1s", (Func<ScenarioBuilder, ScenarioBuilder>)(s => s.SharedIterations(5, 20, Ms(500))), "K6S0103", ".maxDuration"],
        ["per-vu-iterations: vus <= 0", (Func<ScenarioBuilder, ScenarioBuilder>)(s => s.PerVuIterations(-1, 10)), "K6S0104", ".vus"],
        ["per-vu-iterations: iterations <= 0", (Func<ScenarioBuilder, ScenarioBuilder>)(s => s.PerVuIterations(10, 0)), "K6S0104", ".iterations"],
        ["per-vu-iterations: maxDuration < 1s", (Func<ScenarioBuilder, ScenarioBuilder>)(s => s.PerVuIterations(10, 5, TimeSpan.Zero)), "K6S0103", ".maxDuration"],
        ["constant-vus: vus <= 0", (Func<ScenarioBuilder, ScenarioBuilder>)(s => s.ConstantVus(0, Minutes(1))), "K6S0104", ".vus"],
        ["constant-vus: no duration", (Func<ScenarioBuilder, ScenarioBuilder>)(s => s.Use(new ConstantVusExecutor { Vus = 10 })), "K6S0103", ".duration"],
        ["constant-vus: duration < 1s", (Func<ScenarioBuilder, ScenarioBuilder>)(s => s.ConstantVus(10, Ms(999))), "K6S0103", ".duration"],
        ["ramping-vus: no stages", (Func<ScenarioBuilder, ScenarioBuilder>)(s => s.RampingVus(10, _ => { })), "K6S0106", ".stages"],
        ["ramping-vus: negative startVUs", (Func<ScenarioBuilder, ScenarioBuilder>)(s => s.RampingVus(-5, st => st.RampTo(10, Minutes(1)).RampTo(0, Seconds(10)))), "K6S0104", ".startVUs"],
        ["ramping-vus: all targets and startVUs 0", (Func<ScenarioBuilder, ScenarioBuilder>)(s => s.RampingVus(0, st => st.RampTo(0, Minutes(1)).Hold(Minutes(1)))), "K6S0107", string.Empty],
        ["ramping-vus: negative stage target", (Func<ScenarioBuilder, ScenarioBuilder>)(s => s.RampingVus(1, st => st.RampTo(-10, Minutes(1)).RampTo(0, Seconds(10)))), "K6S0104", ".stages[0].target"],
        ["ramping-vus: target above k6's limit", (Func<ScenarioBuilder, ScenarioBuilder>)(s => s.RampingVus(0, st => st.RampTo(100_000_001, Minutes(1)).RampTo(0, Seconds(10)))), "K6S0104", ".stages[0].target"],
        ["ramping-vus: negative stage duration", (Func<ScenarioBuilder, ScenarioBuilder>)(s => s.RampingVus(0, st => st.RampTo(10, Seconds(-1)).RampTo(0, Seconds(10)))), "K6S0103", ".stages[0].duration"],
        ["constant-arrival-rate: rate <= 0", (Func<ScenarioBuilder, ScenarioBuilder>)(s => s.ConstantArrivalRate(0, Minutes(1), preAllocatedVus: 10)), "K6S0104", ".rate"],
        ["constant-arrival-rate: maxVUs < preAllocatedVUs", (Func<ScenarioBuilder, ScenarioBuilder>)(s => s.ConstantArrivalRate(10, Minutes(1), preAllocatedVus: 20, maxVus: 10)), "K6S0108", ".maxVUs"],
        ["constant-arrival-rate: duration < 1s", (Func<ScenarioBuilder, ScenarioBuilder>)(s => s.ConstantArrivalRate(10, Ms(10), preAllocatedVus: 20)), "K6S0103", ".duration"],
        ["constant-arrival-rate: timeUnit <= 0", (Func<ScenarioBuilder, ScenarioBuilder>)(s => s.ConstantArrivalRate(10, Minutes(1), preAllocatedVus: 20, timeUnit: TimeSpan.Zero)), "K6S0103", ".timeUnit"],
        ["constant-arrival-rate: negative preAllocatedVUs", (Func<ScenarioBuilder, ScenarioBuilder>)(s => s.ConstantArrivalRate(10, Minutes(1), preAllocatedVus: -1, maxVus: 20)), "K6S0104", ".preAllocatedVUs"],
        ["ramping-arrival-rate: negative startRate", (Func<ScenarioBuilder, ScenarioBuilder>)(s => s.RampingArrivalRate(-1, st => st.RampTo(10, Minutes(1)), preAllocatedVus: 20)), "K6S0104", ".startRate"],
        ["ramping-arrival-rate: no stages", (Func<ScenarioBuilder, ScenarioBuilder>)(s => s.RampingArrivalRate(0, _ => { }, preAllocatedVus: 20)), "K6S0106", ".stages"],
        ["ramping-arrival-rate: timeUnit <= 0", (Func<ScenarioBuilder, ScenarioBuilder>)(s => s.RampingArrivalRate(0, st => st.RampTo(10, Minutes(1)), preAllocatedVus: 20, timeUnit: Seconds(-1))), "K6S0103", ".timeUnit"],
        ["ramping-arrival-rate: maxVUs < preAllocatedVUs", (Func<ScenarioBuilder, ScenarioBuilder>)(s => s.RampingArrivalRate(0, st => st.RampTo(10, Minutes(1)), preAllocatedVus: 20, maxVus: 5)), "K6S0108", ".maxVUs"],
        ["ramping-arrival-rate: negative stage target", (Func<ScenarioBuilder, ScenarioBuilder>)(s => s.RampingArrivalRate(0, st => st.RampTo(-3, Minutes(1)), preAllocatedVus: 20)), "K6S0104", ".stages[0].target"],
        ["any executor: negative startTime", (Func<ScenarioBuilder, ScenarioBuilder>)(s => s.ConstantVus(10, Minutes(1)).StartAfter(Seconds(-30))), "K6S0103", ".startTime"],
        ["any executor: negative gracefulStop", (Func<ScenarioBuilder, ScenarioBuilder>)(s => s.ConstantVus(10, Minutes(1)).GracefulStop(Seconds(-1))), "K6S0103", ".gracefulStop"],
        ["ramping-vus: negative gracefulRampDown", (Func<ScenarioBuilder, ScenarioBuilder>)(s => s.RampingVus(0, st => st.RampTo(10, Minutes(1)).RampTo(0, Seconds(10)), Seconds(-5))), "K6S0103", ".gracefulRampDown"],
    ];

    [Theory]
    [MemberData(nameof(K6Rejections))]
    public void Every_configuration_k6_rejects_is_an_error_on_the_scenario(string rejection, Func<ScenarioBuilder, ScenarioBuilder> executor, string id, string pathSuffix)
    {
        var scenarioLine = 0;
        LoadTest test = LoadTest.Create("executor-check").BaseUrl(Api)
            .At(out scenarioLine).Scenario("browse", s => executor(s).Flow(f => f.Get("/api/products").ThinkTime(Seconds(1))));

        var diagnostics = Validate(test).Where(d => d.IsError).ToArray();

        var diagnostic = Assert.Single(diagnostics);
        Assert.True(diagnostic.Id == id, rejection + ": " + diagnostic);
        Assert.Equal("scenarios.browse" + pathSuffix, diagnostic.Path);
        Assert.Equal(ThisFile(), diagnostic.Location?.FilePath);
        if (!pathSuffix.StartsWith(".stages[", StringComparison.Ordinal))
        {
            Assert.Equal(scenarioLine, diagnostic.Location?.Line);
        }
    }

    [Fact]
    public void Parameter_messages_say_which_values_k6_accepts()
    {
        LoadTest test = LoadTest.Create("smoke").BaseUrl(Api)
            .Scenario("signin", s => s.PerVuIterations(0, 0).Flow(f => f.Get("/api/health")));

        var messages = Validate(test).Where(d => d.Id == "K6S0104").Select(d => d.Message).ToArray();

        Assert.Equal(
            [
                "Scenario 'signin' vus is 0; use 1 or more VUs; k6 needs more than 0",
                "Scenario 'signin' iterations is 0; use 1 or more iterations; k6 needs more than 0",
            ],
            messages);
    }

    [Fact]
    public void A_stage_problem_points_at_the_stage()
    {
        var stageLine = 0;
        LoadTest test = LoadTest.Create("ramp").BaseUrl(Api)
            .Scenario("signin", s => s
                .RampingVus(0, st => st
                    .RampTo(100, Seconds(45))
                    .RampTo(-500, Seconds(45)).At(out stageLine)
                    .RampTo(0, Seconds(10)))
                .Flow(f => f.Get("/api/health").ThinkTime(Seconds(1))));

        var diagnostic = AssertReported(Validate(test), DiagnosticCatalog.InvalidExecutorParameter, "scenarios.signin.stages[1].target", stageLine);

        Assert.Equal("Scenario 'signin' stage 2 target is -500; use 0 or more VUs; k6 rejects negative values", diagnostic.Message);
    }

    [Fact]
    public void Shared_iterations_fewer_than_vus_names_both_numbers()
    {
        LoadTest test = LoadTest.Create("seed").BaseUrl(Api)
            .Scenario("seed-users", s => s.SharedIterations(vus: 50, iterations: 20).Flow(f => f.Post("/api/users")));

        var diagnostic = Single(Validate(test), DiagnosticCatalog.IterationsBelowVus);

        Assert.Equal("Scenario 'seed-users' shares 20 iteration(s) among 50 VUs; k6 rejects this, so raise the iterations to at least 50 or lower the VUs", diagnostic.Message);
    }

    [Fact]
    public void Durations_at_k6s_minimum_are_accepted()
    {
        LoadTest test = LoadTest.Create("short").BaseUrl(Api)
            .Scenario("a", s => s.ConstantVus(1, Seconds(1)).Flow(f => f.Get("/api/health").ThinkTime(Seconds(1))))
            .Scenario("b", s => s.SharedIterations(1, 1, Seconds(1)).Flow(f => f.Get("/api/health")))
            .Scenario("c", s => s.ConstantArrivalRate(1, Seconds(1), preAllocatedVus: 1).StartAfter(TimeSpan.Zero).GracefulStop(TimeSpan.Zero).Flow(f => f.Get("/api/health")));

        AssertClean(Validate(test));
    }

    [Fact]
    public void Invalid_scenario_name_is_reported_at_the_scenario()
    {
        var line = 0;
        LoadTest test = LoadTest.Create("storm").BaseUrl(Api)
            .At(out line).Scenario("sign in", s => s.ConstantVus(10, Minutes(1)).Flow(f => f.Get("/api/health").ThinkTime(Seconds(1))));

        var diagnostic = AssertReported(Validate(test), DiagnosticCatalog.InvalidScenarioName, "scenarios.sign in", line);

        Assert.Contains("'sign in'", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Duplicate_scenario_name_is_reported_at_the_second_definition()
    {
        var secondLine = 0;
        LoadTest test = LoadTest.Create("storm").BaseUrl(Api)
            .Scenario("signin", s => s.ConstantVus(10, Minutes(1)).Flow(f => f.Get("/api/health").ThinkTime(Seconds(1))))
            .At(out secondLine).Scenario("signin", s => s.ConstantVus(10, Minutes(1)).Flow(f => f.Get("/api/me").ThinkTime(Seconds(1))));

        AssertReported(Validate(test), DiagnosticCatalog.DuplicateScenarioName, "scenarios.signin", secondLine);
    }

    [Fact]
    public void Empty_flow_is_an_error()
    {
        var line = 0;
        LoadTest test = LoadTest.Create("storm").BaseUrl(Api)
            .At(out line).Scenario("signin", s => s.ConstantVus(10, Minutes(1)));

        AssertReported(Validate(test), DiagnosticCatalog.EmptyFlow, "scenarios.signin", line);
    }

    [Fact]
    public void Flow_of_empty_groups_counts_as_empty()
    {
        LoadTest test = LoadTest.Create("storm").BaseUrl(Api)
            .Scenario("signin", s => s.ConstantVus(10, Minutes(1)).Flow(f => f.Group("login", _ => { })));

        Assert.Equal("scenarios.signin", Single(Validate(test), DiagnosticCatalog.EmptyFlow).Path);
    }

    [Fact]
    public void Load_test_without_scenarios_is_an_error()
    {
        var line = 0;
        LoadTest test = LoadTest.Create("nothing").At(out line).BaseUrl(Api);

        AssertReported(Validate(test), DiagnosticCatalog.NoScenarios, "scenarios", line);
    }

    [Theory]
    [InlineData("signin storm")]
    [InlineData("ramp/v2")]
    [InlineData("-leading-dash")]
    [InlineData("")]
    public void Load_test_name_must_name_a_file(string name)
    {
        var line = 0;
        LoadTest test = LoadTest.Create(name).At(out line).BaseUrl(Api)
            .Scenario("signin", s => s.ConstantVus(1, Minutes(1)).Flow(f => f.Get("/api/health").ThinkTime(Seconds(1))));

        AssertReported(Validate(test), DiagnosticCatalog.InvalidLoadTestName, "name", line);
    }

    [Fact]
    public void Ramp_that_ends_above_zero_is_reported_as_info_at_the_last_stage()
    {
        var lastStage = 0;
        LoadTest test = LoadTest.Create("ramp").BaseUrl(Api)
            .Scenario("signin", s => s
                .RampingVus(0, st => st
                    .RampTo(100, Seconds(45))
                    .RampTo(500, Seconds(45)).At(out lastStage))
                .Flow(f => f.Get("/api/health").ThinkTime(Seconds(1))));

        var diagnostic = AssertReported(Validate(test), DiagnosticCatalog.StagesNeverRampDown, "scenarios.signin.stages[1].target", lastStage);

        Assert.Equal(RuleSeverity.Info, diagnostic.Severity);
        Assert.Contains("500 VUs", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Ramp_that_ends_at_zero_is_fine() =>
        AssertNotReported(Validate(SeedModels.SteppedRamp()), DiagnosticCatalog.StagesNeverRampDown);

    [Fact]
    public void Scenario_environment_variable_and_tag_key_must_be_valid_names()
    {
        var line = 0;
        LoadTest test = LoadTest.Create("storm").BaseUrl(Api)
            .At(out line).Scenario("signin", s => s
                .ConstantVus(10, Minutes(1))
                .Env("api-url", "http://localhost")
                .Env("TENANT", "evospin")
                .Tag("team name", "auth")
                .Tag("team", "auth")
                .Flow(f => f.Get("/api/health").ThinkTime(Seconds(1))));

        var diagnostics = Validate(test).Where(d => d.Id == DiagnosticCatalog.InvalidName.Id).ToArray();

        Assert.Equal(["scenarios.signin.env", "scenarios.signin.tags"], diagnostics.Select(d => d.Path));
        Assert.All(diagnostics, d => Assert.Equal(line, d.Location?.Line));
        Assert.StartsWith("Environment variable 'api-url' is not valid", diagnostics[0].Message, StringComparison.Ordinal);
        Assert.StartsWith("Tag key 'team name' is not valid", diagnostics[1].Message, StringComparison.Ordinal);
    }
}
