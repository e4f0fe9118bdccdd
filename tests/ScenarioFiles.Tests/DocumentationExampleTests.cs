using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using K6Scenarios.Emitter;
using K6Scenarios.ScenarioFiles.Tests.Support;

namespace K6Scenarios.ScenarioFiles.Tests;

/// <summary>The scenario files shown in the README and the docs page read as they stand; the README's also emits.</summary>
public sealed partial class DocumentationExampleTests
{
    [Theory]
    [InlineData("README.md")]
    [InlineData("docs/scenario-files.md")]
    [InlineData("src/Package/README.md")]
    public void Yaml_examples_read_without_diagnostics(string document)
    {
        var examples = YamlBlock().Matches(File.ReadAllText(Repository.PathOf(document.Split('/'))))
            .Select(m => m.Groups[1].Value)
            .Where(y => y.Contains("loadTests:", System.StringComparison.Ordinal))
            .ToArray();
        Assert.NotEmpty(examples);
        foreach (var example in examples)
        {
            var read = ScenarioFileLoader.Parse(example, Repository.PathOf("example.k6s.yaml"));
            Assert.Empty(read.Diagnostics.Select(d => d.ToString()));
            Assert.NotEmpty(read.LoadTests);
        }
    }

    [Fact]
    public void Readme_example_emits_a_script()
    {
        var example = YamlBlock().Matches(File.ReadAllText(Repository.PathOf("README.md"))).Select(m => m.Groups[1].Value).First(y => y.Contains("loadTests:", System.StringComparison.Ordinal));

        var test = Assert.Single(ScenarioFileLoader.Parse(example, Repository.PathOf("example.k6s.yaml")).LoadTests);
        var result = new K6ScriptEmitter().Emit(test);

        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        Assert.Contains("'http_req_duration{scenario:signin}': [", result.Output!.Script, System.StringComparison.Ordinal);
    }

    [GeneratedRegex("```yaml\\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex YamlBlock();
}
