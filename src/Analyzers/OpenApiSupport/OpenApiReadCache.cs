using System;
using System.Collections.Generic;
using K6Scenarios.OpenApi;
using Microsoft.CodeAnalysis.Text;

namespace K6Scenarios.Analyzers.OpenApiSupport;

/// <summary>
/// The OpenAPI documents this process has read, by content. Roslyn's per-text cache
/// (<see cref="Microsoft.CodeAnalysis.Diagnostics.SourceTextValueProvider{TValue}"/>) keys on the text object, and a compiler
/// process, the compiler server included, reads every additional file anew for each compile: without this cache an
/// unchanged 200-operation document was parsed again in every build (about 20 ms, bench/README.md section 2). The
/// result depends on the content alone (the reader is given no path), and it is immutable, so compilations share it.
/// </summary>
internal sealed class OpenApiReadCache
{
    private readonly object _gate = new();
    private readonly LinkedList<KeyValuePair<string, OpenApiReadResult>> _recent = new();
    private readonly int _capacity;

    /// <summary>Initializes a cache that keeps the last <paramref name="capacity"/> contents.</summary>
    public OpenApiReadCache(int capacity)
    {
        _capacity = capacity;
    }

    /// <summary>
    /// Gets the process's cache. A project has one or a few documents; an edited one is a new content, and the least
    /// recently used content is dropped.
    /// </summary>
    public static OpenApiReadCache Shared { get; } = new(capacity: 4);

    /// <summary>Gets how many times a content was not among the recent ones and was read.</summary>
    public int Reads { get; private set; }

    /// <summary>Gets the document read from <paramref name="text"/>, reading it only if its content is not among the recent ones.</summary>
    public OpenApiReadResult Read(SourceText text)
    {
        var content = text.ToString();
        if (Find(content) is { } known)
        {
            return known;
        }

        // Read outside the lock: another compilation may read the same content meanwhile, and the first one kept wins.
        var result = OpenApiReader.Read(content, "openapi");
        lock (_gate)
        {
            Reads++;
            if (FindLocked(content) is { } raced)
            {
                return raced;
            }

            _recent.AddFirst(new KeyValuePair<string, OpenApiReadResult>(content, result));
            while (_recent.Count > _capacity)
            {
                _recent.RemoveLast();
            }
        }

        return result;
    }

    private OpenApiReadResult? Find(string content)
    {
        lock (_gate)
        {
            return FindLocked(content);
        }
    }

    // Moves a found content to the front, so that the documents in use are the ones kept.
    private OpenApiReadResult? FindLocked(string content)
    {
        for (var node = _recent.First; node is not null; node = node.Next)
        {
            if (string.Equals(node.Value.Key, content, StringComparison.Ordinal))
            {
                _recent.Remove(node);
                _recent.AddFirst(node);
                return node.Value.Value;
            }
        }

        return null;
    }
}
