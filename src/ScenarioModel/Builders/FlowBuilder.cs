using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using K6Scenarios.Diagnostics;

namespace K6Scenarios.Model;

/// <summary>Builds the steps of a flow, in order.</summary>
public sealed class FlowBuilder
{
    private readonly List<Step> _steps = [];

    internal FlowBuilder()
    {
    }

    /// <summary>Sends a GET request.</summary>
    /// <param name="path">The path template relative to the base URL: <c>/api/groups/{id}</c>.</param>
    /// <param name="configure">Sets headers, checks, captures and more.</param>
    /// <param name="file">Filled by the compiler.</param>
    /// <param name="line">Filled by the compiler.</param>
    /// <returns>This builder.</returns>
    public FlowBuilder Get(string path, Action<RequestBuilder>? configure = null, [CallerFilePath] string file = "", [CallerLineNumber] int line = 0) =>
        Request(HttpMethod.Get, null, path, configure, file, line);

    /// <summary>Sends a GET request to another base URL.</summary>
    /// <param name="baseUrl">The base URL.</param>
    /// <param name="path">The path template relative to the base URL.</param>
    /// <param name="configure">Sets headers, checks, captures and more.</param>
    /// <param name="file">Filled by the compiler.</param>
    /// <param name="line">Filled by the compiler.</param>
    /// <returns>This builder.</returns>
    public FlowBuilder Get(BaseUrl baseUrl, string path, Action<RequestBuilder>? configure = null, [CallerFilePath] string file = "", [CallerLineNumber] int line = 0) =>
        Request(HttpMethod.Get, baseUrl, path, configure, file, line);

    /// <summary>Sends a POST request.</summary>
    /// <param name="path">The path template relative to the base URL.</param>
    /// <param name="configure">Sets the body, headers, checks, captures and more.</param>
    /// <param name="file">Filled by the compiler.</param>
    /// <param name="line">Filled by the compiler.</param>
    /// <returns>This builder.</returns>
    public FlowBuilder Post(string path, Action<RequestBuilder>? configure = null, [CallerFilePath] string file = "", [CallerLineNumber] int line = 0) =>
        Request(HttpMethod.Post, null, path, configure, file, line);

    /// <summary>Sends a POST request to another base URL.</summary>
    /// <param name="baseUrl">The base URL.</param>
    /// <param name="path">The path template relative to the base URL.</param>
    /// <param name="configure">Sets the body, headers, checks, captures and more.</param>
    /// <param name="file">Filled by the compiler.</param>
    /// <param name="line">Filled by the compiler.</param>
    /// <returns>This builder.</returns>
    public FlowBuilder Post(BaseUrl baseUrl, string path, Action<RequestBuilder>? configure = null, [CallerFilePath] string file = "", [CallerLineNumber] int line = 0) =>
        Request(HttpMethod.Post, baseUrl, path, configure, file, line);

    /// <summary>Sends a PUT request.</summary>
    /// <param name="path">The path template relative to the base URL.</param>
    /// <param name="configure">Sets the body, headers, checks, captures and more.</param>
    /// <param name="file">Filled by the compiler.</param>
    /// <param name="line">Filled by the compiler.</param>
    /// <returns>This builder.</returns>
    public FlowBuilder Put(string path, Action<RequestBuilder>? configure = null, [CallerFilePath] string file = "", [CallerLineNumber] int line = 0) =>
        Request(HttpMethod.Put, null, path, configure, file, line);

    /// <summary>Sends a PATCH request.</summary>
    /// <param name="path">The path template relative to the base URL.</param>
    /// <param name="configure">Sets the body, headers, checks, captures and more.</param>
    /// <param name="file">Filled by the compiler.</param>
    /// <param name="line">Filled by the compiler.</param>
    /// <returns>This builder.</returns>
    public FlowBuilder Patch(string path, Action<RequestBuilder>? configure = null, [CallerFilePath] string file = "", [CallerLineNumber] int line = 0) =>
        Request(HttpMethod.Patch, null, path, configure, file, line);

    /// <summary>Sends a DELETE request.</summary>
    /// <param name="path">The path template relative to the base URL.</param>
    /// <param name="configure">Sets headers, checks, captures and more.</param>
    /// <param name="file">Filled by the compiler.</param>
    /// <param name="line">Filled by the compiler.</param>
    /// <returns>This builder.</returns>
    public FlowBuilder Delete(string path, Action<RequestBuilder>? configure = null, [CallerFilePath] string file = "", [CallerLineNumber] int line = 0) =>
        Request(HttpMethod.Delete, null, path, configure, file, line);

    /// <summary>Sends a request with any method, to the default or another base URL.</summary>
    /// <param name="method">The method.</param>
    /// <param name="baseUrl">The base URL, or <see langword="null"/> for the load test's default.</param>
    /// <param name="path">The path template relative to the base URL.</param>
    /// <param name="configure">Sets the body, headers, checks, captures and more.</param>
    /// <param name="file">Filled by the compiler.</param>
    /// <param name="line">Filled by the compiler.</param>
    /// <returns>This builder.</returns>
    public FlowBuilder Request(HttpMethod method, BaseUrl? baseUrl, string path, Action<RequestBuilder>? configure = null, [CallerFilePath] string file = "", [CallerLineNumber] int line = 0)
    {
        ArgumentNullException.ThrowIfNull(path);
        var builder = new RequestBuilder(method, baseUrl, path, SourceLocation.FromCaller(file, line));
        configure?.Invoke(builder);
        _steps.Add(builder.Build());
        return this;
    }

