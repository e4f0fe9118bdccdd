using System;
using System.Collections.Generic;
using System.Globalization;

namespace K6Scenarios.Emitter.DryRun;

/// <summary>The small grammars k6 applies to option values: Go durations, threshold expressions and threshold keys.</summary>
internal static class K6Syntax
{
    private static readonly string[] ThresholdOperators = ["<=", "<", ">=", ">", "===", "==", "!="];

    private static readonly string[] AggregationMethods = ["value", "count", "rate", "avg", "min", "med", "max"];

    /// <summary>Whether the text is a plain number, which k6 reads as milliseconds where a duration is expected.</summary>
    public static bool IsBareNumber(string text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _);

    /// <summary>
    /// Parses a duration the way k6 does for strings with units: Go's <c>time.ParseDuration</c> grammar
    /// (<c>1h30m</c>, <c>1.5s</c>, <c>300ms</c>) plus a leading whole number of days (<c>2d12h</c>).
    /// Bare numbers are not accepted here: see <see cref="IsBareNumber"/>.
    /// </summary>
    public static bool TryParseDuration(string text, out TimeSpan duration)
    {
        duration = TimeSpan.Zero;
        var dayIndex = text.IndexOf('d', StringComparison.Ordinal);
        if (dayIndex < 0)
        {
            return TryParseGoDuration(text, out duration);
        }

        if (!long.TryParse(text.AsSpan(0, dayIndex), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var days))
        {
            return false;
        }

        var rest = TimeSpan.Zero;
        if (dayIndex + 1 < text.Length && (!TryParseGoDuration(text[(dayIndex + 1)..], out rest) || rest < TimeSpan.Zero))
        {
            return false;
        }

        try
        {
            var wholeDays = TimeSpan.FromDays(days);
            duration = days < 0 ? wholeDays - rest : wholeDays + rest;
            return true;
        }
        catch (OverflowException)
        {
            return false;
        }
    }

