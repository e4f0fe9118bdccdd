using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;

namespace K6Scenarios.RealK6.Tests.Support;

/// <summary>Reads the environment an emitted script's header lists (<c>// Environment (-e NAME=value): ...</c>).</summary>
internal static partial class ScriptHeader
{
    /// <summary>Gives every variable the header lists a value: its default, or a placeholder for a required one.</summary>
    /// <param name="script">The script.</param>
    /// <returns>The <c>-e</c> pairs a user would pass.</returns>
    public static Dictionary<string, string> Environment(string script)
    {
        var environment = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in script.Split('\n'))
        {
            const string Prefix = "// Environment (-e NAME=value): ";
            if (!line.StartsWith(Prefix, StringComparison.Ordinal))
            {
                continue;
            }

            foreach (Match variable in Variable().Matches(line[Prefix.Length..]))
            {
                environment[variable.Groups["name"].Value] = variable.Groups["default"].Success ? variable.Groups["default"].Value : "conformance-" + variable.Groups["name"].Value.ToLowerInvariant();
            }
        }

        return environment;
    }

    [GeneratedRegex(@"(?<name>[A-Za-z_][A-Za-z0-9_]*) \((?:default (?<default>[^)]*)|required)\)")]
    private static partial Regex Variable();
}
