using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace K6Scenarios.Analyzers.Infrastructure;

/// <summary>Invariant formatting for messages.</summary>
internal static class Texts
{
    /// <summary>Formats a number invariantly.</summary>
    public static string Number(double value) =>
        value == System.Math.Floor(value) && System.Math.Abs(value) < 1e15
            ? ((long)value).ToString(CultureInfo.InvariantCulture)
            : value.ToString("0.###", CultureInfo.InvariantCulture);

    /// <summary>Formats a whole number invariantly.</summary>
    public static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>Lists values, quoted, in ordinal order, at most <paramref name="max"/> of them.</summary>
    public static string QuotedList(IEnumerable<string> values, int max = 8)
    {
        var sorted = values.Distinct(System.StringComparer.Ordinal).OrderBy(v => v, System.StringComparer.Ordinal).ToList();
        if (sorted.Count == 0)
        {
            return "(none)";
        }

        var shown = sorted.Take(max).Select(v => "'" + v + "'");
        var text = string.Join(", ", shown);
        return sorted.Count > max ? text + ", ..." : text;
    }

    /// <summary>Gets the Levenshtein distance between two strings, for "did you mean" suggestions.</summary>
    public static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = System.Math.Min(System.Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }

    /// <summary>Gets the closest candidate within a distance that scales with the length, or <see langword="null"/>.</summary>
    public static string? Closest(string value, IEnumerable<string> candidates)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in candidates.OrderBy(c => c, System.StringComparer.Ordinal))
        {
            var distance = Distance(value.ToUpperInvariant(), candidate.ToUpperInvariant());
            if (distance < bestDistance)
            {
                best = candidate;
                bestDistance = distance;
            }
        }

        // A typo or two in a short path, a few more in a long one; never a different word.
        var allowed = System.Math.Max(2, value.Length / 5);
        return best is not null && bestDistance <= allowed ? best : null;
    }
}
