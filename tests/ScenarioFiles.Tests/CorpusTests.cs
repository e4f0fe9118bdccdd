using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using K6Scenarios.ScenarioFiles.Tests.Support;
using NJsonSchema;

namespace K6Scenarios.ScenarioFiles.Tests;

/// <summary>
/// The corpus of broken scenario files. Each starts with <c># expect: K6S1002 at 16:9</c>: the loader must report that
/// rule at that line and column, return no load test and never throw. Files under <c>schema/</c> hold mistakes the
/// JSON Schema can see, and the schema must flag them too; <c>syntax/</c> holds YAML errors, which any YAML parser (so
/// the editor) rejects; <c>semantic/</c> holds mistakes only the loader sees (names declared elsewhere in the file,
/// the aggregations of a metric's type).
/// </summary>
public sealed partial class CorpusTests
{
    private static readonly Lazy<JsonSchema> Schema = new(() => JsonSchema.FromJsonAsync(ScenarioFileSchema.Text).GetAwaiter().GetResult());

    public static TheoryData<string> SchemaCorpus => Files("schema");

    public static TheoryData<string> SyntaxCorpus => Files("syntax");

    public static TheoryData<string> SemanticCorpus => Files("semantic");

    [Theory]
    [MemberData(nameof(SchemaCorpus))]
    [MemberData(nameof(SyntaxCorpus))]
    [MemberData(nameof(SemanticCorpus))]
    public void Loader_reports_the_mistake_at_its_line_and_column(string file)
    {
        var path = Path.Combine(Repository.CorpusFolder, file);
        var result = ScenarioFileLoader.Load(path);

        Assert.Empty(result.LoadTests);
        var reported = string.Join("\n", result.Diagnostics.Select(d => d.ToString()));
        if (Environment.GetEnvironmentVariable("K6SCENARIOS_CORPUS_DUMP") is { Length: > 0 } dump)
        {
            File.AppendAllText(dump, file + "\n" + reported + "\n\n");
        }

        var (id, line, column) = Expectation(path);

        Assert.True(result.Diagnostics.Any(d => d.Id == id && d.Location?.Line == line && d.Location.Column == column),
            "expected " + id + " at " + line + ":" + column + ", got:\n" + reported);
        Assert.All(result.Diagnostics, d => Assert.Equal(path, d.Location?.FilePath));
    }

    [Theory]
    [MemberData(nameof(SchemaCorpus))]
    public void Schema_flags_the_mistake_too(string file)
    {
        var json = YamlJson.Convert(File.ReadAllText(Path.Combine(Repository.CorpusFolder, file)));

        var errors = Schema.Value.Validate(json);

        Assert.NotEmpty(errors);
    }

    [Theory]
    [MemberData(nameof(SyntaxCorpus))]
    public void Yaml_parsers_reject_the_syntax_mistake(string file)
    {
        var text = File.ReadAllText(Path.Combine(Repository.CorpusFolder, file));

        // YamlDotNet's representation model fails some of them with InvalidOperationException rather than YamlException.
        Assert.ThrowsAny<Exception>(() => YamlJson.Convert(text));
    }

    [Fact]
    public void Every_sample_file_validates_against_the_schema()
    {
        foreach (var file in Directory.GetFiles(Repository.SamplesFolder, "*.k6s.yaml"))
        {
            var errors = Schema.Value.Validate(YamlJson.Convert(File.ReadAllText(file)));
            Assert.True(errors.Count == 0, Path.GetFileName(file) + ": " + string.Join("; ", errors.Select(e => e.ToString())));
        }
    }

    [Fact]
    public void The_corpus_base_is_valid_to_both_so_each_file_differs_only_by_its_mistake()
    {
        var text = File.ReadAllText(Path.Combine(Repository.CorpusFolder, "valid.k6s.yaml"));

        Assert.Empty(Schema.Value.Validate(YamlJson.Convert(text)));
        Assert.Empty(ScenarioFileLoader.Parse(text, Path.Combine(Repository.CorpusFolder, "valid.k6s.yaml")).Diagnostics.Select(d => d.ToString()));
    }

    private static TheoryData<string> Files(string folder) =>
        new(Directory.GetFiles(Path.Combine(Repository.CorpusFolder, folder), "*.k6s.yaml").Select(f => folder + "/" + Path.GetFileName(f)).Order(StringComparer.Ordinal));

    private static (string Id, int Line, int Column) Expectation(string path)
    {
        var match = ExpectLine().Match(File.ReadLines(path).Take(3).FirstOrDefault(l => l.StartsWith("# expect:", StringComparison.Ordinal)) ?? string.Empty);
        Assert.True(match.Success, Path.GetFileName(path) + " has no '# expect: K6Sxxxx at line:column' line");
        return (match.Groups[1].Value, int.Parse(match.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture), int.Parse(match.Groups[3].Value, System.Globalization.CultureInfo.InvariantCulture));
    }

    [GeneratedRegex("^# expect: (K6S[0-9]{4}) at ([0-9]+):([0-9]+)$")]
    private static partial Regex ExpectLine();
}
