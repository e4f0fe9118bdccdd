using System.Collections.Generic;
using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;

namespace K6Scenarios.ScenarioFiles.Format;

/// <summary>
/// One step of a flow, told apart by its first key: a request (<c>get</c>, <c>post</c>, ...), a <c>group</c>,
/// <c>think</c> time, a condition (<c>when</c>), a <c>websocket</c> session, a <c>timed</c> block or a metric <c>record</c>.
/// </summary>
[ElementName("a step")]
[Kind(typeof(RequestStepFile), "get", "post", "put", "patch", "delete", "head", "options")]
[Kind(typeof(GroupStepFile), "group")]
[Kind(typeof(ThinkStepFile), "think")]
[Kind(typeof(WhenStepFile), "when")]
[Kind(typeof(WebSocketStepFile), "websocket")]
[Kind(typeof(TimedStepFile), "timed")]
[Kind(typeof(RecordStepFile), "record")]
public abstract class StepFile : FileElement
{
}

/// <summary>An HTTP request, with its body, checks, captures and metric samples.</summary>
[ElementName("a request step")]
[ExactlyOneOf("get", "post", "put", "patch", "delete", "head", "options")]
[AtMostOneOf("json", "form", "text", "multipart")]
public sealed class RequestStepFile : StepFile
{
    /// <summary>GET this path (relative to the base URL, with <c>{name}</c> placeholders).</summary>
    [JsonPropertyName("get")]
    public string? Get { get; set; }

    /// <summary>POST to this path.</summary>
    [JsonPropertyName("post")]
    public string? Post { get; set; }

    /// <summary>PUT to this path.</summary>
    [JsonPropertyName("put")]
    public string? Put { get; set; }

    /// <summary>PATCH this path.</summary>
    [JsonPropertyName("patch")]
    public string? Patch { get; set; }

    /// <summary>DELETE this path.</summary>
    [JsonPropertyName("delete")]
    public string? Delete { get; set; }

    /// <summary>HEAD this path.</summary>
    [JsonPropertyName("head")]
    public string? Head { get; set; }

    /// <summary>OPTIONS on this path.</summary>
    [JsonPropertyName("options")]
    public string? Options { get; set; }

    /// <summary>The base URL (a name under <c>baseUrls</c>), when not the load test's.</summary>
    [JsonPropertyName("baseUrl")]
    public string? BaseUrl { get; set; }

    /// <summary>The <c>name</c> tag of the request's samples (default: the path template).</summary>
    [JsonPropertyName("name")]
    public string? Name { get; set; }

    /// <summary>Values of the path's <c>{name}</c> placeholders, URL-encoded when sent.</summary>
    [JsonPropertyName("pathParams")]
    [ScalarValue]
    public Dictionary<string, object>? PathParams { get; set; }

    /// <summary>Query parameters, in order, URL-encoded when sent.</summary>
    [JsonPropertyName("query")]
    [ScalarValue]
    public Dictionary<string, object>? Query { get; set; }

    /// <summary>Headers, in order.</summary>
    [JsonPropertyName("headers")]
    [ScalarValue]
    public Dictionary<string, object>? Headers { get; set; }

    /// <summary>Sends <c>Authorization: Bearer {value}</c>, usually a captured token: <c>${token}</c>.</summary>
    [JsonPropertyName("bearer")]
    [ScalarValue]
    public object? Bearer { get; set; }

    /// <summary>A JSON body, sent stringified with <c>Content-Type: application/json</c>.</summary>
    [JsonPropertyName("json")]
    [AnyValue]
    public object? Json { get; set; }

    /// <summary>A form body (<c>application/x-www-form-urlencoded</c>).</summary>
    [JsonPropertyName("form")]
    [ScalarValue]
    public Dictionary<string, object>? Form { get; set; }

    /// <summary>A text body, sent with <c>contentType</c>.</summary>
    [JsonPropertyName("text")]
    [ScalarValue]
    public object? Text { get; set; }

