using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using K6Scenarios.Diagnostics;
using K6Scenarios.Model;
using K6Scenarios.ScenarioFiles.Binding;
using K6Scenarios.ScenarioFiles.Building;
using K6Scenarios.ScenarioFiles.Format;
using K6Scenarios.ScenarioFiles.Yaml;

namespace K6Scenarios.ScenarioFiles;

/// <summary>What reading a scenario file gave: its load tests, and every problem with its line and column.</summary>
public sealed class ScenarioFileResult
{
    internal ScenarioFileResult(string filePath, IReadOnlyList<LoadTest> loadTests, IReadOnlyList<ModelDiagnostic> diagnostics)
    {
        FilePath = filePath;
        LoadTests = loadTests;
        Diagnostics = diagnostics;
    }

    /// <summary>Gets the file read.</summary>
    public string FilePath { get; }

    /// <summary>Gets the load tests; empty when the file has an error, so nothing is emitted from a file with errors.</summary>
    public IReadOnlyList<LoadTest> LoadTests { get; }

    /// <summary>Gets the problems found while reading (model validation runs later, when the load tests are emitted).</summary>
    public IReadOnlyList<ModelDiagnostic> Diagnostics { get; }

    /// <summary>Gets whether the file was read without error.</summary>
    public bool Succeeded => !Diagnostics.Any(d => d.IsError);
}

/// <summary>
/// Reads scenario files (<c>*.k6s.yaml</c>) into <see cref="LoadTest"/>s: the same model the C# builders produce, so
/// the same validation, emitter and dry run apply, and every diagnostic points at the YAML's line and column.
/// A malformed file (bad YAML, an unknown key, a wrong type, a duplicate key, an oversized file, an alias bomb) gives
/// diagnostics, never an exception.
/// </summary>
public static class ScenarioFileLoader
{
    /// <summary>The largest scenario file read, in bytes (1 MiB: a hand-written file is a few kilobytes; data goes in pool files).</summary>
    public const int MaxFileBytes = 1024 * 1024;

    /// <summary>The file name suffixes of scenario files.</summary>
    public static IReadOnlyList<string> Extensions { get; } = [".k6s.yaml", ".k6s.yml"];

    /// <summary>Gets whether a path names a scenario file (<c>*.k6s.yaml</c> or <c>*.k6s.yml</c>).</summary>
    /// <param name="path">The path.</param>
    /// <returns><see langword="true"/> when it does.</returns>
    public static bool IsScenarioFile(string path) =>
        path is not null && Extensions.Any(e => path.EndsWith(e, StringComparison.OrdinalIgnoreCase));

    /// <summary>Reads a scenario file from disk.</summary>
    /// <param name="path">The file; relative pool and multipart paths in it resolve against its folder.</param>
    /// <returns>The load tests and diagnostics.</returns>
    public static ScenarioFileResult Load(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var full = Path.GetFullPath(path);
        string text;
        try
        {
            var info = new FileInfo(full);
            if (info.Exists && info.Length > MaxFileBytes)
            {
                return Failed(full, new ModelDiagnostic(DiagnosticCatalog.ScenarioFileTooLarge, string.Empty, SourceLocation.At(full, 1, 1), info.Length, MaxFileBytes));
            }

            text = File.ReadAllText(full, Encoding.UTF8);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or System.Security.SecurityException)
        {
            return Failed(full, new ModelDiagnostic(DiagnosticCatalog.ScenarioFileUnreadable, string.Empty, null, full, e.Message));
        }

        return Parse(text, full);
    }

    /// <summary>Reads a scenario file's text.</summary>
    /// <param name="text">The YAML.</param>
    /// <param name="path">The file the text came from, named by diagnostics; relative paths resolve against its folder.</param>
    /// <returns>The load tests and diagnostics.</returns>
    public static ScenarioFileResult Parse(string text, string path)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentException.ThrowIfNullOrEmpty(path);
        var bytes = Encoding.UTF8.GetByteCount(text);
        if (bytes > MaxFileBytes)
        {
            return Failed(path, new ModelDiagnostic(DiagnosticCatalog.ScenarioFileTooLarge, string.Empty, SourceLocation.At(path, 1, 1), bytes, MaxFileBytes));
        }

        var diagnostics = new List<ModelDiagnostic>();
        var root = YamlTree.Read(text, path, diagnostics);
        if (root is null || root.IsNull)
        {
            if (diagnostics.Count == 0)
            {
                diagnostics.Add(new ModelDiagnostic(DiagnosticCatalog.ScenarioFileMissingKey, string.Empty, SourceLocation.At(path, 1, 1), "The scenario file", "loadTests", " (it is empty)"));
            }

            return new ScenarioFileResult(path, [], diagnostics);
        }

        var binder = new Binder(path, diagnostics);
        var document = binder.Bind<ScenarioFileDocument>(root);
        if (document is null)
        {
            return new ScenarioFileResult(path, [], diagnostics);
        }

        var loadTests = new ModelBuilder(path, diagnostics, binder.LocationOf).Build(document);

        // Nothing of a file with errors goes on: a half-read load test would emit a script that is not what the file says.
        return new ScenarioFileResult(path, diagnostics.Any(d => d.IsError) ? [] : loadTests, diagnostics);
    }

    private static ScenarioFileResult Failed(string path, ModelDiagnostic diagnostic) => new(path, [], [diagnostic]);
}
