using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;
using K6Scenarios.Diagnostics;

namespace K6Scenarios.Cli;

/// <summary>
/// What the compiler's analyzers already reported in this build, read from its SARIF error log (the build targets set
/// <c>ErrorLog</c> when the project does not). The emit step runs the same rules on the built model, so a finding
/// the analyzers reported (same rule, same file, same message) is not reported a second time; what they could not
/// see (computed values, pool file sizes, the dry run) still is.
/// </summary>
internal sealed class AnalyzerLog
{
    private readonly HashSet<string> _reported;

    private AnalyzerLog(HashSet<string> reported) => _reported = reported;

    /// <summary>Gets a log that holds nothing (no log given, or one that cannot be read: then nothing is suppressed).</summary>
    public static AnalyzerLog Empty { get; } = new(new HashSet<string>(StringComparer.Ordinal));

    /// <summary>Gets how many K6Scenarios findings the log holds.</summary>
    public int Count => _reported.Count;

    /// <summary>Reads a SARIF 1.0 or 2.1 log; a missing or malformed file is an empty log, never an exception.</summary>
    /// <param name="path">The log file, or <see langword="null"/>.</param>
    /// <returns>The findings of K6Scenarios rules in the log.</returns>
    public static AnalyzerLog Read(string? path)
    {
        if (string.IsNullOrEmpty(path) || !File.Exists(path))
        {
            return Empty;
        }

        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(path), new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip, MaxDepth = 256 });
            var reported = new HashSet<string>(StringComparer.Ordinal);
            foreach (var run in Array(document.RootElement, "runs"))
            {
                foreach (var result in Array(run, "results"))
                {
                    var id = Text(result, "ruleId");
                    if (id is null || !id.StartsWith("K6S", StringComparison.Ordinal))
                    {
                        continue;
                    }

                    // SARIF 2.1: message.text; 1.0: message is the text.
                    var message = result.TryGetProperty("message", out var m) ? m.ValueKind == JsonValueKind.Object ? Text(m, "text") : m.ValueKind == JsonValueKind.String ? m.GetString() : null : null;
                    foreach (var location in Array(result, "locations"))
                    {
                        var uri = location.TryGetProperty("physicalLocation", out var physical) && physical.TryGetProperty("artifactLocation", out var artifact) ? Text(artifact, "uri")
                            : location.TryGetProperty("resultFile", out var resultFile) ? Text(resultFile, "uri") : null;
                        if (message is not null && FileOf(uri) is { } file)
                        {
                            reported.Add(Key(id, file, message));
                        }
                    }
                }
            }

            return new AnalyzerLog(reported);
        }
        catch (Exception e) when (e is JsonException or IOException or UnauthorizedAccessException or InvalidOperationException or UriFormatException or ArgumentException)
        {
            return Empty;
        }
    }

    /// <summary>Gets whether the analyzers reported this finding in the same file, with the same message.</summary>
    /// <param name="diagnostic">The emit step's diagnostic.</param>
    /// <param name="file">Its file, as the build reports it (path map undone).</param>
    /// <returns><see langword="true"/> when it would be the second report of one problem.</returns>
    public bool Reported(ModelDiagnostic diagnostic, string? file) =>
        file is not null && _reported.Contains(Key(diagnostic.Id, Normalize(file), diagnostic.Message));

    private static string Key(string id, string file, string message) => id + "\n" + file + "\n" + message;

    private static string? FileOf(string? uri)
    {
        if (string.IsNullOrEmpty(uri))
        {
            return null;
        }

        return Uri.TryCreate(uri, UriKind.Absolute, out var absolute) && absolute.IsFile ? Normalize(absolute.LocalPath) : Normalize(uri);
    }

    private static string Normalize(string path)
    {
        try
        {
            return Path.GetFullPath(path).Replace('\\', '/');
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        {
            return path.Replace('\\', '/');
        }
    }

    private static List<JsonElement> Array(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var array) && array.ValueKind == JsonValueKind.Array
            ? [.. array.EnumerateArray()]
            : [];

    private static string? Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
