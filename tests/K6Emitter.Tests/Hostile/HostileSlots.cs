using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using K6Scenarios.Model;

namespace K6Scenarios.Testing.Hostile;

/// <summary>What a real run lets the server (or k6's output) see of a case, to compare with the input.</summary>
public enum Observation
{
    /// <summary>Not observed under real k6 (Jint only).</summary>
    None,

    /// <summary>The value of request header <c>X-Hostile</c>.</summary>
    HeaderValue,

    /// <summary>The request target after <c>/echo/{case}/</c>, percent-decoded.</summary>
    PathRest,

    /// <summary>The value of query parameter <c>q</c>.</summary>
    QueryValue,

    /// <summary>The name of the one query parameter.</summary>
    QueryName,

    /// <summary>The value of the JSON body's property <c>k</c>.</summary>
    JsonValue,

    /// <summary>The name of the JSON body's one property.</summary>
    JsonKey,

    /// <summary>The value of form field <c>k</c>.</summary>
    FormValue,

    /// <summary>The name of the one form field.</summary>
    FormKey,

    /// <summary>The body as UTF-8 text.</summary>
    TextBody,

    /// <summary>A check name in k6's summary.</summary>
    CheckName,

    /// <summary>The <c>name</c> tag of the request's samples.</summary>
    NameTag,

    /// <summary>The <c>t</c> tag of the request's samples.</summary>
    TagT,

    /// <summary>The <c>group</c> tag of the request's samples, without its leading <c>::</c>.</summary>
    GroupTag,

    /// <summary>The <c>scenario</c> tag of the request's samples.</summary>
    ScenarioTag,

    /// <summary>A threshold on <c>http_reqs{tv_case:text}</c> counts the request: k6 selected the samples.</summary>
    ThresholdSelects,

    /// <summary>A request header of that name (compared ignoring case) with the value <c>v</c>.</summary>
    HeaderName,

    /// <summary>A tag of that name with the value <c>v</c> on the request's samples.</summary>
    TagKey,
}

/// <summary>A string in a slot, numbered so that what a run sends can be traced back to it.</summary>
/// <param name="Slot">The slot.</param>
/// <param name="Text">The string.</param>
/// <param name="Number">A number unique in the run.</param>
public sealed record HostileCase(HostileSlot Slot, string Text, int Number)
{
    /// <summary>Gets the path prefix of this case's requests: <c>/echo/{number}/</c>.</summary>
    public string Prefix => "/echo/" + Number.ToString(CultureInfo.InvariantCulture) + "/";

    /// <summary>Gets a suffix for names that must be unique in one load test.</summary>
    public string Suffix => Number.ToString(CultureInfo.InvariantCulture);

    /// <summary>Gets what the server should see: the text, or for a few slots what the model documents it becomes.</summary>
    public string ExpectedObservation => Slot.Observation switch
    {
        Observation.JsonValue when Slot.Name == "environment name" => "env-default",
        Observation.JsonValue when Slot.Name == "pool field name" => "pool-value",
        _ => Text,
    };
}

/// <summary>
/// One place of the public API where a user string reaches the script, how to put a string there, and what the model
/// must do with it: the error IDs it reports (an independent statement of docs/escaping.md), or none.
/// </summary>
public sealed class HostileSlot
{
    private HostileSlot(string name, Func<string, IEnumerable<string>> expected)
    {
        Name = name;
        Expected = text => new SortedSet<string>(expected(text), StringComparer.Ordinal);
    }

    /// <summary>The outcome of a builder that refuses the string by throwing (an empty name, for instance).</summary>
    public const string Throws = "throws";

    /// <summary>Gets the slot's name.</summary>
    public string Name { get; }

    /// <summary>Gets the error IDs (and <see cref="Throws"/>) the string must produce.</summary>
    public Func<string, SortedSet<string>> Expected { get; }

    /// <summary>Gets whether the slot holds one string per load test (its name, description, user agent, ...).</summary>
    public bool Alone { get; private init; }

    /// <summary>Gets whether the string names the load test.</summary>
    public bool NamesTheTest { get; private init; }

