using System;
using System.IO;
using BenchmarkDotNet.Attributes;
using K6Scenarios.OpenApi;

namespace K6Scenarios.Benchmarks.Analyzers;

/// <summary>
/// Reading an OpenAPI document as the analyzers do, once per compilation: the netstandard2.0 builds of the reader and
/// of YamlDotNet (the assemblies the package ships in analyzers/dotnet/cs), on the shared sample in YAML and JSON and
/// on the 200-operation document bench/analyzer-cost.sh generates.
/// </summary>
[MemoryDiagnoser]
public class OpenApiReadBenchmarks
{
    private string _text = string.Empty;

    /// <summary>Gets or sets the document read.</summary>
    [Params("sample-api.yaml", "sample-api.json", "generated-200.yaml")]
    public string Document { get; set; } = string.Empty;

    /// <summary>Loads the document and checks that it reads, so that no error path is measured.</summary>
    [GlobalSetup]
    public void Setup()
    {
        if (Document.StartsWith("generated", StringComparison.Ordinal))
        {
            var folder = Path.Combine(Path.GetTempPath(), "k6scenarios-bench", "openapi-read");
            ProjectGenerator.Write(folder, Program.RepositoryRoot(), 1, 200);
            _text = File.ReadAllText(Path.Combine(folder, ProjectGenerator.OpenApiFileName));
        }
        else
        {
            _text = File.ReadAllText(Path.Combine(Program.RepositoryRoot(), "samples", "openapi", Document));
        }

        var result = OpenApiReader.Read(_text, Document);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(Document + " does not read: " + result.Error);
        }
    }

    /// <summary>Reads the document: parse, build operations and schemas.</summary>
    /// <returns>The result.</returns>
    [Benchmark]
    public OpenApiReadResult Read() => OpenApiReader.Read(_text, Document);
}
