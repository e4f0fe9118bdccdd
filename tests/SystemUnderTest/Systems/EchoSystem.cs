using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace K6Scenarios.Testing.SystemUnderTest.Systems;

/// <summary>One request as the server received it, bytes intact.</summary>
/// <param name="Method">The method.</param>
/// <param name="RawTarget">The request target exactly as sent (<c>/hostile/echo/7/a%20b?q=1</c>).</param>
/// <param name="Headers">The headers, names as sent, values decoded from their bytes as UTF-8.</param>
/// <param name="Body">The body's bytes.</param>
/// <param name="Form">The fields of a URL-encoded form body, in order; empty otherwise.</param>
public sealed record EchoedRequest(string Method, string RawTarget, IReadOnlyList<KeyValuePair<string, string>> Headers, byte[] Body, IReadOnlyList<KeyValuePair<string, string>> Form)
{
    /// <summary>Gets a header's value, or <see langword="null"/> when it was not sent.</summary>
    /// <param name="name">The name, compared ignoring case.</param>
    /// <returns>The value.</returns>
    public string? Header(string name) => Headers.Where(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Select(h => h.Value).FirstOrDefault();
}

/// <summary>
/// Records every request under <c>/{prefix}/</c> and answers 200 with <c>{"k":"v"}</c>, for tests that compare
/// what a k6 run sent with what the model said to send, byte for byte. Header values are read as Latin-1 (so every
/// byte survives) and decoded as UTF-8, the encoding k6 sends.
/// </summary>
public sealed class EchoSystem : ISystemModule
{
    private readonly string _prefix;

    /// <summary>Creates the module.</summary>
    /// <param name="prefix">The path prefix.</param>
    public EchoSystem(string prefix = "hostile") => _prefix = prefix;

    /// <summary>Gets what was received, in arrival order.</summary>
    public ConcurrentQueue<EchoedRequest> Received { get; } = new();

    /// <inheritdoc />
    public string PathPrefix => _prefix;

    /// <inheritdoc />
    public void ConfigureServices(IServiceCollection services, SystemUnderTestOptions options)
    {
    }

    /// <inheritdoc />
    public void Map(RouteGroupBuilder routes, SystemUnderTestOptions options)
    {
        ArgumentNullException.ThrowIfNull(routes);
        // Every path under the prefix: Kestrel normalizes /a/echo/1/../.. to /a before routing; the raw target keeps it.
        routes.Map("/{**rest}", (Delegate)RecordAsync);
    }

    private async Task<IResult> RecordAsync(HttpContext context)
    {
        var request = context.Request;
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, context.RequestAborted).ConfigureAwait(false);
        var body = buffer.ToArray();
        var form = new List<KeyValuePair<string, string>>();
        if (request.ContentType?.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase) == true)
        {
            // Decoded by hand: ASP.NET's form reader limits key lengths, and these tests send long ones on purpose.
            form.AddRange(Encoding.ASCII.GetString(body).Split('&', StringSplitOptions.RemoveEmptyEntries).Select(pair => pair.Split('=', 2))
                .Select(pair => new KeyValuePair<string, string>(FormDecode(pair[0]), pair.Length > 1 ? FormDecode(pair[1]) : string.Empty)));
        }

        var headers = request.Headers.SelectMany(h => h.Value.Select(v => new KeyValuePair<string, string>(h.Key, Encoding.UTF8.GetString(Encoding.Latin1.GetBytes(v ?? string.Empty))))).ToList();
        var target = context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? request.Path + request.QueryString;
        Received.Enqueue(new EchoedRequest(request.Method, target, headers, body, form));
        return Results.Json(new { k = "v" });
    }

    private static string FormDecode(string text) => Uri.UnescapeDataString(text.Replace('+', ' '));
}