    /// <summary>Gets how a real run shows the string.</summary>
    public Observation Observation { get; private init; }

    /// <summary>Gets what the case adds to the main scenario's flow.</summary>
    public Action<HostileCase, FlowBuilder>? Step { get; private init; }

    /// <summary>Gets what the case adds to the load test.</summary>
    public Func<HostileCase, LoadTestBuilder, LoadTestBuilder>? Test { get; private init; }

    /// <inheritdoc />
    public override string ToString() => Name;

    /// <summary>Gets every slot.</summary>
    public static IReadOnlyList<HostileSlot> All { get; } = Build();

    /// <summary>Builds one load test holding the cases (at most one of a test-wide slot).</summary>
    /// <param name="cases">The cases.</param>
    /// <param name="baseUrl">The default of <c>API_URL</c>.</param>
    /// <returns>The load test.</returns>
    public static LoadTest LoadTestOf(IReadOnlyList<HostileCase> cases, string baseUrl = "http://127.0.0.1:9/hostile")
    {
        var name = cases.FirstOrDefault(c => c.Slot.NamesTheTest)?.Text ?? "hostile";
        var builder = LoadTest.Create(name)
            .BaseUrl("API_URL", baseUrl)
            .WithoutCheckGate()
            .Scenario("hostile_main", s => s.SharedIterations(1, 1).Flow(f =>
            {
                f.Get("/echo/0/start", r => r.ExpectStatus(200));
                foreach (var c in cases.Where(c => c.Slot.Step is not null))
                {
                    c.Slot.Step!(c, f);
                }
            }));
        foreach (var c in cases.Where(c => c.Slot.Test is not null))
        {
            builder = c.Slot.Test!(c, builder);
        }

        return builder.Build();
    }

    // ---- The oracle: what each slot refuses, written from docs/escaping.md, independently of the model's code. ----

    private const string Deliverable = "K6S0118";

    private static readonly UTF8Encoding StrictUtf8 = new(false, true);

    /// <summary>Gets whether the string cannot be encoded as UTF-8 (it holds a lone surrogate).</summary>
    public static bool IsNotUtf8(string text)
    {
        try
        {
            StrictUtf8.GetByteCount(text);
            return false;
        }
        catch (EncoderFallbackException)
        {
            return true;
        }
    }

    private static IEnumerable<string> Text(string text) => IsNotUtf8(text) ? [Deliverable] : [];

    private static bool IsHeaderValueRefused(string text) =>
        IsNotUtf8(text) || text.Any(c => (c < ' ' && c != '\t') || c == '\u007F') || (text.Length > 0 && (text[0] is ' ' or '\t' || text[^1] is ' ' or '\t'));

    private static IEnumerable<string> HeaderValue(string text) => IsHeaderValueRefused(text) ? [Deliverable] : [];

    private static readonly Regex Placeholder = new(@"\{([^{}/]+)\}", RegexOptions.CultureInvariant);

    private static bool IsPathRefused(string path)
    {
        if (IsNotUtf8(path) || path.Any(c => c < ' ' || c == '\u007F' || c == '#'))
        {
            return true;
        }

        if (Regex.IsMatch(path, "%(?![0-9A-Fa-f]{2})", RegexOptions.CultureInvariant))
        {
            return true;
        }

        var query = path.IndexOf('?', StringComparison.Ordinal);
        return query >= 0 && path[(query + 1)..].Any(c => c == ' ' || c > '~');
    }

    private static IEnumerable<string> Path(string path, bool placeholders = true)
    {
        if (IsPathRefused(path))
        {
            yield return Deliverable;
        }

        if (placeholders && Placeholder.IsMatch(path))
        {
            yield return "K6S0402";
        }

        if (path.Contains("://", StringComparison.Ordinal))
        {
            yield return "K6S0411";
        }
    }

    private static bool IsThresholdTagValueRefused(string text) =>
        IsNotUtf8(text) || text.Any(c => c is ',' or '\'' or '"' or '\n' or '\r' or '\u000B' or '\u000C' or '\u0085' or '\u2028' or '\u2029')
        || char.IsWhiteSpace(text[0]) || char.IsWhiteSpace(text[^1]);

