using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace K6Scenarios.Testing.SystemUnderTest;

/// <summary>
/// The seed systems on one Kestrel server bound to 127.0.0.1 on an ephemeral port. Each system answers under its own
/// prefix: <c>{BaseUrl}/evospin/api/auth/signin</c>, <c>{BaseUrl}/velure/api/products</c>, ...
/// </summary>
public sealed class SystemUnderTestServer : IAsyncDisposable
{
    // Requests carrying this header warm the server up and are not counted in the request log.
    private const string WarmUpHeader = "X-K6Scenarios-Warm-Up";

    private readonly WebApplication _app;
    private readonly RequestLog _log;
    private Uri? _baseUrl;

    private SystemUnderTestServer(WebApplication app, RequestLog log, SystemUnderTestOptions options)
    {
        _app = app;
        _log = log;
        Options = options;
    }

    /// <summary>Gets the settings the server runs with.</summary>
    public SystemUnderTestOptions Options { get; }

    /// <summary>Gets the server's root, <c>http://127.0.0.1:{port}</c> (no trailing slash).</summary>
    public string BaseUrl => (_baseUrl ?? throw new InvalidOperationException("The server has not started.")).GetLeftPart(UriPartial.Authority);

    /// <summary>Gets what the server answered so far.</summary>
    public RequestLog Requests => _log;

    /// <summary>Starts a server with every built-in system and <paramref name="options"/>' additional ones.</summary>
    /// <param name="options">The settings, or <see langword="null"/> for the defaults.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The started server; dispose it to stop it.</returns>
    public static async Task<SystemUnderTestServer> StartAsync(SystemUnderTestOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new SystemUnderTestOptions();
        var modules = SystemModules.BuiltIn().Concat(options.AdditionalModules).ToList();
        var duplicate = modules.GroupBy(m => m.PathPrefix, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ArgumentException("Two systems share the path prefix '" + duplicate.Key + "'.", nameof(options));
        }

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, 0);
            kestrel.AddServerHeader = false;

            // Header values keep every byte (Latin-1 maps bytes to chars one to one); by default Kestrel refuses non-ASCII.
            kestrel.RequestHeaderEncodingSelector = _ => System.Text.Encoding.Latin1;
        });
        foreach (var module in modules)
        {
            module.ConfigureServices(builder.Services, options);
        }

        var log = new RequestLog();
        var app = builder.Build();
        app.Use(async (context, next) =>
        {
            if (context.Request.Headers.ContainsKey(WarmUpHeader))
            {
                await next(context).ConfigureAwait(false);
                return;
            }

            if (log.Total >= options.MaxRequests)
            {
                context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                log.Record(context.Request.Method, context.Request.Path, context.Response.StatusCode);
                return;
            }

            await next(context).ConfigureAwait(false);
            log.Record(context.Request.Method, context.Request.Path, context.Response.StatusCode);
        });
        app.UseWebSockets();
        app.UseRateLimiter();
        foreach (var module in modules)
        {
            module.Map(app.MapGroup("/" + module.PathPrefix), options);
        }

        var server = new SystemUnderTestServer(app, log, options);
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        server._baseUrl = new Uri(address, UriKind.Absolute);
        await server.WarmUpAsync(cancellationToken).ConfigureAwait(false);
        return server;
    }

    /// <summary>Gets the HTTP root of one system: <c>http://127.0.0.1:{port}/{prefix}</c>.</summary>
    /// <param name="pathPrefix">The system's <see cref="ISystemModule.PathPrefix"/>.</param>
    /// <returns>The URL, without a trailing slash.</returns>
    public string UrlOf(string pathPrefix) => BaseUrl + "/" + pathPrefix;

    /// <summary>Gets the WebSocket root of one system: <c>ws://127.0.0.1:{port}/{prefix}</c>.</summary>
    /// <param name="pathPrefix">The system's <see cref="ISystemModule.PathPrefix"/>.</param>
    /// <returns>The URL, without a trailing slash.</returns>
    public string WebSocketUrlOf(string pathPrefix) => "ws" + UrlOf(pathPrefix)["http".Length..];

    // Calls every endpoint once (unauthenticated, with an empty body) before any test does, so that the first requests of a
    // short run measure the server rather than the JIT: a p(95) over a handful of requests is otherwise their cold start.
    private async Task WarmUpAsync(CancellationToken cancellationToken)
    {
        var endpoints = _app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.Parameters.Count == 0 && e.RoutePattern.RawText is not null)
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Select(m => (Method: m, Path: e.RoutePattern.RawText!)))
            .ToList();
        using var client = new HttpClient { BaseAddress = new Uri(BaseUrl), Timeout = TimeSpan.FromSeconds(10) };
        foreach (var (method, path) in endpoints)
        {
            using var request = new HttpRequestMessage(new HttpMethod(method), path.StartsWith('/') ? path : "/" + path);
            request.Headers.Add(WarmUpHeader, "1");
            if (method != "GET")
            {
                request.Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json");
            }

            using var response = await client.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Stops the server.</summary>
    /// <returns>A task that completes when it stopped.</returns>
    public async ValueTask DisposeAsync()
    {
        using (var stopping = new CancellationTokenSource(TimeSpan.FromSeconds(5)))
        {
            await _app.StopAsync(stopping.Token).ConfigureAwait(false);
        }

        await _app.DisposeAsync().ConfigureAwait(false);
    }
}

/// <summary>Counts of the requests a server answered, by method, path and status.</summary>
public sealed class RequestLog
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<(string Method, string Path, int Status), long> _counts = new();
    private long _total;

    /// <summary>Gets how many requests were answered.</summary>
    public long Total => Interlocked.Read(ref _total);

    /// <summary>Gets how many requests to <paramref name="path"/> were answered with <paramref name="status"/>.</summary>
    /// <param name="method">The HTTP method, or <see langword="null"/> for any.</param>
    /// <param name="path">The full request path (<c>/evospin/api/auth/signin</c>).</param>
    /// <param name="status">The status, or <see langword="null"/> for any.</param>
    /// <returns>The count.</returns>
    public long Count(string? method, string path, int? status = null) =>
        _counts.Where(e => (method is null || string.Equals(e.Key.Method, method, StringComparison.OrdinalIgnoreCase))
                && string.Equals(e.Key.Path, path, StringComparison.Ordinal)
                && (status is null || e.Key.Status == status))
            .Sum(e => e.Value);

    /// <summary>Gets every (method, path, status) seen with its count, for failure messages.</summary>
    /// <returns>One line per entry, sorted.</returns>
    public IReadOnlyList<string> Describe() =>
        _counts.OrderBy(e => e.Key.Path, StringComparer.Ordinal).ThenBy(e => e.Key.Method, StringComparer.Ordinal).ThenBy(e => e.Key.Status)
            .Select(e => e.Key.Method + " " + e.Key.Path + " " + e.Key.Status + ": " + e.Value)
            .ToList();

    internal void Record(string method, PathString path, int status)
    {
        Interlocked.Increment(ref _total);
        _counts.AddOrUpdate((method, path.Value ?? "/", status), 1, (_, count) => count + 1);
    }
}
