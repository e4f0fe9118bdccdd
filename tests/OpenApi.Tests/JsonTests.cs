using System;

namespace K6Scenarios.OpenApi.Tests;

/// <summary>
/// JSON documents: YamlDotNet reads them as the YAML 1.2 subset JSON is, and the reader holds them to RFC 8259, so a
/// .json file that other tools reject is not silently accepted here. Values are observed through a schema's example.
/// </summary>
public sealed class JsonTests
{
    private static string Document(string exampleJson) =>
        "{\"openapi\": \"3.0.3\", \"info\": {\"title\": \"t\", \"version\": \"1\"}, \"paths\": {\"/x\": {\"post\": {"
        + "\"requestBody\": {\"content\": {\"application/json\": {\"schema\": {\"example\": " + exampleJson + "}}}},"
        + "\"responses\": {\"200\": {\"description\": \"ok\"}}}}}}";

    private static string Example(string exampleJson) =>
        Assert.Single(TestDocuments.ReadOk(Document(exampleJson), "api.json").Operations).JsonRequestBody!.ExampleJson();

    [Fact]
    public void Compact_json_without_spaces_is_read()
    {
        Assert.Equal("""{"a":1,"b":[true,false,null],"c":{"d":"e"}}""", Example("""{"a":1,"b":[true,false,null],"c":{"d":"e"}}"""));
    }

    [Fact]
    public void Escapes_decode_including_surrogate_pairs()
    {
        Assert.Equal(
            """["tab\there","quote\" slash/ backslash\\","\u00e9","\ud83d\ude00","a\nb"]""",
            Example("""["tab\there", "quote\" slash\/ backslash\\", "\u00e9", "\ud83d\ude00", "a\nb"]"""));
    }

    [Fact]
    public void Numbers_keep_their_digits_however_large()
    {
        Assert.Equal(
            "[123456789012345678901234567890,-0.5,1e400,2E-3]",
            Example("[123456789012345678901234567890, -0.5, 1e400, 2E-3]"));
    }

    [Fact]
    public void A_lone_surrogate_escape_is_an_error_at_its_string()
    {
        var text = Document("\"\\ud83d\"");
        var result = TestDocuments.ReadFailure(text);
        Assert.Contains("invalid JSON", result.Error, StringComparison.Ordinal);
        Assert.Equal(1, result.Line);
        Assert.InRange(result.Column, text.IndexOf("\"\\ud83d", StringComparison.Ordinal) + 1, text.Length);
    }

    [Theory]
    [InlineData("{\"openapi\": \"3.0.3\", \"paths\": {}, \"x\": [1, 2,]}", "2,]", 2, "JSON allows no trailing comma")]
    [InlineData("{\"openapi\": \"3.0.3\", \"paths\": {} # generated\n}", "# generated", 0, "comments ('#') are not JSON")]
    [InlineData("{\"openapi\": \"3.0.3\", \"paths\": &p {}}", "&p", 0, "anchors ('&') are YAML, not JSON")]
    [InlineData("{\"openapi\": \"3.0.3\", \"paths\": !!map {}}", "!!map", 0, "tags ('!') are YAML, not JSON")]
    [InlineData("{\"openapi\": '3.0.3', \"paths\": {}}", "'3.0.3'", 0, "JSON strings are written in double quotes")]
    [InlineData("{\"openapi\": \"3.0.3\", paths: {}}", "paths", 0, "expected a quoted property name")]
    [InlineData("{\"openapi\": \"3.0.3\", \"paths\": {}, \"x\": \"\\x41\"}", "\\x41", 0, "unknown escape sequence '\\x'")]
    [InlineData("{\"openapi\": \"3.0.3\", \"paths\": {}, \"x\": \"a\tb\"}", "\tb", 0, "control character inside a string")]
    [InlineData("{\"openapi\": \"3.0.3\", \"paths\": {}, \"x\": +1}", "+1", 0, "expected a JSON value, found '+1'")]
    [InlineData("{\"openapi\": \"3.0.3\", \"paths\": {}, \"x\": .5}", ".5", 0, "expected a JSON value")]
    [InlineData("{\"openapi\": \"3.0.3\", \"paths\": {}, \"x\": -01}", "-01", 0, "leading zeros")]
    public void Yaml_that_is_not_json_is_rejected_where_it_is_written(string text, string marker, int offset, string messageFragment)
    {
        var result = TestDocuments.ReadFailure(text, "api.json");
        Assert.Contains(messageFragment, result.Error, StringComparison.Ordinal);
        Assert.Equal((1, text.IndexOf(marker, StringComparison.Ordinal) + 1 + offset), (result.Line, result.Column));
    }

    [Fact]
    public void Errors_on_later_lines_carry_their_line_and_column()
    {
        const string text = "{\n  \"openapi\": \"3.0.3\",\n  \"paths\": {\n    \"/a\": {\"get\": {\"x\": yes}}\n  }\n}\n";
        var result = TestDocuments.ReadFailure(text, "api.json");
        Assert.Contains("expected a JSON value, found 'yes' (strings must be quoted)", result.Error, StringComparison.Ordinal);
        Assert.Equal((4, 25), (result.Line, result.Column));
    }

    [Fact]
    public void A_duplicate_property_in_a_nested_object_points_at_the_second_name()
    {
        const string text = "{\"openapi\": \"3.0.3\",\n \"paths\": {\"/a\": {}, \"/a\": {}}}";
        var result = TestDocuments.ReadFailure(text, "api.json");
        Assert.Contains("duplicate property '/a'; each name may appear once in an object", result.Error, StringComparison.Ordinal);
        Assert.Equal((2, 22), (result.Line, result.Column));
    }

    [Fact]
    public void A_byte_order_mark_is_not_a_column()
    {
        var result = TestDocuments.ReadFailure("\uFEFF{\"openapi\": yes}", "api.json");
        Assert.Equal((1, 13), (result.Line, result.Column));
    }
}
