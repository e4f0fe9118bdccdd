using System;
using System.Collections.Generic;
using K6Scenarios.OpenApi.Parsing;

namespace K6Scenarios.OpenApi.Building;

/// <summary>
/// Turns schema nodes into <see cref="OpenApiSchema"/> objects, one per definition, so that
/// <c>$ref</c> cycles become cycles in the object graph. Schemas are created empty and filled
/// from a work queue: deep or recursive schemas never recurse on the call stack.
/// </summary>
internal sealed class SchemaBuilder
{
    private const int MaxAllOfDepth = 32;

    private readonly ReferenceResolver _references;
    private readonly WarningSink _warnings;
    private readonly Dictionary<DocumentNode, OpenApiSchema> _schemas = new();
    private readonly Queue<KeyValuePair<OpenApiSchema, DocumentNode>> _pending = new();

    public SchemaBuilder(ReferenceResolver references, WarningSink warnings)
    {
        _references = references;
        _warnings = warnings;
        Unknown = new OpenApiSchema();
    }

    /// <summary>The schema of a property whose own schema cannot be resolved: no type, no properties.</summary>
    public OpenApiSchema Unknown { get; }

    /// <summary>The schema for a node (resolving <c>$ref</c>), or null when absent or unresolvable.</summary>
    public OpenApiSchema? Get(DocumentNode? node)
    {
        if (node is null)
        {
            return null;
        }

        var resolved = _references.Resolve(node);
        if (resolved is null)
        {
            return null;
        }

        if (resolved.Kind == NodeKind.Boolean)
        {
            return Unknown; // 3.1 boolean schemas: true accepts anything, false nothing; neither has properties
        }

        if (!resolved.IsMapping)
        {
            _warnings.Add("a schema must be a mapping of keywords; this one is ignored", resolved);
            return null;
        }

        if (!_schemas.TryGetValue(resolved, out var schema))
        {
            schema = new OpenApiSchema();
            _schemas.Add(resolved, schema);
            _pending.Enqueue(new KeyValuePair<OpenApiSchema, DocumentNode>(schema, resolved));
        }

        return schema;
    }

    /// <summary>Fills every schema created so far, and those their properties and items refer to.</summary>
    public void Complete()
    {
        while (_pending.Count > 0)
        {
            var next = _pending.Dequeue();
            Fill(next.Key, next.Value);
        }
    }

    private void Fill(OpenApiSchema schema, DocumentNode node)
    {
        var parts = new Parts();
        Collect(node, parts, 0, new List<DocumentNode>());

        schema.Type = parts.Type;
        schema.Format = parts.Format;
        schema.IsNullable = parts.IsNullable;
        schema.Example = parts.Example;
        schema.AllowsAdditionalProperties = !parts.ForbidsAdditionalProperties;
        schema.IsComposite = parts.IsComposite;
        schema.Alternatives = parts.Alternatives;
        schema.Required = parts.Required;
        schema.Items = parts.Items is null ? null : Get(parts.Items) ?? Unknown;

        var properties = new List<KeyValuePair<string, OpenApiSchema>>(parts.Properties.Count);
        foreach (var property in parts.Properties)
        {
            properties.Add(new KeyValuePair<string, OpenApiSchema>(property.Key, Get(property.Value) ?? Unknown));
        }

        schema.Properties = properties;
    }

