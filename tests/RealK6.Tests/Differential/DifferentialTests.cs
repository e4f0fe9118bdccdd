using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using K6Scenarios.RealK6.Tests.Support;
using K6Scenarios.Testing.RealK6;
using Xunit.Abstractions;

namespace K6Scenarios.RealK6.Tests.Differential;

/// <summary>
/// The differential validator test: over a thousand seeded, mutated models and hand-broken scripts are judged by our
/// validator (before writing) and by real k6. It fails on any case k6 rejects or warns about that we would write, and
/// on any case we refuse that k6 runs unless a documented, deliberate rule (<see cref="DeliberateRules"/>) explains it.
/// </summary>
public sealed class DifferentialTests
{
    private const ulong Seed = 0x6B36_4449_4646_0001UL;

    private readonly ITestOutputHelper _output;

    public DifferentialTests(ITestOutputHelper output) => _output = output;

    [RealK6Fact]
    public async Task Our_validator_and_real_k6_agree_on_every_generated_case()
    {
        var cases = ScriptCases.Generate(Seed, 790).Concat(ModelCases.Generate(Seed + 1, 240)).ToList();
        Assert.True(cases.Count >= 1000, "only " + cases.Count + " cases");

        var verdicts = await JudgeAsync(cases);
        var letThrough = verdicts.Where(v => v.K6Problems.Count > 0 && v.Case.OurProblems.Count == 0).ToList();
        var stricter = verdicts.Where(v => v.K6Problems.Count == 0 && v.Case.OurProblems.Count > 0).ToList();
        var unexplained = stricter.Where(v => DeliberateRules.Explain(v.Case) is null).ToList();

        _output.WriteLine(cases.Count + " cases; k6 refused or warned about " + verdicts.Count(v => v.K6Problems.Count > 0) + ", we refuse " + cases.Count(c => c.OurProblems.Count > 0) + ".");
        foreach (var group in stricter.GroupBy(v => DeliberateRules.Explain(v.Case) ?? "UNEXPLAINED").OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            _output.WriteLine("We refuse, k6 runs (" + group.Count() + "): " + group.Key);
            foreach (var verdict in group.Take(3))
            {
                _output.WriteLine("    " + verdict.Case.Id + " [" + verdict.Case.Description + "]: " + verdict.Case.OurProblems[0]);
            }
        }

        Assert.True(letThrough.Count == 0, "k6 refuses or warns, our validator would write the script (" + letThrough.Count + "):" + Environment.NewLine + Describe(letThrough));
        Assert.True(unexplained.Count == 0, "our validator refuses, k6 runs, and no deliberate rule says why (" + unexplained.Count + "):" + Environment.NewLine + Describe(unexplained));
    }

    private static string Describe(IEnumerable<Verdict> verdicts) => string.Join(
        Environment.NewLine,
        verdicts.Take(40).Select(v => "- " + v.Case.Id + " [" + v.Case.Description + "]" + Environment.NewLine
            + "    ours: " + (v.Case.OurProblems.Count == 0 ? "(none)" : string.Join(" | ", v.Case.OurProblems)) + Environment.NewLine
            + "    k6:   " + (v.K6Problems.Count == 0 ? "(accepted)" : string.Join(" | ", v.K6Problems))));

    private static async Task<IReadOnlyList<Verdict>> JudgeAsync(IReadOnlyList<DifferentialCase> cases)
    {
        using var workspace = new K6Workspace();
        var verdicts = new ConcurrentBag<Verdict>();
        await Parallel.ForEachAsync(cases, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(4, 2 * Environment.ProcessorCount) }, async (item, cancellationToken) =>
        {
            var folder = Path.Combine(workspace.Folder, item.Id);
            Directory.CreateDirectory(folder);
            await File.WriteAllTextAsync(Path.Combine(folder, ScriptCases.DataFile), "data", cancellationToken).ConfigureAwait(false);
            var script = Path.Combine(folder, "case.js");
            await File.WriteAllTextAsync(script, item.Script, cancellationToken).ConfigureAwait(false);
            var environment = ScriptHeader.Environment(item.Script);
            var problems = new List<string>();
            if (item.Judge == K6Judge.PausedRun)
            {
                var paused = await K6Cli.PausedRunAsync(script, environment, TimeSpan.FromSeconds(30), cancellationToken: cancellationToken).ConfigureAwait(false);
                if (!paused.Accepted)
                {
                    problems.Add("exit " + paused.Process.ExitCode);
                }

                problems.AddRange(paused.Process.Warnings);
            }
            else
            {
                var run = await K6Cli.RunAsync(script, environment, TimeSpan.FromSeconds(30), cancellationToken: cancellationToken).ConfigureAwait(false);
                if (run.Process.ExitCode != 0)
                {
                    problems.Add("exit " + run.Process.ExitCode);
                }

                problems.AddRange(run.Process.Warnings);
            }

            verdicts.Add(new Verdict(item, problems.Select(Shorten).ToList()));
        }).ConfigureAwait(false);
        return verdicts.OrderBy(v => v.Case.Id, StringComparer.Ordinal).ToList();
    }

    private static string Shorten(string line)
    {
        var message = line.IndexOf("msg=", StringComparison.Ordinal);
        var text = message < 0 ? line : line[(message + 4)..];
        return text.Length > 300 ? text[..300] + "..." : text;
    }

    private sealed record Verdict(DifferentialCase Case, IReadOnlyList<string> K6Problems);
}
