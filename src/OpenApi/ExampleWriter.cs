using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using K6Scenarios.OpenApi.Parsing;

namespace K6Scenarios.OpenApi;

/// <summary>Writes example instances of schemas as compact, deterministic JSON.</summary>
internal sealed class ExampleWriter
{
    // Guards against schemas or YAML alias graphs whose expansion would be huge.
    private const int MaxDepth = 64;
    private const int MaxLength = 1 << 20;

    private readonly StringBuilder _json = new();
    private readonly HashSet<OpenApiSchema> _active = new();

    private ExampleWriter()
    {
    }

    public static string Write(OpenApiSchema schema)
    {
        var writer = new ExampleWriter();
        writer.WriteSchema(schema, 0);
        return writer._json.ToString();
    }

    private bool OverBudget(int depth) => depth > MaxDepth || _json.Length > MaxLength;

    private void WriteSchema(OpenApiSchema schema, int depth)
    {
        if (schema.Example is not null)
        {
            WriteNode(schema.Example, depth);
            return;
        }

        if (OverBudget(depth))
        {
            _json.Append("null");
            return;
        }

        if (!_active.Add(schema))
        {
            // The schema contains itself: stop with an empty instance of its kind.
            _json.Append(IsArray(schema) ? "[]" : IsObject(schema) ? "{}" : "null");
            return;
        }

        if (schema.Properties.Count == 0 && schema.Alternatives.Count > 0)
        {
            WriteSchema(schema.Alternatives[0], depth + 1);
        }
        else if (IsObject(schema))
        {
            _json.Append('{');
            var first = true;
            foreach (var property in schema.Properties)
            {
                if (!first)
                {
                    _json.Append(',');
                }

                first = false;
                WriteString(_json, property.Key);
                _json.Append(':');
                WriteSchema(property.Value, depth + 1);
            }

            _json.Append('}');
        }
        else if (IsArray(schema))
        {
            _json.Append('[');
            if (schema.Items is not null)
            {
                WriteSchema(schema.Items, depth + 1);
            }

            _json.Append(']');
        }
        else
        {
            _json.Append(schema.Type switch
            {
                "string" => Placeholder(schema.Format),
                "integer" or "number" => "0",
                "boolean" => "true",
                _ => "null",
            });
        }

        _active.Remove(schema);
    }

    private static bool IsObject(OpenApiSchema schema) =>
        string.Equals(schema.Type, "object", StringComparison.Ordinal) || (schema.Type is null && schema.Properties.Count > 0);

    private static bool IsArray(OpenApiSchema schema) =>
        string.Equals(schema.Type, "array", StringComparison.Ordinal) || (schema.Type is null && schema.Items is not null);

    private static string Placeholder(string? format) => format switch
    {
        "date-time" => "\"2024-01-01T00:00:00Z\"",
        "date" => "\"2024-01-01\"",
        "time" => "\"00:00:00\"",
        "email" => "\"user@example.com\"",
        "uuid" => "\"00000000-0000-0000-0000-000000000000\"",
        "uri" or "url" => "\"https://example.com\"",
        "hostname" => "\"example.com\"",
        "ipv4" => "\"192.0.2.1\"",
        "ipv6" => "\"2001:db8::1\"",
        "byte" => "\"c3RyaW5n\"",
        _ => "\"string\"",
    };

    private void WriteNode(DocumentNode node, int depth)
    {
        if (OverBudget(depth))
        {
            _json.Append("null");
            return;
        }

        switch (node.Kind)
        {
            case NodeKind.Null:
                _json.Append("null");
                break;
            case NodeKind.Boolean:
                _json.Append(node.Text);
                break;
            case NodeKind.Number:
                _json.Append(ScalarTypes.ToJson(node.Text));
                break;
            case NodeKind.String:
                WriteString(_json, node.Text);
                break;
            case NodeKind.Sequence:
                _json.Append('[');
                for (var i = 0; i < node.Items.Count; i++)
                {
                    if (i > 0)
                    {
                        _json.Append(',');
                    }

                    WriteNode(node.Items[i], depth + 1);
                }

                _json.Append(']');
                break;
            default:
                _json.Append('{');
                for (var i = 0; i < node.Entries.Count; i++)
                {
                    if (i > 0)
                    {
                        _json.Append(',');
                    }

                    WriteString(_json, node.Entries[i].Key);
                    _json.Append(':');
                    WriteNode(node.Entries[i].Value, depth + 1);
                }

                _json.Append('}');
                break;
        }
    }

    /// <summary>Writes a JSON string literal; everything outside printable ASCII is a \u escape.</summary>
    internal static void WriteString(StringBuilder json, string value)
    {
        json.Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': json.Append("\\\""); break;
                case '\\': json.Append("\\\\"); break;
                case '\n': json.Append("\\n"); break;
                case '\r': json.Append("\\r"); break;
                case '\t': json.Append("\\t"); break;
                case '\b': json.Append("\\b"); break;
                case '\f': json.Append("\\f"); break;
                default:
                    if (c < ' ' || c > '~')
                    {
                        json.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        json.Append(c);
                    }

                    break;
            }
        }

        json.Append('"');
    }
}
