using System;
using System.Linq;
using K6Scenarios.Diagnostics;
using K6Scenarios.Model.Validation;
using static K6Scenarios.Model.Tests.Validation.ValidationKit;

namespace K6Scenarios.Model.Tests.Validation;

public class ValidatorBehaviourTests
{
    [Fact]
    public void Load_tests_sharing_a_name_are_reported_at_each_repeated_definition()
    {
        var secondLine = 0;
        LoadTest first = SeedModels.SignInStorm();
        LoadTest second = LoadTest.Create("Signin-Storm").At(out secondLine).BaseUrl(Api)
            .Scenario("signin", s => s.ConstantVus(10, Minutes(1)).Flow(f => f.Get("/api/health").ThinkTime(Seconds(1))));

        var diagnostics = LoadTestValidator.ValidateAll([first, SeedModels.SteppedRamp(), second]);

        var diagnostic = AssertReported(diagnostics, DiagnosticCatalog.DuplicateLoadTestName, "name", secondLine);
        Assert.Equal(
            "Load-test name 'Signin-Storm' is defined more than once (SeedModels.cs(" + first.DefinedAt!.Line + "), ValidatorBehaviourTests.cs(" + secondLine + ")); each load test writes its own script, so give each its own name",
            diagnostic.Message);
    }

    [Fact]
    public void Distinct_names_validate_together_without_diagnostics() =>
        AssertClean(LoadTestValidator.ValidateAll(SeedModels.All.Select(seed => SeedModels.ByName((string)seed[0]))));

    [Fact]
    public void Validate_all_keeps_each_tests_diagnostics_in_input_order()
    {
        LoadTest broken = LoadTest.Create("broken").BaseUrl(Api).Scenario("a", s => s.ConstantVus(0, Minutes(1)).Flow(f => f.Get("/x").ThinkTime(Seconds(1))));
        LoadTest empty = LoadTest.Create("empty");

        var diagnostics = LoadTestValidator.ValidateAll([empty, broken]);

        Assert.Equal(["K6S0110", "K6S0104"], diagnostics.Select(d => d.Id));
    }

    [Fact]
    public void Diagnostics_follow_model_order_and_are_the_same_on_every_run()
    {
        var token = new Variable("token");
        LoadTest test = LoadTest.Create("mistakes").BaseUrl(Api)
            .Scenario("first", s => s.ConstantVus(0, Minutes(1)).Flow(f => f
                .Get("/api/me", r => r.BearerToken(token))
                .Get("/api/bets/{id}")
                .ThinkTime(Seconds(1))))
            .Scenario("second", s => s.ConstantVus(5, Ms(10)).Flow(f => f
                .Get("/api/history/{page}")
                .ThinkTime(Seconds(2), Seconds(1))))
            .Threshold(K6Metrics.HttpReqDuration.ForScenario("third").P(95) < 500)
            .Threshold(K6Metrics.HttpReqDuration.P(120) < 500);

        var first = Validate(test).Select(d => d.ToString()).ToArray();
        var again = Validate(test).Select(d => d.ToString()).ToArray();

        Assert.Equal(first, again);
        Assert.Equal(
            [
                "K6S0104 scenarios.first.vus",
                "K6S0103 scenarios.second.duration",
                "K6S0401 scenarios.first.flow[0]",
                "K6S0402 scenarios.first.flow[1]",
                "K6S0402 scenarios.second.flow[0]",
                "K6S0407 scenarios.second.flow[1]",
                "K6S0205 thresholds['http_req_duration{scenario:third}'][0]",
                "K6S0203 thresholds['http_req_duration'][0]",
            ],
            Validate(test).Select(d => d.Id + " " + d.Path));
    }

    [Fact]
    public void Malformed_models_are_reported_not_thrown()
    {
        var test = new LoadTest
        {
            Name = null!,
            Scenarios =
            [
                null!,
                new Scenario { Name = "ramp", Executor = new RampingVusExecutor { Stages = null! }, Flow = null!, Tags = null!, Environment = null! },
                new Scenario { Name = "rate", Executor = new RampingArrivalRateExecutor { Stages = [null!], PreAllocatedVus = 1 }, Flow = [null!, new GroupStep { Name = null!, Steps = null! }] },
                new Scenario { Name = "odd", Executor = null!, Flow = [new HttpRequestStep { Path = null!, Headers = null!, Checks = [new StatusCheck([700]) { Statuses = null! }] }] },
                new Scenario
                {
                    Name = "odder",
                    Executor = new ConstantArrivalRateExecutor { Rate = 10, Duration = TimeSpan.FromMinutes(1), PreAllocatedVus = 1 },
                    Users = new PoolUse(null!, PoolSelection.UniquePerVu),
                    Flow =
                    [
                        new WebSocketStep { Path = null!, Headers = null!, Messages = null! },
                        new RecordMetricStep { Metric = null!, Value = null! },
                        new TimedStep { Metric = null!, Steps = [new ConditionalStep { Condition = null!, Then = null!, Else = [null!] }] },
                        new HttpRequestStep { Path = "/x", Body = new JsonBody(null!), Samples = [null!], Captures = [null!], ExpectedStatuses = null! },
                        new HttpRequestStep { Path = "/y", Body = new FormBody(null!), Query = null!, PathParameters = null!, Tags = null! },
                        new HttpRequestStep { Path = "/z", Body = new MultipartBody(null!), Checks = null! },
                    ],
                },
            ],
            Thresholds = [null!, new Threshold(K6Metrics.Checks.Rate > 0.9) { Condition = null! }],
            Metrics = null!,
            Setup = null!,
            Teardown = null!,
            ExpectedStatuses = null!,
            Options = null!,
        };

        var diagnostics = Validate(test);

        Assert.Contains(diagnostics, d => d.Id == "K6S0111" && d.Path == "name");
        Assert.Contains(diagnostics, d => d.Id == "K6S0106" && d.Path == "scenarios.ramp.stages");
        Assert.Contains(diagnostics, d => d.Id == "K6S0109" && d.Path == "scenarios.ramp");
        Assert.Contains(diagnostics, d => d.Id == "K6S0404" && d.Path == "scenarios.rate.flow[1]");
        Assert.Contains(diagnostics, d => d.Id == "K6S0411" && d.Path == "scenarios.odd.flow[0]");
        Assert.Contains(diagnostics, d => d.Id == "K6S0408" && d.Path == "scenarios.odd.flow[0]");
        Assert.Contains(diagnostics, d => d.Id == "K6S0411" && d.Path == "scenarios.odder.flow[0]");
    }

    [Fact]
    public void Every_rule_the_validator_reports_is_in_the_catalog_and_formats_its_message()
    {
        var catalog = typeof(DiagnosticCatalog).GetFields().Select(f => f.GetValue(null)).OfType<RuleDescriptor>().ToDictionary(r => r.Id);
        LoadTest test = LoadTest.Create("bad name!").BaseUrl(Api)
            .Scenario("x", s => s.ConstantVus(-1, Ms(1)).Flow(f => f.Get("api").ThinkTime(Seconds(-1))));

        var diagnostics = Validate(test);

        Assert.NotEmpty(diagnostics);
        Assert.All(diagnostics, d =>
        {
            Assert.Same(catalog[d.Id], d.Rule);
            Assert.DoesNotContain("{", d.Message.Replace("{n}", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
        });
    }
}
