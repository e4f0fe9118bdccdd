using System;
using System.Collections.Generic;
using System.Text;
using Microsoft.CodeAnalysis.Text;

namespace K6Scenarios.Analyzers.Tests.Verification;

/// <summary>An expected diagnostic read from markup: its ID (or none for <c>[|...|]</c>) and its span.</summary>
internal sealed record ExpectedSpan(string? Id, TextSpan Span);

/// <summary>
/// Reads test markup: <c>{|K6S0502:200|}</c> expects rule K6S0502 on <c>200</c>; <c>[|...|]</c> expects the test's
/// default rule there. The text without markup is what gets compiled.
/// </summary>
internal static class Markup
{
    public static (string Source, IReadOnlyList<ExpectedSpan> Expected) Parse(string markup)
    {
        var source = new StringBuilder(markup.Length);
        var expected = new List<ExpectedSpan>();
        var open = new Stack<(string? Id, int Start, char Closer)>();
        var i = 0;
        while (i < markup.Length)
        {
            if (Starts(markup, i, "{|"))
            {
                var colon = markup.IndexOf(':', i + 2);
                if (colon < 0)
                {
                    throw new FormatException("Markup '{|' needs an ID and a colon: {|K6S0502:text|}.");
                }

                open.Push((markup.Substring(i + 2, colon - i - 2), source.Length, '}'));
                i = colon + 1;
            }
            else if (Starts(markup, i, "[|"))
            {
                open.Push((null, source.Length, ']'));
                i += 2;
            }
            else if ((Starts(markup, i, "|}") || Starts(markup, i, "|]")) && open.Count > 0 && open.Peek().Closer == markup[i + 1])
            {
                var (id, start, _) = open.Pop();
                expected.Add(new ExpectedSpan(id, TextSpan.FromBounds(start, source.Length)));
                i += 2;
            }
            else
            {
                source.Append(markup[i]);
                i++;
            }
        }

        if (open.Count > 0)
        {
            throw new FormatException("Unclosed markup span.");
        }

        return (source.ToString(), expected);
    }

    private static bool Starts(string text, int index, string token) =>
        string.CompareOrdinal(text, index, token, 0, token.Length) == 0;
}