    /// <summary>The content type of a text body (default <c>text/plain</c>).</summary>
    [JsonPropertyName("contentType")]
    [OnlyWith("text")]
    public string? ContentType { get; set; }

    /// <summary>A multipart body: fields and files.</summary>
    [JsonPropertyName("multipart")]
    public List<MultipartPartFile>? Multipart { get; set; }

    /// <summary>The request timeout (k6 default 60s).</summary>
    [JsonPropertyName("timeout")]
    [K6Duration]
    public string? Timeout { get; set; }

    /// <summary>How many redirects are followed (0 to follow none).</summary>
    [JsonPropertyName("redirects")]
    [Range(0, int.MaxValue)]
    public int? Redirects { get; set; }

    /// <summary>Extra tags of the request's samples.</summary>
    [JsonPropertyName("tags")]
    public Dictionary<string, string>? Tags { get; set; }

    /// <summary>Expected statuses: checked, and the only ones <c>http_req_failed</c> counts as success.</summary>
    [JsonPropertyName("expect")]
    [SingleOrList]
    public List<int>? Expect { get; set; }

    /// <summary>Statuses also counted as expected for <c>http_req_failed</c>, without a check (a 429 from rate limiting).</summary>
    [JsonPropertyName("alsoExpected")]
    [SingleOrList]
    public List<int>? AlsoExpected { get; set; }

    /// <summary>Checks on the response, after the status check of <c>expect</c>.</summary>
    [JsonPropertyName("checks")]
    public List<CheckFile>? Checks { get; set; }

    /// <summary>Values captured from the response into variables that later steps send as <c>${name}</c>.</summary>
    [JsonPropertyName("capture")]
    public Dictionary<string, CaptureFile>? Capture { get; set; }

    /// <summary>A Rate (under <c>metrics</c>) that gets 1 when the request's checks fail, 0 when they pass.</summary>
    [JsonPropertyName("recordFailureIn")]
    public string? RecordFailureIn { get; set; }

    /// <summary>A Rate that gets 1 when the request's checks pass, 0 when they fail.</summary>
    [JsonPropertyName("recordSuccessIn")]
    public string? RecordSuccessIn { get; set; }

    /// <summary>A Trend that gets the request's duration in milliseconds.</summary>
    [JsonPropertyName("recordDurationIn")]
    public string? RecordDurationIn { get; set; }

    /// <summary>A Counter that gets 1 for every request sent.</summary>
    [JsonPropertyName("countIn")]
    public string? CountIn { get; set; }

    /// <summary>An example JSON response body the dry run answers with, so captures and checks are tried on the real shape.</summary>
    [JsonPropertyName("respondsLike")]
    [AnyValue]
    public object? RespondsLike { get; set; }
}

/// <summary>A part of a multipart body: a field with a value, or a file.</summary>
[ElementName("a multipart part")]
[ExactlyOneOf("value", "file")]
public sealed class MultipartPartFile : FileElement
{
    /// <summary>The part name.</summary>
    [JsonPropertyName("name")]
    [Required]
    public string? Name { get; set; }

    /// <summary>The field value.</summary>
    [JsonPropertyName("value")]
    [ScalarValue]
    public object? Value { get; set; }

    /// <summary>A file, relative to the scenario file, opened once in the init context and copied beside the script.</summary>
    [JsonPropertyName("file")]
    public string? File { get; set; }

    /// <summary>The file's content type (default <c>application/octet-stream</c>).</summary>
    [JsonPropertyName("contentType")]
    [OnlyWith("file")]
    public string? ContentType { get; set; }
}

/// <summary>A check on a response, named as k6 shows it (generated from the request's name unless <c>name</c> is given).</summary>
[ElementName("a check")]
[ExactlyOneOf("bodyHas", "bodyEquals", "bodyContains", "header", "durationBelow")]
public sealed class CheckFile : FileElement
{
    /// <summary>The JSON body has a field at this path (gjson: <c>data.token</c>, <c>items.0.id</c>).</summary>
    [JsonPropertyName("bodyHas")]
    public string? BodyHas { get; set; }