    /// <summary>Groups steps under a name; k6 reports their time as <c>group_duration{group:::name}</c>.</summary>
    /// <param name="name">The group name (no <c>::</c>).</param>
    /// <param name="configure">Adds the steps.</param>
    /// <param name="file">Filled by the compiler.</param>
    /// <param name="line">Filled by the compiler.</param>
    /// <returns>This builder.</returns>
    public FlowBuilder Group(string name, Action<FlowBuilder> configure, [CallerFilePath] string file = "", [CallerLineNumber] int line = 0)
    {
        ArgumentNullException.ThrowIfNull(name);
        _steps.Add(new GroupStep { Name = name, Steps = BuildSteps(configure), DefinedAt = SourceLocation.FromCaller(file, line) });
        return this;
    }

    /// <summary>Pauses for a fixed time, as a user would between actions.</summary>
    /// <param name="duration">The pause.</param>
    /// <param name="file">Filled by the compiler.</param>
    /// <param name="line">Filled by the compiler.</param>
    /// <returns>This builder.</returns>
    public FlowBuilder ThinkTime(TimeSpan duration, [CallerFilePath] string file = "", [CallerLineNumber] int line = 0) =>
        ThinkTime(duration, duration, file, line);

    /// <summary>Pauses for a random time between <paramref name="min"/> and <paramref name="max"/>.</summary>
    /// <param name="min">The shortest pause.</param>
    /// <param name="max">The longest pause.</param>
    /// <param name="file">Filled by the compiler.</param>
    /// <param name="line">Filled by the compiler.</param>
    /// <returns>This builder.</returns>
    public FlowBuilder ThinkTime(TimeSpan min, TimeSpan max, [CallerFilePath] string file = "", [CallerLineNumber] int line = 0)
    {
        _steps.Add(new ThinkTimeStep { Min = min, Max = max, DefinedAt = SourceLocation.FromCaller(file, line) });
        return this;
    }

    /// <summary>Runs steps only when a condition holds, and others otherwise.</summary>
    /// <param name="condition">The condition.</param>
    /// <param name="then">Adds the steps run when it holds.</param>
    /// <param name="otherwise">Adds the steps run otherwise.</param>
    /// <param name="file">Filled by the compiler.</param>
    /// <param name="line">Filled by the compiler.</param>
    /// <returns>This builder.</returns>
    public FlowBuilder When(Condition condition, Action<FlowBuilder> then, Action<FlowBuilder>? otherwise = null, [CallerFilePath] string file = "", [CallerLineNumber] int line = 0)
    {
        ArgumentNullException.ThrowIfNull(condition);
        _steps.Add(new ConditionalStep
        {
            Condition = condition,
            Then = BuildSteps(then),
            Else = otherwise is null ? [] : BuildSteps(otherwise),
            DefinedAt = SourceLocation.FromCaller(file, line),
        });
        return this;
    }

    /// <summary>Adds a sample to a custom metric.</summary>
    /// <param name="metric">The metric.</param>
    /// <param name="value">The value (1 for a Counter increment; 0 or 1 for a Rate).</param>
    /// <param name="file">Filled by the compiler.</param>
    /// <param name="line">Filled by the compiler.</param>
    /// <returns>This builder.</returns>
    public FlowBuilder Record(Metric metric, Value value, [CallerFilePath] string file = "", [CallerLineNumber] int line = 0)
    {
        ArgumentNullException.ThrowIfNull(metric);
        ArgumentNullException.ThrowIfNull(value);
        _steps.Add(new RecordMetricStep { Metric = metric, Value = value, DefinedAt = SourceLocation.FromCaller(file, line) });
        return this;
    }

    /// <summary>Times steps end to end and adds the elapsed milliseconds to a Trend.</summary>
    /// <param name="metric">The Trend (usually <c>isTime: true</c>).</param>
    /// <param name="configure">Adds the steps.</param>
    /// <param name="file">Filled by the compiler.</param>
    /// <param name="line">Filled by the compiler.</param>
    /// <returns>This builder.</returns>
    public FlowBuilder Timed(TrendMetric metric, Action<FlowBuilder> configure, [CallerFilePath] string file = "", [CallerLineNumber] int line = 0)
    {
        ArgumentNullException.ThrowIfNull(metric);
        _steps.Add(new TimedStep { Metric = metric, Steps = BuildSteps(configure), DefinedAt = SourceLocation.FromCaller(file, line) });
        return this;
    }

    /// <summary>Opens a WebSocket session (<c>k6/websockets</c>).</summary>
    /// <param name="baseUrl">The <c>ws://</c> or <c>wss://</c> base URL, or <see langword="null"/> for the default.</param>
    /// <param name="path">The path.</param>
    /// <param name="configure">Sets messages, headers and how long it stays open.</param>
    /// <param name="file">Filled by the compiler.</param>
    /// <param name="line">Filled by the compiler.</param>
    /// <returns>This builder.</returns>
    public FlowBuilder WebSocket(BaseUrl? baseUrl, string path, Action<WebSocketBuilder> configure, [CallerFilePath] string file = "", [CallerLineNumber] int line = 0)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(configure);
        var builder = new WebSocketBuilder(baseUrl, path, SourceLocation.FromCaller(file, line));
        configure(builder);
        _steps.Add(builder.Build());
        return this;
    }

    internal static IReadOnlyList<Step> BuildSteps(Action<FlowBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        var builder = new FlowBuilder();
        configure(builder);
        return builder._steps.ToArray();
    }
}
