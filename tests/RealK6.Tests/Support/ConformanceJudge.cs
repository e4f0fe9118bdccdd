using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using K6Scenarios.Emitter;
using K6Scenarios.Testing.RealK6;

namespace K6Scenarios.RealK6.Tests.Support;

/// <summary>
/// Real k6's verdict on emitted scripts: <c>k6 inspect --execution-requirements</c> with no warning, then a paused
/// <c>k6 run</c> that reaches "paused before run" (configuration accepted, every VU initialized) with no warning.
/// </summary>
internal static class ConformanceJudge
{
    /// <summary>How long a paused run may take to initialize its VUs.</summary>
    private static readonly TimeSpan PausedRunLimit = TimeSpan.FromSeconds(60);

    /// <summary>Judges scripts in parallel (bounded by <see cref="K6Process"/>) and returns every problem.</summary>
    /// <param name="scripts">The emitted load tests.</param>
    /// <returns>One line per problem, naming the script; empty when k6 accepted all of them.</returns>
    public static async Task<IReadOnlyList<string>> JudgeAsync(IReadOnlyList<EmittedLoadTest> scripts)
    {
        ArgumentNullException.ThrowIfNull(scripts);
        using var workspace = new K6Workspace();
        var problems = new ConcurrentBag<string>();
        await Parallel.ForEachAsync(scripts.Select((script, index) => (Script: script, Index: index)), new ParallelOptions { MaxDegreeOfParallelism = Math.Max(4, 2 * Environment.ProcessorCount) }, async (item, cancellationToken) =>
        {
            // Each script in a folder of its own: data files of different load tests never meet.
            var emitted = item.Script;
            var folder = Path.Combine(workspace.Folder, item.Index.ToString(System.Globalization.CultureInfo.InvariantCulture));
            Directory.CreateDirectory(folder);
            foreach (var file in emitted.Files)
            {
                var path = Path.Combine(folder, file.RelativePath);
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                await File.WriteAllBytesAsync(path, file.Content.ToArray(), cancellationToken).ConfigureAwait(false);
            }

            var script = Path.Combine(folder, emitted.ScriptFileName);
            await File.WriteAllTextAsync(script, emitted.Script, cancellationToken).ConfigureAwait(false);
            var environment = ScriptHeader.Environment(emitted.Script);
            foreach (var problem in await JudgeAsync(script, environment).ConfigureAwait(false))
            {
                problems.Add(emitted.ScriptFileName + ": " + problem);
            }
        }).ConfigureAwait(false);
        return problems.OrderBy(p => p, StringComparer.Ordinal).ToList();
    }

    /// <summary>Judges one script file.</summary>
    /// <param name="script">The script.</param>
    /// <param name="environment">The <c>-e</c> pairs.</param>
    /// <returns>Its problems.</returns>
    public static async Task<IReadOnlyList<string>> JudgeAsync(string script, IReadOnlyDictionary<string, string> environment)
    {
        var problems = new List<string>();
        var inspect = await K6Cli.InspectAsync(script, environment).ConfigureAwait(false);
        if (inspect.ExitCode != 0)
        {
            problems.Add("k6 inspect exited " + inspect.ExitCode + ": " + inspect.StandardError.Trim());
        }

        problems.AddRange(inspect.Warnings.Select(w => "k6 inspect warned: " + w));
        var paused = await K6Cli.PausedRunAsync(script, environment, PausedRunLimit).ConfigureAwait(false);
        if (!paused.Accepted)
        {
            problems.Add("paused k6 run exited " + paused.Process.ExitCode + ": " + paused.Process.StandardError.Trim());
        }

        problems.AddRange(paused.Process.Warnings.Select(w => "paused k6 run warned: " + w));
        return problems;
    }
}
