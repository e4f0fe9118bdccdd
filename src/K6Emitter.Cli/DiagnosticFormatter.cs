using System;
using System.Collections.Generic;
using K6Scenarios.Diagnostics;

namespace K6Scenarios.Cli;

/// <summary>
/// Writes diagnostics in the canonical MSBuild form, <c>file(line): error K6S0102: message [path]</c> (<c>file(line,col)</c>
/// when the column is known, as for scenario files), one line each,
/// so that MSBuild's Exec task (and IDEs and CI logs) turn them into errors and warnings at the right line.
/// </summary>
internal sealed class DiagnosticFormatter
{
    private readonly string _fallbackOrigin;
    private readonly IReadOnlyList<KeyValuePair<string, string>> _pathMap;

    public DiagnosticFormatter(string? fallbackOrigin, IReadOnlyList<KeyValuePair<string, string>> pathMap)
    {
        _fallbackOrigin = string.IsNullOrEmpty(fallbackOrigin) ? "K6Scenarios" : fallbackOrigin;
        _pathMap = pathMap;
    }

    public string Format(ModelDiagnostic diagnostic)
    {
        ArgumentNullException.ThrowIfNull(diagnostic);
        var origin = diagnostic.Location is null
            ? _fallbackOrigin
            : UnmapPath(diagnostic.Location.FilePath) + "(" + diagnostic.Location.Position + ")";
        var kind = diagnostic.Severity switch
        {
            RuleSeverity.Error => "error",
            RuleSeverity.Warning => "warning",
            _ => "info",
        };
        var suffix = diagnostic.Path.Length == 0 ? string.Empty : " [" + diagnostic.Path + "]";

        // One line per diagnostic: MSBuild parses line by line, and a message that spans lines would lose its tail.
        return OneLine(origin + ": " + kind + " " + diagnostic.Id + ": " + diagnostic.Message + suffix);
    }

    /// <summary>Undoes the compiler's path map (deterministic CI builds write <c>/_/</c> for the source root) so that the file exists.</summary>
    public string UnmapPath(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        foreach (var (from, to) in _pathMap)
        {
            if (to.Length > 0 && path.StartsWith(to, StringComparison.Ordinal))
            {
                var rest = path[to.Length..];
                var separator = from.EndsWith('/') || from.EndsWith('\\') || rest.StartsWith('/') || rest.StartsWith('\\') ? string.Empty : "/";
                return from + separator + rest;
            }
        }

        return path;
    }

    private static string OneLine(string text) => text.Replace("\r\n", " ", StringComparison.Ordinal).Replace('\n', ' ').Replace('\r', ' ');
}
