using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace K6Scenarios.Testing.SystemUnderTest;

/// <summary>Reads JSON request bodies strictly, as the seed APIs validate them (a body they cannot read is a 400).</summary>
public static class JsonRequest
{
    /// <summary>Reads a JSON object body whose properties are all in <paramref name="allowed"/> and include <paramref name="required"/>.</summary>
    /// <param name="request">The request.</param>
    /// <param name="required">Properties that must be present.</param>
    /// <param name="allowed">Properties that may be present (the required ones are always allowed).</param>
    /// <returns>The object, or the problem to answer with 400.</returns>
    public static async Task<(JsonObject? Body, string? Problem)> ReadObjectAsync(HttpRequest request, string[] required, params string[] allowed)
    {
        if (request.ContentType is not { } type || !type.StartsWith("application/json", StringComparison.OrdinalIgnoreCase))
        {
            return (null, "Content-Type must be application/json.");
        }

        JsonNode? node;
        try
        {
            node = await JsonNode.ParseAsync(request.Body).ConfigureAwait(false);
        }
        catch (JsonException e)
        {
            return (null, "The body is not JSON: " + e.Message);
        }

        if (node is not JsonObject body)
        {
            return (null, "The body must be a JSON object.");
        }

        var missing = required.Where(name => body[name] is null).ToList();
        if (missing.Count > 0)
        {
            return (null, string.Join(", ", missing) + ": this field is required.");
        }

        var known = new HashSet<string>(required.Concat(allowed), StringComparer.Ordinal);
        var unknown = body.Select(p => p.Key).Where(k => !known.Contains(k)).ToList();
        return unknown.Count > 0 ? (null, string.Join(", ", unknown) + ": unknown field.") : (body, null);
    }

    /// <summary>Reads a string property.</summary>
    /// <param name="body">The object.</param>
    /// <param name="name">The property.</param>
    /// <returns>The non-empty string, or <see langword="null"/>.</returns>
    public static string? Text(JsonObject body, string name) =>
        body[name] is JsonValue value && value.TryGetValue<string>(out var text) && text.Length > 0 ? text : null;

    /// <summary>The body of a 400 answer.</summary>
    /// <param name="problem">What is wrong.</param>
    /// <returns>The result.</returns>
    public static IResult BadRequest(string problem) => Results.Json(new { detail = problem, statusCode = 400 }, statusCode: StatusCodes.Status400BadRequest);

    /// <summary>The body of a 401 answer.</summary>
    /// <returns>The result.</returns>
    public static IResult Unauthorized() => Results.Json(new { detail = "Missing or invalid credentials.", statusCode = 401 }, statusCode: StatusCodes.Status401Unauthorized);
}
