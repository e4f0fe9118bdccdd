using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using K6Scenarios.Emitter;
using K6Scenarios.Emitter.Emission;
using K6Scenarios.Model;
using K6Scenarios.RealK6.Tests.Support;
using K6Scenarios.Samples.Mistakes;
using K6Scenarios.Testing.RealK6;
using K6Scenarios.Testing.SystemUnderTest;
using K6Scenarios.Testing.SystemUnderTest.Systems;

namespace K6Scenarios.RealK6.Tests.Mistakes;

/// <summary>
/// The planted mistakes of samples/Mistakes, run under real k6 against the system under test: each fails exactly the
/// check it plants and nothing else, which is what the analyzers and model validation catch before any run.
/// </summary>
public sealed class MistakeRunTests : IAsyncLifetime
{
    private const string SeededPassword = "mistakes-seeded-password";

    private SystemUnderTestServer? _server;

    private SystemUnderTestServer Server => _server!;

    public async Task InitializeAsync() => _server = await SystemUnderTestServer.StartAsync(new SystemUnderTestOptions { EvospinPassword = SeededPassword, VineyardSeededPassword = SeededPassword });

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    [RealK6Fact]
    public async Task Sign_in_checked_for_200_fails_that_check_on_every_sign_in()
    {
        // Model validation refuses the sample for its other mistake (K6S0205: a threshold on a scenario nothing has);
        // without that threshold the 200-for-201 check is what a user would have run.
        var planted = SeedMistakes.SignInStorm();
        Assert.Contains(Emit(planted).Diagnostics, d => d.Id == "K6S0205");
        var loadTest = ShortProfile.Apply(planted with { Thresholds = planted.Thresholds.Where(t => !t.Condition.Metric.ThresholdKey.Contains("sign-in", StringComparison.Ordinal)).ToList() });

        var summary = await RunAsync(Emit(loadTest).EnsureSucceeded(), EvospinSystem.Prefix);

        var signIns = ShortProfile.TotalIterations(loadTest);
        AssertOnlyFailingCheck(summary, "/auth/signin status is 200", signIns);
        Assert.Equal(signIns, Server.Requests.Count("POST", "/evospin/api/auth/signin", 201));
        Assert.Equal(1.0, summary.Value("http_req_failed", "value"));
    }

    [RealK6Fact]
    public async Task A_threshold_on_a_scenario_nothing_has_passes_silently_under_k6()
    {
        // What K6S0205 prevents: the script as the mistake wrote it (generated past model validation) runs, and its
        // threshold on 'sign-in' evaluates an empty metric and holds, while every sign-in check fails.
        var loadTest = ShortProfile.Apply(SeedMistakes.SignInStorm());
        var (script, _) = new ScriptGenerator(loadTest, "SignInStorm", new Dictionary<string, string>()).Generate();

        var summary = await RunAsync(new EmittedLoadTest(loadTest.Name, script, []), EvospinSystem.Prefix);

        var silent = Assert.Single(summary.Thresholds, t => t.Metric == "http_req_duration{scenario:sign-in}");
        Assert.False(silent.Crossed);
        Assert.Equal(0, summary.Value("http_req_duration{scenario:sign-in}", "max"));
        AssertOnlyFailingCheck(summary, "/auth/signin status is 200", ShortProfile.TotalIterations(loadTest));
    }

    [RealK6Fact]
    public async Task Login_with_email_instead_of_username_fails_the_login_check_and_ends_each_iteration()
    {
        var loadTest = ShortProfile.Apply(SeedMistakes.Groups());

        var summary = await RunAsync(Emit(loadTest).EnsureSucceeded(), VineyardSystem.Prefix);

        // The API answers 400 to a body without username, so no token is captured and the iteration stops there:
        // the unauthenticated GET /groups (the second mistake) is never sent.
        var logins = ShortProfile.TotalIterations(loadTest);
        AssertOnlyFailingCheck(summary, "/auth/login status is 200", logins);
        Assert.Equal(logins, Server.Requests.Count("POST", "/vineyard/api/auth/login", 400));
        Assert.Equal(0, Server.Requests.Count(null, "/vineyard/api/groups"));
    }

    [RealK6Fact]
    public async Task Groups_called_without_the_token_fail_their_check_once_the_login_is_fixed()
    {
        // Fix only the first mistake (send username): the second, no Authorization header, now shows as 401s.
        var loadTest = ShortProfile.Apply(RenameBodyField(SeedMistakes.Groups(), "email", "username"));

        var summary = await RunAsync(Emit(loadTest).EnsureSucceeded(), VineyardSystem.Prefix);

        var iterations = ShortProfile.TotalIterations(loadTest);
        AssertOnlyFailingCheck(summary, "/groups status is 200", iterations);
        Assert.Equal(iterations, summary.Check("/auth/login status is 200")?.Passes);
        Assert.Equal(iterations, Server.Requests.Count("GET", "/vineyard/api/groups", 401));
    }

    private static EmitResult Emit(LoadTest loadTest) => new K6ScriptEmitter(new EmitterOptions { BaseDirectory = AppContext.BaseDirectory }).Emit(loadTest);

    private async Task<K6Summary> RunAsync(EmittedLoadTest emitted, string system)
    {
        using var workspace = new K6Workspace();
        var environment = new Dictionary<string, string> { ["API_URL"] = Server.UrlOf(system) + "/api" };

        // Value.Secret reads k6/secrets: the password comes from a file secret source, never from -e.
        var secrets = K6Cli.WriteSecretSource(workspace.Folder, new Dictionary<string, string> { ["USER_PASSWORD"] = SeededPassword });
        var run = await K6Cli.RunAsync(workspace.Write(emitted), environment, TimeSpan.FromSeconds(90), [secrets]);
        var summary = run.RequireSummary();
        Assert.True(run.Process.ExitCode is 0 or 99, "k6 exited " + run.Process.ExitCode + Environment.NewLine + run.Process.StandardError);
        return summary;
    }

    private static void AssertOnlyFailingCheck(K6Summary summary, string check, int failures)
    {
        var failing = summary.Checks.Where(c => c.Fails > 0).Select(c => c.Name).Distinct().ToList();
        Assert.True(failing.SequenceEqual([check]), "failing checks: " + string.Join(", ", failing) + Environment.NewLine + summary.Describe());
        var planted = summary.Check(check)!;
        Assert.Equal(0, planted.Passes);
        Assert.Equal(failures, planted.Fails);
    }

    private static LoadTest RenameBodyField(LoadTest loadTest, string from, string to) => loadTest with
    {
        Scenarios = loadTest.Scenarios.Select(s => s with { Flow = s.Flow.Select(step => Rename(step, from, to)).ToList() }).ToList(),
    };

    private static Step Rename(Step step, string from, string to) => step is HttpRequestStep { Body: JsonBody { Content: JsonObjectTemplate body } } request
        ? request with { Body = new JsonBody(new JsonObjectTemplate(body.Properties.Select(p => p.Key == from ? new KeyValuePair<string, JsonTemplate>(to, p.Value) : p).ToList())) }
        : step;
}
