using System;
using System.Linq;

namespace K6Scenarios.OpenApi.Tests;

/// <summary>
/// Malformed or foreign documents give an error with the right position, never an exception. Syntax errors carry
/// YamlDotNet's description and position; the JSON rules YAML does not have, and the OpenAPI structure, are the reader's.
/// </summary>
public sealed class ErrorReportingTests
{
    private static void AssertError(string text, int line, int column, string messageFragment)
    {
        var result = TestDocuments.ReadFailure(text);
        Assert.Contains(messageFragment, result.Error, StringComparison.Ordinal);
        Assert.Equal((line, column), (result.Line, result.Column));
    }

    /// <summary>1-based column of the first occurrence of <paramref name="marker"/> in a one-line text.</summary>
    private static int ColumnOf(string text, string marker) => text.IndexOf(marker, StringComparison.Ordinal) + 1;

    [Fact]
    public void Yaml_tab_indentation_points_at_the_tab()
    {
        AssertError("openapi: 3.0.3\ninfo:\n\ttitle: x\npaths: {}\n", 3, 1, "tab character in the indentation");
    }

    [Fact]
    public void Yaml_line_indented_between_two_levels_is_reported_where_it_starts()
    {
        AssertError("openapi: 3.0.3\ninfo:\n    title: x\n  version: '1'\npaths: {}\n", 4, 3, "invalid YAML: while parsing a block mapping, did not find expected key");
    }

    [Fact]
    public void Yaml_unterminated_double_quote_is_reported_where_the_string_runs_on()
    {
        AssertError("openapi: 3.0.3\ninfo:\n  title: \"Sample\n  version: '1'\npaths: {}\n", 4, 3, "multi-line double-quoted scalar, found wrong indentation");
    }

    [Fact]
    public void Yaml_unterminated_single_quote_points_at_the_opening_quote()
    {
        AssertError("openapi: 3.0.3\ninfo: {title: 'x}\npaths: {}\n", 2, 15, "while scanning a quoted scalar, found unexpected end of stream");
    }

    [Fact]
    public void Yaml_colon_space_inside_a_plain_value_points_at_the_colon()
    {
        AssertError("openapi: 3.0.3\ninfo:\n  title: Sample: API\npaths: {}\n", 3, 16, "found invalid mapping");
    }

    [Fact]
    public void Yaml_continuation_line_that_looks_like_a_key_is_an_error()
    {
        AssertError("openapi: 3.0.3\ninfo:\n  title: Sample\n    version: '1'\npaths: {}\n", 4, 12, "found invalid mapping");
    }

    [Fact]
    public void Yaml_line_without_colon_is_reported()
    {
        AssertError("openapi: 3.0.3\ninfo\npaths: {}\n", 2, 5, "did not find expected key");
    }

    [Fact]
    public void Yaml_key_without_space_after_colon_is_reported_on_its_line()
    {
        AssertError("openapi: 3.0.3\ninfo:\n  title: Sample\n  version:1\npaths: {}\n", 4, 12, "did not find expected key");
    }

    [Fact]
    public void Yaml_duplicate_key_points_at_the_second_key()
    {
        AssertError("openapi: 3.0.3\ninfo: {title: a, version: '1'}\npaths: {}\ninfo: {title: b}\n", 4, 1, "duplicate key 'info'");
    }

    [Fact]
    public void Yaml_duplicate_key_in_a_flow_mapping_is_reported()
    {
        AssertError("openapi: 3.0.3\npaths: {a: 1, a: 2}\n", 2, 15, "duplicate key 'a'");
    }

    [Fact]
    public void Yaml_unclosed_flow_mapping_names_its_opening_brace()
    {
        AssertError("openapi: 3.0.3\ninfo: {title: a, version: '1'\npaths: {}\n", 3, 1, "(in the { } mapping opened at line 2, column 7)");
        AssertError("openapi: 3.0.3\ninfo: {title: a, version: '1'\n", 2, 29, "at the end of the document (in the { } mapping opened at line 2, column 7)");
    }

    [Fact]
    public void Yaml_list_item_where_a_key_is_expected_is_reported()
    {
        AssertError("openapi: 3.0.3\n- paths\n", 2, 2, "while parsing a block mapping, did not find expected key");
    }

    [Fact]
    public void Yaml_alias_without_anchor_is_reported()
    {
        AssertError("openapi: 3.0.3\ninfo: *missing\npaths: {}\n", 2, 7, "refers to no earlier anchor '&missing'");
    }

    [Fact]
    public void Yaml_unknown_escape_points_at_the_backslash()
    {
        AssertError("openapi: 3.0.3\ninfo: {title: \"a\\qb\"}\npaths: {}\n", 2, 17, "unknown escape character '\\q'");
    }

    [Fact]
    public void Yaml_second_document_is_rejected()
    {
        AssertError("openapi: 3.0.3\npaths: {}\n---\nopenapi: 3.1.0\n", 3, 1, "more than one YAML document");
    }

    [Fact]
    public void Yaml_block_sequence_on_the_key_line_is_rejected()
    {
        AssertError("openapi: 3.0.3\ntags: - a\npaths: {}\n", 2, 7, "block sequence entries are not allowed in this context");
    }

    [Fact]
    public void Json_missing_comma_points_at_the_next_member()
    {
        AssertError("{\n  \"openapi\": \"3.0.3\"\n  \"paths\": {}\n}\n", 3, 10, "invalid JSON: while parsing a flow mapping, did not find expected ',' or '}'");
    }

    [Fact]
    public void Json_trailing_comma_points_at_the_closing_brace()
    {
        const string text = "{\"openapi\": \"3.0.3\", \"paths\": {},}";
        AssertError(text, 1, ColumnOf(text, ",}") + 1, "expected a quoted property name");
    }

