using System;
using System.Collections.Frozen;
using System.Collections.Generic;

namespace K6Scenarios.Emitter.DryRun;

/// <summary>The metrics k6 always has, with their types (metrics/builtin.go).</summary>
internal static class BuiltinMetrics
{
    public static readonly FrozenDictionary<string, string> Types = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["vus"] = "gauge",
        ["vus_max"] = "gauge",
        ["iterations"] = "counter",
        ["dropped_iterations"] = "counter",
        ["http_reqs"] = "counter",
        ["data_sent"] = "counter",
        ["data_received"] = "counter",
        ["ws_sessions"] = "counter",
        ["ws_msgs_sent"] = "counter",
        ["ws_msgs_received"] = "counter",
        ["checks"] = "rate",
        ["http_req_failed"] = "rate",
        ["iteration_duration"] = "trend",
        ["group_duration"] = "trend",
        ["http_req_duration"] = "trend",
        ["http_req_blocked"] = "trend",
        ["http_req_connecting"] = "trend",
        ["http_req_tls_handshaking"] = "trend",
        ["http_req_sending"] = "trend",
        ["http_req_waiting"] = "trend",
        ["http_req_receiving"] = "trend",
        ["ws_ping"] = "trend",
        ["ws_session_duration"] = "trend",
        ["ws_connecting"] = "trend",
        ["grpc_req_duration"] = "trend",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>The value type k6 gives a built-in metric: <c>time</c>, <c>data</c> or <c>default</c>.</summary>
    public static string ValueTypeOf(string name) =>
        Types[name] == "trend" ? "time" : name is "data_sent" or "data_received" ? "data" : "default";
}
