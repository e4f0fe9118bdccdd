using System;
using System.Collections.Generic;

namespace K6Scenarios.Rules;

/// <summary>"Did you mean" suggestions: the closest candidate by edit distance, ignoring case.</summary>
internal static class EditDistance
{
    /// <summary>
    /// Gets the candidate closest to <paramref name="value"/>, or <see langword="null"/> when none is within
    /// max(2, length / 3) edits (a typo, not another word).
    /// </summary>
    public static string? Closest(string value, IEnumerable<string> candidates)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        var upper = value.ToUpperInvariant();
        foreach (var candidate in candidates)
        {
            var distance = Distance(upper, candidate.ToUpperInvariant());
            if (distance < bestDistance)
            {
                best = candidate;
                bestDistance = distance;
            }
        }

        return best is not null && bestDistance <= Math.Max(2, value.Length / 3) ? best : null;
    }

    /// <summary>Gets the Levenshtein distance between two strings.</summary>
    public static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        var current = new int[b.Length + 1];
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            }

            var swap = previous;
            previous = current;
            current = swap;
        }

        return previous[b.Length];
    }
}
