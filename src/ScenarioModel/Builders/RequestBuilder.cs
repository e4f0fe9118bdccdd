using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using K6Scenarios.Diagnostics;

namespace K6Scenarios.Model;

/// <summary>Builds an <see cref="HttpRequestStep"/>.</summary>
public sealed class RequestBuilder
{
    private readonly List<KeyValuePair<string, Value>> _pathParameters = [];
    private readonly List<KeyValuePair<string, Value>> _query = [];
    private readonly List<KeyValuePair<string, Value>> _headers = [];
    private readonly List<Check> _checks = [];
    private readonly List<Capture> _captures = [];
    private readonly List<KeyValuePair<string, string>> _tags = [];
    private readonly List<MetricSample> _samples = [];
    private readonly List<int> _expectedStatuses = [];
    private HttpRequestStep _request;

    internal RequestBuilder(HttpMethod method, BaseUrl? baseUrl, string path, SourceLocation? definedAt) =>
        _request = new HttpRequestStep { Method = method, BaseUrl = baseUrl, Path = path, DefinedAt = definedAt };

    /// <summary>Fills a <c>{name}</c> placeholder of the path.</summary>
    /// <param name="name">The placeholder name.</param>
    /// <param name="value">The value, URL-encoded when sent.</param>
    /// <returns>This builder.</returns>
    public RequestBuilder PathParameter(string name, Value value) => Add(_pathParameters, name, value);

    /// <summary>Adds a query parameter, URL-encoded when sent.</summary>
    /// <param name="name">The parameter name.</param>
    /// <param name="value">The value.</param>
    /// <returns>This builder.</returns>
    public RequestBuilder Query(string name, Value value) => Add(_query, name, value);

    /// <summary>Adds a header.</summary>
    /// <param name="name">The header name.</param>
    /// <param name="value">The value.</param>
    /// <returns>This builder.</returns>
    public RequestBuilder Header(string name, Value value) => Add(_headers, name, value);

    /// <summary>Sends <c>Authorization: Bearer {token}</c>.</summary>
    /// <param name="token">The token, usually a captured variable.</param>
    /// <returns>This builder.</returns>
    public RequestBuilder BearerToken(Value token) => Header("Authorization", "Bearer " + (token ?? throw new ArgumentNullException(nameof(token))));

    /// <summary>Sends a JSON body built from an anonymous object, dictionary or list; leaves may be <see cref="Value"/>s.</summary>
    /// <param name="body">The body: <c>new { email = users.Field("email"), password = users.Field("password") }</c>.</param>
    /// <returns>This builder.</returns>
    public RequestBuilder JsonBody(object body)
    {
        ArgumentNullException.ThrowIfNull(body);
        return SetBody(new JsonBody(JsonTemplate.From(body)));
    }

    /// <summary>Sends a form body built from an anonymous object or dictionary.</summary>
    /// <param name="fields">The fields.</param>
    /// <returns>This builder.</returns>
    public RequestBuilder FormBody(object fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        if (JsonTemplate.From(fields) is not JsonObjectTemplate form)
        {
            throw new ArgumentException("A form body needs named fields: pass an anonymous object or a dictionary.", nameof(fields));
        }

        var pairs = form.Properties.Select(p => new KeyValuePair<string, Value>(
            p.Key,
            p.Value is JsonLeaf { Value: { } leaf } ? leaf : throw new ArgumentException("Form fields must be single values.", nameof(fields))));
        return SetBody(new FormBody(pairs.ToArray()));
    }

    /// <summary>Sends a multipart body.</summary>
    /// <param name="configure">Adds fields and files.</param>
    /// <returns>This builder.</returns>
    public RequestBuilder MultipartBody(Action<MultipartBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        var builder = new MultipartBuilder();
        configure(builder);
        return SetBody(new MultipartBody(builder.Parts.ToArray()));
    }

