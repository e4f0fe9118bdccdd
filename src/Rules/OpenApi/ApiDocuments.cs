using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using K6Scenarios.OpenApi;

namespace K6Scenarios.Rules;

/// <summary>An OpenAPI document, read or not, and the base URLs it describes.</summary>
internal sealed class ApiDocument
{
    private static readonly char[] Separators = { ';', ',' };

    public ApiDocument(string path, OpenApiDocument? document, string? error, int line, int column, string? baseUrlVariables, object? location)
    {
        Path = path;
        Document = document;
        Error = document is null ? error ?? "the document is empty" : null;
        Line = line;
        Column = column;
        BaseUrlVariables = string.IsNullOrWhiteSpace(baseUrlVariables) ? null : baseUrlVariables!.Trim();
        Location = location;
    }

    /// <summary>Creates a document from the reader's result.</summary>
    public ApiDocument(string path, OpenApiReadResult result, string? baseUrlVariables, object? location)
        : this(path, result.Document, result.Error, result.Line, result.Column, baseUrlVariables, location)
    {
    }

    /// <summary>Gets the document's path.</summary>
    public string Path { get; }

    /// <summary>Gets why it could not be read, or <see langword="null"/> when it was.</summary>
    public string? Error { get; }

    /// <summary>Gets the 1-based line <see cref="Error"/> points at.</summary>
    public int Line { get; }

    /// <summary>Gets the 1-based column <see cref="Error"/> points at.</summary>
    public int Column { get; }

    /// <summary>Gets the <c>K6BaseUrl</c> metadata: the environment variables (';' or ',' separated) of the base URLs it describes.</summary>
    public string? BaseUrlVariables { get; }

    /// <summary>Gets a host object that locates problems in the document (the analyzers' file), or <see langword="null"/>.</summary>
    public object? Location { get; }

    /// <summary>Gets the document, when it was read.</summary>
    public OpenApiDocument? Document { get; }

    /// <summary>Gets whether the document describes the base URL read from <paramref name="variable"/>.</summary>
    public bool Describes(string variable) =>
        BaseUrlVariables is not null
        && BaseUrlVariables.Split(Separators, StringSplitOptions.RemoveEmptyEntries).Any(v => string.Equals(v.Trim(), variable, StringComparison.Ordinal));

    /// <summary>Gets the file name of the document.</summary>
    public string FileName => Path.Substring(Math.Max(Path.LastIndexOf('/'), Path.LastIndexOf('\\')) + 1);
}

/// <summary>
/// The OpenAPI documents requests are checked against, and which requests each applies to: a document applies to the
/// requests whose base URL comes from an environment variable named by its <c>K6BaseUrl</c> metadata; otherwise a single
/// readable document without that metadata applies to every request. Operation look-ups are remembered.
/// </summary>
internal sealed class ApiDocuments
{
    // Value-tuple keys: a look-up allocates nothing (every request of every load test asks).
    private readonly ConcurrentDictionary<(OpenApiDocument Document, string Path), IReadOnlyList<OpenApiOperation>> _pathOperations = new();
    private readonly ConcurrentDictionary<(OpenApiDocument Document, string Method, string Path), OpenApiOperation?> _operations = new();
    private readonly ConcurrentDictionary<string, IReadOnlyList<OpenApiDocument>> _forVariable = new(StringComparer.Ordinal);
    private readonly List<OpenApiDocument> _general;

    public ApiDocuments(IReadOnlyList<ApiDocument> documents)
    {
        All = documents;
        Readable = documents.Where(d => d.Document is not null).ToList();
        AnyNamesBaseUrl = documents.Any(d => d.BaseUrlVariables is not null);
        var unnamed = Readable.Where(d => d.BaseUrlVariables is null).ToList();
        _general = unnamed.Count == 1 ? new List<OpenApiDocument> { unnamed[0].Document! } : new List<OpenApiDocument>();
    }

    /// <summary>Gets every document, readable or not.</summary>
    public IReadOnlyList<ApiDocument> All { get; }

    /// <summary>Gets the readable documents.</summary>
    public IReadOnlyList<ApiDocument> Readable { get; }

    /// <summary>Gets whether some document has <c>K6BaseUrl</c> metadata.</summary>
    public bool AnyNamesBaseUrl { get; }

