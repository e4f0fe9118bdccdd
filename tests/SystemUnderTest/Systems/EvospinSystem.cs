using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Net.WebSockets;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace K6Scenarios.Testing.SystemUnderTest.Systems;

/// <summary>
/// Evospin (seeds 000 and 001), under <c>/evospin</c>: the NestJS API whose sign-in answers 201 with an
/// <c>accessToken</c>, dice bets and bet history behind that token, a health endpoint, and the WebSocket gateway
/// <c>/evospin/ws</c>, which echoes every message it receives.
/// </summary>
public sealed class EvospinSystem : ISystemModule
{
    /// <summary>The path prefix: the API is <c>{server}/evospin/api/...</c>; set <c>EVOSPIN_API_URL</c> to <c>{server}/evospin</c>.</summary>
    public const string Prefix = "evospin";

    private readonly Tokens _tokens = new("evospin");
    private readonly ConcurrentDictionary<string, ConcurrentQueue<JsonObject>> _bets = new(StringComparer.Ordinal);

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

        // The seed's sign-in: 201 Created (the original k6 check expected 200), bcrypt left out.
        routes.MapPost("/api/auth/signin", async (HttpRequest request) =>
        {
            var (body, problem) = await JsonRequest.ReadObjectAsync(request, ["email", "password"]).ConfigureAwait(false);
            if (body is null)
            {
                return JsonRequest.BadRequest(problem!);
            }

            var email = JsonRequest.Text(body, "email");
            if (email is null || !email.Contains('@', StringComparison.Ordinal))
            {
                return JsonRequest.BadRequest("email must be an e-mail address.");
            }

            return JsonRequest.Text(body, "password") == options.EvospinPassword
                ? Results.Json(new { accessToken = _tokens.Issue(email) }, statusCode: StatusCodes.Status201Created)
                : JsonRequest.Unauthorized();
        });

        routes.MapPost("/api/bets/dice", async (HttpRequest request) =>
        {
            if (_tokens.Authenticate(request) is not { } user)
            {
                return JsonRequest.Unauthorized();
            }

            var (body, problem) = await JsonRequest.ReadObjectAsync(request, ["amount", "target", "direction"]).ConfigureAwait(false);
            if (body is null)
            {
                return JsonRequest.BadRequest(problem!);
            }

            if (!(body["amount"] is JsonValue a && a.TryGetValue<double>(out var amount) && amount >= 0.01)
                || !(body["target"] is JsonValue t && t.TryGetValue<int>(out var target) && target is >= 2 and <= 98)
                || JsonRequest.Text(body, "direction") is not ("over" or "under"))
            {
                return JsonRequest.BadRequest("amount >= 0.01, target 2-98 and direction over|under are required.");
            }

            var roll = Random.Shared.Next(1, 101);
            var direction = JsonRequest.Text(body, "direction");
            var win = direction == "under" ? roll < target : roll > target;
            var bet = new JsonObject
            {
                ["id"] = Guid.NewGuid().ToString(),
                ["amount"] = amount,
                ["payout"] = win ? Math.Round(amount * 98 / (direction == "under" ? target - 1 : 100 - target), 2) : null,
                ["outcome"] = win ? "win" : "loss",
                ["placedAt"] = DateTimeOffset.UtcNow.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
            };
            var history = _bets.GetOrAdd(user, _ => new ConcurrentQueue<JsonObject>());
            history.Enqueue(bet);
            while (history.Count > 100 && history.TryDequeue(out _))
            {
            }

            return Results.Json(bet, statusCode: StatusCodes.Status201Created);
        });

        routes.MapGet("/api/bets/history", (HttpRequest request, int? limit) =>
        {
            if (_tokens.Authenticate(request) is not { } user)
            {
                return JsonRequest.Unauthorized();
            }

            var items = _bets.TryGetValue(user, out var history) ? history.Reverse().Take(Math.Clamp(limit ?? 20, 1, 100)).ToList() : new List<JsonObject>();
            return Results.Ok(new { items, total = history?.Count ?? 0 });
        });

        routes.Map("/ws", async (HttpContext context) =>
        {
            if (!context.WebSockets.IsWebSocketRequest)
            {
                return Results.BadRequest();
            }

            if (_tokens.Authenticate(context.Request) is null)
            {
                return JsonRequest.Unauthorized();
            }

            using var socket = await context.WebSockets.AcceptWebSocketAsync().ConfigureAwait(false);
            await EchoAsync(socket, context.RequestAborted).ConfigureAwait(false);
            return Results.Empty;
        });
    }

    private static async Task EchoAsync(WebSocket socket, CancellationToken cancellationToken)
    {
        var buffer = new byte[16 * 1024];
        try
        {
            while (socket.State == WebSocketState.Open)
            {
                var received = await socket.ReceiveAsync(buffer, cancellationToken).ConfigureAwait(false);
                if (received.MessageType == WebSocketMessageType.Close)
                {
                    await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, cancellationToken).ConfigureAwait(false);
                    return;
                }

                await socket.SendAsync(buffer.AsMemory(0, received.Count), received.MessageType, received.EndOfMessage, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException)
        {
            // The client went away: nothing to answer.
        }
    }
}
