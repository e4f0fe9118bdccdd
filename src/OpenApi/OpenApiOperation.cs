using System;
using System.Collections.Generic;

namespace K6Scenarios.OpenApi;

/// <summary>One operation (method and path template) of an OpenAPI document.</summary>
public sealed class OpenApiOperation
{
    private readonly IReadOnlyList<OpenApiResponse> _responses;

    internal OpenApiOperation(
        string method,
        string pathTemplate,
        string? operationId,
        int line,
        int column,
        IReadOnlyList<OpenApiParameter> parameters,
        IReadOnlyList<string> requestBodyMediaTypes,
        OpenApiSchema? jsonRequestBody,
        bool requestBodyRequired,
        IReadOnlyList<OpenApiResponse> responses,
        IReadOnlyList<IReadOnlyList<string>> securityRequirements,
        IReadOnlyList<OpenApiSecurityScheme> securitySchemes)
    {
        Method = method;
        PathTemplate = pathTemplate;
        OperationId = operationId;
        Line = line;
        Column = column;
        Parameters = parameters;
        RequestBodyMediaTypes = requestBodyMediaTypes;
        JsonRequestBody = jsonRequestBody;
        RequestBodyRequired = requestBodyRequired;
        _responses = responses;
        SecurityRequirements = securityRequirements;
        SecuritySchemes = securitySchemes;
        PathParameterNames = PathTemplateMatcher.PlaceholderNames(pathTemplate);

        var keys = new List<string>(responses.Count);
        var statuses = new SortedSet<int>();
        foreach (var response in responses)
        {
            keys.Add(response.Key);
            if (string.Equals(response.Key, "default", StringComparison.Ordinal))
            {
                HasDefaultResponse = true;
            }
            else if (TryParseStatus(response.Key, out var status))
            {
                statuses.Add(status);
            }
        }

        ResponseKeys = keys;
        DocumentedStatuses = new List<int>(statuses);
        var successes = new List<int>();
        foreach (var status in statuses)
        {
            if (status < 400)
            {
                successes.Add(status);
            }
        }

        DocumentedSuccessStatuses = successes;

        var descriptions = new List<string>(securitySchemes.Count);
        foreach (var scheme in securitySchemes)
        {
            descriptions.Add(scheme.Description);
        }

        SecuritySchemeDescriptions = descriptions;

        var anonymousAllowed = false;
        foreach (var requirement in securityRequirements)
        {
            anonymousAllowed |= requirement.Count == 0;
        }

        RequiresAuthentication = securityRequirements.Count > 0 && !anonymousAllowed;
    }

    /// <summary>The HTTP method in upper case: <c>GET</c>, <c>POST</c>...</summary>
    public string Method { get; }

    /// <summary>The path template as the document writes it: <c>/users/{id}</c>.</summary>
    public string PathTemplate { get; }

    /// <summary>The <c>operationId</c>, or null.</summary>
    public string? OperationId { get; }

    /// <summary>1-based line of the operation's method key in the document.</summary>
    public int Line { get; }

    /// <summary>1-based column of the operation's method key in the document.</summary>
    public int Column { get; }

    /// <summary>The placeholder names of <see cref="PathTemplate"/>, in order: <c>id</c> for <c>/users/{id}</c>.</summary>
    public IReadOnlyList<string> PathParameterNames { get; }

    /// <summary>Path-item and operation parameters merged (the operation's win by name and location), <c>$ref</c>s resolved.</summary>
    public IReadOnlyList<OpenApiParameter> Parameters { get; }

    /// <summary>The media types of the request body as written (empty: no request body).</summary>
    public IReadOnlyList<string> RequestBodyMediaTypes { get; }

    /// <summary>
    /// The schema of the JSON request body (<c>application/json</c>, else a <c>+json</c> type, else
    /// <c>*/*</c>), <c>$ref</c>s and <c>allOf</c> resolved; null when there is none or it cannot be resolved.
    /// </summary>
    public OpenApiSchema? JsonRequestBody { get; }

    /// <summary>True when the request body is declared <c>required: true</c>.</summary>
    public bool RequestBodyRequired { get; }

    /// <summary>Response keys as written: <c>"201"</c>, <c>"2XX"</c>, <c>"default"</c>.</summary>
    public IReadOnlyList<string> ResponseKeys { get; }

