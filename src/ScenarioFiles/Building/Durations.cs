using System;
using System.Globalization;
using System.Text.RegularExpressions;

namespace K6Scenarios.ScenarioFiles.Building;

/// <summary>k6 durations (<c>90s</c>, <c>1m30s</c>, <c>1.5s</c>, <c>500ms</c>, <c>2h</c>, <c>1d</c>), the grammar of <see cref="Format.K6DurationAttribute"/>.</summary>
internal static partial class Durations
{
    /// <summary>Reads a duration the binder has checked against the grammar.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The duration, or <see langword="null"/> when it is not one or is too long for a <see cref="TimeSpan"/>.</returns>
    public static TimeSpan? Parse(string text)
    {
        if (!Whole().IsMatch(text))
        {
            return null;
        }

        decimal milliseconds = 0;
        foreach (Match part in Part().Matches(text))
        {
            var amount = decimal.Parse(part.Groups[1].Value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
            var unit = part.Groups[2].Value switch
            {
                "ms" => 1m,
                "s" => 1_000m,
                "m" => 60_000m,
                "h" => 3_600_000m,
                _ => 86_400_000m,
            };
            if (amount > 1_000_000_000m)
            {
                return null;
            }

            milliseconds += amount * unit;
        }

        var ticks = milliseconds * TimeSpan.TicksPerMillisecond;
        return ticks > TimeSpan.MaxValue.Ticks ? null : TimeSpan.FromTicks((long)decimal.Round(ticks));
    }

    [GeneratedRegex(Format.K6DurationAttribute.DurationPattern, RegexOptions.CultureInvariant)]
    private static partial Regex Whole();

    [GeneratedRegex("([0-9]+(?:\\.[0-9]+)?)(ms|s|m|h|d)", RegexOptions.CultureInvariant)]
    private static partial Regex Part();
}
