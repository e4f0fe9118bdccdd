using System;
using System.Collections.Generic;

namespace K6Scenarios.OpenApi;

/// <summary>
/// An OpenAPI 3.0 or 3.1 document read by <see cref="OpenApiReader"/>: its operations and the
/// lookups analyzers need. Immutable, so one instance can serve concurrent callers.
/// </summary>
public sealed class OpenApiDocument
{
    private readonly List<PathTemplateMatcher> _templates;
    private readonly Dictionary<string, List<OpenApiOperation>> _operationsByTemplate;

    internal OpenApiDocument(
        string path,
        string? title,
        string version,
        string? apiVersion,
        IReadOnlyList<string> serverBasePaths,
        IReadOnlyList<OpenApiOperation> operations,
        IReadOnlyList<OpenApiSecurityScheme> securitySchemes,
        IReadOnlyList<OpenApiWarning> warnings)
    {
        Path = path;
        Title = title;
        Version = version;
        ApiVersion = apiVersion;
        ServerBasePaths = serverBasePaths;
        Operations = operations;
        SecuritySchemes = securitySchemes;
        WarningDetails = warnings;

        var warningTexts = new List<string>(warnings.Count);
        foreach (var warning in warnings)
        {
            warningTexts.Add(warning.ToString());
        }

        Warnings = warningTexts;

        _templates = new List<PathTemplateMatcher>();
        _operationsByTemplate = new Dictionary<string, List<OpenApiOperation>>(StringComparer.Ordinal);
        var templates = new List<string>();
        foreach (var operation in operations)
        {
            if (!_operationsByTemplate.TryGetValue(operation.PathTemplate, out var group))
            {
                group = new List<OpenApiOperation>();
                _operationsByTemplate.Add(operation.PathTemplate, group);
                _templates.Add(new PathTemplateMatcher(operation.PathTemplate));
                templates.Add(operation.PathTemplate);
            }

            group.Add(operation);
        }

        PathTemplates = templates;
    }

    /// <summary>The file path given to <see cref="OpenApiReader.Read(string, string)"/>.</summary>
    public string Path { get; }

    /// <summary><c>info.title</c>, or null.</summary>
    public string? Title { get; }

    /// <summary>The OpenAPI version the document declares (<c>openapi: 3.0.3</c> gives <c>3.0.3</c>).</summary>
    public string Version { get; }

    /// <summary>The API's own version, <c>info.version</c>, or null.</summary>
    public string? ApiVersion { get; }

    /// <summary>
    /// The path part of each <c>servers[].url</c> without a trailing '/', variables replaced by their
    /// defaults: <c>/api</c> for <c>https://host/api/</c>, empty for <c>http://host</c> and for a document without servers.
    /// </summary>
    public IReadOnlyList<string> ServerBasePaths { get; }

    /// <summary>Every operation, in document order.</summary>
    public IReadOnlyList<OpenApiOperation> Operations { get; }

    /// <summary>The distinct path templates with at least one operation, in document order (for "did you mean" suggestions).</summary>
    public IReadOnlyList<string> PathTemplates { get; }

    /// <summary>The schemes declared in <c>components.securitySchemes</c>, in document order.</summary>
    public IReadOnlyList<OpenApiSecurityScheme> SecuritySchemes { get; }

    /// <summary>Warnings as <c>path(line,column): message</c>: parts of the document that were treated as unknown.</summary>
    public IReadOnlyList<string> Warnings { get; }

    /// <summary>The same warnings with their positions as numbers.</summary>
    public IReadOnlyList<OpenApiWarning> WarningDetails { get; }

    /// <summary>
    /// Finds the operation for a method and a request path template. Placeholders of the document
    /// match any segment; a placeholder of the request (<c>{groupId}</c>) matches a placeholder of
    /// the document whatever its name; literal segments compare case-sensitively, and the most
    /// literal template wins. The path may include a server base path or omit it; a scheme and host,
    /// a query string and a fragment are ignored.
    /// </summary>
    /// <param name="method">The HTTP method, in any case.</param>
    /// <param name="path">The request path: <c>/api/groups/{id}</c> or <c>/groups/42</c>.</param>
    /// <returns>The operation, or null when no path of the document has this method.</returns>
    public OpenApiOperation? FindOperation(string method, string path)
    {
        if (method is null || path is null)
        {
            return null;
        }

        var wanted = method.ToUpperInvariant();
        foreach (var candidate in Candidates(path))
        {
            OpenApiOperation? best = null;
            int[]? bestRanks = null;
            foreach (var matcher in _templates)
            {
                var ranks = matcher.Match(candidate);
                if (ranks is null || !PathTemplateMatcher.IsMoreSpecific(ranks, bestRanks))
                {
                    continue;
                }

                foreach (var operation in _operationsByTemplate[matcher.Template])
                {
                    if (string.Equals(operation.Method, wanted, StringComparison.Ordinal))
                    {
                        best = operation;
                        bestRanks = ranks;
                        break;
                    }
                }
            }

            if (best is not null)
            {
                return best;
            }
        }

        return null;
    }

    /// <summary>Every operation (any method) of the path template that best matches <paramref name="path"/>, as <see cref="FindOperation"/> matches.</summary>
    /// <param name="path">The request path.</param>
    /// <returns>The operations in document order; empty when the document has no such path.</returns>
    public IReadOnlyList<OpenApiOperation> FindOperationsForPath(string path)
    {
        if (path is null)
        {
            return Array.Empty<OpenApiOperation>();
        }

        foreach (var candidate in Candidates(path))
        {
            PathTemplateMatcher? best = null;
            int[]? bestRanks = null;
            foreach (var matcher in _templates)
            {
                var ranks = matcher.Match(candidate);
                if (ranks is not null && PathTemplateMatcher.IsMoreSpecific(ranks, bestRanks))
                {
                    best = matcher;
                    bestRanks = ranks;
                }
            }

            if (best is not null)
            {
                return _operationsByTemplate[best.Template];
            }
        }

        return Array.Empty<OpenApiOperation>();
    }

    /// <summary>The request path as given, then without each server base path it starts with.</summary>
    private List<string[]> Candidates(string path)
    {
        var normalized = PathTemplateMatcher.NormalizeRequestPath(path);
        var candidates = new List<string[]> { PathTemplateMatcher.Split(normalized) };
        foreach (var basePath in ServerBasePaths)
        {
            if (basePath.Length == 0 || !normalized.StartsWith(basePath, StringComparison.Ordinal))
            {
                continue;
            }

            if (normalized.Length == basePath.Length)
            {
                candidates.Add(PathTemplateMatcher.Split("/"));
            }
            else if (normalized[basePath.Length] == '/')
            {
                candidates.Add(PathTemplateMatcher.Split(normalized.Substring(basePath.Length)));
            }
        }

        return candidates;
    }
}
