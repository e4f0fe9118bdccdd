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

/// <summary>
/// Every seed runs a short profile of its own flows under real k6 against the local system under test: where the
/// model is right, at least 99 % of the checks pass and every threshold holds.
/// </summary>
public sealed class SeedRunTests : IClassFixture<SystemUnderTestFixture>
{
    private readonly SystemUnderTestServer _server;

    public SeedRunTests(SystemUnderTestFixture fixture) => _server = fixture.Server;

    public static TheoryData<string> Seeds => new()
    {
        nameof(Evospin.SignInStorm), nameof(Evospin.SteppedRamp), nameof(Evospin.Smoke), nameof(EasyMo.Services), nameof(Vineyard.UserMix), nameof(Velure.ProgressiveRamp),
    };

    [RealK6Theory]
    [MemberData(nameof(Seeds))]
    public async Task Seed_runs_green_against_the_system_under_test(string seed)
    {
        var loadTest = ShortProfile.Apply(SeedLoadTests.Get(seed));
        using var workspace = new K6Workspace();
        var emitted = new K6ScriptEmitter(new EmitterOptions { BaseDirectory = AppContext.BaseDirectory }).Emit(loadTest).EnsureSucceeded();
        var script = workspace.Write(emitted);

        var run = await K6Cli.RunAsync(script, SeedEnvironment.For(_server), TimeSpan.FromSeconds(90), [SeedEnvironment.SecretSource(_server, workspace.Folder)]);

        var summary = run.RequireSummary();
        var context = summary.Describe() + Environment.NewLine + string.Join(Environment.NewLine, _server.Requests.Describe()) + Environment.NewLine + run.Process.StandardError;
        // Latency thresholds are evaluated but do not decide (see ShortProfile): a slow machine may cross them.
        var crossed = summary.CrossedThresholds.Where(t => !ShortProfile.IsLatency(loadTest, t)).ToList();
        var expectedExit = summary.CrossedThresholds.Count == 0 ? 0 : 99;
        Assert.True(run.Process.ExitCode == expectedExit, "k6 exited " + run.Process.ExitCode + Environment.NewLine + context);
        Assert.Equal(ShortProfile.TotalIterations(loadTest), summary.Value("iterations", "count"));
        Assert.True(summary.Checks.Count > 0, "no check ran" + Environment.NewLine + context);
        Assert.True(summary.ChecksPassRate >= 0.99, "checks passed: " + summary.ChecksPassRate + Environment.NewLine + context);
        // The test's own thresholds, and the gate on checks the emitter adds unless the test watches all checks itself.
        var gate = emitted.Script.Contains("// The run fails (k6 exits 99)", StringComparison.Ordinal) ? 1 : 0;
        Assert.True(summary.Thresholds.Count == loadTest.Thresholds.Count + gate, "thresholds in the summary: " + summary.Thresholds.Count + Environment.NewLine + context);
        Assert.True(crossed.Count == 0, "crossed: " + string.Join(", ", crossed.Select(t => t.Metric + " " + t.Expression)) + Environment.NewLine + context);
    }
}

/// <summary>The seeds' load tests by member name.</summary>
internal static class SeedLoadTests
{
    public static LoadTest Get(string member)
    {
        var method = new[] { typeof(Evospin), typeof(EasyMo), typeof(Vineyard), typeof(Velure) }
            .Select(t => t.GetMethod(member))
            .Single(m => m is not null)!;
        return (LoadTest)method.Invoke(null, null)!;
    }
}
