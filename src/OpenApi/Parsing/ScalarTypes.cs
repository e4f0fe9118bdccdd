using System.Globalization;

namespace K6Scenarios.OpenApi.Parsing;

/// <summary>
/// Types scalars with the YAML 1.2 core schema (null, booleans, numbers; anything else is a string) and rewrites
/// numbers as JSON. YamlDotNet's parser reports scalars as text with their style; resolving their type is the
/// reader's job (YamlDotNet only does it in its object deserializer, which builds no positions).
/// </summary>
internal static class ScalarTypes
{
    /// <summary>Types a plain (unquoted) scalar: null, boolean, number, or else string.</summary>
    public static DocumentNode ResolvePlain(string text, int line, int column)
    {
        switch (text)
        {
            case "":
            case "~":
            case "null":
            case "Null":
            case "NULL":
                return DocumentNode.Scalar(NodeKind.Null, text, line, column);
            case "true":
            case "True":
            case "TRUE":
                return DocumentNode.Scalar(NodeKind.Boolean, "true", line, column);
            case "false":
            case "False":
            case "FALSE":
                return DocumentNode.Scalar(NodeKind.Boolean, "false", line, column);
        }

        return DocumentNode.Scalar(IsNumber(text) ? NodeKind.Number : NodeKind.String, text, line, column);
    }

    /// <summary>True for <c>[-+]?[0-9]+</c>, <c>0o</c> octal, <c>0x</c> hex, decimals with exponent, <c>.inf</c> and <c>.nan</c>.</summary>
    public static bool IsNumber(string text)
    {
        if (text.Length == 0)
        {
            return false;
        }

        if (text.Length > 2 && text[0] == '0' && (text[1] == 'x' || text[1] == 'o'))
        {
            var hex = text[1] == 'x';
            for (var i = 2; i < text.Length; i++)
            {
                var c = text[i];
                var valid = hex
                    ? (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F')
                    : c >= '0' && c <= '7';
                if (!valid)
                {
                    return false;
                }
            }

            return true;
        }

        var index = 0;
        if (text[0] == '-' || text[0] == '+')
        {
            index++;
        }

        if (IsSpecial(text, index))
        {
            return true;
        }

        var integerDigits = CountDigits(text, ref index);
        var fractionDigits = 0;
        if (index < text.Length && text[index] == '.')
        {
            index++;
            fractionDigits = CountDigits(text, ref index);
        }

        if (integerDigits == 0 && fractionDigits == 0)
        {
            return false;
        }

        if (index < text.Length && (text[index] == 'e' || text[index] == 'E'))
        {
            index++;
            if (index < text.Length && (text[index] == '-' || text[index] == '+'))
            {
                index++;
            }

            if (CountDigits(text, ref index) == 0)
            {
                return false;
            }
        }

        return index == text.Length;
    }

    /// <summary>
    /// The number as JSON text: kept as written when it already is valid JSON, otherwise converted
    /// invariantly; <c>null</c> for infinities and NaN, which JSON cannot express.
    /// </summary>
    public static string ToJson(string text)
    {
        if (IsJsonNumber(text))
        {
            return text;
        }

        if (text.Length > 2 && text[0] == '0' && (text[1] == 'x' || text[1] == 'o'))
        {
            var radix = text[1] == 'x' ? 16 : 8;
            ulong value = 0;
            for (var i = 2; i < text.Length; i++)
            {
                var c = text[i];
                var digit = c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;
                if (value > (ulong.MaxValue - (ulong)digit) / (ulong)radix)
                {
                    return "null";
                }

                value = (value * (ulong)radix) + (ulong)digit;
            }

            return value.ToString(CultureInfo.InvariantCulture);
        }

        var index = text[0] == '-' || text[0] == '+' ? 1 : 0;
        if (IsSpecial(text, index))
        {
            return "null";
        }

        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed)
            && !double.IsInfinity(parsed) && !double.IsNaN(parsed)
            ? parsed.ToString("R", CultureInfo.InvariantCulture)
            : "null";
    }

    private static bool IsSpecial(string text, int index)
    {
        var rest = text.Substring(index);
        return rest is ".inf" or ".Inf" or ".INF" || (index == 0 && rest is ".nan" or ".NaN" or ".NAN");
    }

    private static int CountDigits(string text, ref int index)
    {
        var start = index;
        while (index < text.Length && text[index] >= '0' && text[index] <= '9')
        {
            index++;
        }

        return index - start;
    }

    /// <summary>True for an RFC 8259 number: <c>-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][-+]?[0-9]+)?</c>.</summary>
    public static bool IsJsonNumber(string text)
    {
        var index = 0;
        if (index < text.Length && text[index] == '-')
        {
            index++;
        }

        var start = index;
        var digits = CountDigits(text, ref index);
        if (digits == 0 || (digits > 1 && text[start] == '0'))
        {
            return false;
        }

        if (index < text.Length && text[index] == '.')
        {
            index++;
            if (CountDigits(text, ref index) == 0)
            {
                return false;
            }
        }

        if (index < text.Length && (text[index] == 'e' || text[index] == 'E'))
        {
            index++;
            if (index < text.Length && (text[index] == '-' || text[index] == '+'))
            {
                index++;
            }

            if (CountDigits(text, ref index) == 0)
            {
                return false;
            }
        }

        return index == text.Length;
    }
}