    [Fact]
    public void Json_unterminated_string_points_at_its_opening_quote()
    {
        const string text = "{\"openapi\": \"3.0.3}";
        AssertError(text, 1, ColumnOf(text, "\"3.0.3"), "while scanning a quoted scalar, found unexpected end of stream");
    }

    [Fact]
    public void Json_single_quotes_are_not_json()
    {
        AssertError("{'openapi': '3.0.3'}", 1, 2, "expected a quoted property name");
    }

    [Fact]
    public void Json_leading_zero_is_rejected()
    {
        const string text = "{\"openapi\": \"3.0.3\", \"x\": 01}";
        AssertError(text, 1, ColumnOf(text, "01"), "leading zeros");
    }

    [Fact]
    public void Json_bare_word_is_rejected()
    {
        const string text = "{\"openapi\": \"3.0.3\", \"x\": yes}";
        AssertError(text, 1, ColumnOf(text, "yes"), "expected a JSON value");
    }

    [Fact]
    public void Json_content_after_the_document_is_rejected()
    {
        const string text = "{\"openapi\": \"3.0.3\", \"paths\": {}} extra";
        AssertError(text, 1, ColumnOf(text, "extra"), "after the end of the JSON document");
    }

    [Fact]
    public void Json_duplicate_property_points_at_the_second_name()
    {
        const string text = "{\"openapi\": \"3.0.3\", \"paths\": {}, \"openapi\": \"3.1.0\"}";
        AssertError(text, 1, text.LastIndexOf("\"openapi\"", StringComparison.Ordinal) + 1, "duplicate property 'openapi'");
    }

    [Fact]
    public void Json_line_break_inside_a_string_is_reported_where_it_occurs()
    {
        AssertError("{\"openapi\": \"3.0\n.3\", \"paths\": {}}", 1, 17, "line break inside a string");
    }

    [Fact]
    public void Deep_nesting_is_an_error_not_a_stack_overflow()
    {
        var json = new string('[', 1000) + new string(']', 1000);
        Assert.Contains("nests deeper than", TestDocuments.ReadFailure("{\"openapi\": " + json + "}").Error, StringComparison.Ordinal);

        var yaml = "openapi: 3.0.3\nx:\n" + string.Concat(Enumerable.Range(0, 300).Select(depth => new string(' ', depth + 1) + "- \n"));
        Assert.Contains("nests deeper than", TestDocuments.ReadFailure(yaml).Error, StringComparison.Ordinal);

        var flow = "openapi: " + new string('[', 1000);
        Assert.Contains("nests deeper than", TestDocuments.ReadFailure(flow).Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("swagger: '2.0'\ninfo: {title: old, version: '1'}\npaths: {}\n")]
    [InlineData("{\"swagger\": \"2.0\", \"info\": {\"title\": \"old\", \"version\": \"1\"}, \"paths\": {}}")]
    public void Swagger_2_is_rejected_with_a_clear_message(string text)
    {
        AssertError(text, 1, text[0] == '{' ? 2 : 1, "only OpenAPI 3.0 and 3.1 are supported");
    }

    [Fact]
    public void Other_openapi_major_versions_are_rejected_at_the_version()
    {
        AssertError("openapi: 2.0.0\npaths: {}\n", 1, 10, "only OpenAPI 3.0 and 3.1 are supported");
        AssertError("openapi: 3.01\npaths: {}\n", 1, 10, "only OpenAPI 3.0 and 3.1 are supported");
    }

    [Fact]
    public void A_later_openapi_3_minor_version_is_read_with_a_warning()
    {
        var document = TestDocuments.ReadOk("openapi: 3.2.0\npaths: {}\n", "api.yaml");
        Assert.Equal("3.2.0", document.Version);
        Assert.Equal(new[] { "api.yaml(1,10): OpenAPI 3.2.0 is read with the rules of OpenAPI 3.1" }, document.Warnings);
    }

    [Fact]
    public void Yaml_that_is_not_openapi_says_what_is_missing()
    {
        const string compose = "version: '3.8'\nservices:\n  api:\n    image: evospin/api:latest\n    ports: ['4000:4000']\n";
        AssertError(compose, 1, 1, "not an OpenAPI document: the 'openapi' key");
    }

    [Fact]
    public void Document_without_paths_says_paths_is_missing()
    {
        AssertError("openapi: 3.0.3\ninfo: {title: t, version: '1'}\n", 1, 1, "the 'paths' key");
    }

    [Fact]
    public void Paths_that_is_not_a_mapping_is_reported_where_it_is()
    {
        AssertError("openapi: 3.0.3\npaths:\n  - /a\n", 3, 3, "'paths' must be a mapping");
    }

    [Theory]
    [InlineData("- openapi: 3.0.3\n")]
    [InlineData("just text\n")]
    [InlineData("# only a comment\n")]
    [InlineData("[1, 2]\n")]
    public void Top_level_that_is_not_a_mapping_is_reported_at_the_start(string text)
    {
        AssertError(text, 1, 1, "not an OpenAPI document");
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n\n\t\n")]
    [InlineData(null)]
    public void Empty_text_is_reported(string? text)
    {
        AssertError(text!, 1, 1, "the document is empty");
    }

    [Fact]
    public void Error_messages_quote_control_characters_as_escapes()
    {
        var result = TestDocuments.ReadFailure("{\"openapi\": \"a\\\u0001\"}");
        Assert.DoesNotContain('\u0001', result.Error!);
        Assert.Contains("U+0001", result.Error, StringComparison.Ordinal);
    }
}
