using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using K6Scenarios.Emitter.Tests.Support;
using K6Scenarios.Model;
using K6Scenarios.Model.Validation;

namespace K6Scenarios.Emitter.Tests.Emission;

/// <summary>Run profiles: one definition, several shapes, chosen at run time by LOAD_PROFILE.</summary>
public class RunProfileTests
{
    private static LoadTestBuilder Shop(Func<LoadTestBuilder, LoadTestBuilder> profiles) => profiles(LoadTest.Create("shop")
        .BaseUrl("API_URL", "http://localhost:4000")
        .Scenario("browse", s => s
            .RampingVus(0, stages => stages.RampTo(200, TimeSpan.FromMinutes(2)).Hold(TimeSpan.FromMinutes(6)).RampTo(0, TimeSpan.FromMinutes(2)))
            .Flow(f => f.Get("/items", r => r.ExpectStatus(200)).ThinkTime(TimeSpan.FromSeconds(1))))
        .Scenario("buy", s => s
            .StartAfter(TimeSpan.FromMinutes(1))
            .ConstantArrivalRate(50, TimeSpan.FromMinutes(5), preAllocatedVus: 20, maxVus: 100)
            .Flow(f => f.Post("/orders", r => r.ExpectStatus(201)))));

    private static JsonElement Scenarios(LoadTest test, string? profile)
    {
        var environment = profile is null ? null : new Dictionary<string, string> { [RunProfile.EnvironmentVariable] = profile };
        using var harness = Emit.Run(test, environment: environment);
        return harness.Options.GetProperty("scenarios");
    }

    [Fact]
    public void Without_a_profile_the_test_runs_as_defined()
    {
        var test = Shop(t => t.Profile("smoke", p => p.Scale(vus: 0.01).Duration(TimeSpan.FromSeconds(30))));
        var browse = Scenarios(test, null).GetProperty("browse");
        Assert.Equal(200, browse.GetProperty("stages")[0].GetProperty("target").GetInt32());
        Assert.Equal(Scenarios(test, RunProfile.FullTestName).ToString(), Scenarios(test, null).ToString());
    }

    [Fact]
    public void Scale_and_duration_reshape_every_scenario_in_proportion()
    {
        var scenarios = Scenarios(Shop(t => t.Profile("smoke", p => p.Scale(vus: 0.01).Duration(TimeSpan.FromSeconds(50)))), "smoke");

        // The test lasted 10 min (browse ends last): everything shrinks by 12, counts by 100 but never below 1.
        var browse = scenarios.GetProperty("browse");
        Assert.Equal(0, browse.GetProperty("startVUs").GetInt32());
        Assert.Equal(["10s:2", "30s:2", "10s:0"], browse.GetProperty("stages").EnumerateArray().Select(s => s.GetProperty("duration").GetString() + ":" + s.GetProperty("target").GetInt32()).ToArray());
        var buy = scenarios.GetProperty("buy");
        Assert.Equal("5s", buy.GetProperty("startTime").GetString());
        Assert.Equal("25s", buy.GetProperty("duration").GetString());
        Assert.Equal(1, buy.GetProperty("rate").GetInt32());
        Assert.Equal(1, buy.GetProperty("preAllocatedVUs").GetInt32());
        Assert.Equal(1, buy.GetProperty("maxVUs").GetInt32());
        Assert.Equal("buy", buy.GetProperty("exec").GetString());
    }

    [Fact]
    public void Rates_scale_on_their_own_when_asked()
    {
        var buy = Scenarios(Shop(t => t.Profile("stress", p => p.Scale(vus: 2, rate: 3))), "stress").GetProperty("buy");
        Assert.Equal(150, buy.GetProperty("rate").GetInt32());
        Assert.Equal(40, buy.GetProperty("preAllocatedVUs").GetInt32());
        Assert.Equal(200, buy.GetProperty("maxVUs").GetInt32());
        Assert.Equal("5m", buy.GetProperty("duration").GetString());
    }

