using System;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace K6Scenarios.Analyzers.Infrastructure;

/// <summary>
/// Counts the entries of pool data files (<c>UserPool.FromJsonFile("users", "data/users.json", ...)</c>) that the project
/// includes as AdditionalFiles, so that pool-size rules know a file's size without a <c>.WithCount(n)</c>. Each content
/// is counted once (a <see cref="SourceTextValueProvider{TValue}"/> caches by text).
/// </summary>
internal sealed class PoolDataFiles
{
    /// <summary>Gets the provider that counts a file's entries once per content.</summary>
    public static SourceTextValueProvider<long?> EntryCounter { get; } = new(text => CountTopLevelArrayItems(text));

    private readonly ImmutableArray<AdditionalText> _files;
    private readonly Func<SourceText, long?> _count;

    private PoolDataFiles(ImmutableArray<AdditionalText> files, Func<SourceText, long?> count)
    {
        _files = files;
        _count = count;
    }

    /// <summary>Creates the index for a compilation.</summary>
    /// <param name="files">The compilation's additional files.</param>
    /// <param name="count">Counts a file's entries through the compilation's value cache.</param>
    public static PoolDataFiles Create(ImmutableArray<AdditionalText> files, Func<SourceText, long?> count) => new(files, count);

    /// <summary>Gets the number of entries of the JSON file a pool reads, or <see langword="null"/> when unknown.</summary>
    public long? CountEntries(string poolPath, CancellationToken cancellationToken)
    {
        if (!poolPath.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var wanted = Normalize(poolPath);
        foreach (var file in _files)
        {
            var path = Normalize(file.Path);
            if (path.Equals(wanted, StringComparison.OrdinalIgnoreCase) || path.EndsWith("/" + wanted, StringComparison.OrdinalIgnoreCase))
            {
                var text = file.GetText(cancellationToken);
                return text is null ? null : _count(text);
            }
        }

        return null;
    }

    /// <summary>Counts the items of a top-level JSON array without building it; <see langword="null"/> when the text is not one.</summary>
    internal static long? CountTopLevelArrayItems(SourceText text)
    {
        var length = text.Length;
        var index = SkipWhitespace(text, 0);
        if (index >= length || text[index] != '[')
        {
            return null;
        }

        long items = 0;
        var depth = 0;
        var sawValue = false;
        for (; index < length; index++)
        {
            var c = text[index];
            switch (c)
            {
                case '"':
                    index = SkipString(text, index);
                    if (index < 0)
                    {
                        return null;
                    }

                    sawValue = true;
                    break;
                case '[':
                case '{':
                    depth++;
                    if (depth > 1)
                    {
                        sawValue = true;
                    }

                    break;
                case ']':
                case '}':
                    depth--;
                    if (depth == 0)
                    {
                        return SkipWhitespace(text, index + 1) == length ? items + (sawValue ? 1 : 0) : null;
                    }

                    if (depth < 0)
                    {
                        return null;
                    }

                    break;
                case ',':
                    if (depth == 1)
                    {
                        if (!sawValue)
                        {
                            return null;
                        }

                        items++;
                        sawValue = false;
                    }

                    break;
                default:
                    if (!char.IsWhiteSpace(c))
                    {
                        sawValue = true;
                    }

                    break;
            }
        }

        return null;
    }

    private static int SkipWhitespace(SourceText text, int index)
    {
        while (index < text.Length && (char.IsWhiteSpace(text[index]) || text[index] == '\uFEFF'))
        {
            index++;
        }

        return index;
    }

    private static int SkipString(SourceText text, int quote)
    {
        for (var i = quote + 1; i < text.Length; i++)
        {
            if (text[i] == '\\')
            {
                i++;
            }
            else if (text[i] == '"')
            {
                return i;
            }
        }

        return -1;
    }

    private static string Normalize(string path)
    {
        var normalized = path.Replace('\\', '/');
        while (normalized.StartsWith("./", StringComparison.Ordinal))
        {
            normalized = normalized.Substring(2);
        }

        return normalized;
    }
}
