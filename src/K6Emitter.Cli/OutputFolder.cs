using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using K6Scenarios.Diagnostics;
using K6Scenarios.Emitter;
using K6Scenarios.Emitter.Writing;

namespace K6Scenarios.Cli;

/// <summary>
/// Writes the load tests that emitted cleanly with <see cref="ScriptWriter"/> (atomic, unchanged files untouched, never
/// over a file the tool did not write), then removes the files this command wrote last time and no longer produces
/// (a load test that was removed, renamed or now fails), so no stale script is left to run.
/// </summary>
/// <remarks>
/// Only files named in the previous run's list file are ever removed, and only when they still look generated (a
/// script with the generated header, or a data file in the folder's manifest): two projects may share an output folder.
/// </remarks>
internal static class OutputFolder
{
    public static Result Write(string directory, IReadOnlyList<EmittedLoadTest> succeeded, IReadOnlyCollection<string> previouslyOwned)
    {
        ArgumentNullException.ThrowIfNull(succeeded);
        ArgumentNullException.ThrowIfNull(previouslyOwned);
        var diagnostics = new List<ModelDiagnostic>();
        var files = new List<WrittenFile>();
        foreach (var test in succeeded)
        {
            var report = ScriptWriter.Write(test, directory);
            diagnostics.AddRange(report.Diagnostics);
            var script = Path.GetFullPath(Path.Combine(directory, test.ScriptFileName));
            files.AddRange(report.Written.Select(p => new WrittenFile(p, IsScript(p, script), Changed: true)));
            files.AddRange(report.Unchanged.Select(p => new WrittenFile(p, IsScript(p, script), Changed: false)));
        }

        var manifest = Path.GetFullPath(Path.Combine(directory, ScriptWriter.ManifestFileName));
        var owned = new SortedSet<string>(files.Select(f => f.FullPath), StringComparer.Ordinal);
        var removed = new List<string>();
        foreach (var stale in previouslyOwned.Where(p => !owned.Contains(p) && !string.Equals(p, manifest, StringComparison.Ordinal)))
        {
            if (!File.Exists(stale) || !LooksGenerated(stale, directory))
            {
                continue;
            }

            try
            {
                File.Delete(stale);
                removed.Add(stale);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Still ours: keep it on the list so a later run (or Clean) retries.
                owned.Add(stale);
                diagnostics.Add(new ModelDiagnostic(DiagnosticCatalog.OutputNotWritten, string.Empty, null, stale, "it is stale and cannot be removed: " + e.Message));
            }
        }

        if (File.Exists(manifest))
        {
            owned.Add(manifest);
        }

        return new Result(files, owned.ToList(), removed, diagnostics);
    }

    private static bool IsScript(string path, string script) => string.Equals(path, script, StringComparison.Ordinal);

    private static bool LooksGenerated(string path, string directory)
    {
        try
        {
            if (path.EndsWith(".js", StringComparison.Ordinal))
            {
                var marker = Encoding.UTF8.GetBytes(ScriptWriter.GeneratedMarker);
                var head = new byte[marker.Length];
                using var stream = File.OpenRead(path);
                return stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false) == head.Length && head.AsSpan().SequenceEqual(marker);
            }

            var manifest = Path.Combine(directory, ScriptWriter.ManifestFileName);
            var relative = Path.GetRelativePath(Path.GetFullPath(directory), path).Replace('\\', '/');
            return File.Exists(manifest) && File.ReadAllLines(manifest).Contains(relative, StringComparer.Ordinal);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>One file the run produced.</summary>
    /// <param name="FullPath">Its full path.</param>
    /// <param name="IsScript">Whether it is a script (rather than a data file).</param>
    /// <param name="Changed">Whether it was written (rather than left unchanged).</param>
    public sealed record WrittenFile(string FullPath, bool IsScript, bool Changed);

    /// <summary>What a write did.</summary>
    /// <param name="Files">The files produced by this run.</param>
    /// <param name="Owned">Every file the tool owns in the folder now, the manifest included.</param>
    /// <param name="Removed">Stale files removed.</param>
    /// <param name="Diagnostics">The problems.</param>
    public sealed record Result(IReadOnlyList<WrittenFile> Files, IReadOnlyList<string> Owned, IReadOnlyList<string> Removed, IReadOnlyList<ModelDiagnostic> Diagnostics);
}