    /// <summary>Gathers the keywords of a schema node and, depth first, of its <c>allOf</c> members.</summary>
    private void Collect(DocumentNode node, Parts parts, int depth, List<DocumentNode> path)
    {
        if (path.Contains(node))
        {
            _warnings.Add("allOf includes a schema that includes this one; the cycle is ignored", node);
            return;
        }

        if (depth > MaxAllOfDepth)
        {
            _warnings.Add("allOf nests deeper than 32 schemas; the deeper members are ignored", node);
            return;
        }

        path.Add(node);

        // The schema's own scalar keywords win over its members' (members only fill what is unset).
        CollectType(node, parts);
        parts.Format ??= node.GetText("format");
        parts.IsNullable |= node.GetFlag("nullable");
        parts.Example ??= ExampleOf(node);

        var allOf = node.Get("allOf");
        if (allOf is not null && allOf.IsSequence)
        {
            foreach (var member in allOf.Items)
            {
                var resolved = _references.Resolve(member);
                if (resolved is not null && resolved.IsMapping)
                {
                    Collect(resolved, parts, depth + 1, path);
                }
            }
        }

        var properties = node.Get("properties");
        if (properties is not null && properties.IsMapping)
        {
            foreach (var property in properties.Entries)
            {
                if (parts.PropertyNames.Add(property.Key))
                {
                    parts.Properties.Add(new KeyValuePair<string, DocumentNode>(property.Key, property.Value));
                }
            }
        }

        var required = node.Get("required");
        if (required is not null && required.IsSequence)
        {
            foreach (var name in required.Items)
            {
                if (name.Kind == NodeKind.String && parts.RequiredNames.Add(name.Text))
                {
                    parts.Required.Add(name.Text);
                }
            }
        }

        var additional = node.Get("additionalProperties");
        var unevaluated = node.Get("unevaluatedProperties");
        parts.ForbidsAdditionalProperties |= (additional is not null && additional.IsFalse) || (unevaluated is not null && unevaluated.IsFalse);

        parts.Items ??= node.Get("items") is { IsMapping: true } items ? items : null;

        foreach (var keyword in CompositeKeywords)
        {
            var alternatives = node.Get(keyword);
            if (alternatives is null)
            {
                continue;
            }

            parts.IsComposite = true;
            if (!alternatives.IsSequence)
            {
                continue;
            }

            foreach (var alternative in alternatives.Items)
            {
                var schema = Get(alternative);
                if (schema is not null)
                {
                    parts.Alternatives.Add(schema);
                }
            }
        }

        path.RemoveAt(path.Count - 1);
    }

    private static readonly string[] CompositeKeywords = { "oneOf", "anyOf" };

    private static void CollectType(DocumentNode node, Parts parts)
    {
        var type = node.Get("type");
        if (type is null)
        {
            return;
        }

        if (type.Kind == NodeKind.String)
        {
            parts.Type ??= type.Text;
            parts.IsNullable |= string.Equals(type.Text, "null", StringComparison.Ordinal);
            return;
        }

        if (!type.IsSequence)
        {
            return;
        }

        foreach (var item in type.Items)
        {
            if (item.Kind != NodeKind.String)
            {
                continue;
            }

            if (string.Equals(item.Text, "null", StringComparison.Ordinal))
            {
                parts.IsNullable = true;
            }
            else
            {
                parts.Type ??= item.Text;
            }
        }
    }

    private static DocumentNode? ExampleOf(DocumentNode node)
    {
        var example = node.Get("example");
        if (example is not null)
        {
            return example;
        }

        var examples = node.Get("examples");
        if (examples is not null && examples.IsSequence && examples.Items.Count > 0)
        {
            return examples.Items[0];
        }

        var value = node.Get("default") ?? node.Get("const");
        if (value is not null)
        {
            return value;
        }

        var values = node.Get("enum");
        return values is not null && values.IsSequence && values.Items.Count > 0 ? values.Items[0] : null;
    }

    private sealed class Parts
    {
        public string? Type { get; set; }

        public string? Format { get; set; }

        public bool IsNullable { get; set; }

        public DocumentNode? Example { get; set; }

        public bool ForbidsAdditionalProperties { get; set; }

        public bool IsComposite { get; set; }

        public DocumentNode? Items { get; set; }

        public List<KeyValuePair<string, DocumentNode>> Properties { get; } = new();

        public HashSet<string> PropertyNames { get; } = new(StringComparer.Ordinal);

        public List<string> Required { get; } = new();

        public HashSet<string> RequiredNames { get; } = new(StringComparer.Ordinal);

        public List<OpenApiSchema> Alternatives { get; } = new();
    }
}
