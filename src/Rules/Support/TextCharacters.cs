using System.Globalization;
using System.Text;

namespace K6Scenarios.Rules;

/// <summary>
/// How rule messages show characters a slot refuses: escaped, so that a line break, a NUL or a lone surrogate in a
/// message is visible and never breaks the message itself (<c>U+000A (line feed)</c>).
/// </summary>
internal static class TextCharacters
{
    /// <summary>The longest text a message shows before it is cut with an ellipsis.</summary>
    public const int MaxShown = 60;

    /// <summary>Describes the character (or surrogate pair) at <paramref name="index"/>: <c>U+000A (line feed)</c>.</summary>
    public static string Describe(string text, int index)
    {
        var c = text[index];
        if (char.IsHighSurrogate(c) && index + 1 < text.Length && char.IsLowSurrogate(text[index + 1]))
        {
            return "U+" + char.ConvertToUtf32(c, text[index + 1]).ToString("X4", CultureInfo.InvariantCulture);
        }

        return Describe(c);
    }

    /// <summary>Describes one UTF-16 code unit: <c>U+0022 (quotation mark)</c>, <c>U+D800 (lone surrogate)</c>.</summary>
    public static string Describe(char c)
    {
        var code = "U+" + ((int)c).ToString("X4", CultureInfo.InvariantCulture);
        var name = NameOf(c);
        return name is null ? code : code + " (" + name + ")";
    }

    /// <summary>Writes text for a message: printable ASCII as is, everything else as <c>\uXXXX</c>, cut after <see cref="MaxShown"/> characters.</summary>
    public static string Escape(string text)
    {
        var builder = new StringBuilder();
        var length = text.Length > MaxShown ? MaxShown : text.Length;
        for (var i = 0; i < length; i++)
        {
            var c = text[i];
            if (c >= ' ' && c <= '~' && c != '\\')
            {
                builder.Append(c);
            }
            else if (c == '\\')
            {
                builder.Append("\\\\");
            }
            else
            {
                builder.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
            }
        }

        if (text.Length > MaxShown)
        {
            builder.Append("...");
        }

        return builder.ToString();
    }

    /// <summary>
    /// Writes text for one line of output: line breaks, control characters (C0, DEL, C1), the bidirectional formatting
    /// characters that reorder how a line is shown (U+200E, U+200F, U+202A-U+202E, U+2066-U+2069) and lone surrogates as
    /// <c>\uXXXX</c>, the rest as it is, not cut; returns <paramref name="text"/> itself when nothing needs escaping.
    /// </summary>
    public static string LineSafe(string text)
    {
        var first = FirstUnsafe(text);
        if (first < 0)
        {
            return text;
        }

        var builder = new StringBuilder(text.Length + 8);
        builder.Append(text, 0, first);
        for (var i = first; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                builder.Append(c).Append(text[++i]);
            }
            else if (IsUnsafeInLine(c))
            {
                builder.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    /// <summary>Applies <see cref="LineSafe(string)"/> to the text arguments of a message, in place.</summary>
    public static object?[] LineSafe(object?[] arguments)
    {
        for (var i = 0; i < arguments.Length; i++)
        {
            if (arguments[i] is string text)
            {
                arguments[i] = LineSafe(text);
            }
        }

        return arguments;
    }

    private static int FirstUnsafe(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (IsUnsafeInLine(c))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Gets the index of the first UTF-16 code unit that is not half of a surrogate pair, or -1.</summary>
    public static int IndexOfLoneSurrogate(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c))
            {
                if (i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                {
                    i++;
                    continue;
                }

                return i;
            }

            if (char.IsLowSurrogate(c))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Gets whether a character breaks a line for JavaScript, k6 or Go (LF, CR, VT, FF, NEL, U+2028, U+2029).</summary>
    public static bool IsLineBreak(char c) => c == '\n' || c == '\r' || c == '\u000B' || c == '\u000C' || c == '\u0085' || c == '\u2028' || c == '\u2029';

    /// <summary>Gets whether a character is a C0 control character or DEL.</summary>
    public static bool IsControl(char c) => c < ' ' || c == '\u007F';

    // What LineSafe escapes: anything that breaks a line, is a control character, or changes the order in which a terminal
    // or an IDE shows the rest of the line (a right-to-left override in a path would show the message's text reversed).
    // char.IsControl covers C0, DEL and C1.
    private static bool IsUnsafeInLine(char c) =>
        char.IsControl(c) || IsLineBreak(c) || char.IsSurrogate(c)
        || c == '\u200E' || c == '\u200F' || (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069');

    private static string? NameOf(char c)
    {
        switch (c)
        {
            case '\0': return "NUL";
            case '\t': return "tab";
            case '\n': return "line feed";
            case '\u000B': return "vertical tab";
            case '\u000C': return "form feed";
            case '\r': return "carriage return";
            case ' ': return "space";
            case '"': return "quotation mark";
            case '#': return "number sign";
            case '%': return "percent sign";
            case '\'': return "apostrophe";
            case ',': return "comma";
            case '`': return "grave accent";
            case '{': return "left curly bracket";
            case '}': return "right curly bracket";
            case '\u007F': return "delete";
            case '\u0085': return "next line";
            case '\u00A0': return "no-break space";
            case '\u2028': return "line separator";
            case '\u2029': return "paragraph separator";
            case '\uFEFF': return "byte order mark";
        }

        if (char.IsSurrogate(c))
        {
            return "lone surrogate";
        }

        if (c < ' ')
        {
            return "control character";
        }

        return char.IsWhiteSpace(c) ? "white space" : null;
    }
}
