using System;
using System.Collections.Generic;
using System.Formats.Tar;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using K6Scenarios.Emitter;
using K6Scenarios.Model;
using K6Scenarios.RealK6.Tests.SeedRuns;
using K6Scenarios.RealK6.Tests.Support;
using K6Scenarios.Testing.RealK6;

namespace K6Scenarios.RealK6.Tests.FailureBehaviour;

/// <summary>
/// The seed samples under real k6 without running them: every run profile is accepted, no secret is needed to inspect
/// or archive a script, and an archive made with the secrets given the documented way holds none of them.
/// </summary>
public sealed class SampleShapeTests
{
    private static readonly Dictionary<string, string> Secrets = new(StringComparer.Ordinal)
    {
        ["EVOSPIN_USER_PASSWORD"] = "evospin-secret-7f3a9c",
        ["VELURE_TEST_PASSWORD"] = "velure-secret-51d2e8",
        ["VINEYARD_TEST_PASSWORD"] = "vineyard-secret-c04b6a",
    };

    public static TheoryData<string> Seeds => new()
    {
        nameof(Samples.Seeds.LoadTests.Evospin.SignInStorm), nameof(Samples.Seeds.LoadTests.Evospin.SteppedRamp), nameof(Samples.Seeds.LoadTests.Evospin.Smoke),
        nameof(Samples.Seeds.LoadTests.EasyMo.Services), nameof(Samples.Seeds.LoadTests.Vineyard.UserMix), nameof(Samples.Seeds.LoadTests.Velure.ProgressiveRamp),
    };

    private static (LoadTest LoadTest, EmittedLoadTest Emitted) Emit(string seed)
    {
        var loadTest = SeedLoadTests.Get(seed);
        return (loadTest, new K6ScriptEmitter(new EmitterOptions { BaseDirectory = AppContext.BaseDirectory }).Emit(loadTest).EnsureSucceeded());
    }

    [RealK6Theory]
    [MemberData(nameof(Seeds))]
    public async Task Every_profile_is_accepted_by_real_k6_without_a_secret(string seed)
    {
        var (loadTest, emitted) = Emit(seed);
        using var workspace = new K6Workspace();
        var script = workspace.Write(emitted);

        // The header's settings only: no secret source, so inspecting and starting every shape needs no secret.
        var problems = new List<string>();
        foreach (var profile in loadTest.Profiles.Select(p => p.Name).Prepend(RunProfile.FullTestName))
        {
            var environment = ScriptHeader.Environment(emitted.Script);
            environment[RunProfile.EnvironmentVariable] = profile;
            problems.AddRange((await ConformanceJudge.JudgeAsync(script, environment)).Select(p => profile + ": " + p));
        }

        Assert.True(loadTest.Profiles.Count > 0, seed + " defines no run profile");
        Assert.Empty(problems);
    }

    [RealK6Theory]
    [MemberData(nameof(Seeds))]
    public async Task An_archive_holds_no_secret_and_inspect_needs_none(string seed)
    {
        var (_, emitted) = Emit(seed);
        using var workspace = new K6Workspace();
        var script = workspace.Write(emitted);
        var secretSource = K6Cli.WriteSecretSource(workspace.Folder, Secrets);
        var archive = Path.Combine(workspace.Folder, "archive.tar");

        // As documented: secrets through the secret source, settings with -e.
        var arguments = new List<string> { "archive", secretSource };
        arguments.AddRange(K6Cli.EnvironmentArguments(ScriptHeader.Environment(emitted.Script)));
        arguments.AddRange([script, "-O", archive]);
        var archived = await K6Process.RunAsync(arguments, workspace.Folder, TimeSpan.FromSeconds(60));
        Assert.True(archived.ExitCode == 0, "k6 archive exited " + archived.ExitCode + ": " + archived.StandardError);

        var leaks = new List<string>();
        await using (var stream = File.OpenRead(archive))
        {
            using var reader = new TarReader(stream);
            while (await reader.GetNextEntryAsync() is { } entry)
            {
                if (entry.DataStream is null)
                {
                    continue;
                }

                using var content = new MemoryStream();
                await entry.DataStream.CopyToAsync(content);
                var text = Encoding.UTF8.GetString(content.ToArray());
                leaks.AddRange(Secrets.Where(s => text.Contains(s.Value, StringComparison.Ordinal)).Select(s => entry.Name + " holds " + s.Key));
            }
        }

        Assert.Empty(leaks);

        // Neither a secret nor a setting: k6 inspect of the script needs nothing.
        var inspect = await K6Cli.InspectAsync(script, environment: null);
        Assert.True(inspect.ExitCode == 0, "k6 inspect exited " + inspect.ExitCode + ": " + inspect.StandardError);
        Assert.Empty(inspect.Warnings);
    }
}
