using System;
using System.Collections.Frozen;
using System.Collections.Generic;
using System.Linq;
using Jint.Native;

namespace K6Scenarios.Emitter.DryRun;

/// <summary>A k6 module the dry run simulates: its specifier and how the host creates each export.</summary>
internal sealed class K6Module
{
    private static readonly FrozenDictionary<string, K6Module> Simulated = new K6Module[]
    {
        new("k6", new()
        {
            ["check"] = host => host.CheckFunction(),
            ["group"] = host => host.GroupFunction(),
            ["sleep"] = host => host.SleepFunction(),
            ["fail"] = host => host.FailFunction(),
            ["randomSeed"] = host => host.RandomSeedFunction(),
        }),
        new("k6/http", K6Host.HttpExports()),
        new("k6/metrics", new()
        {
            ["Counter"] = host => host.MetricClass("Counter", "counter"),
            ["Gauge"] = host => host.MetricClass("Gauge", "gauge"),
            ["Rate"] = host => host.MetricClass("Rate", "rate"),
            ["Trend"] = host => host.MetricClass("Trend", "trend"),
        }),
        new("k6/data", new() { ["SharedArray"] = host => host.SharedArrayClass() }),
        new("k6/execution", new()
        {
            ["vu"] = host => host.ExecutionInfo("vu"),
            ["scenario"] = host => host.ExecutionInfo("scenario"),
            ["instance"] = host => host.ExecutionInfo("instance"),
            ["test"] = host => host.ExecutionInfo("test"),
        }),
        new("k6/timers", new()
        {
            ["setTimeout"] = host => host.TimerFunction("setTimeout"),
            ["setInterval"] = host => host.TimerFunction("setInterval"),
            ["clearTimeout"] = host => host.TimerFunction("clearTimeout"),
            ["clearInterval"] = host => host.TimerFunction("clearInterval"),
        }),
        new("k6/websockets", new()
        {
            ["WebSocket"] = host => host.WebSocketClass(),
            ["Blob"] = host => host.BlobClass(),
        }),
        new("k6/crypto", K6Host.CryptoExports()),
        new("k6/encoding", new()
        {
            ["b64encode"] = host => host.Base64EncodeFunction(),
            ["b64decode"] = host => host.Base64DecodeFunction(),
        }),
        new("k6/html", new() { ["parseHTML"] = host => host.ParseHtmlFunction() }),
        new("k6/secrets", new()
        {
            ["get"] = host => host.SecretFunction(),
            ["source"] = host => host.SecretSourceFunction(),
        }),
    }.ToFrozenDictionary(module => module.Specifier, StringComparer.Ordinal);

    // k6 v2 throws these messages when the module is imported.
    private static readonly FrozenDictionary<string, string> RemovedModules = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["k6/experimental/redis"] = "k6/experimental/redis has been removed; import 'k6/x/redis' (an extension) instead",
        ["k6/experimental/browser"] = "k6/experimental/browser has been graduated, please use k6/browser instead",
        ["k6/experimental/grpc"] = "k6/experimental/grpc has been graduated, please use k6/net/grpc instead",
        ["k6/experimental/timers"] = "k6/experimental/timers has been graduated, and it's now globally available as defined by standard WebAPIs; remove the import",
        ["k6/experimental/tracing"] = "k6/experimental/tracing has been removed; its functionality is available as a pure JavaScript module (jslib http-instrumentation-tempo)",
        ["k6/experimental/webcrypto"] = "k6/experimental/webcrypto has been graduated and it's now globally available as defined by standard WebAPIs; remove the import",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    // Modules k6 has that the dry run cannot execute; the emitter never imports them.
    private static readonly FrozenSet<string> UnsimulatedModules = new[]
    {
        "k6/browser", "k6/net/grpc", "k6/ws", "k6/crypto/x509", "k6/experimental/websockets",
        "k6/experimental/csv", "k6/experimental/fs", "k6/experimental/streams",
    }.ToFrozenSet(StringComparer.Ordinal);

    private K6Module(string specifier, Dictionary<string, Func<K6Host, JsValue>> exports)
    {
        Specifier = specifier;
        Exports = exports.ToFrozenDictionary(StringComparer.Ordinal);
        Names = exports.Keys.Append("default").ToFrozenSet(StringComparer.Ordinal);
    }

    /// <summary>Gets the specifier scripts import it by.</summary>
    public string Specifier { get; }

    /// <summary>Gets how the host creates each named export.</summary>
    public FrozenDictionary<string, Func<K6Host, JsValue>> Exports { get; }

    /// <summary>Gets every name the module exports, <c>default</c> included.</summary>
    public FrozenSet<string> Names { get; }

    /// <summary>Gets the module the dry run simulates for a specifier.</summary>
    public static bool TryGet(string specifier, out K6Module module) => Simulated.TryGetValue(specifier, out module!);

    /// <summary>Says why importing a module fails, or <see langword="null"/> when the dry run simulates it.</summary>
    public static string? ExplainUnavailable(string specifier)
    {
        if (Simulated.ContainsKey(specifier))
        {
            return null;
        }

        if (RemovedModules.TryGetValue(specifier, out var removed))
        {
            return removed;
        }

        if (UnsimulatedModules.Contains(specifier))
        {
            return $"the dry run cannot execute '{specifier}' (the emitter never imports it); the simulated modules are {string.Join(", ", Simulated.Keys.Order(StringComparer.Ordinal))}";
        }

        return specifier.StartsWith("k6/x/", StringComparison.Ordinal)
            ? $"'{specifier}' is a k6 extension, which needs a custom k6 binary built with xk6 and cannot be dry-run"
            : $"unknown module '{specifier}': k6 cannot resolve it; the known modules are {string.Join(", ", Simulated.Keys.Order(StringComparer.Ordinal))}";
    }
}
