using System;
using System.Linq;
using System.Threading.Tasks;
using K6Scenarios.Emitter;
using K6Scenarios.Model;
using K6Scenarios.RealK6.Tests.Support;
using K6Scenarios.Samples.Seeds.LoadTests;
using K6Scenarios.Testing.RealK6;
using K6Scenarios.Testing.SystemUnderTest;

namespace K6Scenarios.RealK6.Tests.SeedRuns;

/// <summary>Seed 002 expects 429 from rate limiting: under a tight limit the answers are 429s and k6 counts them as expected.</summary>
public sealed class EasyMoRateLimitTests
{
    [RealK6Fact]
    public async Task Rate_limited_calls_answer_429_which_the_script_expects()
    {
        await using var server = await SystemUnderTestServer.StartAsync(new SystemUnderTestOptions { EasyMoRequestsPerSecond = 1 });
        var seed = EasyMo.Services();
        // Without think time, four VUs call each service far faster than one request per second.
        var loadTest = ShortProfile.Apply(seed with
        {
            Scenarios = seed.Scenarios.Select(s => s with { Flow = s.Flow.Where(step => step is not ThinkTimeStep).ToList() }).ToList(),
        }, iterations: 3, vusPerHundred: 4);
        using var workspace = new K6Workspace();
        var script = workspace.Write(new K6ScriptEmitter(new EmitterOptions { BaseDirectory = AppContext.BaseDirectory }).Emit(loadTest).EnsureSucceeded());

        var run = await K6Cli.RunAsync(script, SeedEnvironment.For(server), TimeSpan.FromSeconds(90));

        var summary = run.RequireSummary();
        var calls = ShortProfile.TotalIterations(loadTest);
        Assert.True(server.Requests.Count("POST", "/easymo-voice-bridge/api/calls", 429) > 0, string.Join(Environment.NewLine, server.Requests.Describe()));
        Assert.Equal(calls, server.Requests.Count("POST", "/easymo-voice-bridge/api/calls", 201) + server.Requests.Count("POST", "/easymo-voice-bridge/api/calls", 429));
        Assert.Equal(0, summary.Check("/api/calls status is 201 or 429")!.Fails);
        Assert.Equal(0, summary.Value("http_req_failed", "passes") ?? 0);
    }
}
