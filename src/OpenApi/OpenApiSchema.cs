using System;
using System.Collections.Generic;
using K6Scenarios.OpenApi.Parsing;

namespace K6Scenarios.OpenApi;

/// <summary>
/// A JSON schema of the document with its <c>$ref</c>s resolved and its <c>allOf</c> members
/// merged. Schemas referring to each other form a graph (cycles included): walk it with a
/// visited set, as <see cref="ExampleJson"/> does.
/// </summary>
/// <remarks>
/// For analyzers: report a body property as unknown only when <see cref="Properties"/> is
/// non-empty (an object schema without declared properties accepts anything) and
/// <see cref="IsComposite"/> is false; JSON Schema allows additional properties unless
/// <see cref="AllowsAdditionalProperties"/> is false, but APIs rarely say so while still
/// ignoring or rejecting misspelled fields.
/// </remarks>
public sealed class OpenApiSchema
{
    private static readonly IReadOnlyList<KeyValuePair<string, OpenApiSchema>> NoProperties = Array.Empty<KeyValuePair<string, OpenApiSchema>>();

    internal OpenApiSchema()
    {
    }

    /// <summary>
    /// The declared type (<c>object</c>, <c>array</c>, <c>string</c>, <c>integer</c>, <c>number</c>,
    /// <c>boolean</c>); for 3.1 type arrays the first type that is not <c>null</c>; taken from an
    /// <c>allOf</c> member when the schema itself has none; null when undeclared.
    /// </summary>
    public string? Type { get; internal set; }

    /// <summary>The <c>format</c> (<c>date-time</c>, <c>email</c>, <c>uuid</c>...), or null.</summary>
    public string? Format { get; internal set; }

    /// <summary>True for 3.0 <c>nullable: true</c> or a 3.1 type array containing <c>null</c>.</summary>
    public bool IsNullable { get; internal set; }

    /// <summary>Declared properties in document order, <c>allOf</c> members' first (the first declaration of a name wins).</summary>
    public IReadOnlyList<KeyValuePair<string, OpenApiSchema>> Properties { get; internal set; } = NoProperties;

    /// <summary>Names of required properties (own and <c>allOf</c> members'), in document order.</summary>
    public IReadOnlyList<string> Required { get; internal set; } = Array.Empty<string>();

    /// <summary>
    /// False only when the schema (or an <c>allOf</c> member) says <c>additionalProperties: false</c>
    /// or <c>unevaluatedProperties: false</c>; JSON Schema's default is true.
    /// </summary>
    public bool AllowsAdditionalProperties { get; internal set; } = true;

    /// <summary>The schema of array items, or null.</summary>
    public OpenApiSchema? Items { get; internal set; }

    /// <summary>True when <c>oneOf</c> or <c>anyOf</c> is present: analyzers stay silent on such schemas.</summary>
    public bool IsComposite { get; internal set; }

    /// <summary>The <c>oneOf</c> then <c>anyOf</c> alternatives that could be resolved, in document order.</summary>
    public IReadOnlyList<OpenApiSchema> Alternatives { get; internal set; } = Array.Empty<OpenApiSchema>();

    /// <summary>The example value given by <c>example</c>, <c>examples</c>, <c>default</c>, <c>const</c> or <c>enum</c>.</summary>
    internal DocumentNode? Example { get; set; }

    /// <summary>The declared property with this exact (case-sensitive) name, or null.</summary>
    /// <param name="name">The property name.</param>
    /// <returns>The property's schema, or null when the schema does not declare it.</returns>
    public OpenApiSchema? FindProperty(string name)
    {
        foreach (var property in Properties)
        {
            if (string.Equals(property.Key, name, StringComparison.Ordinal))
            {
                return property.Value;
            }
        }

        return null;
    }

    /// <summary>True when <paramref name="name"/> is listed in <see cref="Required"/>.</summary>
    /// <param name="name">The property name (case-sensitive).</param>
    /// <returns>Whether the property is required.</returns>
    public bool IsRequired(string name)
    {
        foreach (var required in Required)
        {
            if (string.Equals(required, name, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// A deterministic example instance as compact JSON: the schema's own example (<c>example</c>,
    /// first of <c>examples</c>, <c>default</c>, <c>const</c>, first of <c>enum</c>) when given, else
    /// placeholders by type (<c>"string"</c> or a format-shaped string, <c>0</c>, <c>true</c>, an
    /// array of one item, an object with every declared property); the first alternative of a
    /// composite schema; <c>{}</c> where a schema refers back to itself; <c>null</c> when unknown.
    /// </summary>
    /// <returns>JSON text; non-ASCII characters are written as <c>\uXXXX</c> escapes.</returns>
    public string ExampleJson() => ExampleWriter.Write(this);
}
