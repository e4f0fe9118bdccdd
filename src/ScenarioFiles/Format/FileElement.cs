using System.Collections.Generic;
using K6Scenarios.Diagnostics;

namespace K6Scenarios.ScenarioFiles.Format;

/// <summary>An element read from a scenario file, which remembers where each of its keys was written.</summary>
public abstract class FileElement
{
    private readonly Dictionary<string, SourceLocation> _keys = new(System.StringComparer.Ordinal);

    /// <summary>Gets where the element starts (not a key of the format).</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    internal SourceLocation? Location { get; set; }

    /// <summary>Gets where a key's value was written, or the element's own location.</summary>
    /// <param name="key">The key as written in the file.</param>
    /// <returns>The location.</returns>
    internal SourceLocation? At(string key) => _keys.TryGetValue(key, out var location) ? location : Location;

    /// <summary>Gets whether the key was written.</summary>
    /// <param name="key">The key.</param>
    /// <returns><see langword="true"/> when it was.</returns>
    internal bool Has(string key) => _keys.ContainsKey(key);

    internal void Remember(string key, SourceLocation location) => _keys[key] = location;
}
