using System;
using System.Collections.Generic;

namespace K6Scenarios.OpenApi;

/// <summary>
/// Matches request paths against path templates segment by segment. A template placeholder
/// matches any non-empty segment; a placeholder in the request matches only a template
/// placeholder (names ignored); literal segments compare case-sensitively. Between several
/// matching templates the most literal one wins, as OpenAPI prescribes (<c>/users/me</c> before
/// <c>/users/{id}</c>).
/// </summary>
internal sealed class PathTemplateMatcher
{
    // Ranks of a matched segment, lower is more specific.
    private const int LiteralMatch = 0;
    private const int PartialPlaceholderMatch = 1;
    private const int PlaceholderMatch = 2;
    private const int NoMatch = -1;

    private readonly string[] _segments;

    public PathTemplateMatcher(string template)
    {
        Template = template;
        _segments = Split(template);
    }

    public string Template { get; }

    /// <summary>The placeholder names of a template, in order, each once.</summary>
    public static IReadOnlyList<string> PlaceholderNames(string template)
    {
        var names = new List<string>();
        var index = 0;
        while (true)
        {
            var open = TextSearch.IndexOf(template, '{', index);
            if (open < 0)
            {
                break;
            }

            var close = TextSearch.IndexOf(template, '}', open + 1);
            if (close < 0)
            {
                break;
            }

            var name = template.Substring(open + 1, close - open - 1);
            if (!names.Contains(name))
            {
                names.Add(name);
            }

            index = close + 1;
        }

        return names;
    }

    /// <summary>Normalizes a request path: no scheme and host, no query or fragment, a leading '/'.</summary>
    public static string NormalizeRequestPath(string path)
    {
        var scheme = path.IndexOf("://", StringComparison.Ordinal);
        if (scheme >= 0)
        {
            var slash = TextSearch.IndexOf(path, '/', scheme + 3);
            path = slash < 0 ? "/" : path.Substring(slash);
        }

        var end = path.Length;
        for (var i = 0; i < path.Length; i++)
        {
            if (path[i] == '?' || path[i] == '#')
            {
                end = i;
                break;
            }
        }

        var trimmed = path.Substring(0, end).Trim();
        if (trimmed.Length == 0)
        {
            return "/";
        }

        return trimmed[0] == '/' ? trimmed : "/" + trimmed;
    }

    /// <summary>Splits a normalized path into its segments ("/a/b/" gives "", "a", "b", "").</summary>
    public static string[] Split(string path) => path.Split('/');

    /// <summary>
    /// Matches the request path's segments; returns the rank of each segment (lower is more
    /// specific), or null when the template does not match.
    /// </summary>
    public int[]? Match(string[] requestSegments)
    {
        if (requestSegments.Length != _segments.Length)
        {
            return null;
        }

        var ranks = new int[_segments.Length];
        for (var i = 0; i < _segments.Length; i++)
        {
            var rank = MatchSegment(_segments[i], requestSegments[i]);
            if (rank == NoMatch)
            {
                return null;
            }

            ranks[i] = rank;
        }

        return ranks;
    }

    /// <summary>True when <paramref name="candidate"/> is more specific than <paramref name="best"/>.</summary>
    public static bool IsMoreSpecific(int[] candidate, int[]? best)
    {
        if (best is null)
        {
            return true;
        }

        for (var i = 0; i < candidate.Length && i < best.Length; i++)
        {
            if (candidate[i] != best[i])
            {
                return candidate[i] < best[i];
            }
        }

        return false;
    }

    private static int MatchSegment(string template, string request)
    {
        if (!TextSearch.Contains(template, '{'))
        {
            return string.Equals(template, request, StringComparison.Ordinal) ? LiteralMatch : NoMatch;
        }

        var wholePlaceholder = IsWholePlaceholder(template);
        if (TextSearch.Contains(request, '{'))
        {
            // A placeholder in the request matches a placeholder of the same shape, whatever its name.
            return string.Equals(Shape(template), Shape(request), StringComparison.Ordinal)
                ? (wholePlaceholder ? PlaceholderMatch : PartialPlaceholderMatch)
                : NoMatch;
        }

        if (request.Length == 0)
        {
            return NoMatch;
        }

        if (wholePlaceholder)
        {
            return PlaceholderMatch;
        }

        return MatchesPattern(template, request) ? PartialPlaceholderMatch : NoMatch;
    }

    private static bool IsWholePlaceholder(string segment) =>
        segment.Length >= 2 && segment[0] == '{' && segment[segment.Length - 1] == '}'
        && TextSearch.IndexOf(segment, '}') == segment.Length - 1;

    /// <summary>The segment with every placeholder's name removed: <c>{id}.json</c> gives <c>{}.json</c>.</summary>
    private static string Shape(string segment)
    {
        var shape = new System.Text.StringBuilder(segment.Length);
        var inPlaceholder = false;
        foreach (var c in segment)
        {
            if (c == '{')
            {
                inPlaceholder = true;
                shape.Append('{');
            }
            else if (c == '}' && inPlaceholder)
            {
                inPlaceholder = false;
                shape.Append('}');
            }
            else if (!inPlaceholder)
            {
                shape.Append(c);
            }
        }

        return shape.ToString();
    }

    /// <summary>Matches a literal segment against a template segment mixing text and placeholders (<c>{id}.json</c>).</summary>
    private static bool MatchesPattern(string template, string request)
    {
        // reachable[p]: the template parts seen so far can consume exactly request[0..p).
        var reachable = new bool[request.Length + 1];
        reachable[0] = true;
        var index = 0;
        while (index < template.Length)
        {
            var next = new bool[request.Length + 1];
            if (template[index] == '{')
            {
                var close = TextSearch.IndexOf(template, '}', index);
                index = close < 0 ? template.Length : close + 1;

                // A placeholder consumes one character or more.
                var anyReachable = false;
                for (var p = 0; p <= request.Length; p++)
                {
                    if (anyReachable)
                    {
                        next[p] = true;
                    }

                    anyReachable |= reachable[p];
                }
            }
            else
            {
                var open = TextSearch.IndexOf(template, '{', index);
                var literal = template.Substring(index, (open < 0 ? template.Length : open) - index);
                index += literal.Length;
                for (var p = 0; p + literal.Length <= request.Length; p++)
                {
                    if (reachable[p] && string.CompareOrdinal(request, p, literal, 0, literal.Length) == 0)
                    {
                        next[p + literal.Length] = true;
                    }
                }
            }

            reachable = next;
        }

        return reachable[request.Length];
    }
}
