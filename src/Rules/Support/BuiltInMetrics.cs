using System;
using System.Collections.Generic;

namespace K6Scenarios.Rules;

/// <summary>k6's built-in metrics and their types (metrics/builtin.go).</summary>
internal static class BuiltInMetrics
{
    /// <summary>Every built-in metric name with its type.</summary>
    public static readonly IReadOnlyDictionary<string, string> Types = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["vus"] = "Gauge",
        ["vus_max"] = "Gauge",
        ["iterations"] = "Counter",
        ["dropped_iterations"] = "Counter",
        ["http_reqs"] = "Counter",
        ["data_sent"] = "Counter",
        ["data_received"] = "Counter",
        ["ws_sessions"] = "Counter",
        ["ws_msgs_sent"] = "Counter",
        ["ws_msgs_received"] = "Counter",
        ["checks"] = "Rate",
        ["http_req_failed"] = "Rate",
        ["iteration_duration"] = "Trend",
        ["group_duration"] = "Trend",
        ["http_req_duration"] = "Trend",
        ["http_req_blocked"] = "Trend",
        ["http_req_connecting"] = "Trend",
        ["http_req_tls_handshaking"] = "Trend",
        ["http_req_sending"] = "Trend",
        ["http_req_waiting"] = "Trend",
        ["http_req_receiving"] = "Trend",
        ["ws_ping"] = "Trend",
        ["ws_session_duration"] = "Trend",
        ["ws_connecting"] = "Trend",
        ["grpc_req_duration"] = "Trend",
    };

    /// <summary>Gets whether a name is a built-in metric's.</summary>
    public static bool IsBuiltIn(string? name) => name is not null && Types.ContainsKey(name);
}
