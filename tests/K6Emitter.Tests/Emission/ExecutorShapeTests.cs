using System;
using System.Linq;
using System.Text.Json;
using K6Scenarios.Emitter.Tests.Support;
using K6Scenarios.Model;

namespace K6Scenarios.Emitter.Tests.Emission;

/// <summary>Every executor's options as Jint evaluates them: k6's parameter names, durations as Go duration strings.</summary>
public class ExecutorShapeTests
{
    private static JsonElement ScenarioOptions(Action<ScenarioBuilder> configure) =>
        Emit.Run(Emit.With(configure)).Options.GetProperty("scenarios").GetProperty("main");

    private static string[] Keys(JsonElement element) => element.EnumerateObject().Select(p => p.Name).ToArray();

    [Fact]
    public void Shared_iterations_has_vus_iterations_and_max_duration()
    {
        var options = ScenarioOptions(s => s.SharedIterations(vus: 5, iterations: 50, maxDuration: TimeSpan.FromSeconds(90)));
        Assert.Equal(["executor", "exec", "vus", "iterations", "maxDuration"], Keys(options));
        Assert.Equal("shared-iterations", options.GetProperty("executor").GetString());
        Assert.Equal(5, options.GetProperty("vus").GetInt32());
        Assert.Equal(50, options.GetProperty("iterations").GetInt32());
        Assert.Equal("1m30s", options.GetProperty("maxDuration").GetString());
    }

    [Fact]
    public void Per_vu_iterations_omits_the_default_max_duration()
    {
        var options = ScenarioOptions(s => s.PerVuIterations(vus: 3, iterations: 7));
        Assert.Equal(["executor", "exec", "vus", "iterations"], Keys(options));
        Assert.Equal("per-vu-iterations", options.GetProperty("executor").GetString());
        Assert.Equal(7, options.GetProperty("iterations").GetInt32());
    }

    [Fact]
    public void Constant_vus_writes_duration_as_a_string()
    {
        var options = ScenarioOptions(s => s.ConstantVus(200, TimeSpan.FromSeconds(60)));
        Assert.Equal("constant-vus", options.GetProperty("executor").GetString());
        Assert.Equal(200, options.GetProperty("vus").GetInt32());
        Assert.Equal(JsonValueKind.String, options.GetProperty("duration").ValueKind);
        Assert.Equal("1m", options.GetProperty("duration").GetString());
    }

    [Fact]
    public void Ramping_vus_writes_start_vus_stages_and_graceful_ramp_down()
    {
        var options = ScenarioOptions(s => s.RampingVus(0, st => st
            .RampTo(100, TimeSpan.FromSeconds(45))
            .RampTo(500, TimeSpan.FromSeconds(45))
            .RampTo(0, TimeSpan.FromMilliseconds(10_500)), gracefulRampDown: TimeSpan.FromSeconds(5)));
        Assert.Equal("ramping-vus", options.GetProperty("executor").GetString());
        Assert.Equal(0, options.GetProperty("startVUs").GetInt32());
        var stages = options.GetProperty("stages").EnumerateArray().Select(s => (s.GetProperty("duration").GetString(), s.GetProperty("target").GetInt32())).ToArray();
        Assert.Equal([("45s", 100), ("45s", 500), ("10s500ms", 0)], stages);
        Assert.Equal("5s", options.GetProperty("gracefulRampDown").GetString());
    }

    [Fact]
    public void Constant_arrival_rate_writes_rate_time_unit_and_vus()
    {
        var options = ScenarioOptions(s => s.ConstantArrivalRate(rate: 30, duration: TimeSpan.FromMinutes(2), preAllocatedVus: 20, maxVus: 50, timeUnit: TimeSpan.FromMinutes(1)));
        Assert.Equal(["executor", "exec", "rate", "timeUnit", "duration", "preAllocatedVUs", "maxVUs"], Keys(options));
        Assert.Equal("1m", options.GetProperty("timeUnit").GetString());
        Assert.Equal(50, options.GetProperty("maxVUs").GetInt32());
    }

    [Fact]
    public void Ramping_arrival_rate_writes_start_rate_and_stages_of_iterations()
    {
        var options = ScenarioOptions(s => s.RampingArrivalRate(startRate: 5, st => st.RampTo(50, TimeSpan.FromMinutes(1)).Hold(TimeSpan.FromMinutes(2)), preAllocatedVus: 10, maxVus: 100));
        Assert.Equal("ramping-arrival-rate", options.GetProperty("executor").GetString());
        Assert.Equal(5, options.GetProperty("startRate").GetInt32());
        Assert.Equal(10, options.GetProperty("preAllocatedVUs").GetInt32());
        Assert.Equal(2, options.GetProperty("stages").GetArrayLength());
        Assert.Equal("2m", options.GetProperty("stages")[1].GetProperty("duration").GetString());
        Assert.Equal(50, options.GetProperty("stages")[1].GetProperty("target").GetInt32());
    }

    [Fact]
    public void Common_settings_are_written_with_k6_names()
    {
        var options = ScenarioOptions(s => s
            .ConstantVus(2, TimeSpan.FromSeconds(30))
            .StartAfter(TimeSpan.FromSeconds(10))
            .GracefulStop(TimeSpan.FromSeconds(5))
            .Env("REGION", "eu")
            .Tag("team", "payments"));
        Assert.Equal("10s", options.GetProperty("startTime").GetString());
        Assert.Equal("5s", options.GetProperty("gracefulStop").GetString());
        Assert.Equal("eu", options.GetProperty("env").GetProperty("REGION").GetString());
        Assert.Equal("payments", options.GetProperty("tags").GetProperty("team").GetString());
    }

    [Fact]
    public void Exec_names_an_exported_function_even_for_names_that_are_not_identifiers()
    {
        var test = LoadTest.Create("unit")
            .BaseUrl("API_URL", "http://localhost")
            .Scenario("sign-in_storm", s => s.ConstantVus(1, TimeSpan.FromSeconds(5)).Flow(f => f.Get("/", r => r.ExpectStatus(200)).ThinkTime(TimeSpan.FromSeconds(1))))
            .Scenario("default", s => s.ConstantVus(1, TimeSpan.FromSeconds(5)).Flow(f => f.Get("/", r => r.ExpectStatus(200)).ThinkTime(TimeSpan.FromSeconds(1))))
            .Build();
        var harness = Emit.Run(test);
        foreach (var scenario in harness.Options.GetProperty("scenarios").EnumerateObject())
        {
            var exec = scenario.Value.GetProperty("exec").GetString()!;
            harness.Call(exec);
        }

        Assert.Equal(2, harness.Requests.GetArrayLength());
    }

    [Fact]
    public void Options_never_hold_top_level_vus_duration_iterations_or_stages()
    {
        var options = Emit.Run(Emit.With(s => s.RampingVus(1, st => st.RampTo(10, TimeSpan.FromSeconds(10))))).Options;
        foreach (var forbidden in new[] { "vus", "duration", "iterations", "stages" })
        {
            Assert.False(options.TryGetProperty(forbidden, out _), forbidden + " must not appear beside scenarios");
        }
    }
}
