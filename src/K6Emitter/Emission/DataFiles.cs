using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using K6Scenarios.Diagnostics;
using K6Scenarios.Model;

namespace K6Scenarios.Emitter.Emission;

/// <summary>A pool's data as written beside the script, with a small sample for the dry run.</summary>
internal sealed record PoolData(UserPool Pool, string RelativePath, byte[] Content, int Count, string ValidationSample);

/// <summary>
/// Reads pool files. JSON pools are checked and copied as they are; CSV pools are converted to JSON here, so the script
/// has one way to load data (<c>SharedArray</c> + <c>JSON.parse(open())</c>) and needs neither the experimental csv
/// module nor a remote papaparse import, and so that their columns are checked before the run.
/// </summary>
internal static class DataFiles
{
    // Several load tests often share one pool file: read each version of a file once per process.
    private static readonly ConcurrentDictionary<(string Path, long Length, DateTime Written, PoolSourceKind Kind, string Fields, int Sample), PoolRead> Cache = new();

    public static PoolData? ReadPool(LoadTest test, UserPool pool, string baseDirectory, int sampleSize, List<ModelDiagnostic> diagnostics)
    {
        var path = Path.GetFullPath(Path.Combine(baseDirectory, pool.FilePath!));
        var relative = test.Name + "." + pool.Name + ".json";
        var location = pool.DefinedAt;
        PoolRead read;
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists)
            {
                throw new FileNotFoundException("Could not find file '" + path + "'.", path);
            }

            var key = (path, info.Length, info.LastWriteTimeUtc, pool.Source, string.Join("\n", pool.Fields), sampleSize);
            if (Cache.Count > 64)
            {
                Cache.Clear();
            }

            read = Cache.GetOrAdd(key, _ => Read(path, pool, sampleSize));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            diagnostics.Add(new ModelDiagnostic(DiagnosticCatalog.PoolFileUnreadable, "pools." + pool.Name, location, pool.Name, path, e.Message + "; check the path (relative paths resolve against " + baseDirectory + ")"));
            return null;
        }

        if (read.Error is { } error)
        {
            diagnostics.Add(new ModelDiagnostic(DiagnosticCatalog.PoolFileUnreadable, "pools." + pool.Name, location, pool.Name, path, error));
            return null;
        }

        return new PoolData(pool, relative, read.Content, read.Count, read.Sample);
    }

    private static PoolRead Read(string path, UserPool pool, int sampleSize)
    {
        var bytes = File.ReadAllBytes(path);
        try
        {
            if (pool.Source == PoolSourceKind.CsvFile)
            {
                var entries = Csv.Parse(Encoding.UTF8.GetString(bytes));
                if (MissingField(pool, entries.Select(e => (IReadOnlyCollection<string>)e.Keys)) is { } missing)
                {
                    return PoolRead.Failed(missing);
                }

                var content = Serialize(entries);
                return new PoolRead(content, entries.Count, Encoding.UTF8.GetString(Serialize(entries.Take(sampleSize).ToList())), null);
            }

            return ScanJsonArray(bytes, pool, sampleSize);
        }
        catch (FormatException e)
        {
            return PoolRead.Failed(e.Message);
        }
    }

    /// <summary>
    /// Checks a JSON pool in one forward pass without building a document: an array of objects that all have the
    /// declared fields. The bytes are kept as they are; only the first entries are copied out as the dry run's sample.
    /// </summary>
    private static PoolRead ScanJsonArray(byte[] bytes, UserPool pool, int sampleSize)
    {
        var sample = new StringBuilder("[");
        var count = 0;
        try
        {
            var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow });
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartArray)
            {
                return PoolRead.Failed("the file must hold a JSON array of objects, but it holds " + Describe(reader.TokenType));
            }

            var found = new HashSet<string>(StringComparer.Ordinal);
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                count++;
                if (reader.TokenType != JsonTokenType.StartObject)
                {
                    return PoolRead.Failed("entry " + Number(count) + " is not a JSON object");
                }

                var start = (int)reader.TokenStartIndex;
                found.Clear();
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    found.Add(reader.GetString()!);
                    reader.Read();
                    reader.Skip();
                }

                var missing = pool.Fields.FirstOrDefault(f => !found.Contains(f));
                if (missing is not null)
                {
                    return PoolRead.Failed("entry " + Number(count) + " has no field '" + missing + "'; every entry needs the pool's declared fields");
                }

                if (count <= sampleSize)
                {
                    sample.Append(count > 1 ? "," : string.Empty).Append(Encoding.UTF8.GetString(bytes, start, (int)reader.BytesConsumed - start));
                }
            }

            while (reader.Read())
            {
                // Anything after the array is a syntax error the reader reports.
            }
        }
        catch (JsonException e)
        {
            return PoolRead.Failed("the file is not valid JSON (line " + Number((int)(e.LineNumber ?? 0) + 1) + "): " + e.Message);
        }

        return new PoolRead(bytes, count, sample.Append(']').ToString(), null);
    }

    private static string? MissingField(UserPool pool, IEnumerable<IReadOnlyCollection<string>> entries)
    {
        var index = 0;
        foreach (var keys in entries)
        {
            index++;
            var missing = pool.Fields.FirstOrDefault(f => !keys.Contains(f));
            if (missing is not null)
            {
                return "entry " + Number(index) + " has no field '" + missing + "'; every entry needs the pool's declared fields";
            }
        }

        return null;
    }

    private static string Describe(JsonTokenType token) => token switch
    {
        JsonTokenType.None => "nothing",
        JsonTokenType.StartObject => "an object",
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "a number",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        JsonTokenType.Null => "null",
        _ => token.ToString().ToLowerInvariant(),
    };

    private static string Number(int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static byte[] Serialize(List<Dictionary<string, JsonElement>> entries)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = false }))
        {
            writer.WriteStartArray();
            foreach (var entry in entries)
            {
                writer.WriteStartObject();
                foreach (var (key, value) in entry)
                {
                    writer.WritePropertyName(key);
                    value.WriteTo(writer);
                }

                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        stream.WriteByte((byte)'\n');
        return stream.ToArray();
    }

    /// <summary>What reading one version of a pool file gave: the bytes to write, the count and the sample, or an error.</summary>
    private sealed record PoolRead(byte[] Content, int Count, string Sample, string? Error)
    {
        public static PoolRead Failed(string error) => new([], 0, "[]", error);
    }
}

