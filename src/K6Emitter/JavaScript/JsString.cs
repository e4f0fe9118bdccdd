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

    /// <summary>
    /// The members every object inherits from <c>Object.prototype</c>: a user name equal to one of them must be read as
    /// an own property, or a missing one would read the inherited function (<c>__ENV.constructor</c> is <c>Object</c>).
    /// </summary>
    private static readonly string[] PrototypeMembers =
    [
        "__proto__", "__defineGetter__", "__defineSetter__", "__lookupGetter__", "__lookupSetter__", "constructor",
        "hasOwnProperty", "isPrototypeOf", "propertyIsEnumerable", "toLocaleString", "toString", "valueOf",
    ];

    /// <summary>
    /// Writes an object-literal key: bare when it is a plain identifier, quoted otherwise, and computed
    /// (<c>["__proto__"]</c>) for <c>__proto__</c>, which as a plain or quoted key would set the prototype instead of
    /// creating the property.
    /// </summary>
    /// <param name="key">The key.</param>
    /// <returns>The key as JavaScript.</returns>
    public static string Key(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return IsProtoKey(key) ? "[" + Quote(key) + "]" : JsIdentifiers.IsPlainIdentifier(key) ? key : Quote(key);
    }

    /// <summary>Writes an object-literal key that is always quoted (check names, threshold keys), computed for <c>__proto__</c>.</summary>
    /// <param name="key">The key.</param>
    /// <returns>The key as JavaScript.</returns>
    public static string QuotedKey(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return IsProtoKey(key) ? "[" + Quote(key) + "]" : Quote(key);
    }

    /// <summary>Writes a property access: <c>.name</c> for identifiers, <c>['na-me']</c> otherwise.</summary>
    /// <param name="name">The property name.</param>
    /// <returns>The accessor.</returns>
    public static string Member(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return JsIdentifiers.IsPlainIdentifier(name) ? "." + name : "[" + Quote(name) + "]";
    }

    /// <summary>
    /// Writes a read of a user-named property of <paramref name="target"/> (a plain expression without side effects):
    /// <c>target.name</c>, or, for a name <c>Object.prototype</c> has, a read of the own property only, so that a
    /// missing one is <c>undefined</c> rather than the inherited member.
    /// </summary>
    /// <param name="target">The object expression (an identifier or member chain).</param>
    /// <param name="name">The property name.</param>
    /// <returns>The expression.</returns>
    public static string OwnMember(string target, string name)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(name);
        return IsPrototypeMember(name)
            ? "(Object.prototype.hasOwnProperty.call(" + target + ", " + Quote(name) + ") ? " + target + "[" + Quote(name) + "] : undefined)"
            : target + Member(name);
    }

    /// <summary>Gets whether a name is a member every object inherits from <c>Object.prototype</c>.</summary>
    /// <param name="name">The name.</param>
    /// <returns><see langword="true"/> for <c>constructor</c>, <c>toString</c>, <c>__proto__</c>, ...</returns>
    public static bool IsPrototypeMember(string name) => Array.IndexOf(PrototypeMembers, name) >= 0;

    private static bool IsProtoKey(string key) => string.Equals(key, "__proto__", StringComparison.Ordinal);

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