    private static bool Matches(string pattern, string text) => Regex.IsMatch(text, pattern, RegexOptions.CultureInvariant);

    private static bool IsIdentifier(string text) => Matches(@"\A[A-Za-z_][A-Za-z0-9_]*\z", text);

    private static IEnumerable<string> Named(string text, bool valid, string id) => text.Length == 0 ? [Throws] : valid ? [] : [id];

    private static IEnumerable<string> GroupOrCheck(string text) =>
        (text.Length == 0 || text.Contains("::", StringComparison.Ordinal) ? new[] { "K6S0404" } : []).Concat(Text(text));

    // A status check without a name is named after the request ("{name} status is 200"), so the name must suit a check too.
    private static IEnumerable<string> GeneratedCheckName(string requestName) => requestName.Contains("::", StringComparison.Ordinal) ? ["K6S0404"] : [];

    private static IEnumerable<string> NonEmpty(string text, Func<string, IEnumerable<string>> then) => text.Length == 0 ? [Throws] : then(text);

    // ---- The slots. ----

    private static FlowBuilder Echo(FlowBuilder flow, HostileCase c, Action<RequestBuilder>? configure = null, string rest = "x", HttpMethod method = HttpMethod.Post) =>
        flow.Request(method, null, c.Prefix + rest, r =>
        {
            r.Header("X-Case", c.Suffix).Tag("case", c.Suffix).ExpectStatus(200);
            configure?.Invoke(r);
        });

    private static Dictionary<string, object?> One(string key, object? value) => new(StringComparer.Ordinal) { [key] = value };

