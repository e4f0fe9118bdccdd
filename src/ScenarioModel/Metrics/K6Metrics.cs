using System.Collections.Generic;

namespace K6Scenarios.Model;

/// <summary>The metrics k6 produces on its own, typed so that thresholds use only the aggregations each allows.</summary>
public static class K6Metrics
{
    /// <summary>Current number of active VUs (Gauge).</summary>
    public static GaugeMetric Vus { get; } = new("vus", true, []);

    /// <summary>Maximum possible number of VUs (Gauge).</summary>
    public static GaugeMetric VusMax { get; } = new("vus_max", true, []);

    /// <summary>Completed iterations (Counter).</summary>
    public static CounterMetric Iterations { get; } = new("iterations", true, []);

    /// <summary>Iterations that arrival-rate executors could not start for lack of VUs (Counter).</summary>
    public static CounterMetric DroppedIterations { get; } = new("dropped_iterations", true, []);

    /// <summary>HTTP requests made (Counter).</summary>
    public static CounterMetric HttpReqs { get; } = new("http_reqs", true, []);

    /// <summary>Bytes sent (Counter).</summary>
    public static CounterMetric DataSent { get; } = new("data_sent", true, []);

    /// <summary>Bytes received (Counter).</summary>
    public static CounterMetric DataReceived { get; } = new("data_received", true, []);

    /// <summary>WebSocket sessions started (Counter).</summary>
    public static CounterMetric WsSessions { get; } = new("ws_sessions", true, []);

    /// <summary>WebSocket messages sent (Counter).</summary>
    public static CounterMetric WsMsgsSent { get; } = new("ws_msgs_sent", true, []);

    /// <summary>WebSocket messages received (Counter).</summary>
    public static CounterMetric WsMsgsReceived { get; } = new("ws_msgs_received", true, []);

    /// <summary>Share of successful checks (Rate).</summary>
    public static RateMetric Checks { get; } = new("checks", true, []);

    /// <summary>Share of requests whose status was not expected (Rate).</summary>
    public static RateMetric HttpReqFailed { get; } = new("http_req_failed", true, []);

    /// <summary>Time of a whole iteration (Trend, ms).</summary>
    public static TrendMetric IterationDuration { get; } = new("iteration_duration", true, true, []);

    /// <summary>Time of a group (Trend, ms).</summary>
    public static TrendMetric GroupDuration { get; } = new("group_duration", true, true, []);

    /// <summary>Time of a request, sending to receiving (Trend, ms).</summary>
    public static TrendMetric HttpReqDuration { get; } = new("http_req_duration", true, true, []);

    /// <summary>Time blocked before a request started (Trend, ms).</summary>
    public static TrendMetric HttpReqBlocked { get; } = new("http_req_blocked", true, true, []);

    /// <summary>Time establishing TCP connections (Trend, ms).</summary>
    public static TrendMetric HttpReqConnecting { get; } = new("http_req_connecting", true, true, []);

    /// <summary>Time of TLS handshakes (Trend, ms).</summary>
    public static TrendMetric HttpReqTlsHandshaking { get; } = new("http_req_tls_handshaking", true, true, []);

    /// <summary>Time sending requests (Trend, ms).</summary>
    public static TrendMetric HttpReqSending { get; } = new("http_req_sending", true, true, []);

    /// <summary>Time waiting for the first byte (Trend, ms).</summary>
    public static TrendMetric HttpReqWaiting { get; } = new("http_req_waiting", true, true, []);

    /// <summary>Time receiving responses (Trend, ms).</summary>
    public static TrendMetric HttpReqReceiving { get; } = new("http_req_receiving", true, true, []);

    /// <summary>WebSocket ping round trips (Trend, ms).</summary>
    public static TrendMetric WsPing { get; } = new("ws_ping", true, true, []);

    /// <summary>WebSocket session length (Trend, ms).</summary>
    public static TrendMetric WsSessionDuration { get; } = new("ws_session_duration", true, true, []);

    /// <summary>WebSocket connection time (Trend, ms).</summary>
    public static TrendMetric WsConnecting { get; } = new("ws_connecting", true, true, []);

    /// <summary>gRPC request time (Trend, ms).</summary>
    public static TrendMetric GrpcReqDuration { get; } = new("grpc_req_duration", true, true, []);

    /// <summary>Gets every built-in metric by name.</summary>
    public static IReadOnlyDictionary<string, Metric> All { get; } = BuildIndex();

    private static Dictionary<string, Metric> BuildIndex()
    {
        var metrics = new Metric[]
        {
            Vus, VusMax, Iterations, DroppedIterations, HttpReqs, DataSent, DataReceived, WsSessions, WsMsgsSent,
            WsMsgsReceived, Checks, HttpReqFailed, IterationDuration, GroupDuration, HttpReqDuration, HttpReqBlocked,
            HttpReqConnecting, HttpReqTlsHandshaking, HttpReqSending, HttpReqWaiting, HttpReqReceiving, WsPing,
            WsSessionDuration, WsConnecting, GrpcReqDuration,
        };
        var index = new Dictionary<string, Metric>(System.StringComparer.Ordinal);
        foreach (var metric in metrics)
        {
            index.Add(metric.Name, metric);
        }

        return index;
    }
}
