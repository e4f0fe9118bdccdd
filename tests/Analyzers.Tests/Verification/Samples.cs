using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace K6Scenarios.Analyzers.Tests.Verification;

/// <summary>The repository's samples: load-test sources and the sample API's OpenAPI document.</summary>
internal static class Samples
{
    /// <summary>Gets the sample API's document in YAML (samples/openapi/sample-api.yaml).</summary>
    public static string ApiYaml { get; } = File.ReadAllText(Repository.PathOf("samples", "openapi", "sample-api.yaml"));

    /// <summary>Gets the same document in JSON (samples/openapi/sample-api.json).</summary>
    public static string ApiJson { get; } = File.ReadAllText(Repository.PathOf("samples", "openapi", "sample-api.json"));

    /// <summary>Gets the repository-relative paths of every sample C# file, build output left out.</summary>
    public static IReadOnlyList<string> SourceFiles { get; } = Directory
        .EnumerateFiles(Repository.PathOf("samples"), "*.cs", SearchOption.AllDirectories)
        .Where(p => !IsBuildOutput(p))
        .Select(p => Path.GetRelativePath(Repository.Root, p).Replace('\\', '/'))
        .OrderBy(p => p, StringComparer.Ordinal)
        .ToList();

    /// <summary>Reads a sample file by its repository-relative path.</summary>
    public static string Read(string relativePath) => File.ReadAllText(Repository.PathOf(relativePath.Split('/')));

    private static bool IsBuildOutput(string path)
    {
        var normalized = path.Replace('\\', '/');
        return normalized.Contains("/obj/", StringComparison.Ordinal) || normalized.Contains("/bin/", StringComparison.Ordinal);
    }
}
