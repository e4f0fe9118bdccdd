using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using K6Scenarios.OpenApi;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace K6Scenarios.Analyzers.OpenApiSupport;

/// <summary>An OpenAPI document found among the AdditionalFiles, read or not.</summary>
internal sealed class LoadedDocument
{
    public LoadedDocument(AdditionalText file, SourceText? text, OpenApiReadResult result, string? baseUrlVariable)
    {
        File = file;
        Text = text;
        Result = result;
        BaseUrlVariable = baseUrlVariable;
    }

    /// <summary>Gets the additional file.</summary>
    public AdditionalText File { get; }

    /// <summary>Gets the file's text, when it could be read.</summary>
    public SourceText? Text { get; }

    /// <summary>Gets the outcome of reading it.</summary>
    public OpenApiReadResult Result { get; }

    /// <summary>Gets the <c>K6BaseUrl</c> metadata: the environment variable of the base URL this document describes
    /// (several separated by ';' or ',' when one document describes several services).</summary>
    public string? BaseUrlVariable { get; }

    /// <summary>Gets the document, when it was read.</summary>
    public OpenApiDocument? Document => Result.Document;
}

/// <summary>
/// The OpenAPI documents of a compilation, each read once per content. Which requests each applies to is the rule
/// core's (<c>ApiDocuments</c>), the same at emit time.
/// </summary>
internal sealed class OpenApiDocumentSet
{
    /// <summary>The metadata that names the base URL's environment variable.</summary>
    public const string BaseUrlMetadata = "build_metadata.AdditionalFiles.K6BaseUrl";

    /// <summary>The metadata that marks a file with another name as an OpenAPI document.</summary>
    public const string OpenApiMetadata = "build_metadata.AdditionalFiles.K6OpenApi";

    private OpenApiDocumentSet(IReadOnlyList<LoadedDocument> documents) => Documents = documents;

    /// <summary>Gets every OpenAPI document found, readable or not, in path order.</summary>
    public IReadOnlyList<LoadedDocument> Documents { get; }

    /// <summary>Finds and reads the OpenAPI documents among the additional files.</summary>
    /// <param name="options">The analyzer options.</param>
    /// <param name="read">Reads a text through the compilation's cache (each content is parsed once).</param>
    /// <param name="cancellationToken">The cancellation token.</param>
    public static OpenApiDocumentSet Load(AnalyzerOptions options, Func<SourceText, OpenApiReadResult?> read, CancellationToken cancellationToken)
    {
        var documents = new List<LoadedDocument>();
        foreach (var file in options.AdditionalFiles.OrderBy(f => f.Path, StringComparer.Ordinal))
        {
            var config = options.AnalyzerConfigOptionsProvider.GetOptions(file);
            config.TryGetValue(BaseUrlMetadata, out var baseUrl);
            baseUrl = string.IsNullOrWhiteSpace(baseUrl) ? null : baseUrl!.Trim();
            config.TryGetValue(OpenApiMetadata, out var marked);
            var isMarked = string.Equals(marked?.Trim(), "true", StringComparison.OrdinalIgnoreCase);
            if (!isMarked && baseUrl is null && !HasOpenApiFileName(file.Path))
            {
                continue;
            }

            var text = file.GetText(cancellationToken);
            var result = text is null
                ? null
                : read(text);
            result ??= OpenApiReader.Read(string.Empty, file.Path);
            documents.Add(new LoadedDocument(file, text, result, baseUrl));
        }

        return new OpenApiDocumentSet(documents);
    }

    /// <summary>Gets whether a file name is one the analyzers read as OpenAPI without metadata.</summary>
    public static bool HasOpenApiFileName(string path)
    {
        var slash = Math.Max(path.LastIndexOf('/'), path.LastIndexOf('\\'));
        var name = path.Substring(slash + 1).ToLowerInvariant();
        foreach (var extension in new[] { ".json", ".yaml", ".yml" })
        {
            if (name == "openapi" + extension || name.EndsWith(".openapi" + extension, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