    /// <summary>Gets the readable documents when several exist but none names its base URL (so none applies: K6S0508).</summary>
    public IReadOnlyList<ApiDocument> Ambiguous => !AnyNamesBaseUrl && Readable.Count > 1 ? Readable : Array.Empty<ApiDocument>();

    /// <summary>Gets the documents that apply to a base URL read from <paramref name="variable"/> (unknown: <c>Known == false</c>).</summary>
    public IReadOnlyList<OpenApiDocument>? For(Fact<string>? variable)
    {
        if (variable is { IsKnown: true } known)
        {
            if (!_forVariable.TryGetValue(known.Value, out var documents))
            {
                var named = Readable.Where(d => d.Describes(known.Value)).Select(d => d.Document!).ToList();
                documents = _forVariable.GetOrAdd(known.Value, named.Count > 0 ? named : _general);
            }

            return documents;
        }

        // No base URL of its own and no default, or one that cannot be read: only a document for every request applies.
        return variable is null || !AnyNamesBaseUrl ? _general : null;
    }

    /// <summary>Gets the operations of a path in a document (any method).</summary>
    public IReadOnlyList<OpenApiOperation> FindOperationsForPath(OpenApiDocument document, string path) =>
        _pathOperations.GetOrAdd((document, path), key => key.Document.FindOperationsForPath(key.Path));

    /// <summary>Gets the operation of a method and path in a document.</summary>
    public OpenApiOperation? FindOperation(OpenApiDocument document, string method, string path) =>
        _operations.GetOrAdd((document, method, path), key => key.Document.FindOperation(key.Method, key.Path));
}

/// <summary>Which documents apply to a request, and the operation it calls.</summary>
internal sealed class OperationMatch
{
    private OperationMatch(IReadOnlyList<OpenApiDocument> documents, OpenApiOperation? operation, IReadOnlyList<OpenApiOperation> pathOperations, string matchedPath)
    {
        Documents = documents;
        Operation = operation;
        PathOperations = pathOperations;
        MatchedPath = matchedPath;
    }

    /// <summary>Gets the documents that apply.</summary>
    public IReadOnlyList<OpenApiDocument> Documents { get; }

    /// <summary>Gets the operation, or <see langword="null"/> when the path or method is not documented.</summary>
    public OpenApiOperation? Operation { get; }

    /// <summary>Gets the operations of the request's path (any method).</summary>
    public IReadOnlyList<OpenApiOperation> PathOperations { get; }

    /// <summary>Gets the path that matched (with the base URL's path prefixed when that is what matched).</summary>
    public string MatchedPath { get; }

    /// <summary>
    /// Matches a request, or returns <see langword="null"/> when no document applies or its method, path or base URL
    /// cannot be read.
    /// </summary>
    public static OperationMatch? Find(RequestFacts request, TestFacts test, ApiDocuments? documents)
    {
        if (documents is null || documents.Readable.Count == 0 || !request.Method.IsKnown || !request.Path.IsKnown)
        {
            return null;
        }

        var baseUrl = request.BaseUrl.IsKnown && request.BaseUrl.Value is null ? test.DefaultBaseUrl : request.BaseUrl;
        if (!baseUrl.IsKnown && documents.AnyNamesBaseUrl)
        {
            return null;
        }

        return Find(request.Method.Value, request.Path.Value, baseUrl.IsKnown ? baseUrl.Value : null, documents);
    }

    /// <summary>Matches a request by its method, path and effective base URL (<see langword="null"/>: none).</summary>
    public static OperationMatch? Find(string method, string requestPath, BaseUrlFacts? url, ApiDocuments documents)
    {
        var applicable = documents.For(url?.Variable);
        if (applicable is null || applicable.Count == 0)
        {
            return null;
        }

        // The path as written, then prefixed with the path of the base URL's default (http://host/api + /users).
        var paths = new List<string> { requestPath };
        if (url is not null && url.DefaultPath.Length > 0)
        {
            paths.Add(url.DefaultPath + requestPath);
        }

        foreach (var path in paths)
        {
            foreach (var document in applicable)
            {
                var pathOperations = documents.FindOperationsForPath(document, path);
                if (pathOperations.Count > 0)
                {
                    return new OperationMatch(applicable, documents.FindOperation(document, method, path), pathOperations, path);
                }
            }
        }

        return new OperationMatch(applicable, null, Array.Empty<OpenApiOperation>(), requestPath);
    }
}
