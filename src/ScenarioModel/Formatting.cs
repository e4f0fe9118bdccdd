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
    public static string Number(double value) => Rules.RuleText.Number(value);

    /// <summary>
    /// Formats a duration as a Go duration string k6 accepts (<c>90s</c> becomes <c>1m30s</c>, <c>1500ms</c>
    /// becomes <c>1s500ms</c>), with hours as the largest unit. Sub-millisecond parts are rounded away.
    /// </summary>
    /// <param name="duration">The duration.</param>
    /// <returns>The text.</returns>
    public static string Duration(TimeSpan duration) => Rules.RuleText.Duration(duration);
}
