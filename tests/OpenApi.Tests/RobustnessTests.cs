using System;
using System.Globalization;
using System.Linq;

namespace K6Scenarios.OpenApi.Tests;

/// <summary>Read never throws, points inside the text it was given, and does not depend on the culture.</summary>
public sealed class RobustnessTests
{
    // The reader's own failures start with this text (see OpenApiReader); a document problem never does.
    private const string ReaderBug = "the OpenAPI reader failed unexpectedly";

    public static TheoryData<string> Samples => new() { TestDocuments.SampleYaml, TestDocuments.SampleJson };

    [Theory]
    [MemberData(nameof(Samples))]
    public void Every_truncated_prefix_reads_without_throwing(string name)
    {
        var text = TestDocuments.Text(name);
        for (var length = 0; length <= text.Length; length++)
        {
            var prefix = text.Substring(0, length);
            var result = OpenApiReader.Read(prefix, name);
            if (result.Succeeded)
            {
                continue;
            }

            Assert.False(result.Error!.StartsWith(ReaderBug, StringComparison.Ordinal), $"prefix of {length} characters: {result.Error}");
            var lines = prefix.Count(c => c == '\n') + 1;
            Assert.InRange(result.Line, 1, lines);
            Assert.True(result.Column >= 1, $"prefix of {length} characters: column {result.Column}");
        }
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void Single_character_corruptions_read_without_throwing(string name)
    {
        var text = TestDocuments.Text(name);
        const string replacements = "\t :-#'\"{}[],|>&*!?%@`\\~";
        var random = new Random(20240425); // fixed seed: the same corruptions on every run
        for (var attempt = 0; attempt < 1000; attempt++)
        {
            var position = random.Next(text.Length);
            var corrupted = text.Substring(0, position) + replacements[random.Next(replacements.Length)] + text.Substring(position + 1);
            var result = OpenApiReader.Read(corrupted, name);
            Assert.True(result.Succeeded || !result.Error!.StartsWith(ReaderBug, StringComparison.Ordinal), $"corruption at {position}: {result.Error}");
        }
    }

    [Fact]
    public void Hostile_alias_expansion_stays_bounded()
    {
        // Each level doubles the size: expanded naively, 30 levels would be a billion items.
        var text = "openapi: 3.0.3\npaths:\n  /x:\n    post:\n      requestBody:\n        content:\n          application/json:\n            schema:\n              example:\n"
            + "                a0: &a0 [x, x]\n"
            + string.Concat(Enumerable.Range(1, 30).Select(level => $"                a{level}: &a{level} [*a{level - 1}, *a{level - 1}]\n"))
            + "      responses: {'200': {description: ok}}\n";
        var schema = TestDocuments.ReadOk(text).Operations[0].JsonRequestBody!;

        var example = schema.ExampleJson();

        Assert.InRange(example.Length, 1, 4 * 1024 * 1024);
    }

    [Fact]
    public void Hostile_merge_key_expansion_is_an_error_not_a_hang()
    {
        // Each level merges the one before and adds a key: the copies grow with the square of the levels.
        var text = "openapi: 3.0.3\npaths: {}\nx-levels:\n  l0: &l0 {k0: 0}\n"
            + string.Concat(Enumerable.Range(1, 2500).Select(level => $"  l{level}: &l{level} {{<<: *l{level - 1}, k{level}: {level}}}\n"));

        var result = TestDocuments.ReadFailure(text);

        Assert.Contains("holds more than 2,000,000 values", result.Error, StringComparison.Ordinal);
        Assert.InRange(result.Line, 5, text.Count(c => c == '\n'));
    }

    [Fact]
    public void A_document_over_the_size_limit_is_an_error_at_its_start()
    {
        var text = "openapi: 3.0.3\npaths: {}\nx-padding: '" + new string('x', 32 * 1024 * 1024) + "'\n";

        var result = TestDocuments.ReadFailure(text);

        Assert.Contains("larger than the 32 Mi characters", result.Error, StringComparison.Ordinal);
        Assert.Equal((1, 1), (result.Line, result.Column));
    }

    [Theory]
    [InlineData("tr-TR")]
    [InlineData("de-DE")]
    [InlineData("ar-SA")]
    public void Results_do_not_depend_on_the_current_culture(string culture)
    {
        var text = """
            openapi: 3.0.3
            paths:
              /items/{id}:
                options:
                  operationId: describe
                  responses: {'200': {description: ok}}
                delete:
                  requestBody:
                    content:
                      application/json:
                        schema:
                          type: object
                          properties:
                            ratio: {type: number, example: .5}
                            big: {type: number, example: 1.5e3}
                            title: {type: string, example: "ISTANBUL"}
                  responses: {'204': {description: gone}}
            """;
        string Observe()
        {
            var document = TestDocuments.ReadOk(text);
            var describe = document.FindOperation("options", "/items/{itemId}");
            var remove = document.FindOperation("delete", "/items/1");
            return describe?.Method + "|" + remove?.Method + "|" + remove?.JsonRequestBody!.ExampleJson();
        }

        var invariant = Observe();
        var original = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(culture);
            Assert.Equal(invariant, Observe());
        }
        finally
        {
            CultureInfo.CurrentCulture = original;
        }

        Assert.Equal("OPTIONS|DELETE|{\"ratio\":0.5,\"big\":1.5e3,\"title\":\"ISTANBUL\"}", invariant);
    }

    [Fact]
    public void One_document_serves_concurrent_readers()
    {
        var document = TestDocuments.Sample(TestDocuments.SampleYaml);
        var expected = document.FindOperation("GET", "/api/groups/{id}")!.JsonResponseSchema(200)!.ExampleJson();

        var results = Enumerable.Range(0, 16)
            .AsParallel()
            .Select(_ => document.FindOperation("GET", "/api/groups/{id}")!.JsonResponseSchema(200)!.ExampleJson())
            .ToList();

        Assert.All(results, result => Assert.Equal(expected, result));
    }

    [Fact]
    public void Reading_twice_gives_the_same_warnings_in_the_same_order()
    {
        var text = TestDocuments.WithRequestSchema("""
            properties:
              a: {$ref: '#/components/schemas/A'}
              b: {$ref: 'other.yaml#/B'}
              c: {$ref: '#/components/schemas/C'}
            """);

        var first = TestDocuments.ReadOk(text).Warnings;
        var second = TestDocuments.ReadOk(text).Warnings;

        Assert.Equal(3, first.Count);
        Assert.Equal(first, second);
    }
}
