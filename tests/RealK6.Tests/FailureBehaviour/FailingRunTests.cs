using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using K6Scenarios.Emitter;
using K6Scenarios.Model;
using K6Scenarios.Samples.Seeds.LoadTests;
using K6Scenarios.Testing.RealK6;
using K6Scenarios.Testing.SystemUnderTest;
using K6Scenarios.Testing.SystemUnderTest.Systems;

namespace K6Scenarios.RealK6.Tests.FailureBehaviour;

/// <summary>Starts a server with the seed systems and one that answers wrongly.</summary>
public sealed class FaultyServerFixture : IAsyncLifetime
{
    private SystemUnderTestServer? _server;

    /// <summary>Gets the running server.</summary>
    public SystemUnderTestServer Server => _server ?? throw new InvalidOperationException("The fixture has not started.");

    /// <inheritdoc />
    public async Task InitializeAsync() =>
        _server = await SystemUnderTestServer.StartAsync(new SystemUnderTestOptions { AdditionalModules = [new FaultyLoginSystem()] }).ConfigureAwait(false);

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync().ConfigureAwait(false);
        }
    }
}

/// <summary>
/// The scripts misbehave exactly when the system under test or the test is wrong, which is when a load test matters
/// most: under real k6 a wrong check fails the run, and a capture that finds nothing keeps the flow's pace.
/// </summary>
public sealed class FailingRunTests : IClassFixture<FaultyServerFixture>
{
    private readonly SystemUnderTestServer _server;

    public FailingRunTests(FaultyServerFixture fixture) => _server = fixture.Server;

    /// <summary>
    /// Seed 000 as it was written: the sign-in answers 201, the check expects 200. Its latency threshold is left out:
    /// on a machine shared with the rest of the test run it could cross too, and these tests are about the checks.
    /// </summary>
    private static LoadTestBuilder UncorrectedSeed000() => LoadTest.Create("seed-000-uncorrected")
        .BaseUrl(Evospin.Api)
        .Scenario("signin", s => s
            .ConstantVus(2, TimeSpan.FromSeconds(3))
            .WithUsers(Evospin.Users, PoolSelection.UniquePerVu)
            .Flow(f => f
                .Post("/api/auth/signin", r => r
                    .JsonBody(new { email = Evospin.Users.Field("email"), password = Value.Secret("EVOSPIN_USER_PASSWORD") })
                    .ExpectStatus(200)
                    .CheckBodyHas("accessToken"))
                .ThinkTime(TimeSpan.FromSeconds(1))));

    private async Task<K6RunResult> RunAsync(LoadTest loadTest)
    {
        using var workspace = new K6Workspace();
        var emitted = new K6ScriptEmitter(new EmitterOptions { BaseDirectory = AppContext.BaseDirectory }).Emit(loadTest).EnsureSucceeded();
        var script = workspace.Write(emitted);
        var environment = new Dictionary<string, string>
        {
            ["EVOSPIN_API_URL"] = _server.UrlOf(EvospinSystem.Prefix),
            ["FAULTY_API_URL"] = _server.UrlOf(FaultyLoginSystem.Prefix),
        };
        var secrets = K6Cli.WriteSecretSource(workspace.Folder, new Dictionary<string, string> { ["EVOSPIN_USER_PASSWORD"] = _server.Options.EvospinPassword });
        return await K6Cli.RunAsync(script, environment, TimeSpan.FromSeconds(60), [secrets]);
    }

    [RealK6Fact]
    public async Task The_uncorrected_seed_000_script_fails_the_run()
    {
        var run = await RunAsync(UncorrectedSeed000());

        var summary = run.RequireSummary();
        Assert.True(run.Process.ExitCode == 99, "k6 exited " + run.Process.ExitCode + " (99 means a threshold failed)" + Environment.NewLine + summary.Describe() + run.Process.StandardError);
        var gate = Assert.Single(summary.CrossedThresholds);
        Assert.Equal("checks", gate.Metric);
        Assert.True(summary.ChecksPassRate < 0.99, summary.Describe());
    }

    [RealK6Fact]
    public async Task Without_the_gate_the_same_failing_checks_exit_zero()
    {
        // The control: what made the previous run fail is the gate, not an error of the script.
        var run = await RunAsync(UncorrectedSeed000().WithoutCheckGate());

        Assert.True(run.Process.ExitCode == 0, "k6 exited " + run.Process.ExitCode + Environment.NewLine + run.Process.StandardError);
        Assert.True(run.RequireSummary().ChecksPassRate < 0.99);
    }

    [RealK6Fact]
    public async Task A_flow_whose_capture_fails_stays_within_its_paced_request_rate()
    {
        const int Vus = 5;
        var duration = TimeSpan.FromSeconds(4);
        var thinkTime = TimeSpan.FromSeconds(1);
        var token = new Variable("token");
        var loadTest = LoadTest.Create("capture-fails")
            .BaseUrl("FAULTY_API_URL", "http://127.0.0.1:9")
            .Scenario("login", s => s
                .ConstantVus(Vus, duration)
                .GracefulStop(TimeSpan.FromSeconds(2))
                .Flow(f => f
                    .Post("/api/login", r => r
                        .JsonBody(new { username = "user", password = Value.Secret("EVOSPIN_USER_PASSWORD") })
                        .ExpectStatus(200)
                        .Capture(token, CaptureSource.Json("token")))
                    .Get("/api/me", r => r.BearerToken(token).ExpectStatus(200))
                    .ThinkTime(thinkTime)))
            .WithoutCheckGate()
            .Build();
        var before = _server.Requests.Count("POST", "/faulty/api/login");

        var run = await RunAsync(loadTest);

        // Every iteration ends at the failed capture after one request, yet takes the think time: each VU starts at
        // most duration / think time iterations, plus one that the end of the scenario interrupts.
        var bound = Vus * ((int)(duration / thinkTime) + 1);
        var summary = run.RequireSummary();
        var sent = summary.Value("http_reqs", "count") ?? 0;
        var served = _server.Requests.Count("POST", "/faulty/api/login") - before;
        Assert.True(sent >= Vus, "every VU logs in at least once: " + summary.Describe());
        Assert.True(sent <= bound, sent + " requests in " + duration.TotalSeconds + " s from " + Vus + " VUs with " + thinkTime.TotalSeconds + " s think time; the paced bound is " + bound + Environment.NewLine + summary.Describe());
        Assert.True(served <= bound, "the server saw " + served + " logins; the paced bound is " + bound);
        Assert.Equal(0, _server.Requests.Count("GET", "/faulty/api/me"));
        Assert.Contains("no body field token to capture into token (status 422)", run.Process.StandardError, StringComparison.Ordinal);
    }
}