    /// <summary>Sends a text body with a content type.</summary>
    /// <param name="text">The text.</param>
    /// <param name="contentType">The content type.</param>
    /// <returns>This builder.</returns>
    public RequestBuilder TextBody(Value text, string contentType = "text/plain")
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentException.ThrowIfNullOrEmpty(contentType);
        return SetBody(new TextBody(text, contentType));
    }

    /// <summary>
    /// Sets the <c>name</c> tag of the request's samples (the default is the path template, which keeps one time
    /// series per endpoint whatever the base URL and path values).
    /// </summary>
    /// <param name="name">The name.</param>
    /// <returns>This builder.</returns>
    public RequestBuilder Named(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        _request = _request with { Name = name };
        return this;
    }

    /// <summary>Sets the request timeout (k6 default 60s).</summary>
    /// <param name="timeout">The timeout.</param>
    /// <returns>This builder.</returns>
    public RequestBuilder Timeout(TimeSpan timeout)
    {
        _request = _request with { Timeout = timeout };
        return this;
    }

    /// <summary>Sets how many redirects are followed (0 to follow none).</summary>
    /// <param name="maxRedirects">The most redirects.</param>
    /// <returns>This builder.</returns>
    public RequestBuilder Redirects(int maxRedirects)
    {
        _request = _request with { MaxRedirects = maxRedirects };
        return this;
    }

    /// <summary>Tags the request's samples.</summary>
    /// <param name="name">The tag.</param>
    /// <param name="value">The value.</param>
    /// <returns>This builder.</returns>
    public RequestBuilder Tag(string name, string value)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(value);
        _tags.Add(new(name, value));
        return this;
    }

    /// <summary>
    /// Expects one of the statuses: adds a status check and counts only these as success in <c>http_req_failed</c>.
    /// </summary>
    /// <param name="statuses">The statuses, such as <c>201</c>.</param>
    /// <returns>This builder.</returns>
    public RequestBuilder ExpectStatus(params int[] statuses)
    {
        ArgumentNullException.ThrowIfNull(statuses);
        if (statuses.Length == 0)
        {
            throw new ArgumentException("Name at least one status.", nameof(statuses));
        }

        _checks.Add(new StatusCheck(statuses.ToArray()));
        _expectedStatuses.AddRange(statuses.Where(s => !_expectedStatuses.Contains(s)));
        return this;
    }

    /// <summary>Expects one of the statuses (see <see cref="ExpectStatus(int[])"/>).</summary>
    /// <param name="statuses">The statuses, such as <see cref="HttpStatusCode.Created"/>.</param>
    /// <returns>This builder.</returns>
    public RequestBuilder ExpectStatus(params HttpStatusCode[] statuses) =>
        ExpectStatus((statuses ?? throw new ArgumentNullException(nameof(statuses))).Select(s => (int)s).ToArray());

    /// <summary>Counts these statuses as expected for <c>http_req_failed</c> without checking them (a 429 from rate limiting).</summary>
    /// <param name="statuses">The statuses.</param>
    /// <returns>This builder.</returns>
    public RequestBuilder AlsoExpected(params int[] statuses)
    {
        ArgumentNullException.ThrowIfNull(statuses);
        _expectedStatuses.AddRange(statuses.Where(s => !_expectedStatuses.Contains(s)));
        return this;
    }

    /// <summary>Checks that the JSON body has a field (gjson path: <c>data.token</c>).</summary>
    /// <param name="jsonPath">The path.</param>
    /// <param name="name">The check name, or <see langword="null"/> for a generated one.</param>
    /// <returns>This builder.</returns>
    public RequestBuilder CheckBodyHas(string jsonPath, string? name = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(jsonPath);
        return AddCheck(new BodyFieldPresentCheck(jsonPath) { Name = name });
    }

    /// <summary>Checks that a JSON body field equals a value.</summary>
    /// <param name="jsonPath">The path.</param>
    /// <param name="expected">The expected value.</param>
    /// <param name="name">The check name, or <see langword="null"/> for a generated one.</param>
    /// <returns>This builder.</returns>
    public RequestBuilder CheckBodyEquals(string jsonPath, Value expected, string? name = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(jsonPath);
        ArgumentNullException.ThrowIfNull(expected);
        return AddCheck(new BodyFieldEqualsCheck(jsonPath, expected) { Name = name });
    }

    /// <summary>Checks that the body contains a text.</summary>
    /// <param name="text">The text.</param>
    /// <param name="name">The check name, or <see langword="null"/> for a generated one.</param>
    /// <returns>This builder.</returns>
    public RequestBuilder CheckBodyContains(string text, string? name = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(text);
        return AddCheck(new BodyContainsCheck(text) { Name = name });
    }

    /// <summary>Checks that a header is present, and equals a value when one is given.</summary>
    /// <param name="headerName">The header name.</param>
    /// <param name="expected">The expected value, or <see langword="null"/> for presence only.</param>
    /// <param name="name">The check name, or <see langword="null"/> for a generated one.</param>
    /// <returns>This builder.</returns>
    public RequestBuilder CheckHeader(string headerName, string? expected = null, string? name = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(headerName);
        return AddCheck(new HeaderCheck(headerName, expected) { Name = name });
    }

    /// <summary>Checks that the request took less than a duration.</summary>
    /// <param name="limit">The limit.</param>
    /// <param name="name">The check name, or <see langword="null"/> for a generated one.</param>
    /// <returns>This builder.</returns>
    public RequestBuilder CheckDuration(TimeSpan limit, string? name = null) => AddCheck(new DurationCheck(limit) { Name = name });

    /// <summary>Captures a value of the response into a variable that later steps send.</summary>
    /// <param name="variable">The variable.</param>
    /// <param name="source">Where the value is read: <c>CaptureSource.Json("accessToken")</c>.</param>
    /// <returns>This builder.</returns>
    public RequestBuilder Capture(Variable variable, CaptureSource source)
    {
        ArgumentNullException.ThrowIfNull(variable);
        ArgumentNullException.ThrowIfNull(source);
        _captures.Add(new Capture(variable, source));
        return this;
    }

    /// <summary>Adds 1 to a Rate when the request's checks fail and 0 when they pass (an <c>errors</c> rate).</summary>
    /// <param name="metric">The Rate.</param>
    /// <returns>This builder.</returns>
    public RequestBuilder RecordFailureIn(RateMetric metric) => AddSample(metric, MetricSampleKind.FailureRate);

    /// <summary>Adds 1 to a Rate when the request's checks pass and 0 when they fail.</summary>
    /// <param name="metric">The Rate.</param>
    /// <returns>This builder.</returns>
    public RequestBuilder RecordSuccessIn(RateMetric metric) => AddSample(metric, MetricSampleKind.SuccessRate);

    /// <summary>Adds the request's duration in milliseconds to a Trend.</summary>
    /// <param name="metric">The Trend.</param>
    /// <returns>This builder.</returns>
    public RequestBuilder RecordDurationIn(TrendMetric metric) => AddSample(metric, MetricSampleKind.Duration);

    /// <summary>Adds 1 to a Counter for every request sent.</summary>
    /// <param name="metric">The Counter.</param>
    /// <returns>This builder.</returns>
    public RequestBuilder CountIn(CounterMetric metric) => AddSample(metric, MetricSampleKind.Count);

    /// <summary>Gives an example response body (JSON) that the dry-run validation answers with, so captures and checks are tried against the real shape.</summary>
    /// <param name="json">The example body.</param>
    /// <returns>This builder.</returns>
    public RequestBuilder RespondsLike(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        _request = _request with { ExampleResponse = json };
        return this;
    }

    internal HttpRequestStep Build() => _request with
    {
        PathParameters = _pathParameters.ToArray(),
        Query = _query.ToArray(),
        Headers = _headers.ToArray(),
        Checks = _checks.ToArray(),
        Captures = _captures.ToArray(),
        Tags = _tags.ToArray(),
        Samples = _samples.ToArray(),
        ExpectedStatuses = _expectedStatuses.ToArray(),
    };

    private RequestBuilder Add(List<KeyValuePair<string, Value>> list, string name, Value value)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(value);
        list.Add(new(name, value));
        return this;
    }

    private RequestBuilder SetBody(RequestBody body)
    {
        _request = _request with { Body = body };
        return this;
    }

    private RequestBuilder AddCheck(Check check)
    {
        _checks.Add(check);
        return this;
    }

    private RequestBuilder AddSample(Metric metric, MetricSampleKind kind)
    {
        ArgumentNullException.ThrowIfNull(metric);
        _samples.Add(new MetricSample(metric, kind));
        return this;
    }
}