/// <summary>RFC 4180 CSV: a header row, quoted fields with doubled quotes, CRLF or LF line ends. Values stay text.</summary>
internal static class Csv
{
    public static List<Dictionary<string, JsonElement>> Parse(string text)
    {
        var rows = ReadRows(text.TrimStart('\uFEFF'));
        if (rows.Count == 0)
        {
            throw new FormatException("the CSV file is empty; it needs a header row naming the fields");
        }

        var header = rows[0];
        var entries = new List<Dictionary<string, JsonElement>>(rows.Count - 1);
        for (var i = 1; i < rows.Count; i++)
        {
            var row = rows[i];
            if (row.Count == 1 && row[0].Length == 0)
            {
                continue;
            }

            if (row.Count != header.Count)
            {
                throw new FormatException("row " + (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture) + " has " + row.Count.ToString(System.Globalization.CultureInfo.InvariantCulture) + " fields but the header has " + header.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }

            var entry = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
            for (var c = 0; c < header.Count; c++)
            {
                entry[header[c]] = JsonSerializer.SerializeToElement(row[c]);
            }

            entries.Add(entry);
        }

        return entries;
    }

    private static List<List<string>> ReadRows(string text)
    {
        var rows = new List<List<string>>();
        var row = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }

                continue;
            }

            switch (c)
            {
                case '"' when field.Length == 0:
                    quoted = true;
                    break;
                case ',':
                    row.Add(field.ToString());
                    field.Clear();
                    break;
                case '\r':
                    break;
                case '\n':
                    row.Add(field.ToString());
                    field.Clear();
                    rows.Add(row);
                    row = [];
                    break;
                default:
                    field.Append(c);
                    break;
            }
        }

        if (quoted)
        {
            throw new FormatException("a quoted field is not closed");
        }

        if (field.Length > 0 || row.Count > 0)
        {
            row.Add(field.ToString());
            rows.Add(row);
        }

        return rows;
    }
}
