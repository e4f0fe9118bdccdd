using System;
using System.Globalization;
using System.Text;

namespace K6Scenarios.Emitter.JavaScript;

/// <summary>
/// The one escaping utility: every user-supplied string reaches the script through it. Outside printable ASCII,
/// every character is written as <c>\uXXXX</c> (which covers U+2028 and U+2029, line terminators in JavaScript),
/// so no input can end a literal, a comment or a line.
/// </summary>
public static class JsString
{
    /// <summary>Writes a single-quoted JavaScript string literal.</summary>
    /// <param name="value">The text.</param>
    /// <returns>The literal, quotes included.</returns>
    public static string Quote(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var builder = new StringBuilder(value.Length + 2);
        builder.Append('\'');
        foreach (var c in value)
        {
            switch (c)
            {
                case '\'': builder.Append("\\'"); break;
                case '\\': builder.Append("\\\\"); break;
                default: AppendCommon(builder, c); break;
            }
        }

        return builder.Append('\'').ToString();
    }

    /// <summary>Escapes text for the literal part of a template literal (between backticks), so <c>`</c> and <c>${</c> stay text.</summary>
    /// <param name="value">The text.</param>
    /// <returns>The escaped text, without backticks.</returns>
    public static string TemplateText(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var builder = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            switch (c)
            {
                case '`': builder.Append("\\`"); break;
                case '\\': builder.Append("\\\\"); break;
                case '$': builder.Append("\\$"); break;
                default: AppendCommon(builder, c); break;
            }
        }

        return builder.ToString();
    }

    /// <summary>Makes text safe inside a <c>//</c> comment: line terminators become spaces, other characters outside printable ASCII <c>\uXXXX</c>.</summary>
    /// <param name="value">The text.</param>
    /// <returns>The text, on one line.</returns>
    public static string Comment(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var builder = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            if (c is '\r' or '\n' or '\t' or '\u2028' or '\u2029')
            {
                builder.Append(' ');
            }
            else
            {
                AppendCommon(builder, c);
            }
        }

        return builder.ToString().Trim();
    }

    /// <summary>Writes an object key: bare when it is a plain identifier, quoted otherwise.</summary>
    /// <param name="key">The key.</param>
    /// <returns>The key as JavaScript.</returns>
    public static string Key(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return JsIdentifiers.IsPlainIdentifier(key) ? key : Quote(key);
    }

    /// <summary>Writes a property access: <c>.name</c> for identifiers, <c>['na-me']</c> otherwise.</summary>
    /// <param name="name">The property name.</param>
    /// <returns>The accessor.</returns>
    public static string Member(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return JsIdentifiers.IsPlainIdentifier(name) ? "." + name : "[" + Quote(name) + "]";
    }

    private static void AppendCommon(StringBuilder builder, char c)
    {
        if (c is >= ' ' and <= '~')
        {
            builder.Append(c);
            return;
        }

        switch (c)
        {
            case '\n': builder.Append("\\n"); break;
            case '\r': builder.Append("\\r"); break;
            case '\t': builder.Append("\\t"); break;
            default:
                builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                break;
        }
    }
}
