using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Reflection;

namespace K6Scenarios.Model;

/// <summary>A request body.</summary>
public abstract record RequestBody
{
    private protected RequestBody()
    {
    }
}

/// <summary>A JSON body, sent <c>JSON.stringify</c>ed with <c>Content-Type: application/json</c>.</summary>
/// <param name="Content">The document.</param>
public sealed record JsonBody(JsonTemplate Content) : RequestBody;

/// <summary>A form body (<c>application/x-www-form-urlencoded</c>).</summary>
/// <param name="Fields">The fields, in order.</param>
public sealed record FormBody(IReadOnlyList<KeyValuePair<string, Value>> Fields) : RequestBody;

/// <summary>A multipart body: fields and files.</summary>
/// <param name="Parts">The parts, in order.</param>
public sealed record MultipartBody(IReadOnlyList<MultipartPart> Parts) : RequestBody;

/// <summary>A raw text body with its content type.</summary>
/// <param name="Text">The text.</param>
/// <param name="ContentType">The content type.</param>
public sealed record TextBody(Value Text, string ContentType) : RequestBody;

/// <summary>A part of a multipart body: a field, or a file opened in init and sent with <c>http.file</c>.</summary>
/// <param name="Name">The part name.</param>
/// <param name="Value">The field value (for fields).</param>
/// <param name="FilePath">The file path (for files), copied beside the script.</param>
/// <param name="ContentType">The file's content type.</param>
public sealed record MultipartPart(string Name, Value? Value, string? FilePath, string? ContentType);

/// <summary>
/// A JSON document whose leaves may be run-time values (pool fields, captured variables, environment variables).
/// Build one from an anonymous object (<c>new { email = users.Field("email") }</c>), a dictionary or a list.
/// </summary>
public abstract record JsonTemplate
{
    private protected JsonTemplate()
    {
    }

    /// <summary>Converts an object graph into a template. Anonymous objects and classes contribute their public
    /// properties in declaration order; dictionaries their entries; sequences become arrays; <see cref="Value"/>s stay.</summary>
    /// <param name="content">The object graph.</param>
    /// <returns>The template.</returns>
    public static JsonTemplate From(object? content) => content switch
    {
        null => new JsonLeaf(null),
        JsonTemplate template => template,
        Value value => new JsonLeaf(value),
        string text => new JsonLeaf(text),
        bool flag => new JsonLeaf(flag),
        int or long or short or byte or uint or ushort or sbyte => new JsonLeaf(Convert.ToInt64(content, CultureInfo.InvariantCulture)),
        double number => new JsonLeaf(number),
        float number => new JsonLeaf((double)number),
        decimal number => new JsonLeaf(number),
        Enum member => new JsonLeaf(member.ToString()),
        IDictionary dictionary => new JsonObjectTemplate(dictionary.Keys.Cast<object>()
            .Select(k => new KeyValuePair<string, JsonTemplate>(Convert.ToString(k, CultureInfo.InvariantCulture) ?? string.Empty, From(dictionary[k])))
            .ToArray()),
        IEnumerable sequence => new JsonArrayTemplate(sequence.Cast<object?>().Select(From).ToArray()),
        _ => FromProperties(content),
    };

    private static JsonObjectTemplate FromProperties(object content)
    {
        // Metadata tokens follow declaration order, which keeps emitted bodies stable across runtimes.
        var properties = content.GetType()
            .GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetIndexParameters().Length == 0)
            .OrderBy(p => p.MetadataToken);
        return new JsonObjectTemplate(properties
            .Select(p => new KeyValuePair<string, JsonTemplate>(p.Name, From(p.GetValue(content))))
            .ToArray());
    }

    /// <summary>Enumerates every value in the document.</summary>
    /// <returns>The values, in document order.</returns>
    public abstract IEnumerable<Value> Values();
}

/// <summary>A leaf: a value, or JSON <c>null</c>.</summary>
/// <param name="Value">The value, or <see langword="null"/> for JSON null.</param>
public sealed record JsonLeaf(Value? Value) : JsonTemplate
{
    /// <inheritdoc />
    public override IEnumerable<Value> Values() => Value is null ? [] : Value.Flatten();
}

/// <summary>An object.</summary>
/// <param name="Properties">The properties, in order.</param>
public sealed record JsonObjectTemplate(IReadOnlyList<KeyValuePair<string, JsonTemplate>> Properties) : JsonTemplate
{
    /// <inheritdoc />
    public override IEnumerable<Value> Values() => Properties.SelectMany(p => p.Value.Values());
}

/// <summary>An array.</summary>
/// <param name="Items">The items, in order.</param>
public sealed record JsonArrayTemplate(IReadOnlyList<JsonTemplate> Items) : JsonTemplate
{
    /// <inheritdoc />
    public override IEnumerable<Value> Values() => Items.SelectMany(i => i.Values());
}