    [Fact]
    public void A_replaced_executor_gives_a_scenario_another_shape()
    {
        var test = Shop(t => t.Profile("spike", p => p.RampingVus("browse", 0, s => s.RampTo(1000, TimeSpan.FromSeconds(10)).RampTo(0, TimeSpan.FromSeconds(10)))));
        var scenarios = Scenarios(test, "spike");
        Assert.Equal(1000, scenarios.GetProperty("browse").GetProperty("stages")[0].GetProperty("target").GetInt32());
        Assert.Equal(50, scenarios.GetProperty("buy").GetProperty("rate").GetInt32());
    }

    [Fact]
    public void An_unknown_profile_fails_at_load_with_the_list()
    {
        var test = Shop(t => t.Profile("smoke", p => p.Scale(vus: 0.01)).Profile("soak", p => p.Duration(TimeSpan.FromHours(2))));
        var error = Assert.ThrowsAny<Exception>(() => Scenarios(test, "smok"));
        Assert.Contains("LOAD_PROFILE 'smok' is not a profile of this test; use one of: full, smoke, soak", error.Message, StringComparison.Ordinal);
        Assert.ThrowsAny<Exception>(() => Scenarios(test, "toString"));
    }

    [Fact]
    public void The_header_names_the_profiles()
    {
        var script = Emit.Script(Shop(t => t.Profile("smoke", p => p.Scale(vus: 0.01)).Profile("average-load", p => p.Scale(vus: 0.5))));
        Assert.Contains("// Profiles (-e LOAD_PROFILE=name): smoke, average-load; without it, the test as defined (full)", script.Split('\n'));
        Assert.Contains("  'average-load': {", script.Split('\n'));
    }

    public static TheoryData<string, string, string> BrokenProfiles => new()
    {
        { "Smoke", "profiles.Smoke", "is not a valid name" },
        { "full", "profiles.full", "takes the name of the test as defined" },
        { "zero", "profiles.zero.vuScale", "scales VUs by 0" },
        { "short", "profiles.short.duration", "lasts 500ms" },
        { "unknown", "profiles.unknown.executors", "scenario 'checkout', which the test does not have" },
        { "broken", "profiles.broken.scenarios.browse", "K6S0107" },
    };

    [Theory]
    [MemberData(nameof(BrokenProfiles))]
    public void A_profile_k6_cannot_run_is_K6S0117(string name, string path, string message)
    {
        var test = Shop(t => t.Profile(name, p =>
        {
            switch (name)
            {
                case "zero":
                    p.Scale(vus: 0);
                    break;
                case "short":
                    p.Duration(TimeSpan.FromMilliseconds(500));
                    break;
                case "unknown":
                    p.RampingVus("checkout", 0, s => s.RampTo(10, TimeSpan.FromSeconds(10)));
                    break;
                case "broken":
                    p.RampingVus("browse", 0, s => s.RampTo(0, TimeSpan.FromSeconds(10)));
                    break;
            }
        }));
        var result = Emit.Unvalidated(test);
        Assert.False(result.Succeeded);
        var diagnostic = Assert.Single(result.Diagnostics, d => d.Id == "K6S0117");
        Assert.StartsWith(path, diagnostic.Path, StringComparison.Ordinal);
        Assert.Contains(message, diagnostic.Message, StringComparison.Ordinal);
        Assert.EndsWith("RunProfileTests.cs", diagnostic.Location!.FilePath, StringComparison.Ordinal);
    }

    [Fact]
    public void A_profile_that_takes_more_unique_users_than_the_pool_holds_is_K6S0117()
    {
        // 200 VUs fit a pool of 300 users; the stress profile's 400 VUs would abort the run when VU 301 starts.
        var test = Storm(UserPool.FromJsonFile("users", "users.json", ["email"]).WithCount(300), vus: 200).Profile("smoke", p => p.Scale(vus: 0.01)).Build();
        var diagnostic = Assert.Single(LoadTestValidator.Validate(test));
        Assert.Equal("K6S0117", diagnostic.Id);
        Assert.StartsWith("profiles.stress.", diagnostic.Path, StringComparison.Ordinal);
        Assert.Equal(
            "Run profile 'stress' needs more unique pool entries than the pool has (K6S0303: Pool 'users' has 300 entries but scenario 'signin' needs 400 unique ones (one per VU at its peak of 400 VUs); add entries, lower the load, or pick round-robin); lower the profile's scale or duration, or add entries to the pool",
            diagnostic.Message);
    }

