using System;
using System.Collections.Concurrent;
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
    private static readonly char[] Separators = [';', ','];

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

    /// <summary>Gets whether the document describes the base URL read from <paramref name="variable"/>.</summary>
    /// <param name="variable">The environment variable.</param>
    public bool Describes(string variable) =>
        BaseUrlVariable is not null &&
        BaseUrlVariable.Split(Separators, StringSplitOptions.RemoveEmptyEntries).Any(v => string.Equals(v.Trim(), variable, StringComparison.Ordinal));

    /// <summary>Gets the document, when it was read.</summary>
    public OpenApiDocument? Document => Result.Document;
}

/// <summary>
/// The OpenAPI documents of a compilation and which requests each applies to. A document applies to the requests whose
/// base URL comes from the environment variable named by its <c>K6BaseUrl</c> metadata; when no document has that
/// metadata, a single readable document applies to every request.
/// </summary>
internal sealed class OpenApiDocumentSet
{
    /// <summary>The metadata that names the base URL's environment variable.</summary>
    public const string BaseUrlMetadata = "build_metadata.AdditionalFiles.K6BaseUrl";

    /// <summary>The metadata that marks a file with another name as an OpenAPI document.</summary>
    public const string OpenApiMetadata = "build_metadata.AdditionalFiles.K6OpenApi";

    // Requests repeat the same paths (every load test calls the same API) and matching scans every path template of the
    // document, so lookups are remembered for the compilation. Documents compare by identity.
    private readonly ConcurrentDictionary<(OpenApiDocument Document, string Path), IReadOnlyList<OpenApiOperation>> _pathOperations = new();
    private readonly ConcurrentDictionary<(OpenApiDocument Document, string Method, string Path), OpenApiOperation?> _operations = new();

    private OpenApiDocumentSet(IReadOnlyList<LoadedDocument> documents)
    {
        Documents = documents;
        AnyNamesBaseUrl = documents.Any(d => d.BaseUrlVariable is not null);
    }

    /// <summary>Gets every OpenAPI document found, readable or not, in path order.</summary>
    public IReadOnlyList<LoadedDocument> Documents { get; }

    /// <summary>Gets whether some document has <c>K6BaseUrl</c> metadata.</summary>
    public bool AnyNamesBaseUrl { get; }

    /// <summary>Gets the readable documents when several exist but none names its base URL (so none applies).</summary>
    public IReadOnlyList<LoadedDocument> AmbiguousDocuments =>
        !AnyNamesBaseUrl && Readable.Count > 1 ? Readable : Array.Empty<LoadedDocument>();

    private List<LoadedDocument> Readable => Documents.Where(d => d.Document is not null).ToList();

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

    /// <summary>Gets <see cref="OpenApiDocument.FindOperationsForPath"/> of a document, remembered for the compilation.</summary>
    /// <param name="document">One of this set's documents.</param>
    /// <param name="path">The request path.</param>
    public IReadOnlyList<OpenApiOperation> FindOperationsForPath(OpenApiDocument document, string path) =>
        _pathOperations.GetOrAdd((document, path), static key => key.Document.FindOperationsForPath(key.Path));

    /// <summary>Gets <see cref="OpenApiDocument.FindOperation"/> of a document, remembered for the compilation.</summary>
    /// <param name="document">One of this set's documents.</param>
    /// <param name="method">The HTTP method.</param>
    /// <param name="path">The request path.</param>
    public OpenApiOperation? FindOperation(OpenApiDocument document, string method, string path) =>
        _operations.GetOrAdd((document, method, path), static key => key.Document.FindOperation(key.Method, key.Path));

    /// <summary>Gets the documents that apply to requests whose base URL comes from <paramref name="baseUrlVariable"/>.</summary>
    /// <param name="baseUrlVariable">The environment variable, or <see langword="null"/> when unknown.</param>
    public IReadOnlyList<OpenApiDocument> For(string? baseUrlVariable)
    {
        if (AnyNamesBaseUrl)
        {
            return baseUrlVariable is null
                ? Array.Empty<OpenApiDocument>()
                : Documents.Where(d => d.Document is not null && d.Describes(baseUrlVariable)).Select(d => d.Document!).ToList();
        }

        var readable = Readable;
        return readable.Count == 1 ? new[] { readable[0].Document! } : Array.Empty<OpenApiDocument>();
    }
}
