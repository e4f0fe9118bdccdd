using System;
using System.Collections.Generic;
using K6Scenarios.Rules;

namespace K6Scenarios.Model.Validation;

/// <summary>Why a slot refuses a text: where the first character it cannot carry is, what it is, and why.</summary>
/// <param name="Index">The index of the character (a UTF-16 code unit index).</param>
/// <param name="Character">The character, escaped: <c>U+000A (line feed)</c>.</param>
/// <param name="Reason">Why the slot cannot carry it, as a message clause.</param>
public sealed record TextRefusal(int Index, string Character, string Reason);

/// <summary>
/// One place where a user string reaches the script (a header value, a path, a check name, ...), with what it
/// refuses. Everything a slot accepts is written escaped and arrives at k6 (and at the system under test) unchanged;
/// what it refuses is reported as K6S0118 before anything is emitted.
/// </summary>
public sealed class TextSlot
{
    private readonly Func<string, TextRefusal?> _find;

    internal TextSlot(string name, string accepts, Func<string, TextRefusal?> find)
    {
        Name = name;
        Accepts = accepts;
        _find = find;
    }

    /// <summary>Gets the slot's name as messages and the escaping documentation write it: <c>Header value</c>.</summary>
    public string Name { get; }

    /// <summary>Gets what the slot accepts, in one sentence.</summary>
    public string Accepts { get; }

    /// <summary>Finds the first character of <paramref name="text"/> the slot cannot carry.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The refusal, or <see langword="null"/> when the slot carries the text unchanged.</returns>
    public TextRefusal? FindRefusal(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return _find(text);
    }

    /// <inheritdoc />
    public override string ToString() => Name;
}

/// <summary>
/// The one table of what may reach k6 in each free-text slot of the model. Names with a grammar of their own
/// (scenario, metric, pool, load-test, environment, tag-key and header names) have their own rules (K6S0101, K6S0201,
/// K6S0306, K6S0111, K6S0114, K6S0409); threshold tag values are the rule core's K6S0204. Every other user string is in
/// one of these slots. docs/escaping.md describes how each is written into the script.
/// </summary>
public static class TextSlots
{
    private const string Utf8Reason = "a lone UTF-16 surrogate cannot be encoded as UTF-8, so k6 would receive U+FFFD (or crash, in a check name)";

    /// <summary>Text k6 carries as a JavaScript string (names of groups, checks and requests, tag values, bodies, keys, ...): everything but lone surrogates.</summary>
    public static TextSlot Text { get; } = new("Text", "any text that is valid UTF-16 (no lone surrogate); it is written as an escaped JavaScript string literal", text => LoneSurrogate(text));

    /// <summary>An HTTP header value (headers, content types, the user agent): no control character but tab, no white space at either end.</summary>
    public static TextSlot HeaderValue { get; } = new("Header value",
        "text without control characters (tab excepted), without space or tab at either end (HTTP trims them) and without lone surrogates; non-ASCII text is sent as UTF-8",
        text => LoneSurrogate(text) ?? HeaderValueRefusal(text));

    /// <summary>A request path relative to the base URL, with an optional query part: URL syntax, sent as written.</summary>
    public static TextSlot Path { get; } = new("Path",
        "URL path syntax: no control characters, no '#' (a fragment is never sent), '%' only as a %XX escape, and after a '?' only printable ASCII without spaces; other characters are percent-encoded by k6 and arrive as written",
        text => LoneSurrogate(text) ?? PathRefusal(text));

    /// <summary>The name of a multipart part, written into its Content-Disposition header.</summary>
    public static TextSlot MultipartName { get; } = new("Multipart part name",
        "text without control characters, quotation marks or backslashes (they would end or escape the Content-Disposition parameter) and without lone surrogates",
        text => LoneSurrogate(text) ?? First(text, c => TextCharacters.IsControl(c) || c is '"' or '\\', "the part name is written into the part's Content-Disposition header, which cannot carry it"));

    /// <summary>Gets every slot, in the order docs/escaping.md lists them.</summary>
    public static IReadOnlyList<TextSlot> All { get; } = [Text, HeaderValue, Path, MultipartName];

    private static TextRefusal? LoneSurrogate(string text)
    {
        var index = TextCharacters.IndexOfLoneSurrogate(text);
        return index < 0 ? null : new TextRefusal(index, TextCharacters.Describe(text[index]), Utf8Reason);
    }

    private static TextRefusal? HeaderValueRefusal(string text)
    {
        if (text.Length > 0 && text[0] is ' ' or '\t')
        {
            return Refusal(text, 0, "HTTP trims white space from the ends of a header value, so the server would receive another value");
        }

        var control = First(text, c => TextCharacters.IsControl(c) && c != '\t', "k6 refuses control characters in header values (net/http: invalid header field value)");
        if (control is not null)
        {
            return control;
        }

        return text.Length > 0 && text[^1] is ' ' or '\t'
            ? Refusal(text, text.Length - 1, "HTTP trims white space from the ends of a header value, so the server would receive another value")
            : null;
    }

    private static TextRefusal? PathRefusal(string text)
    {
        var query = text.IndexOf('?', StringComparison.Ordinal);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (TextCharacters.IsControl(c))
            {
                return Refusal(text, i, "k6 refuses control characters in URLs (net/url: invalid control character in URL)");
            }

            if (c == '#')
            {
                return Refusal(text, i, "a URL fragment is never sent, so the server would receive a shorter path");
            }

            if (c == '%' && !(i + 2 < text.Length && Uri.IsHexDigit(text[i + 1]) && Uri.IsHexDigit(text[i + 2])))
            {
                return Refusal(text, i, "k6 refuses a '%' that does not start a %XX escape (net/url: invalid URL escape)");
            }

            if (query >= 0 && i > query && (c == ' ' || c > '~'))
            {
                return Refusal(text, i, "k6 sends the query part of a path as written, and HTTP cannot carry this character there unencoded; pass the parameter with .Query(name, value), which encodes it");
            }
        }

        return null;
    }

    private static TextRefusal? First(string text, Func<char, bool> refused, string reason)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (refused(text[i]))
            {
                return Refusal(text, i, reason);
            }
        }

        return null;
    }

    private static TextRefusal Refusal(string text, int index, string reason) => new(index, TextCharacters.Describe(text, index), reason);
}
