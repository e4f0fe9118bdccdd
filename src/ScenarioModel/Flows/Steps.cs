using System;
using System.Collections.Generic;
using K6Scenarios.Diagnostics;

namespace K6Scenarios.Model;

/// <summary>One step of a flow: a request, a group, think time, a condition, a WebSocket session or a metric sample.</summary>
public abstract record Step
{
    private protected Step()
    {
    }

    /// <summary>Gets where the step was defined.</summary>
    public SourceLocation? DefinedAt { get; init; }
}

/// <summary>HTTP methods, with the k6 function each maps to.</summary>
public enum HttpMethod
{
    /// <summary>GET (<c>http.get</c>, no body).</summary>
    Get,

    /// <summary>POST (<c>http.post</c>).</summary>
    Post,

    /// <summary>PUT (<c>http.put</c>).</summary>
    Put,

    /// <summary>PATCH (<c>http.patch</c>).</summary>
    Patch,

    /// <summary>DELETE (<c>http.del</c>).</summary>
    Delete,

    /// <summary>HEAD (<c>http.head</c>, no body).</summary>
    Head,

    /// <summary>OPTIONS (<c>http.options</c>).</summary>
    Options,
}

/// <summary>A named base URL read from an environment variable, with a default for local runs.</summary>
public sealed record BaseUrl
{
    private BaseUrl(string environmentVariable, string defaultValue)
    {
        EnvironmentVariable = environmentVariable;
        DefaultValue = defaultValue;
    }

    /// <summary>Gets the environment variable that overrides the URL (<c>k6 run -e API_URL=...</c>).</summary>
    public string EnvironmentVariable { get; }

    /// <summary>Gets the URL used when the variable is not set.</summary>
    public string DefaultValue { get; }

    /// <summary>Declares a base URL read from an environment variable.</summary>
    /// <param name="environmentVariable">The variable (letters, digits and '_').</param>
    /// <param name="defaultValue">The URL used when the variable is not set, without a trailing slash.</param>
    /// <returns>The base URL.</returns>
    public static BaseUrl FromEnvironment(string environmentVariable, string defaultValue)
    {
        ArgumentException.ThrowIfNullOrEmpty(environmentVariable);
        ArgumentNullException.ThrowIfNull(defaultValue);
        return new(environmentVariable, defaultValue.TrimEnd('/'));
    }
}

/// <summary>An HTTP request, with its checks, captures and metric samples.</summary>
public sealed record HttpRequestStep : Step
{
    /// <summary>Gets the method.</summary>
    public HttpMethod Method { get; init; }

    /// <summary>Gets the base URL, or <see langword="null"/> for the load test's default.</summary>
    public BaseUrl? BaseUrl { get; init; }

    /// <summary>Gets the path template relative to the base URL, with <c>{name}</c> placeholders: <c>/api/groups/{id}</c>.</summary>
    public string Path { get; init; } = "/";

    /// <summary>Gets the values of the path's placeholders.</summary>
    public IReadOnlyList<KeyValuePair<string, Value>> PathParameters { get; init; } = [];

    /// <summary>Gets the query parameters, in order.</summary>
    public IReadOnlyList<KeyValuePair<string, Value>> Query { get; init; } = [];

    /// <summary>Gets the headers, in order.</summary>
    public IReadOnlyList<KeyValuePair<string, Value>> Headers { get; init; } = [];

    /// <summary>Gets the body, or <see langword="null"/>.</summary>
    public RequestBody? Body { get; init; }

    /// <summary>Gets the <c>name</c> tag set by the user, or <see langword="null"/> for the path template.</summary>
    public string? Name { get; init; }

    /// <summary>Gets the <c>name</c> tag the request's samples carry: <see cref="Name"/>, or the path template.</summary>
    public string EffectiveName => Name ?? Path;

    /// <summary>Gets the request timeout (k6 default 60s).</summary>
    public TimeSpan? Timeout { get; init; }

    /// <summary>Gets the statuses that count as success for <c>http_req_failed</c>, or empty for the load test's default.</summary>
    public IReadOnlyList<int> ExpectedStatuses { get; init; } = [];

    /// <summary>Gets the checks on the response.</summary>
    public IReadOnlyList<Check> Checks { get; init; } = [];

    /// <summary>Gets the values captured from the response.</summary>
    public IReadOnlyList<Capture> Captures { get; init; } = [];

    /// <summary>Gets the extra tags of the request's samples.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Tags { get; init; } = [];

    /// <summary>Gets the custom metrics the request feeds.</summary>
    public IReadOnlyList<MetricSample> Samples { get; init; } = [];

