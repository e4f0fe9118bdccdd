using System;
using System.Globalization;
using System.Text;

namespace K6Scenarios.Model;

/// <summary>Invariant formatting of numbers and durations, the same on every machine and culture.</summary>
public static class Formatting
{
    /// <summary>Formats a number as JavaScript would print it (shortest round-trip form, invariant).</summary>
    /// <param name="value">The number.</param>
    /// <returns>The text.</returns>
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
    /// Formats a duration as a Go duration string k6 accepts (<c>90s</c> becomes <c>1m30s</c>, <c>1500ms</c>
    /// becomes <c>1s500ms</c>), with hours as the largest unit. Sub-millisecond parts are rounded away.
    /// </summary>
    /// <param name="duration">The duration.</param>
    /// <returns>The text.</returns>
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

        var hours = totalMs / 3_600_000;
        var minutes = totalMs / 60_000 % 60;
        var seconds = totalMs / 1000 % 60;
        var milliseconds = totalMs % 1000;
        Append(builder, hours, "h");
        Append(builder, minutes, "m");
        Append(builder, seconds, "s");
        Append(builder, milliseconds, "ms");
        return builder.ToString();
    }

    private static void Append(StringBuilder builder, long amount, string unit)
    {
        if (amount != 0)
        {
            builder.Append(amount.ToString(CultureInfo.InvariantCulture)).Append(unit);
        }
    }
}