/// <summary>Builds a multipart body.</summary>
public sealed class MultipartBuilder
{
    internal List<MultipartPart> Parts { get; } = [];

    /// <summary>Adds a field.</summary>
    /// <param name="name">The part name.</param>
    /// <param name="value">The value.</param>
    /// <returns>This builder.</returns>
    public MultipartBuilder Field(string name, Value value)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(value);
        Parts.Add(new MultipartPart(name, value, null, null));
        return this;
    }

    /// <summary>Adds a file, opened once in the init context and copied beside the script.</summary>
    /// <param name="name">The part name.</param>
    /// <param name="path">The file path; relative paths resolve against the emitter's base directory.</param>
    /// <param name="contentType">The content type.</param>
    /// <returns>This builder.</returns>
    public MultipartBuilder File(string name, string path, string contentType = "application/octet-stream")
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentException.ThrowIfNullOrEmpty(path);
        Parts.Add(new MultipartPart(name, null, path, contentType));
        return this;
    }
}

/// <summary>Builds a <see cref="WebSocketStep"/>.</summary>
public sealed class WebSocketBuilder
{
    private readonly List<KeyValuePair<string, Value>> _headers = [];
    private readonly List<WebSocketMessage> _messages = [];
    private WebSocketStep _step;

    internal WebSocketBuilder(BaseUrl? baseUrl, string path, SourceLocation? definedAt) =>
        _step = new WebSocketStep { BaseUrl = baseUrl, Path = path, DefinedAt = definedAt };