    /// <summary>Gets whether redirects are followed (k6 default 10); <see langword="null"/> keeps the default.</summary>
    public int? MaxRedirects { get; init; }

    /// <summary>Gets an example response body (JSON) used by the dry run, or <see langword="null"/>.</summary>
    public string? ExampleResponse { get; init; }

    /// <summary>Gets a short description for messages: <c>POST /api/auth/signin</c>.</summary>
    public string DisplayName => Method.ToString().ToUpperInvariant() + " " + Path;
}

/// <summary>A k6 group: steps measured together under a name (<c>group_duration{group:::name}</c>).</summary>
public sealed record GroupStep : Step
{
    /// <summary>Gets the group name.</summary>
    public string Name { get; init; } = string.Empty;

    /// <summary>Gets the steps.</summary>
    public IReadOnlyList<Step> Steps { get; init; } = [];
}

/// <summary>A pause between steps, fixed or uniformly random between bounds.</summary>
public sealed record ThinkTimeStep : Step
{
    /// <summary>Gets the shortest pause.</summary>
    public TimeSpan Min { get; init; }

    /// <summary>Gets the longest pause (equal to <see cref="Min"/> for a fixed pause).</summary>
    public TimeSpan Max { get; init; }
}

/// <summary>Steps that run only when a condition holds.</summary>
public sealed record ConditionalStep : Step
{
    /// <summary>Gets the condition.</summary>
    public Condition Condition { get; init; } = Condition.Always;

    /// <summary>Gets the steps run when the condition holds.</summary>
    public IReadOnlyList<Step> Then { get; init; } = [];

    /// <summary>Gets the steps run otherwise.</summary>
    public IReadOnlyList<Step> Else { get; init; } = [];
}

/// <summary>Adds a sample to a custom metric.</summary>
public sealed record RecordMetricStep : Step
{
    /// <summary>Gets the metric.</summary>
    public Metric Metric { get; init; } = K6Metrics.Iterations;

    /// <summary>Gets the value added.</summary>
    public Value Value { get; init; } = 1;
}

/// <summary>Steps whose elapsed wall time is added to a Trend (for example an end-to-end journey).</summary>
public sealed record TimedStep : Step
{
    /// <summary>Gets the Trend that receives the elapsed milliseconds.</summary>
    public TrendMetric Metric { get; init; } = K6Metrics.IterationDuration;

    /// <summary>Gets the steps timed.</summary>
    public IReadOnlyList<Step> Steps { get; init; } = [];
}

/// <summary>A WebSocket session (<c>k6/websockets</c>): connect, send messages, stay open, close.</summary>
public sealed record WebSocketStep : Step
{
    /// <summary>Gets the base URL (<c>ws://</c> or <c>wss://</c>), or <see langword="null"/> for the load test's default.</summary>
    public BaseUrl? BaseUrl { get; init; }

    /// <summary>Gets the path.</summary>
    public string Path { get; init; } = "/";

    /// <summary>Gets the handshake headers.</summary>
    public IReadOnlyList<KeyValuePair<string, Value>> Headers { get; init; } = [];

    /// <summary>Gets the messages sent once the socket is open, in order.</summary>
    public IReadOnlyList<WebSocketMessage> Messages { get; init; } = [];

    /// <summary>Gets how long the socket stays open before the VU closes it.</summary>
    public TimeSpan HoldOpen { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Gets the <c>name</c> tag of the session's samples, or <see langword="null"/> for the path.</summary>
    public string? Name { get; init; }

    /// <summary>Gets the <c>name</c> tag the session carries.</summary>
    public string EffectiveName => Name ?? Path;

    /// <summary>Gets whether a check asserts that at least one message arrived before closing.</summary>
    public bool ExpectMessage { get; init; }
}

/// <summary>A WebSocket message: text, or a JSON document.</summary>
/// <param name="Text">The text (for text messages).</param>
/// <param name="Json">The JSON document (for JSON messages).</param>
public sealed record WebSocketMessage(Value? Text, JsonTemplate? Json);

/// <summary>What a request adds to a custom metric.</summary>
public enum MetricSampleKind
{
    /// <summary>Rate: adds 1 when the request's checks fail, 0 when they pass.</summary>
    FailureRate,

    /// <summary>Rate: adds 1 when the request's checks pass.</summary>
    SuccessRate,

    /// <summary>Trend: adds the request's duration in milliseconds.</summary>
    Duration,

    /// <summary>Counter: adds 1.</summary>
    Count,
}

/// <summary>A sample a request adds to a custom metric once it completes.</summary>
/// <param name="Metric">The metric.</param>
/// <param name="Kind">What is added.</param>
public sealed record MetricSample(Metric Metric, MetricSampleKind Kind);
