using System;
using System.Globalization;

namespace K6Scenarios.Emitter.DryRun;

/// <summary>Finds the script's own frame in a Jint stack trace, so a problem points at the script line that caused it.</summary>
internal static class StackLocator
{
    /// <summary>
    /// The line and column (1-based) of the innermost frame in the script: <c>at fn (script.js:12:5)</c> or
    /// <c>at script.js:12:5</c>; frames of other sources are skipped.
    /// </summary>
    public static (int? Line, int? Column) Locate(string? stack, string scriptName)
    {
        if (string.IsNullOrEmpty(stack))
        {
            return (null, null);
        }

        foreach (var rawFrame in stack.Split('\n'))
        {
            var frame = rawFrame.Trim();
            var start = frame.IndexOf("(" + scriptName + ":", StringComparison.Ordinal);
            if (start >= 0)
            {
                start += scriptName.Length + 2;
            }
            else if (frame.StartsWith("at " + scriptName + ":", StringComparison.Ordinal))
            {
                start = scriptName.Length + 4;
            }
            else
            {
                continue;
            }

            var numbers = frame[start..].TrimEnd(')').Split(':');
            if (numbers.Length == 2
                && int.TryParse(numbers[0], NumberStyles.None, CultureInfo.InvariantCulture, out var line)
                && int.TryParse(numbers[1], NumberStyles.None, CultureInfo.InvariantCulture, out var column))
            {
                return (line, column);
            }
        }

        return (null, null);
    }
}
