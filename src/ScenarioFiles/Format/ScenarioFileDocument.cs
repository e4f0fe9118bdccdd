using System.Collections.Generic;
using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;

namespace K6Scenarios.ScenarioFiles.Format;

/// <summary>
/// A scenario file (<c>*.k6s.yaml</c>): base URLs, user pools and custom metrics its load tests share, and the load
/// tests, each of which becomes one k6 script.
/// </summary>
[ElementName("the scenario file")]
public sealed class ScenarioFileDocument : FileElement
{
    /// <summary>Named base URLs, each read from an environment variable with a default for local runs.</summary>
    [JsonPropertyName("baseUrls")]
    public Dictionary<string, BaseUrlFile>? BaseUrls { get; set; }

    /// <summary>Named user pools: a JSON or CSV file, or entries generated from templates.</summary>
    [JsonPropertyName("pools")]
    public Dictionary<string, PoolFile>? Pools { get; set; }

    /// <summary>Custom metrics by name (letters, digits and '_'): <c>errors: rate</c>, <c>journey: { type: trend, time: true }</c>.</summary>
    [JsonPropertyName("metrics")]
    public Dictionary<string, MetricFile>? Metrics { get; set; }

    /// <summary>The load tests; each becomes <c>{name}.js</c>.</summary>
    [JsonPropertyName("loadTests")]
    [Required]
    public List<LoadTestFile>? LoadTests { get; set; }
}

/// <summary>A base URL read from an environment variable (<c>k6 run -e API_URL=...</c>), with a default.</summary>
[ElementName("a base URL")]
public sealed class BaseUrlFile : FileElement
{
    /// <summary>The environment variable that overrides the URL.</summary>
    [JsonPropertyName("env")]
    [Required]
    [TextForm("^[A-Za-z_][A-Za-z0-9_]*$", "an environment variable name (letters, digits and '_')")]
    public string? Env { get; set; }

    /// <summary>The URL used when the variable is not set.</summary>
    [JsonPropertyName("default")]
    [Required]
    public string? Default { get; set; }
}

/// <summary>A user pool: exactly one of <c>json</c>, <c>csv</c> or <c>generate</c>.</summary>
[ElementName("a pool")]
[ExactlyOneOf("json", "csv", "generate")]
[AtMostOneOf("generate", "fields")]
[AtMostOneOf("json", "values")]
[AtMostOneOf("csv", "values")]
[AtMostOneOf("generate", "count")]
public sealed class PoolFile : FileElement
{
    /// <summary>A JSON file holding an array of objects, relative to the scenario file.</summary>
    [JsonPropertyName("json")]
    public string? Json { get; set; }

    /// <summary>A CSV file whose first row names the fields, relative to the scenario file.</summary>
    [JsonPropertyName("csv")]
    public string? Csv { get; set; }

    /// <summary>The number of entries to generate from <c>fields</c> templates, where <c>{n}</c> is the entry's number from 1.</summary>
    [JsonPropertyName("generate")]
    [Range(1, int.MaxValue)]
    public int? Generate { get; set; }

    /// <summary>The fields every entry of a JSON or CSV file has.</summary>
    [JsonPropertyName("fields")]
    public List<string>? Fields { get; set; }

    /// <summary>The templates of a generated pool's fields, by field: <c>email: user{n}@example.test</c>, <c>password: ${secret.USER_PASSWORD}</c>.</summary>
    [JsonPropertyName("values")]
    [ScalarValue]
    public Dictionary<string, object>? Values { get; set; }

    /// <summary>How many entries the file holds, so pool-size rules can check it before the run.</summary>
    [JsonPropertyName("count")]
    [Range(0, int.MaxValue)]
    public int? Count { get; set; }
}

/// <summary>A custom metric: its type, and for Trends whether values are times.</summary>
[ElementName("a metric")]
[Shorthand("type")]
public sealed class MetricFile : FileElement
{
    /// <summary>The k6 metric type.</summary>
    [JsonPropertyName("type")]
    [Required]
    [OneOfValues("counter", "gauge", "rate", "trend")]
    public string? Type { get; set; }

    /// <summary>Whether a Trend's values are times in milliseconds (shown as times in the summary).</summary>
    [JsonPropertyName("time")]
    public bool? Time { get; set; }
}