    /// <summary>Adds a handshake header.</summary>
    /// <param name="name">The header name.</param>
    /// <param name="value">The value.</param>
    /// <returns>This builder.</returns>
    public WebSocketBuilder Header(string name, Value value)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(value);
        _headers.Add(new(name, value));
        return this;
    }

    /// <summary>Sends a text message once the socket is open.</summary>
    /// <param name="text">The text.</param>
    /// <returns>This builder.</returns>
    public WebSocketBuilder Send(Value text)
    {
        _messages.Add(new WebSocketMessage(text ?? throw new ArgumentNullException(nameof(text)), null));
        return this;
    }

    /// <summary>Sends a JSON message once the socket is open.</summary>
    /// <param name="message">The message as an anonymous object, dictionary or list.</param>
    /// <returns>This builder.</returns>
    public WebSocketBuilder SendJson(object message)
    {
        _messages.Add(new WebSocketMessage(null, JsonTemplate.From(message ?? throw new ArgumentNullException(nameof(message)))));
        return this;
    }

    /// <summary>Keeps the socket open this long before closing it.</summary>
    /// <param name="duration">How long.</param>
    /// <returns>This builder.</returns>
    public WebSocketBuilder HoldOpen(TimeSpan duration)
    {
        _step = _step with { HoldOpen = duration };
        return this;
    }

    /// <summary>Checks that at least one message arrived before the socket closed.</summary>
    /// <returns>This builder.</returns>
    public WebSocketBuilder ExpectMessage()
    {
        _step = _step with { ExpectMessage = true };
        return this;
    }

    /// <summary>Sets the <c>name</c> tag of the session's samples.</summary>
    /// <param name="name">The name.</param>
    /// <returns>This builder.</returns>
    public WebSocketBuilder Named(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        _step = _step with { Name = name };
        return this;
    }

    internal WebSocketStep Build() => _step with { Headers = _headers.ToArray(), Messages = _messages.ToArray() };
}
