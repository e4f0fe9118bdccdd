using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Testing;

namespace K6Scenarios.Analyzers.Tests.Verification;

/// <summary>
/// How every test compiles a load test: C# 12, nullable, and references that are on this machine already (the
/// running runtime's own assemblies plus K6Scenarios.Model.dll), so no test downloads a reference pack.
/// </summary>
internal static class TestCompilation
{
    /// <summary>The folder test projects live in; sources are <c>/project/LoadTests0.cs</c>, ...</summary>
    public const string ProjectFolder = "/project/";

    /// <summary>The path of the OpenAPI document the tests add unless they say otherwise.</summary>
    public const string OpenApiPath = ProjectFolder + "openapi.yaml";

    /// <summary>The global analyzer config that carries options and AdditionalFiles metadata, as MSBuild writes it.</summary>
    public const string GlobalConfigPath = ProjectFolder + ".globalconfig";

    /// <summary>The MSBuild metadata key that says which base URL a document describes.</summary>
    public const string BaseUrlMetadata = "build_metadata.AdditionalFiles.K6BaseUrl";

    /// <summary>The MSBuild metadata key that marks any additional file as an OpenAPI document.</summary>
    public const string OpenApiMetadata = "build_metadata.AdditionalFiles.K6OpenApi";

    private static readonly Lazy<ImmutableArray<MetadataReference>> LazyReferences = new(BuildReferences);

    /// <summary>Gets the references of every test compilation: the runtime's assemblies and the model.</summary>
    public static ImmutableArray<MetadataReference> References => LazyReferences.Value;

    /// <summary>
    /// Gets reference assemblies with no package: the testing library resolves them without NuGet (it only
    /// downloads when a package is named), and <see cref="References"/> are added to each test instead.
    /// </summary>
    public static ReferenceAssemblies OfflineReferenceAssemblies { get; } =
        new ReferenceAssemblies("net10.0").WithNuGetConfigFilePath(Repository.PathOf("nuget.config"));

    /// <summary>Gets the parse options: the oldest language version users' projects compile with.</summary>
    public static CSharpParseOptions ParseOptions { get; } = new(LanguageVersion.CSharp12);

    /// <summary>Gets the compilation options: a library with nullable annotations on.</summary>
    public static CSharpCompilationOptions CompilationOptions { get; } =
        new(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable);

    /// <summary>
    /// Writes a global analyzer config: <paramref name="options"/> at the top (as <c>.editorconfig</c> or MSBuild
    /// properties give them), then one section per additional file with its metadata (as MSBuild's
    /// <c>CompilerVisibleItemMetadata</c> does).
    /// </summary>
    public static string GlobalConfig(IReadOnlyDictionary<string, string> options, IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> fileMetadata)
    {
        var text = new StringBuilder("is_global = true\n");
        foreach (var (key, value) in options.OrderBy(o => o.Key, StringComparer.Ordinal))
        {
            text.Append(key).Append(" = ").Append(value).Append('\n');
        }

        foreach (var (path, metadata) in fileMetadata.OrderBy(f => f.Key, StringComparer.Ordinal).Where(f => f.Value.Count > 0))
        {
            text.Append("\n[").Append(path).Append("]\n");
            foreach (var (key, value) in metadata.OrderBy(m => m.Key, StringComparer.Ordinal))
            {
                text.Append(key).Append(" = ").Append(value).Append('\n');
            }
        }

        return text.ToString();
    }

    /// <summary>The metadata of an OpenAPI document: its base URL variable, when it has one.</summary>
    public static IReadOnlyDictionary<string, string> OpenApiDocumentMetadata(string? baseUrlVariable) =>
        baseUrlVariable is null ? new Dictionary<string, string>() : new Dictionary<string, string> { [BaseUrlMetadata] = baseUrlVariable };

    private static ImmutableArray<MetadataReference> BuildReferences()
    {
        // The runtime's own assemblies (trusted platform assemblies in the shared framework folder) and the model.
        var runtimeDirectory = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        var trusted = ((string?)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") ?? string.Empty).Split(Path.PathSeparator);
        var framework = trusted
            .Where(p => p.Length > 0 && string.Equals(Path.GetDirectoryName(p), runtimeDirectory, StringComparison.Ordinal))
            .Where(p => Path.GetFileName(p).StartsWith("System", StringComparison.Ordinal) || Path.GetFileName(p) is "mscorlib.dll" or "netstandard.dll")
            .OrderBy(p => p, StringComparer.Ordinal);
        return framework
            .Append(typeof(K6Scenarios.Model.LoadTest).Assembly.Location)
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
            .ToImmutableArray();
    }
}
