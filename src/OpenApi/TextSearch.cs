using System.Text;

namespace K6Scenarios.OpenApi;

/// <summary>
/// Ordinal character searches that compile the same on netstandard2.0 (the analyzers' target,
/// which lacks the StringComparison overloads) and on net8.0 (whose analyzers ask for them).
/// </summary>
internal static class TextSearch
{
    public static int IndexOf(string text, char value, int startIndex = 0)
    {
        for (var i = startIndex; i < text.Length; i++)
        {
            if (text[i] == value)
            {
                return i;
            }
        }

        return -1;
    }

    public static bool Contains(string text, char value) => IndexOf(text, value) >= 0;

    public static string ReplaceOrdinal(string text, string oldValue, string newValue)
    {
        var index = text.IndexOf(oldValue, System.StringComparison.Ordinal);
        if (index < 0 || oldValue.Length == 0)
        {
            return text;
        }

        var result = new StringBuilder(text.Length);
        var copied = 0;
        while (index >= 0)
        {
            result.Append(text, copied, index - copied).Append(newValue);
            copied = index + oldValue.Length;
            index = text.IndexOf(oldValue, copied, System.StringComparison.Ordinal);
        }

        return result.Append(text, copied, text.Length - copied).ToString();
    }

    /// <summary>
    /// The text with control characters written as <c>\uXXXX</c>, so that a message quoting a key
    /// or value stays on one line in build output.
    /// </summary>
    public static string Printable(string text)
    {
        var clean = true;
        foreach (var c in text)
        {
            clean &= c >= ' ' && c != '\u007f';
        }

        if (clean)
        {
            return text;
        }

        var result = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            if (c < ' ' || c == '\u007f')
            {
                result.Append("\\u").Append(((int)c).ToString("x4", System.Globalization.CultureInfo.InvariantCulture));
            }
            else
            {
                result.Append(c);
            }
        }

        return result.ToString();
    }
}
