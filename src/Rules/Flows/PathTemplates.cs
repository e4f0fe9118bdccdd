using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;

namespace K6Scenarios.Rules;

/// <summary>Placeholders of path templates (<c>/groups/{id}</c>).</summary>
internal static class PathTemplates
{
    private static readonly Regex Placeholder = new(@"\{([^{}/]+)\}", RegexOptions.CultureInvariant);

    /// <summary>
    /// Gets every placeholder of a path template, in order: <c>{name}</c> with a name of anything but braces and '/'.
    /// Other braces are literal text; the emitter fills exactly these, so rules and script agree on what a placeholder is.
    /// </summary>
    public static MatchCollection Matches(string path) => Placeholder.Matches(path);

    /// <summary>Gets the placeholder names of a path template, each once, in order.</summary>
    public static IReadOnlyList<string> Placeholders(string path) =>
        Placeholder.Matches(path).Cast<Match>().Select(m => m.Groups[1].Value).Distinct(StringComparer.Ordinal).ToList();
}