    private static List<HostileSlot> Build()
    {
        var ws = BaseUrl.FromEnvironment("WS_URL", "ws://127.0.0.1:9/hostile");
        return
        [
            // Names with a grammar of their own.
            new("load-test name", t => Named(t, Matches(@"\A[0-9a-zA-Z][0-9a-zA-Z._-]{0,99}\z", t), "K6S0111")) { Alone = true, NamesTheTest = true },
            new("scenario name", t => t.Length == 0 || !Matches(@"\A[0-9a-zA-Z_-]+\z", t) ? ["K6S0101"] : [])
            {
                Observation = Observation.ScenarioTag,
                Test = (c, b) => b.Scenario(c.Text, s => s.SharedIterations(1, 1).Flow(f => Echo(f, c, method: HttpMethod.Get))),
            },
            new("metric name", t => Matches(@"\A[a-zA-Z_][a-zA-Z0-9_]{1,128}\z", t) ? [] : ["K6S0201"])
            {
                Step = (c, f) => Echo(f, c, r => r.CountIn(CustomMetric.Counter(c.Text))),
            },
            new("tag key", t => Named(t, Matches(@"\A[A-Za-z_][A-Za-z0-9_.-]*\z", t), "K6S0114"))
            {
                Observation = Observation.TagKey,
                Step = (c, f) => Echo(f, c, r => r.Tag(c.Text, "v")),
            },
            new("header name", t => t.Length == 0 ? [Throws] : Matches(@"\A[!#$%&'*+.^_`|~0-9A-Za-z-]+\z", t) ? [] : ["K6S0409"])
            {
                Observation = Observation.HeaderName,
                Step = (c, f) => Echo(f, c, r => r.Header(c.Text, "v")),
            },
            new("environment name", t => IsIdentifier(t) ? [] : ["K6S0114"])
            {
                Observation = Observation.JsonValue,
                Step = (c, f) => Echo(f, c, r => r.JsonBody(One("k", Value.Env(c.Text, "env-default")))),
            },
            new("secret name", t => IsIdentifier(t) ? [] : ["K6S0114"])
            {
                Step = (c, f) => Echo(f, c, r => r.JsonBody(One("k", Value.Secret(c.Text)))),
            },

            // Free text of the flow.
            new("group name", GroupOrCheck)
            {
                Observation = Observation.GroupTag,
                Step = (c, f) => f.Group(c.Text, g => Echo(g, c, method: HttpMethod.Get)),
            },
            new("check name", GroupOrCheck)
            {
                Observation = Observation.CheckName,
                Step = (c, f) => Echo(f, c, r => r.CheckDuration(TimeSpan.FromMinutes(1), c.Text)),
            },
            new("request name", t => NonEmpty(t, n => Text(n).Concat(GeneratedCheckName(n))))
            {
                Observation = Observation.NameTag,
                Step = (c, f) => Echo(f, c, r => r.Named(c.Text)),
            },
            new("tag value", Text)
            {
                Observation = Observation.TagT,
                Step = (c, f) => Echo(f, c, r => r.Tag("t", c.Text)),
            },
            new("threshold tag value", t => (t.Length == 0 ? new[] { "K6S0114" } : IsThresholdTagValueRefused(t) ? ["K6S0204"] : []).Concat(Text(t)))
            {
                Observation = Observation.ThresholdSelects,
                Step = (c, f) => Echo(f, c, r => r.Tag("tv" + c.Suffix, c.Text)),
                Test = (c, b) => b.Threshold(K6Metrics.HttpReqs.Where("tv" + c.Suffix, c.Text).Count > 0),
            },
            new("header value", HeaderValue)
            {
                Observation = Observation.HeaderValue,
                Step = (c, f) => Echo(f, c, r => r.Header("X-Hostile", c.Text)),
            },
            new("header value from an environment default", t => HeaderValue("v=" + t))
            {
                Step = (c, f) => Echo(f, c, r => r.Header("X-Hostile", "v=" + Value.Env("HOSTILE_HEADER_" + c.Suffix, c.Text))),
            },
            new("path", t => Path("/echo/1/" + t).Concat(GeneratedCheckName("/echo/1/" + t)))
            {
                Observation = Observation.PathRest,
                Step = (c, f) => Echo(f, c, rest: c.Text, method: HttpMethod.Get),
            },
            new("path parameter value", Text)
            {
                Observation = Observation.PathRest,
                Step = (c, f) => Echo(f, c, r => r.PathParameter("id", c.Text), rest: "{id}", method: HttpMethod.Get),
            },
            new("query name", Text)
            {
                Observation = Observation.QueryName,
                Step = (c, f) => Echo(f, c, r => r.Query(c.Text, "v"), method: HttpMethod.Get),
            },
            new("query value", Text)
            {
                Observation = Observation.QueryValue,
                Step = (c, f) => Echo(f, c, r => r.Query("q", c.Text), method: HttpMethod.Get),
            },
            new("JSON key", Text)
            {
                Observation = Observation.JsonKey,
                Step = (c, f) => Echo(f, c, r => r.JsonBody(One(c.Text, "v"))),
            },
            new("JSON value", Text)
            {
                Observation = Observation.JsonValue,
                Step = (c, f) => Echo(f, c, r => r.JsonBody(One("k", c.Text))),
            },
            new("nested JSON value", Text)
            {
                Step = (c, f) => Echo(f, c, r => r.JsonBody(One("k", new object?[] { One(c.Text, c.Text), c.Text }))),
            },
            new("form key", Text)
            {
                Observation = Observation.FormKey,
                Step = (c, f) => Echo(f, c, r => r.FormBody(One(c.Text, "v"))),
            },
            new("form value", Text)
            {
                Observation = Observation.FormValue,
                Step = (c, f) => Echo(f, c, r => r.FormBody(One("k", c.Text))),
            },
            new("text body", Text)
            {
                Observation = Observation.TextBody,
                Step = (c, f) => Echo(f, c, r => r.TextBody(c.Text)),
            },
            new("text body content type", t => NonEmpty(t, HeaderValue))
            {
                Step = (c, f) => Echo(f, c, r => r.TextBody("x", c.Text)),
            },
            new("multipart part name", t => t.Length == 0 ? [Throws] : IsNotUtf8(t) || t.Any(ch => ch < ' ' || ch is '\u007F' or '"' or '\\') ? [Deliverable] : [])
            {
                Step = (c, f) => Echo(f, c, r => r.MultipartBody(m => m.Field(c.Text, "v"))),
            },
            new("multipart field value", Text)
            {
                Step = (c, f) => Echo(f, c, r => r.MultipartBody(m => m.Field("k", c.Text))),
            },
            new("environment default", Text)
            {
                Observation = Observation.JsonValue,
                Step = (c, f) => Echo(f, c, r => r.JsonBody(One("k", Value.Env("HOSTILE_DEFAULT_" + c.Suffix, c.Text)))),
            },
            new("expected body text", t => NonEmpty(t, Text))
            {
                Step = (c, f) => Echo(f, c, r => r.CheckBodyContains(c.Text, "contains " + c.Suffix)),
            },
            new("expected body field value", Text)
            {
                Step = (c, f) => Echo(f, c, r => r.CheckBodyEquals("k", c.Text, "equals " + c.Suffix)),
            },
            new("checked header name", t => NonEmpty(t, Text))
            {
                Step = (c, f) => Echo(f, c, r => r.CheckHeader(c.Text, null, "header " + c.Suffix)),
            },
            new("condition value", Text)
            {
                Step = (c, f) => f.When(Condition.AreEqual(Value.Env("HOSTILE_CONDITION_" + c.Suffix, "x"), c.Text), t => Echo(t, c)),
            },
            new("WebSocket message", Text)
            {
                Step = (c, f) => f.WebSocket(ws, "/ws/" + c.Suffix, w => w.Send(c.Text).HoldOpen(TimeSpan.FromMilliseconds(10))),
            },
            new("WebSocket path", t => Path("/ws/" + t, placeholders: false))
            {
                Step = (c, f) => f.WebSocket(ws, "/ws/" + c.Text, w => w.Send("x").HoldOpen(TimeSpan.FromMilliseconds(10))),
            },
            new("WebSocket header value", HeaderValue)
            {
                Step = (c, f) => f.WebSocket(ws, "/ws/" + c.Suffix, w => w.Header("X-Hostile", c.Text).Send("x").HoldOpen(TimeSpan.FromMilliseconds(10))),
            },

            // Pools and scenarios.
            new("pool field name", t => NonEmpty(t, Text))
            {
                Observation = Observation.JsonValue,
                Test = (c, b) =>
                {
                    var pool = UserPool.Generate("pool" + c.Suffix, 3, (c.Text, "pool-value"));
                    return b.Scenario("pool" + c.Suffix, s => s.SharedIterations(1, 1).WithUsers(pool, PoolSelection.RoundRobin)
                        .Flow(f => Echo(f, c, r => r.JsonBody(One("k", pool.Field(c.Text))))));
                },
            },
            new("pool field template", Text)
            {
                Test = (c, b) =>
                {
                    var pool = UserPool.Generate("pool" + c.Suffix, 3, ("f", c.Text));
                    return b.Scenario("pool" + c.Suffix, s => s.SharedIterations(1, 1).WithUsers(pool, PoolSelection.RoundRobin)
                        .Flow(f => Echo(f, c, r => r.JsonBody(One("k", pool.Field("f"))))));
                },
            },
            new("scenario tag value", Text)
            {
                Observation = Observation.TagT,
                Test = (c, b) => b.Scenario("tagged" + c.Suffix, s => s.SharedIterations(1, 1).Tag("t", c.Text).Flow(f => Echo(f, c, method: HttpMethod.Get))),
            },
            new("scenario environment value", Text)
            {
                Observation = Observation.JsonValue,
                Test = (c, b) => b.Scenario("env" + c.Suffix, s => s.SharedIterations(1, 1).Env("HOSTILE_SCENARIO_" + c.Suffix, c.Text)
                    .Flow(f => Echo(f, c, r => r.JsonBody(One("k", Value.Env("HOSTILE_SCENARIO_" + c.Suffix, "unset")))))),
            },

            // One per load test.
            new("description", Text) { Alone = true, Test = (c, b) => b.Describe(c.Text) },
            new("output", t => NonEmpty(t, Text)) { Alone = true, Test = (c, b) => b.Output(c.Text) },
            new("user agent", HeaderValue) { Alone = true, Test = (c, b) => b.Options(o => o with { UserAgent = c.Text }) },
            new("test tag value", Text) { Alone = true, Test = (c, b) => b.Options(o => o with { Tags = [new("t", c.Text)] }) },
        ];
    }
}
