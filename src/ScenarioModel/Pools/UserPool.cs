using System;
using System.Collections.Generic;
using System.Linq;
using K6Scenarios.Diagnostics;

namespace K6Scenarios.Model;

/// <summary>Where a pool's entries come from.</summary>
public enum PoolSourceKind
{
    /// <summary>A JSON file holding an array of objects, copied beside the script.</summary>
    JsonFile,

    /// <summary>A CSV file with a header row, converted to JSON beside the script when emitted.</summary>
    CsvFile,

    /// <summary>Entries generated in the script from templates, such as <c>user{n}@example.test</c>.</summary>
    Generated,
}

/// <summary>How a scenario picks an entry from a pool.</summary>
public enum PoolSelection
{
    /// <summary>Each VU gets its own entry for the whole run (<c>exec.vu.idInTest</c>); unique across distributed instances; the run aborts rather than reuse one.</summary>
    UniquePerVu,

    /// <summary>Each iteration gets its own entry (<c>exec.scenario.iterationInTest</c>); unique across distributed instances; the run aborts rather than reuse one.</summary>
    UniquePerIteration,

    /// <summary>Iterations take entries in turn and wrap around (<c>exec.scenario.iterationInTest % length</c>).</summary>
    RoundRobin,

    /// <summary>Each iteration takes a random entry.</summary>
    Random,
}

/// <summary>
/// A pool of test users (or any records) loaded once per load generator into a k6 <c>SharedArray</c>, so memory does
/// not grow with VUs. Create one with <see cref="FromJsonFile"/>, <see cref="FromCsvFile"/> or <see cref="Generate"/>,
/// and read fields in flows with <see cref="Field"/>.
/// </summary>
public sealed class UserPool
{
    private UserPool(
        string name,
        PoolSourceKind source,
        string? filePath,
        int? count,
        IReadOnlyList<string> fields,
        IReadOnlyList<KeyValuePair<string, Value>> generatedFields,
        SourceLocation? definedAt)
    {
        if (string.IsNullOrEmpty(name))
        {
            throw new ArgumentException("A pool needs a name.", nameof(name));
        }

        Name = name;
        Source = source;
        FilePath = filePath;
        Count = count;
        Fields = fields;
        GeneratedFields = generatedFields;
        DefinedAt = definedAt;
    }

    /// <summary>Gets the pool name, which names the <c>SharedArray</c> and the data file.</summary>
    public string Name { get; }

    /// <summary>Gets where entries come from.</summary>
    public PoolSourceKind Source { get; }

    /// <summary>Gets the data file path (relative paths resolve against the emitter's base directory).</summary>
    public string? FilePath { get; }

    /// <summary>Gets the number of entries, when known before the run.</summary>
    public int? Count { get; }

    /// <summary>Gets the field names each entry has.</summary>
    public IReadOnlyList<string> Fields { get; }

    /// <summary>Gets the templates of a generated pool, by field.</summary>
    public IReadOnlyList<KeyValuePair<string, Value>> GeneratedFields { get; }

    /// <summary>Gets where the pool was defined.</summary>
    public SourceLocation? DefinedAt { get; }

    /// <summary>Declares a pool read from a JSON file holding an array of objects.</summary>
    /// <param name="name">The pool name.</param>
    /// <param name="path">The file path; relative paths resolve against the emitter's base directory.</param>
    /// <param name="fields">The fields every entry has.</param>
    /// <param name="file">Filled by the compiler.</param>
    /// <param name="line">Filled by the compiler.</param>
    /// <returns>The pool.</returns>
    public static UserPool FromJsonFile(string name, string path, IEnumerable<string> fields, [System.Runtime.CompilerServices.CallerFilePath] string file = "", [System.Runtime.CompilerServices.CallerLineNumber] int line = 0)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        return new(name, PoolSourceKind.JsonFile, path, null, ToFieldList(fields), [], SourceLocation.FromCaller(file, line));
    }

    /// <summary>Declares a pool read from a CSV file whose first row names the fields.</summary>
    /// <param name="name">The pool name.</param>
    /// <param name="path">The file path; relative paths resolve against the emitter's base directory.</param>
    /// <param name="fields">The fields every entry has (columns of the header row).</param>
    /// <param name="file">Filled by the compiler.</param>
    /// <param name="line">Filled by the compiler.</param>
    /// <returns>The pool.</returns>
    public static UserPool FromCsvFile(string name, string path, IEnumerable<string> fields, [System.Runtime.CompilerServices.CallerFilePath] string file = "", [System.Runtime.CompilerServices.CallerLineNumber] int line = 0)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        return new(name, PoolSourceKind.CsvFile, path, null, ToFieldList(fields), [], SourceLocation.FromCaller(file, line));
    }

    /// <summary>
    /// Declares a pool generated in the script. In text fields, <c>{n}</c> stands for the entry's number from 1:
    /// <c>Generate("users", 10_000, ("email", "user{n}@example.test"), ("password", Value.Secret("USER_PASSWORD")))</c>.
    /// </summary>
    /// <param name="name">The pool name.</param>
    /// <param name="count">The number of entries.</param>
    /// <param name="fields">The fields and their templates.</param>
    /// <returns>The pool.</returns>
    public static UserPool Generate(string name, int count, params (string Field, Value Template)[] fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        if (count <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(count), count, "A generated pool needs at least one entry.");
        }

        var pairs = fields.Select(f => new KeyValuePair<string, Value>(f.Field, f.Template ?? throw new ArgumentNullException(nameof(fields)))).ToArray();
        return new(name, PoolSourceKind.Generated, null, count, pairs.Select(p => p.Key).ToArray(), pairs, null);
    }

    /// <summary>Returns a copy that records how many entries the file holds, so pool-size rules can check it before the run.</summary>
    /// <param name="count">The number of entries.</param>
    /// <returns>The copy.</returns>
    public UserPool WithCount(int count) =>
        new(Name, Source, FilePath, count >= 0 ? count : throw new ArgumentOutOfRangeException(nameof(count)), Fields, GeneratedFields, DefinedAt);

    /// <summary>Returns a copy that records where the pool was defined (a scenario file records line and column).</summary>
    /// <param name="definedAt">The location.</param>
    /// <returns>The copy.</returns>
    public UserPool At(SourceLocation? definedAt) =>
        new(Name, Source, FilePath, Count, Fields, GeneratedFields, definedAt);

    /// <summary>Reads a field of the entry the scenario selected.</summary>
    /// <param name="field">The field name.</param>
    /// <returns>The value.</returns>
    public Value Field(string field)
    {
        ArgumentException.ThrowIfNullOrEmpty(field);
        return new PoolFieldValue(this, field);
    }

    /// <summary>Gets whether another pool declares the same data.</summary>
    /// <param name="other">The other pool.</param>
    /// <returns><see langword="true"/> when both are the same declaration.</returns>
    public bool IsSameAs(UserPool other) =>
        ReferenceEquals(this, other) ||
        (other is not null && Name == other.Name && Source == other.Source && FilePath == other.FilePath && Count == other.Count && Fields.SequenceEqual(other.Fields));

    /// <inheritdoc />
    public override string ToString() => Name;

    private static string[] ToFieldList(IEnumerable<string> fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        return fields.ToArray();
    }
}

/// <summary>A scenario's use of a pool: which pool and how entries are picked.</summary>
/// <param name="Pool">The pool.</param>
/// <param name="Selection">How entries are picked.</param>
public sealed record PoolUse(UserPool Pool, PoolSelection Selection);
