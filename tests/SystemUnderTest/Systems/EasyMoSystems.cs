using System;
using System.Globalization;
using System.Threading;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace K6Scenarios.Testing.SystemUnderTest.Systems;

/// <summary>
/// EasyMO's voice-bridge (seed 002), under <c>/easymo-voice-bridge</c>: <c>GET /health</c> and <c>POST /api/calls</c>
/// (201), the latter rate limited to <see cref="SystemUnderTestOptions.EasyMoRequestsPerSecond"/> (429 beyond).
/// </summary>
public sealed class EasyMoVoiceBridge : EasyMoService
{
    /// <summary>The path prefix: set <c>VOICE_BRIDGE_URL</c> to <c>{server}/easymo-voice-bridge</c>.</summary>
    public const string Prefix = "easymo-voice-bridge";

    /// <summary>Creates the service.</summary>
    public EasyMoVoiceBridge()
        : base(Prefix)
    {
    }

    /// <inheritdoc />
    protected override void MapApi(RouteGroupBuilder api)
    {
        api.MapPost("/calls", async (HttpRequest request) =>
        {
            var (body, problem) = await JsonRequest.ReadObjectAsync(request, ["from", "to"], "language").ConfigureAwait(false);
            return body is null
                ? JsonRequest.BadRequest(problem!)
                : Results.Json(new { callId = NextId("call"), status = "ringing" }, statusCode: StatusCodes.Status201Created);
        });
    }
}

/// <summary>
/// EasyMO's video-orchestrator (seed 002), under <c>/easymo-video-orchestrator</c>: <c>GET /health</c> and
/// <c>POST /api/sessions</c> (202 with a <c>sessionId</c>), the latter rate limited like the voice-bridge.
/// </summary>
public sealed class EasyMoVideoOrchestrator : EasyMoService
{
    /// <summary>The path prefix: set <c>VIDEO_ORCHESTRATOR_URL</c> to <c>{server}/easymo-video-orchestrator</c>.</summary>
    public const string Prefix = "easymo-video-orchestrator";

    /// <summary>Creates the service.</summary>
    public EasyMoVideoOrchestrator()
        : base(Prefix)
    {
    }

    /// <inheritdoc />
    protected override void MapApi(RouteGroupBuilder api)
    {
        api.MapPost("/sessions", async (HttpRequest request) =>
        {
            var (body, problem) = await JsonRequest.ReadObjectAsync(request, ["template"], "resolution").ConfigureAwait(false);
            return body is null
                ? JsonRequest.BadRequest(problem!)
                : Results.Json(new { sessionId = NextId("session"), status = "queued" }, statusCode: StatusCodes.Status202Accepted);
        });
    }
}

/// <summary>An EasyMO service: a health endpoint and a rate-limited <c>/api</c> (fixed one-second windows, no queue).</summary>
public abstract class EasyMoService : ISystemModule
{
    private long _lastId;

    /// <summary>Creates the service.</summary>
    /// <param name="pathPrefix">Its path prefix.</param>
    protected EasyMoService(string pathPrefix) => PathPrefix = pathPrefix;

    /// <inheritdoc />
    public string PathPrefix { get; }

    private string Policy => PathPrefix + "-rate-limit";

    /// <inheritdoc />
    public void ConfigureServices(IServiceCollection services, SystemUnderTestOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = (context, _) =>
            {
                context.HttpContext.Response.Headers.RetryAfter = "1";
                return default;
            };
            limiter.AddFixedWindowLimiter(Policy, window =>
            {
                window.PermitLimit = options.EasyMoRequestsPerSecond;
                window.Window = TimeSpan.FromSeconds(1);
                window.QueueLimit = 0;
                window.AutoReplenishment = true;
                window.QueueProcessingOrder = QueueProcessingOrder.OldestFirst;
            });
        });
    }

    /// <inheritdoc />
    public void Map(RouteGroupBuilder routes, SystemUnderTestOptions options)
    {
        ArgumentNullException.ThrowIfNull(routes);
        routes.MapGet("/health", () => Results.Ok(new { status = "ok" }));
        MapApi(routes.MapGroup("/api").RequireRateLimiting(Policy));
    }

    /// <summary>Maps the rate-limited endpoints under <c>/api</c>.</summary>
    /// <param name="api">The <c>/api</c> group.</param>
    protected abstract void MapApi(RouteGroupBuilder api);

    /// <summary>A new identifier.</summary>
    /// <param name="kind">What it identifies.</param>
    /// <returns><c>{kind}-{n}</c>.</returns>
    protected string NextId(string kind) => kind + "-" + Interlocked.Increment(ref _lastId).ToString(CultureInfo.InvariantCulture);
}
