using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace K6Scenarios.Testing.SystemUnderTest.Systems;

/// <summary>
/// Velure (seed 004), under <c>/velure</c>: register (201 with a <c>token</c>), login (200 with a <c>token</c>), the
/// product list <c>{ products: [{ id, name, price }] }</c> and orders (201 with <c>id</c> and <c>total</c>), the last
/// two behind the token.
/// </summary>
public sealed class VelureSystem : ISystemModule
{
    /// <summary>The path prefix: set <c>VELURE_API_URL</c> to <c>{server}/velure</c>.</summary>
    public const string Prefix = "velure";

    private static readonly List<Product> Catalog = Enumerable.Range(1, 100)
        .Select(i => new Product("prod-" + i.ToString("D3", System.Globalization.CultureInfo.InvariantCulture), "Product " + i, 5m + i))
        .ToList();

    private readonly Tokens _tokens = new("velure");
    private readonly ConcurrentDictionary<string, string> _passwords = new(StringComparer.OrdinalIgnoreCase);
    private long _orders;

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

        routes.MapPost("/api/auth/register", async (HttpRequest request) =>
        {
            var (body, problem) = await JsonRequest.ReadObjectAsync(request, ["name", "email", "password"]).ConfigureAwait(false);
            if (body is null)
            {
                return JsonRequest.BadRequest(problem!);
            }

            if (JsonRequest.Text(body, "email") is not { } email || JsonRequest.Text(body, "password") is not { } password)
            {
                return JsonRequest.BadRequest("email and password must be non-empty strings.");
            }

            return _passwords.TryAdd(email, password)
                ? Results.Json(new { token = _tokens.Issue(email), user = new { email, name = JsonRequest.Text(body, "name") } }, statusCode: StatusCodes.Status201Created)
                : Results.Json(new { detail = "email already registered", statusCode = 409 }, statusCode: StatusCodes.Status409Conflict);
        });

        routes.MapPost("/api/auth/login", async (HttpRequest request) =>
        {
            var (body, problem) = await JsonRequest.ReadObjectAsync(request, ["email", "password"]).ConfigureAwait(false);
            if (body is null)
            {
                return JsonRequest.BadRequest(problem!);
            }

            var email = JsonRequest.Text(body, "email");
            return email is not null && _passwords.TryGetValue(email, out var known) && known == JsonRequest.Text(body, "password")
                ? Results.Ok(new { token = _tokens.Issue(email) })
                : JsonRequest.Unauthorized();
        });

        routes.MapGet("/api/products", (HttpRequest request, int? page, int? pageSize) =>
        {
            if (_tokens.Authenticate(request) is null)
            {
                return JsonRequest.Unauthorized();
            }

            var size = Math.Clamp(pageSize ?? 20, 1, 100);
            var number = Math.Max(page ?? 1, 1);
            var products = Catalog.Skip((number - 1) * size).Take(size).ToList();
            return Results.Ok(new { products, page = number, pageSize = size, total = Catalog.Count });
        });

        routes.MapPost("/api/orders", async (HttpRequest request) =>
        {
            if (_tokens.Authenticate(request) is null)
            {
                return JsonRequest.Unauthorized();
            }

            var (body, problem) = await JsonRequest.ReadObjectAsync(request, ["items"]).ConfigureAwait(false);
            if (body is null)
            {
                return JsonRequest.BadRequest(problem!);
            }

            if (body["items"] is not JsonArray { Count: > 0 } items)
            {
                return JsonRequest.BadRequest("items must be a non-empty array.");
            }

            var total = 0m;
            foreach (var item in items)
            {
                var product = item?["productId"] is JsonValue id && id.TryGetValue<string>(out var productId) ? Catalog.FirstOrDefault(p => p.Id == productId) : null;
                var quantity = item?["quantity"] is JsonValue q && q.TryGetValue<int>(out var count) ? count : 0;
                if (product is null || quantity <= 0)
                {
                    return JsonRequest.BadRequest("every item needs a known productId and a positive quantity.");
                }

                total += product.Price * quantity;
            }

            var orderId = "order-" + Interlocked.Increment(ref _orders).ToString(System.Globalization.CultureInfo.InvariantCulture);
            return Results.Json(new { id = orderId, total, items = items.Count }, statusCode: StatusCodes.Status201Created);
        });
    }

    /// <summary>A product of the catalog.</summary>
    /// <param name="Id">Its identifier.</param>
    /// <param name="Name">Its name.</param>
    /// <param name="Price">Its price.</param>
    public sealed record Product(string Id, string Name, decimal Price);
}
