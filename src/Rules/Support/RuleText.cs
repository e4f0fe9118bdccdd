using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace K6Scenarios.Rules;

/// <summary>How rule messages write values: invariantly, the same in every culture and in both hosts.</summary>
internal static class RuleText
{
    /// <summary>How messages name an element whose name is computed.</summary>
    public const string ComputedName = "(computed name)";

    /// <summary>How messages name a path that is computed.</summary>
    public const string ComputedPath = "(computed path)";

    /// <summary>Writes a whole number.</summary>
    public static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>Writes a number as JavaScript prints it (shortest round-trip form).</summary>
    public static string Number(double value)
    {
        if (double.IsNaN(value) || double.IsInfinity(value))
        {
            return value.ToString(CultureInfo.InvariantCulture);
        }

        if (value == Math.Floor(value) && Math.Abs(value) < 1e15)
        {
            return ((long)value).ToString(CultureInfo.InvariantCulture);
        }

        return value.ToString("R", CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// Writes a duration as a Go duration string k6 accepts (<c>90s</c> is <c>1m30s</c>, <c>1500ms</c> is
    /// <c>1s500ms</c>), hours the largest unit; sub-millisecond parts are rounded away.
    /// </summary>
    public static string Duration(TimeSpan duration)
    {
        var totalMs = (long)Math.Round(duration.TotalMilliseconds, MidpointRounding.AwayFromZero);
        if (totalMs == 0)
        {
            return "0s";
        }

        var builder = new StringBuilder();
        if (totalMs < 0)
        {
            builder.Append('-');
            totalMs = -totalMs;
        }

        Append(builder, totalMs / 3_600_000, "h");
        Append(builder, totalMs / 60_000 % 60, "m");
        Append(builder, totalMs / 1000 % 60, "s");
        Append(builder, totalMs % 1000, "ms");
        return builder.ToString();
    }

    /// <summary>Quotes a value for a message.</summary>
    public static string Quote(string? text) => "'" + (text ?? string.Empty) + "'";

    /// <summary>Lists values for a message: each once, quoted, in ordinal order, long lists shortened so messages stay readable.</summary>
    public static string QuotedList(IEnumerable<string> values, int max = 12)
    {
        var all = values.Distinct(StringComparer.Ordinal).OrderBy(v => v, StringComparer.Ordinal).ToArray();
        if (all.Length == 0)
        {
            return "(none)";
        }

        var shown = string.Join(", ", all.Take(max).Select(Quote));
        return all.Length > max ? shown + ", ... (" + Number(all.Length - max) + " more)" : shown;
    }

    private static void Append(StringBuilder builder, long amount, string unit)
    {
        if (amount != 0)
        {
            builder.Append(amount.ToString(CultureInfo.InvariantCulture)).Append(unit);
        }
    }
}
