using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Threading;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace K6Scenarios.Testing.SystemUnderTest.Systems;

/// <summary>
/// Vineyard (seed 003), under <c>/vineyard</c>: the Django API whose register answers 201 and whose JWT login reads
/// <c>username</c> and <c>password</c> (a body with <c>email</c> instead is a 400, the seed's mistake) and answers
/// <c>{ access, refresh }</c>; groups list and create need <c>Authorization: Bearer {access}</c>.
/// </summary>
public sealed class VineyardSystem : ISystemModule
{
    /// <summary>The path prefix: set <c>VINEYARD_API_URL</c> to <c>{server}/vineyard</c>.</summary>
    public const string Prefix = "vineyard";

    private readonly Tokens _tokens = new("vineyard");
    private readonly ConcurrentDictionary<string, (int Id, string Email, string Password)> _users = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<int, Group> _groups = new();
    private int _lastUserId;
    private int _lastGroupId;

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
        ArgumentNullException.ThrowIfNull(options);

        routes.MapGet("/api/health", () => Results.Ok(new { database = "up", redis = "up", memory = "up" }));

        routes.MapPost("/api/auth/register", async (HttpRequest request) =>
        {
            var (body, problem) = await JsonRequest.ReadObjectAsync(request, ["username", "email", "password"]).ConfigureAwait(false);
            if (body is null)
            {
                return JsonRequest.BadRequest(problem!);
            }

            if (JsonRequest.Text(body, "username") is not { } username || JsonRequest.Text(body, "email") is not { } email || JsonRequest.Text(body, "password") is not { } password)
            {
                return JsonRequest.BadRequest("username, email and password must be non-empty strings.");
            }

            var id = Interlocked.Increment(ref _lastUserId);
            return _users.TryAdd(username, (id, email, password))
                ? Results.Json(new { id, username, email }, statusCode: StatusCodes.Status201Created)
                : JsonRequest.BadRequest("username: a user with that username already exists.");
        });

        // SimpleJWT's token view: the fields are username and password, nothing else.
        routes.MapPost("/api/auth/login", async (HttpRequest request) =>
        {
            var (body, problem) = await JsonRequest.ReadObjectAsync(request, ["username", "password"]).ConfigureAwait(false);
            if (body is null)
            {
                return JsonRequest.BadRequest(problem!);
            }

            var username = JsonRequest.Text(body, "username");
            var password = JsonRequest.Text(body, "password");
            var seeded = options.VineyardSeededPassword is { } seededPassword && password == seededPassword && !_users.ContainsKey(username ?? string.Empty);
            return username is not null && (seeded || (_users.TryGetValue(username, out var user) && user.Password == password))
                ? Results.Ok(new { access = _tokens.Issue(username), refresh = _tokens.Issue(username, "refresh") })
                : Results.Json(new { detail = "No active account found with the given credentials", statusCode = 401 }, statusCode: StatusCodes.Status401Unauthorized);
        });

        routes.MapGet("/api/groups", (HttpRequest request, int? page) =>
        {
            if (_tokens.Authenticate(request) is null)
            {
                return JsonRequest.Unauthorized();
            }

            var results = _groups.Values.OrderByDescending(g => g.Id).Skip((Math.Max(page ?? 1, 1) - 1) * 20).Take(20).ToList();
            return Results.Ok(new { count = _groups.Count, results });
        });

        routes.MapPost("/api/groups", async (HttpRequest request) =>
        {
            if (_tokens.Authenticate(request) is not { } owner)
            {
                return JsonRequest.Unauthorized();
            }

            var (body, problem) = await JsonRequest.ReadObjectAsync(request, ["name"], "description").ConfigureAwait(false);
            if (body is null)
            {
                return JsonRequest.BadRequest(problem!);
            }

            if (JsonRequest.Text(body, "name") is not { Length: <= 100 } name)
            {
                return JsonRequest.BadRequest("name: 1 to 100 characters.");
            }

            var group = new Group(Interlocked.Increment(ref _lastGroupId), name, JsonRequest.Text(body, "description"), owner);
            _groups[group.Id] = group;
            return Results.Json(group, statusCode: StatusCodes.Status201Created);
        });

        routes.MapGet("/api/groups/{id:int}", (HttpRequest request, int id) =>
            _tokens.Authenticate(request) is null ? JsonRequest.Unauthorized()
            : _groups.TryGetValue(id, out var group) ? Results.Ok(group)
            : Results.Json(new { detail = "Not found.", statusCode = 404 }, statusCode: StatusCodes.Status404NotFound));
    }

    /// <summary>A fellowship group.</summary>
    /// <param name="Id">Its identifier.</param>
    /// <param name="Name">Its name.</param>
    /// <param name="Description">Its description.</param>
    /// <param name="Owner">The username of its creator.</param>
    public sealed record Group(int Id, string Name, string? Description, string Owner);
}
