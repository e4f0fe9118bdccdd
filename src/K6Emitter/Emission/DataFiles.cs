using System;
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
    public static PoolData? ReadPool(LoadTest test, UserPool pool, string baseDirectory, int sampleSize, List<ModelDiagnostic> diagnostics)
    {
        var path = Path.GetFullPath(Path.Combine(baseDirectory, pool.FilePath!));
        var relative = test.Name + "." + pool.Name + ".json";
        var location = pool.DefinedAt;
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            diagnostics.Add(new ModelDiagnostic(DiagnosticCatalog.PoolFileUnreadable, "pools." + pool.Name, location, pool.Name, path, e.Message + "; check the path (relative paths resolve against " + baseDirectory + ")"));
            return null;
        }

        List<Dictionary<string, JsonElement>> entries;
        byte[] content;
        try
        {
            if (pool.Source == PoolSourceKind.CsvFile)
            {
                entries = Csv.Parse(Encoding.UTF8.GetString(bytes));
                content = Serialize(entries);
            }
            else
            {
                entries = ParseJsonArray(bytes);
                content = bytes;
            }
        }
        catch (FormatException e)
        {
            diagnostics.Add(new ModelDiagnostic(DiagnosticCatalog.PoolFileUnreadable, "pools." + pool.Name, location, pool.Name, path, e.Message));
            return null;
        }

        for (var i = 0; i < entries.Count; i++)
        {
            var missing = pool.Fields.FirstOrDefault(f => !entries[i].ContainsKey(f));
            if (missing is not null)
            {
                diagnostics.Add(new ModelDiagnostic(DiagnosticCatalog.PoolFileUnreadable, "pools." + pool.Name, location, pool.Name, path,
                    "entry " + (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture) + " has no field '" + missing + "'; every entry needs the pool's declared fields"));
                return null;
            }
        }

        var sample = Encoding.UTF8.GetString(Serialize(entries.Take(sampleSize).ToList()));
        return new PoolData(pool, relative, content, entries.Count, sample);
    }

    private static List<Dictionary<string, JsonElement>> ParseJsonArray(byte[] bytes)
    {
        try
        {
            using var document = JsonDocument.Parse(bytes, new JsonDocumentOptions { AllowTrailingCommas = false, CommentHandling = JsonCommentHandling.Disallow });
            if (document.RootElement.ValueKind != JsonValueKind.Array)
            {
                throw new FormatException("the file must hold a JSON array of objects, not a " + document.RootElement.ValueKind.ToString().ToLowerInvariant());
            }

            var entries = new List<Dictionary<string, JsonElement>>();
            var index = 0;
            foreach (var item in document.RootElement.EnumerateArray())
            {
                index++;
                if (item.ValueKind != JsonValueKind.Object)
                {
                    throw new FormatException("entry " + index.ToString(System.Globalization.CultureInfo.InvariantCulture) + " is not a JSON object");
                }

                var entry = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
                foreach (var property in item.EnumerateObject())
                {
                    entry[property.Name] = property.Value.Clone();
                }

                entries.Add(entry);
            }

            return entries;
        }
        catch (JsonException e)
        {
            throw new FormatException("the file is not valid JSON (line " + ((e.LineNumber ?? 0) + 1).ToString(System.Globalization.CultureInfo.InvariantCulture) + "): " + e.Message, e);
        }
    }

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
