using System;
using System.IO;
using K6Scenarios.ScenarioFiles.Tests.Support;

namespace K6Scenarios.ScenarioFiles.Tests;

/// <summary>The shipped schema is what NJsonSchema generates from the format types today.</summary>
public sealed class SchemaTests
{
    private static readonly string Shipped = Repository.PathOf("src", "ScenarioFiles", "k6scenarios.schema.json");

    [Fact]
    public void Shipped_schema_is_the_one_generated_from_the_format_types()
    {
        var generated = SchemaGeneration.Generate();
        if (Environment.GetEnvironmentVariable("K6SCENARIOS_ACCEPT") == "true" && Environment.GetEnvironmentVariable("CI") != "true")
        {
            File.WriteAllText(Shipped, generated);
        }

        Assert.Equal(generated, File.ReadAllText(Shipped));
        Assert.Equal(generated, ScenarioFileSchema.Text);
    }
}
