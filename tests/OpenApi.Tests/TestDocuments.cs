using System;
using System.IO;
using System.Linq;

namespace K6Scenarios.OpenApi.Tests;

/// <summary>Loads the sample documents and wraps fragments into minimal OpenAPI documents.</summary>
internal static class TestDocuments
{
    public const string SampleYaml = "sample-api.yaml";
    public const string SampleJson = "sample-api.json";

    public static string Text(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Documents", name));

    public static OpenApiDocument Sample(string name) => ReadOk(Text(name), name);

    public static OpenApiDocument ReadOk(string text, string path = "test.yaml")
    {
        var result = OpenApiReader.Read(text, path);
        Assert.True(result.Succeeded, $"expected success, got ({result.Line},{result.Column}): {result.Error}");
        Assert.Null(result.Error);
        return result.Document!;
    }

    public static OpenApiReadResult ReadFailure(string text, string path = "test.yaml")
    {
        var result = OpenApiReader.Read(text, path);
        Assert.False(result.Succeeded, "expected an error");
        Assert.Null(result.Document);
        Assert.NotNull(result.Error);
        return result;
    }

    /// <summary>A 3.0 document with one operation, POST /x, whose JSON request body schema is <paramref name="schemaYaml"/> (written at column 0).</summary>
    public static string WithRequestSchema(string schemaYaml, string components = "") =>
        "openapi: 3.0.3\n"
        + "info:\n  title: t\n  version: '1'\n"
        + "paths:\n"
        + "  /x:\n"
        + "    post:\n"
        + "      requestBody:\n"
        + "        content:\n"
        + "          application/json:\n"
        + "            schema:\n"
        + Indent(schemaYaml, 14)
        + "      responses:\n"
        + "        '200':\n"
        + "          description: ok\n"
        + (components.Length == 0 ? string.Empty : "components:\n" + Indent(components, 2));

    /// <summary>The request body schema of the single operation of a <see cref="WithRequestSchema"/> document.</summary>
    public static OpenApiSchema RequestSchema(string schemaYaml, string components = "")
    {
        var document = ReadOk(WithRequestSchema(schemaYaml, components));
        var schema = Assert.Single(document.Operations).JsonRequestBody;
        Assert.NotNull(schema);
        return schema!;
    }

    /// <summary>Parses <paramref name="valueYaml"/> as a schema's example and returns it as JSON: a window on the YAML parser.</summary>
    public static string YamlValueAsJson(string valueYaml) =>
        RequestSchema("example:\n" + Indent(valueYaml, 2)).ExampleJson();

    public static string Indent(string text, int spaces)
    {
        var prefix = new string(' ', spaces);
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd('\n').Split('\n');
        return string.Concat(lines.Select(line => line.Length == 0 ? "\n" : prefix + line + "\n"));
    }
}
