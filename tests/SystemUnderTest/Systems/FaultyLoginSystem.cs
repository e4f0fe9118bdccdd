using System;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace K6Scenarios.Testing.SystemUnderTest.Systems;

/// <summary>
/// A system that answers wrongly, under <c>/faulty</c>, for tests of how scripts behave when the system under test or
/// the test is wrong: <c>POST /api/login</c> always answers 422 without a token, so a flow that captures the token
/// fails every iteration; <c>GET /api/me</c> answers 401 without a bearer token.
/// </summary>
public sealed class FaultyLoginSystem : ISystemModule
{
    /// <summary>The path prefix: the API is <c>{server}/faulty/api/...</c>.</summary>
    public const string Prefix = "faulty";

    /// <inheritdoc />
    public string PathPrefix => Prefix;

    /// <inheritdoc />
    public void ConfigureServices(IServiceCollection services, SystemUnderTestOptions options)
    {
    }

    /// <inheritdoc />
    public void Map(RouteGroupBuilder routes, SystemUnderTestOptions options)
    {
        ArgumentNullException.ThrowIfNull(routes);
        routes.MapPost("/api/login", () => Results.Json(new { message = "validation failed" }, statusCode: StatusCodes.Status422UnprocessableEntity));
        routes.MapGet("/api/me", (HttpRequest request) => request.Headers.Authorization.Count == 0
            ? Results.Json(new { message = "no token" }, statusCode: StatusCodes.Status401Unauthorized)
            : Results.Ok(new { role = "player" }));
    }
}