    /// <summary>The JSON body's field at this path equals <c>value</c>.</summary>
    [JsonPropertyName("bodyEquals")]
    public string? BodyEquals { get; set; }

    /// <summary>The value <c>bodyEquals</c> expects.</summary>
    [JsonPropertyName("value")]
    [ScalarValue]
    [OnlyWith("bodyEquals")]
    public object? Value { get; set; }

    /// <summary>The body contains this text.</summary>
    [JsonPropertyName("bodyContains")]
    public string? BodyContains { get; set; }

    /// <summary>The response has this header (equal to <c>equals</c> when given).</summary>
    [JsonPropertyName("header")]
    public string? Header { get; set; }

    /// <summary>The value <c>header</c> expects.</summary>
    [JsonPropertyName("equals")]
    [OnlyWith("header")]
    public string? EqualsValue { get; set; }

    /// <summary>The request took less than this.</summary>
    [JsonPropertyName("durationBelow")]
    [K6Duration]
    public string? DurationBelow { get; set; }

    /// <summary>The check's name in k6's output.</summary>
    [JsonPropertyName("name")]
    public string? Name { get; set; }
}

/// <summary>Where a captured value is read: exactly one of <c>json</c>, <c>header</c> or <c>regex</c>.</summary>
[ElementName("a capture")]
[ExactlyOneOf("json", "header", "regex")]
public sealed class CaptureFile : FileElement
{
    /// <summary>A field of the JSON body (gjson path: <c>accessToken</c>, <c>data.items.0.id</c>).</summary>
    [JsonPropertyName("json")]
    public string? Json { get; set; }

    /// <summary>A response header, as k6 canonicalizes it: <c>Location</c>.</summary>
    [JsonPropertyName("header")]
    public string? Header { get; set; }

    /// <summary>The first group of a regular expression (JavaScript syntax) matched against the body.</summary>
    [JsonPropertyName("regex")]
    public string? Regex { get; set; }
}

/// <summary>Steps measured together under a name (<c>group_duration{group:::name}</c>).</summary>
[ElementName("a group step")]
public sealed class GroupStepFile : StepFile
{
    /// <summary>The group name (no <c>::</c>).</summary>
    [JsonPropertyName("group")]
    [Required]
    public string? Group { get; set; }

    /// <summary>The steps.</summary>
    [JsonPropertyName("steps")]
    [Required]
    public List<StepFile>? Steps { get; set; }
}

/// <summary>A pause: fixed (<c>think: 1s</c>) or random between bounds (<c>think: { min: 1s, max: 3s }</c>).</summary>
[ElementName("a think-time step")]
public sealed class ThinkStepFile : StepFile
{
    /// <summary>The pause.</summary>
    [JsonPropertyName("think")]
    [Required]
    public ThinkTimeFile? Think { get; set; }
}

/// <summary>How long a think-time step pauses.</summary>
[ElementName("a think time")]
[Shorthand("min")]
public sealed class ThinkTimeFile : FileElement
{
    /// <summary>The shortest pause (the whole pause when <c>max</c> is not given).</summary>
    [JsonPropertyName("min")]
    [Required]
    [K6Duration]
    public string? Min { get; set; }

    /// <summary>The longest pause.</summary>
    [JsonPropertyName("max")]
    [K6Duration]
    public string? Max { get; set; }
}

/// <summary>Steps that run only when a condition holds, and others otherwise.</summary>
[ElementName("a when step")]
public sealed class WhenStepFile : StepFile
{
    /// <summary>The condition.</summary>
    [JsonPropertyName("when")]
    [Required]
    public ConditionFile? When { get; set; }

    /// <summary>The steps run when it holds.</summary>
    [JsonPropertyName("then")]
    [Required]
    public List<StepFile>? Then { get; set; }