    private static bool TryParseGoDuration(string text, out TimeSpan duration)
    {
        duration = TimeSpan.Zero;
        var position = 0;
        var negative = false;
        if (position < text.Length && (text[position] == '-' || text[position] == '+'))
        {
            negative = text[position] == '-';
            position++;
        }

        if (text.AsSpan(position) is "0")
        {
            return true;
        }

        if (position == text.Length)
        {
            return false;
        }

        decimal totalTicks = 0;
        while (position < text.Length)
        {
            var numberStart = position;
            while (position < text.Length && (char.IsAsciiDigit(text[position]) || text[position] == '.'))
            {
                position++;
            }

            var number = text.AsSpan(numberStart, position - numberStart);
            if (number.IsEmpty || number is "." || number.IndexOf('.') != number.LastIndexOf('.')
                || !decimal.TryParse(number, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
            {
                return false;
            }

            var unitStart = position;
            while (position < text.Length && !char.IsAsciiDigit(text[position]) && text[position] != '.')
            {
                position++;
            }

            decimal? ticksPerUnit = text.AsSpan(unitStart, position - unitStart) switch
            {
                "ns" => 0.01m,
                "us" or "\u00b5s" or "\u03bcs" => TimeSpan.TicksPerMillisecond / 1000m,
                "ms" => TimeSpan.TicksPerMillisecond,
                "s" => TimeSpan.TicksPerSecond,
                "m" => TimeSpan.TicksPerMinute,
                "h" => TimeSpan.TicksPerHour,
                _ => null,
            };
            if (ticksPerUnit is null)
            {
                return false;
            }

            totalTicks += value * ticksPerUnit.Value;
            if (totalTicks > long.MaxValue)
            {
                return false;
            }
        }

        duration = TimeSpan.FromTicks((long)(negative ? -totalTicks : totalTicks));
        return true;
    }

    /// <summary>
    /// Parses a threshold expression with k6's grammar (<c>method op number</c>, scanned for the operators in k6's
    /// order), returning the method as written (<c>p(95)</c> stays <c>p(95)</c>) and its family (<c>p</c> for percentiles).
    /// </summary>
    public static bool TryParseThreshold(string expression, out string method, out string family, out string error)
    {
        method = family = error = string.Empty;
        string? left = null;
        string? right = null;
        foreach (var op in ThresholdOperators)
        {
            var index = expression.IndexOf(op, StringComparison.Ordinal);
            if (index >= 0 && index + op.Length < expression.Length)
            {
                left = expression[..index].Trim();
                right = expression[(index + op.Length)..].Trim();
                break;
            }
        }

        if (left is null || right is null)
        {
            error = $"malformed threshold expression \"{expression}\": write '<method> <operator> <number>' such as 'p(95)<500', with one of the operators {string.Join(" ", ThresholdOperators)}";
            return false;
        }

        if (Array.IndexOf(AggregationMethods, left) >= 0)
        {
            family = left;
        }
        else if (left.StartsWith("p(", StringComparison.Ordinal) && left.EndsWith(')'))
        {
            var percentile = left[2..^1];
            // k6 reads the percentile with Go's strconv.ParseFloat, which takes no surrounding spaces: 'p( 95 )' fails.
            const NumberStyles GoFloat = NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent;
            if (!double.TryParse(percentile, GoFloat, CultureInfo.InvariantCulture, out var value) || double.IsNaN(value) || value < 0 || value > 100)
            {
                error = $"threshold \"{expression}\": the percentile in '{left}' must be a number between 0 and 100";
                return false;
            }

            family = "p";
        }
        else
        {
            error = $"threshold \"{expression}\": '{left}' is not an aggregation method; use count, rate, value, avg, min, med, max or p(N)";
            return false;
        }

        if (!double.TryParse(right, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
        {
            error = $"threshold \"{expression}\": the right-hand side '{right}' is not a number (thresholds compare plain numbers; durations are in milliseconds)";
            return false;
        }

        method = left;
        return true;
    }

    /// <summary>The aggregation method families each metric type supports.</summary>
    public static IReadOnlyList<string> MethodsOf(string metricType) => metricType switch
    {
        "counter" => ["count", "rate"],
        "gauge" => ["value"],
        "rate" => ["rate"],
        "trend" => ["avg", "min", "med", "max", "p"],
        _ => [],
    };

    /// <summary>Splits a threshold key <c>metric{tag:value,...}</c> the way k6 does.</summary>
    public static bool TryParseMetricKey(string key, out string metric, out IReadOnlyList<KeyValuePair<string, string>> tags, out string error)
    {
        metric = key;
        tags = [];
        error = string.Empty;
        var open = key.IndexOf('{', StringComparison.Ordinal);
        var close = key.LastIndexOf('}');
        if (open < 0 && close < 0)
        {
            return true;
        }

        if (open < 0 || close < 0 || close < open || close != key.Length - 1)
        {
            error = $"threshold key '{key}' is malformed: write 'metric' or 'metric{{tag:value,...}}' with the closing brace last";
            return false;
        }

        var parsed = new List<KeyValuePair<string, string>>();
        foreach (var part in key[(open + 1)..close].Split(','))
        {
            var colon = part.IndexOf(':', StringComparison.Ordinal);
            if (colon < 0 || colon == part.Length - 1)
            {
                error = $"threshold key '{key}': the tag expression '{part}' is malformed; write 'tag:value'";
                return false;
            }

            parsed.Add(new(part[..colon].Trim(), part[(colon + 1)..].Trim()));
        }

        metric = key[..open];
        tags = parsed;
        return true;
    }

    /// <summary>The candidate closest to a misspelled name, when one is close enough to suggest.</summary>
    public static string? ClosestMatch(string name, IEnumerable<string> candidates)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in candidates)
        {
            var distance = EditDistance(name.ToUpperInvariant(), candidate.ToUpperInvariant());
            if (distance < bestDistance)
            {
                best = candidate;
                bestDistance = distance;
            }
        }

        return best is not null && bestDistance <= Math.Max(2, name.Length / 3) ? best : null;
    }

    private static int EditDistance(string a, string b)
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
                var substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                current[j] = Math.Min(substitution, Math.Min(previous[j] + 1, current[j - 1] + 1));
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
