using System;
using System.Collections.Generic;
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
    /// <remarks>
    /// The same placeholders as <see cref="Matches"/>, found without the regular expression: the rules ask for every
    /// request of every load test, and most paths have none or one.
    /// </remarks>
    public static IReadOnlyList<string> Placeholders(string path)
    {
        List<string>? names = null;
        for (var open = path.IndexOf('{'); open >= 0; open = path.IndexOf('{', open + 1))
        {
            var end = open + 1;
            while (end < path.Length && path[end] is not ('{' or '}' or '/'))
            {
                end++;
            }

            if (end < path.Length && path[end] == '}' && end > open + 1)
            {
                var name = path.Substring(open + 1, end - open - 1);
                names ??= new List<string>();
                if (!names.Contains(name))
                {
                    names.Add(name);
                }

                open = end;
            }
        }

        return names ?? (IReadOnlyList<string>)Array.Empty<string>();
    }
}
