using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace K6Scenarios.Emitter.JavaScript;

/// <summary>JavaScript identifier rules and a scope that hands out unique, readable names.</summary>
public static class JsIdentifiers
{
    private static readonly HashSet<string> Reserved = new(StringComparer.Ordinal)
    {
        "await", "break", "case", "catch", "class", "const", "continue", "debugger", "default", "delete", "do", "else",
        "enum", "export", "extends", "false", "finally", "for", "function", "if", "import", "in", "instanceof", "new",
        "null", "return", "super", "switch", "this", "throw", "true", "try", "typeof", "var", "void", "while", "with",
        "yield", "let", "static", "implements", "interface", "package", "private", "protected", "public", "arguments",
        "eval", "undefined", "NaN", "Infinity",
    };

    /// <summary>Gets whether a name is an ASCII identifier that is not reserved.</summary>
    /// <param name="name">The name.</param>
    /// <returns><see langword="true"/> when it can be written bare.</returns>
    public static bool IsPlainIdentifier(string name)
    {
        if (string.IsNullOrEmpty(name) || Reserved.Contains(name) || char.IsAsciiDigit(name[0]))
        {
            return false;
        }

        foreach (var c in name)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '_' or '$'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Turns a name such as <c>signin-storm</c> or <c>list_groups</c> into camel case: <c>signinStorm</c>, <c>listGroups</c>.</summary>
    /// <param name="name">The name.</param>
    /// <param name="fallback">The name used when nothing usable remains.</param>
    /// <returns>A plain identifier.</returns>
    public static string CamelCase(string name, string fallback)
    {
        ArgumentNullException.ThrowIfNull(name);
        var builder = new StringBuilder(name.Length);
        var upperNext = false;
        foreach (var c in name)
        {
            if (!char.IsAsciiLetterOrDigit(c))
            {
                upperNext = builder.Length > 0;
                continue;
            }

            builder.Append(upperNext ? char.ToUpperInvariant(c) : builder.Length == 0 ? char.ToLowerInvariant(c) : c);
            upperNext = false;
        }

        var result = builder.ToString();
        if (result.Length == 0)
        {
            return fallback;
        }

        if (char.IsAsciiDigit(result[0]))
        {
            result = fallback + char.ToUpperInvariant(result[0]).ToString(CultureInfo.InvariantCulture) + result[1..];
        }

        return IsPlainIdentifier(result) ? result : fallback + char.ToUpperInvariant(result[0]).ToString(CultureInfo.InvariantCulture) + result[1..];
    }

    /// <summary>Turns a name into upper snake case: <c>api-url</c> becomes <c>API_URL</c>.</summary>
    /// <param name="name">The name.</param>
    /// <returns>A plain identifier.</returns>
    public static string UpperSnake(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var builder = new StringBuilder(name.Length);
        foreach (var c in name)
        {
            builder.Append(char.IsAsciiLetterOrDigit(c) ? char.ToUpperInvariant(c) : '_');
        }

        var result = builder.ToString();
        return result.Length == 0 || char.IsAsciiDigit(result[0]) ? "ENV_" + result : result;
    }
}

/// <summary>Hands out identifiers unique within a scope and its parent, in a deterministic order.</summary>
internal sealed class IdentifierScope
{
    private readonly IdentifierScope? _parent;
    private readonly HashSet<string> _taken = new(StringComparer.Ordinal);

    public IdentifierScope(IdentifierScope? parent = null) => _parent = parent;

    /// <summary>Claims a name as it is; the caller knows it is free (imports, lifecycle exports).</summary>
    public void Reserve(string name) => _taken.Add(name);

    /// <summary>Claims <paramref name="preferred"/>, or the first free <c>preferred2</c>, <c>preferred3</c>...</summary>
    public string Claim(string preferred)
    {
        var candidate = preferred;
        for (var suffix = 2; IsTaken(candidate); suffix++)
        {
            candidate = preferred + suffix.ToString(CultureInfo.InvariantCulture);
        }

        _taken.Add(candidate);
        return candidate;
    }

    public bool IsTaken(string name) => _taken.Contains(name) || (_parent?.IsTaken(name) ?? false);
}