    /// <summary>The steps run otherwise.</summary>
    [JsonPropertyName("else")]
    public List<StepFile>? Else { get; set; }
}

/// <summary>A condition: exactly one of <c>captured</c>, <c>equals</c> or <c>chance</c>.</summary>
[ElementName("a condition")]
[ExactlyOneOf("captured", "equals", "chance")]
public sealed class ConditionFile : FileElement
{
    /// <summary>Holds when this variable was captured (is neither undefined nor null).</summary>
    [JsonPropertyName("captured")]
    public string? Captured { get; set; }

    /// <summary>Holds when the two values are equal.</summary>
    [JsonPropertyName("equals")]
    [ScalarValue]
    public List<object>? EqualsValues { get; set; }

    /// <summary>Holds in this share of iterations, from 0 to 1, picked at random.</summary>
    [JsonPropertyName("chance")]
    [Range(0.0, 1.0)]
    public double? Chance { get; set; }
}

/// <summary>A WebSocket session (<c>k6/websockets</c>): connect, send messages, stay open, close.</summary>
[ElementName("a websocket step")]
public sealed class WebSocketStepFile : StepFile
{
    /// <summary>The path.</summary>
    [JsonPropertyName("websocket")]
    [Required]
    public string? WebSocket { get; set; }

    /// <summary>The <c>ws://</c> or <c>wss://</c> base URL (a name under <c>baseUrls</c>), when not the load test's.</summary>
    [JsonPropertyName("baseUrl")]
    public string? BaseUrl { get; set; }

    /// <summary>Handshake headers.</summary>
    [JsonPropertyName("headers")]
    [ScalarValue]
    public Dictionary<string, object>? Headers { get; set; }

    /// <summary>Messages sent once the socket is open, in order.</summary>
    [JsonPropertyName("send")]
    public List<WebSocketMessageFile>? Send { get; set; }

    /// <summary>How long the socket stays open before the VU closes it (default 1s).</summary>
    [JsonPropertyName("holdOpen")]
    [K6Duration]
    public string? HoldOpen { get; set; }

    /// <summary>Whether a check asserts that at least one message arrived before closing.</summary>
    [JsonPropertyName("expectMessage")]
    public bool? ExpectMessage { get; set; }

    /// <summary>The <c>name</c> tag of the session's samples (default: the path).</summary>
    [JsonPropertyName("name")]
    public string? Name { get; set; }
}

/// <summary>A WebSocket message: <c>text</c>, or a <c>json</c> document.</summary>
[ElementName("a websocket message")]
[Shorthand("text")]
[ExactlyOneOf("text", "json")]
public sealed class WebSocketMessageFile : FileElement
{
    /// <summary>A text message.</summary>
    [JsonPropertyName("text")]
    [ScalarValue]
    public object? Text { get; set; }

    /// <summary>A JSON message.</summary>
    [JsonPropertyName("json")]
    [AnyValue]
    public object? Json { get; set; }
}

/// <summary>Steps whose elapsed time is added to a Trend (an end-to-end journey).</summary>
[ElementName("a timed step")]
public sealed class TimedStepFile : StepFile
{
    /// <summary>The Trend (under <c>metrics</c>, or a built-in one) that gets the elapsed milliseconds.</summary>
    [JsonPropertyName("timed")]
    [Required]
    public string? Timed { get; set; }

    /// <summary>The steps timed.</summary>
    [JsonPropertyName("steps")]
    [Required]
    public List<StepFile>? Steps { get; set; }
}

/// <summary>Adds a sample to a custom metric.</summary>
[ElementName("a record step")]
public sealed class RecordStepFile : StepFile
{
    /// <summary>The metric (under <c>metrics</c>).</summary>
    [JsonPropertyName("record")]
    [Required]
    public string? Record { get; set; }

    /// <summary>The value added (default 1).</summary>
    [JsonPropertyName("value")]
    [ScalarValue]
    public object? Value { get; set; }
}
