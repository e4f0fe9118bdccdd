using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace K6Scenarios.Testing.Hostile;

/// <summary>
/// A seeded, deterministic generator of hostile strings: every class that has broken a script generator or k6
/// (control characters, quotes, backslashes, script and comment breakers, template and regex syntax, line and paragraph
/// separators, BOM, NUL, surrogate pairs and lone surrogates, prototype member names, white space of every kind,
/// bidirectional marks, percent signs, braces, very long strings), alone and mixed with plain text.
/// </summary>
public static class HostileStrings
{
    /// <summary>The seed of the generator; the same seed yields the same strings on every machine and runtime.</summary>
    public const ulong Seed = 0x6B36_5363_656E_0011;

    /// <summary>Gets the classes, one representative string each; every slot is tried with every one of them.</summary>
    public static IReadOnlyList<string> Atoms { get; } = BuildAtoms();

    /// <summary>Generates <paramref name="count"/> strings: the atoms first, then seeded mixtures.</summary>
    /// <param name="count">How many strings.</param>
    /// <returns>The strings, distinct, in a fixed order.</returns>
    public static IReadOnlyList<string> Generate(int count)
    {
        var random = new SplitMix(Seed);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var result = new List<string>(count);
        foreach (var atom in Atoms)
        {
            if (result.Count < count && seen.Add(atom))
            {
                result.Add(atom);
            }
        }

        while (result.Count < count)
        {
            var text = Mix(random);
            if (seen.Add(text))
            {
                result.Add(text);
            }
        }

        return result;
    }

    private static string Mix(SplitMix random)
    {
        var builder = new StringBuilder();
        switch (random.Next(20))
        {
            case 0:
                // Very long: a few thousand characters of one or two atoms, sometimes around plain text.
                var atom = Atoms[random.Next(Atoms.Count)];
                var times = 200 + random.Next(1200);
                for (var i = 0; i < times && builder.Length < 12_000; i++)
                {
                    builder.Append(i % 7 == 0 ? Atoms[random.Next(Atoms.Count)] : atom).Append(Plain(random, 3));
                }

                return builder.ToString();
            case 1:
                // Random UTF-16 code units, lone surrogates included.
                var length = 1 + random.Next(12);
                for (var i = 0; i < length; i++)
                {
                    builder.Append((char)random.Next(0x10000));
                }

                return builder.ToString();
            case 2:
                // Random code points, as surrogate pairs where needed.
                var points = 1 + random.Next(8);
                for (var i = 0; i < points; i++)
                {
                    var point = random.Next(0x110000);
                    builder.Append(point is >= 0xD800 and <= 0xDFFF ? "\uFFFD" : char.ConvertFromUtf32(point));
                }

                return builder.ToString();
            default:
                var pieces = 1 + random.Next(5);
                for (var i = 0; i < pieces; i++)
                {
                    builder.Append(random.Next(3) == 0 ? Plain(random, 1 + random.Next(8)) : Atoms[random.Next(Atoms.Count)]);
                }

                return builder.ToString();
        }
    }

    private static string Plain(SplitMix random, int length)
    {
        const string alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-.";
        var chars = new char[length];
        for (var i = 0; i < length; i++)
        {
            chars[i] = alphabet[random.Next(alphabet.Length)];
        }

        return new string(chars);
    }

    private static List<string> BuildAtoms()
    {
        var atoms = new List<string>
        {
            // Plain and name-like.
            "a", "abc", "Abc_1", "x-y", "a.b", "_", "__", "A1", "plain text", "user{n}", "{n}",
            // Prototype members and JavaScript values.
            "__proto__", "constructor", "toString", "valueOf", "hasOwnProperty", "isPrototypeOf", "propertyIsEnumerable",
            "toLocaleString", "__defineGetter__", "__lookupSetter__", "prototype", "length", "then", "NaN", "null", "undefined",
            "true", "false", "0", "-0", "1e309", "Infinity", "[object Object]", "function", "eval",
            // Quotes, backslashes and escapes.
            "'", "\"", "`", "\\", "\\'", "\\\"", "\\\\", "\\n", "\\u0041", "\\x41", "\\u{1F600}", "'\"`",
            // Script, template, comment and regex breakers.
            "</script>", "<script>alert(1)</script>", "<!--", "-->", "/*", "*/", "//", "${", "}", "${x}", "`${globalThis.x=1}`",
            "'); throw 1; ('", "\"; throw 1; \"", "/.*/", "(?<a>", "[", "]", "^$", "|", "*", "+?", "\\b", "(?=",
            // URL syntax.
            "#", "#frag", "?", "?a=b", "&", "=", "/", "..", "../..", "%", "%41", "%zz", "%2F", "%00", "http://evil.test", "://", "a b",
            "{", "{}", "{x}", "{{x}}", "a{b/c}d", "::", ":", ",", ";", "@", "+", "~",
            // White space of every kind.
            " ", "  ", " a", "a ", "\t", "\ta", "a\t", "\u000B", "\u000C", "\u00A0", "\u1680", "\u2000", "\u200A", "\u202F", "\u205F",
            "\u3000", "\u0085",
            // Line breaks.
            "\n", "\r", "\r\n", "a\nb", "a\r\nX-Injected: 1", "\u2028", "\u2029", "a\u2028b",
            // Control characters.
            "\0", "a\0b", "\u0007", "\u001B[31m", "\u007F", "\u0080", "\u009F",
            // Unicode oddities: BOM, zero-width, bidirectional marks, combining marks, non-characters, emoji.
            "\uFEFF", "\uFEFFa", "\u200B", "\u200C\u200D", "\u200E", "\u200F", "\u202E", "\u2066\u2069", "e\u0301", "\uFFFE", "\uFFFF",
            "\uFFFD", "é", "İı", "ß", "Ω", "日本語", "عربي", "😀", "👩‍👩‍👧", "🏳️‍🌈", "\U0010FFFF",
            // Lone surrogates.
            "\uD800", "\uDFFF", "a\uD83D", "\uDE00b", "\uDC00\uD800",
        };

        // Every C0 control character alone.
        for (var c = 1; c < 0x20; c++)
        {
            atoms.Add(((char)c).ToString());
        }

        return atoms.Distinct(StringComparer.Ordinal).ToList();
    }

    /// <summary>SplitMix64: small, fast and the same everywhere (System.Random's seeded sequence is not a contract).</summary>
    public sealed class SplitMix(ulong seed)
    {
        private ulong _state = seed;

        /// <summary>Returns a number from 0 to <paramref name="bound"/> - 1.</summary>
        public int Next(int bound)
        {
            _state += 0x9E3779B97F4A7C15UL;
            var z = _state;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            z ^= z >> 31;
            return (int)(z % (ulong)bound);
        }
    }
}