    [Fact]
    public void A_profile_that_runs_longer_than_a_unique_per_iteration_pool_lasts_is_K6S0117()
    {
        // 10 iterations a second for 10 s take 100 of the 150 users; the soak profile's 30 s would take 300.
        var soak = Assert.Single(LoadTestValidator.Validate(Orders(users: 150)));
        Assert.Equal("K6S0117", soak.Id);
        Assert.Contains("Run profile 'soak' needs more unique pool entries than the pool has (K6S0303: Pool 'users' has 150 entries but scenario 'buy' needs 300 unique ones", soak.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_profile_that_needs_no_more_than_the_test_as_defined_adds_no_diagnostic()
    {
        // 50 users are too few as defined (K6S0303); "twin" needs exactly as many, "smoke" fewer: neither says more.
        var diagnostics = LoadTestValidator.Validate(Orders(users: 50, p => p.Profile("twin", t => t.Scale(vus: 1)).Profile("smoke", t => t.Duration(TimeSpan.FromSeconds(5)))));
        Assert.Equal(["K6S0117", "K6S0303"], diagnostics.Select(d => d.Id).Order(StringComparer.Ordinal));
        Assert.StartsWith("Run profile 'soak' ", Assert.Single(diagnostics, d => d.Id == "K6S0117").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_profile_that_peaks_beyond_one_load_generator_is_K6S0604()
    {
        // Shop peaks at 300 VUs (browse 200 and buy's 100 overlap): within one generator; "spike" runs six times as many.
        var test = Shop(t => t.Profile("spike", p => p.Scale(vus: 6)).Profile("smoke", p => p.Scale(vus: 0.01))).Build();
        Assert.DoesNotContain(LoadTestValidator.Validate(test with { Profiles = [] }), d => d.Id is "K6S0602" or "K6S0604");

        var hint = Assert.Single(LoadTestValidator.Validate(test), d => d.Id == "K6S0604");
        Assert.Equal(K6Scenarios.Diagnostics.RuleSeverity.Warning, hint.Severity);
        Assert.Equal("profiles.spike.scenarios", hint.Path);
        Assert.StartsWith("Run profile 'spike' peaks beyond one load generator (K6S0602: Load test 'shop' peaks at 1800 VUs, above the 1000 ", hint.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(LoadTestValidator.Validate(test), d => d.Id == "K6S0602");

        // The limit is the one the test is judged by: raised or turned off, the profile says nothing either.
        Assert.DoesNotContain(LoadTestValidator.Validate(test, new ValidationSettings { PeakVusPerGenerator = 2000 }), d => d.Id == "K6S0604");
        Assert.DoesNotContain(LoadTestValidator.Validate(test, new ValidationSettings { PeakVusPerGenerator = 0 }), d => d.Id == "K6S0604");
    }

    [Fact]
    public void A_profile_is_not_warned_about_what_the_test_as_defined_is_warned_about()
    {
        // As defined the test already peaks beyond one generator (K6S0602); a stress profile at twice that adds nothing.
        var test = Shop(t => t.Profile("stress", p => p.Scale(vus: 2))).Build();
        var diagnostics = LoadTestValidator.Validate(test, new ValidationSettings { PeakVusPerGenerator = 250 });
        Assert.Single(diagnostics, d => d.Id == "K6S0602");
        Assert.DoesNotContain(diagnostics, d => d.Id == "K6S0604");
    }

    [Fact]
    public void A_profile_that_raises_the_rate_beyond_its_vus_is_K6S0604()
    {
        // buy: 50 iterations/s with up to 100 VUs as defined; ten times the rate with the same VUs drops iterations.
        var test = Shop(t => t.Profile("rush", p => p.Scale(vus: 1, rate: 10))).Build();
        var settings = new ValidationSettings { ExpectedIterationDuration = TimeSpan.FromSeconds(1) };
        Assert.DoesNotContain(LoadTestValidator.Validate(test with { Profiles = [] }, settings), d => d.Id == "K6S0603");

        var hint = Assert.Single(LoadTestValidator.Validate(test, settings), d => d.Id == "K6S0604");
        Assert.StartsWith("profiles.rush.scenarios.buy", hint.Path, StringComparison.Ordinal);
        Assert.Contains("starts more iterations than its VUs can run (K6S0603: Scenario 'buy' starts up to 500 iterations/s", hint.Message, StringComparison.Ordinal);
        Assert.EndsWith("raise the scenario's maxVUs or lower the profile's rate scale", hint.Message, StringComparison.Ordinal);
    }

    // A sign-in storm whose VUs each take their own user, with a stress profile at twice the VUs.
    private static LoadTestBuilder Storm(UserPool pool, int vus) => LoadTest.Create("storm")
        .BaseUrl("API_URL", "http://localhost:4000")
        .Scenario("signin", s => s
            .ConstantVus(vus, TimeSpan.FromMinutes(1))
            .WithUsers(pool, PoolSelection.UniquePerVu)
            .Flow(f => f.Post("/api/auth/signin", r => r.JsonBody(new { email = pool.Field("email") }).ExpectStatus(201)).ThinkTime(TimeSpan.FromSeconds(1))))
        .Profile("stress", p => p.Scale(vus: 2));

    private static LoadTest Orders(int users, Func<LoadTestBuilder, LoadTestBuilder>? profiles = null)
    {
        var test = LoadTest.Create("orders")
            .BaseUrl("API_URL", "http://localhost:4000")
            .Scenario("buy", s => s
                .ConstantArrivalRate(10, TimeSpan.FromSeconds(10), preAllocatedVus: 5)
                .WithUsers(UserPool.FromJsonFile("users", "users.json", ["email"]).WithCount(users), PoolSelection.UniquePerIteration)
                .Flow(f => f.Post("/orders", r => r.ExpectStatus(201))))
            .Profile("soak", p => p.Duration(TimeSpan.FromSeconds(30)));
        return (profiles is null ? test : profiles(test)).Build();
    }

    [Fact]
    public void A_profile_is_judged_against_the_pool_file_counted_at_emit_time()
    {
        // The pool states no count: the emitter counts the file's entries (3) and judges every profile against them.
        var folder = Directory.CreateTempSubdirectory("k6s-profile-pool").FullName;
        try
        {
            File.WriteAllText(Path.Combine(folder, "users.json"), """[{"email":"a@x.test"},{"email":"b@x.test"},{"email":"c@x.test"}]""");
            var test = Storm(UserPool.FromJsonFile("users", "users.json", ["email"]), vus: 2).Build();
            var result = new K6ScriptEmitter(new EmitterOptions { BaseDirectory = folder }).Emit(test);
            Assert.False(result.Succeeded);
            Assert.Contains("Pool 'users' has 3 entries but scenario 'signin' needs 4 unique ones", Assert.Single(result.Diagnostics, d => d.Id == "K6S0117").Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Two_profiles_with_one_name_are_K6S0117()
    {
        var result = Emit.Unvalidated(Shop(t => t.Profile("smoke", p => p.Scale(vus: 0.1)).Profile("smoke", p => p.Scale(vus: 0.2))));
        Assert.Contains("is defined more than once", Assert.Single(result.Diagnostics, d => d.Id == "K6S0117").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_profile_is_dry_run()
    {
        // A profile's scenarios are executed in the dry run too: a valid test with profiles emits without problems.
        var result = new K6ScriptEmitter().Emit(Shop(t => t.Profile("smoke", p => p.Scale(vus: 0.01).Duration(TimeSpan.FromSeconds(10))).Profile("stress", p => p.Scale(vus: 2))));
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        Assert.DoesNotContain(result.Diagnostics, d => d.Severity != Diagnostics.RuleSeverity.Info);
    }
}