    /// <summary>True when the responses include <c>default</c>, which <see cref="DocumentsStatus"/> does not count.</summary>
    public bool HasDefaultResponse { get; }

    /// <summary>Every explicit status code (not ranges, not <c>default</c>), ascending.</summary>
    public IReadOnlyList<int> DocumentedStatuses { get; }

    /// <summary>The explicit status codes from 100 to 399 (what k6 counts as success by default), ascending.</summary>
    public IReadOnlyList<int> DocumentedSuccessStatuses { get; }

    /// <summary>
    /// The security requirement alternatives, each the scheme names that must all be satisfied.
    /// The operation's <c>security</c> overrides the document's. An empty list means no security;
    /// an empty alternative (<c>{}</c>) means anonymous access is allowed.
    /// </summary>
    public IReadOnlyList<IReadOnlyList<string>> SecurityRequirements { get; }

    /// <summary>True when security is required and no alternative allows anonymous access.</summary>
    public bool RequiresAuthentication { get; }

    /// <summary>The distinct schemes named by <see cref="SecurityRequirements"/>, in order of appearance.</summary>
    public IReadOnlyList<OpenApiSecurityScheme> SecuritySchemes { get; }

    /// <summary>A description of each of <see cref="SecuritySchemes"/>: <c>bearer (http)</c>, <c>apiKey in header X-API-Key</c>.</summary>
    public IReadOnlyList<string> SecuritySchemeDescriptions { get; }

    /// <summary>
    /// True when the responses document <paramref name="status"/> exactly or by a range key such
    /// as <c>2XX</c>. A <c>default</c> response does not count (see <see cref="HasDefaultResponse"/>):
    /// it usually describes errors, so it must not make any expected status look documented.
    /// </summary>
    /// <param name="status">An HTTP status code.</param>
    /// <returns>Whether the status is documented.</returns>
    public bool DocumentsStatus(int status) => FindResponse(status, false) is not null;

    /// <summary>
    /// The JSON schema of the response for <paramref name="status"/>: the exact code's response,
    /// else its range (<c>2XX</c>), else <c>default</c>; null when that response has no JSON content.
    /// </summary>
    /// <param name="status">An HTTP status code.</param>
    /// <returns>The response body schema, or null.</returns>
    public OpenApiSchema? JsonResponseSchema(int status) => FindResponse(status, true)?.JsonSchema;

    private OpenApiResponse? FindResponse(int status, bool orDefault)
    {
        OpenApiResponse? range = null;
        OpenApiResponse? fallback = null;
        foreach (var response in _responses)
        {
            var key = response.Key;
            if (TryParseStatus(key, out var code))
            {
                if (code == status)
                {
                    return response;
                }
            }
            else if (IsRangeOf(key, status))
            {
                range ??= response;
            }
            else if (orDefault && string.Equals(key, "default", StringComparison.Ordinal))
            {
                fallback = response;
            }
        }

        return range ?? fallback;
    }

    private static bool IsRangeOf(string key, int status) =>
        key.Length == 3
        && key[0] >= '1' && key[0] <= '5'
        && (key[1] == 'X' || key[1] == 'x') && (key[2] == 'X' || key[2] == 'x')
        && status / 100 == key[0] - '0';

    internal static bool TryParseStatus(string key, out int status)
    {
        status = 0;
        if (key.Length != 3)
        {
            return false;
        }

        foreach (var c in key)
        {
            if (c < '0' || c > '9')
            {
                return false;
            }

            status = (status * 10) + (c - '0');
        }

        return status >= 100 && status <= 599;
    }

    internal static bool IsValidResponseKey(string key) =>
        string.Equals(key, "default", StringComparison.Ordinal)
        || TryParseStatus(key, out _)
        || (key.Length == 3 && key[0] >= '1' && key[0] <= '5' && (key[1] == 'X' || key[1] == 'x') && (key[2] == 'X' || key[2] == 'x'));
}

/// <summary>One response of an operation: its key and its JSON body schema.</summary>
internal sealed class OpenApiResponse
{
    public OpenApiResponse(string key, OpenApiSchema? jsonSchema)
    {
        Key = key;
        JsonSchema = jsonSchema;
    }

    public string Key { get; }

    public OpenApiSchema? JsonSchema { get; }
}
