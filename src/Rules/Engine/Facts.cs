using System;
using System.Collections.Generic;

namespace K6Scenarios.Rules;

// What the rules read. Model validation fills these from a built LoadTest (everything known); the analyzers fill them
// from one walk of a LoadTest.Create(...) chain or a builder fragment (constants known, the rest unknown). Collections
// carry an IsComplete flag: false when some entries could not be seen (a helper method, a computed list), so rules
// that claim "nothing in the test does X" stay silent.

/// <summary>One load test.</summary>
internal sealed class TestFacts
{
    public TestFacts(Fact<string> name, Site site)
    {
        Name = name;
        Site = site;
    }

    /// <summary>Gets the load-test name (the script's file name).</summary>
    public Fact<string> Name { get; }

    /// <summary>Gets where load-test-wide problems are reported.</summary>
    public Site Site { get; }

    /// <summary>Gets or sets whether this is a whole load test (false for a builder fragment in a helper method).</summary>
    public bool IsLoadTest { get; set; } = true;

    /// <summary>Gets or sets whether every scenario, flow, threshold and setting of the test can be seen.</summary>
    public bool IsComplete { get; set; } = true;

    /// <summary>Gets the scenarios, in order.</summary>
    public List<ScenarioFacts> Scenarios { get; } = new();

    /// <summary>Gets setup and teardown.</summary>
    public List<FlowFacts> LifecycleFlows { get; } = new();

    /// <summary>Gets the thresholds, in order.</summary>
    public List<ThresholdFacts> Thresholds { get; } = new();

    /// <summary>Gets the metrics declared on the test itself (<c>.Metric(...)</c>).</summary>
    public List<MetricFacts> DeclaredMetrics { get; } = new();

    /// <summary>Gets the load test's own expected statuses.</summary>
    public List<Fact<long>> ExpectedStatuses { get; } = new();

    /// <summary>Gets or sets the k6-operator parallelism (runners), when the test runs on Kubernetes.</summary>
    public Fact<long?> Parallelism { get; set; } = Fact.Of<long?>(null, Site.None);

    /// <summary>Gets or sets the test's default base URL (<see langword="null"/> value: none).</summary>
    public Fact<BaseUrlFacts?> DefaultBaseUrl { get; set; } = Fact.Of<BaseUrlFacts?>(null, Site.None);

    /// <summary>Gets the options that rules read.</summary>
    public OptionsFacts Options { get; } = new();

    /// <summary>Gets every flow: setup, the scenarios', teardown.</summary>
    public IEnumerable<FlowFacts> AllFlows()
    {
        foreach (var flow in LifecycleFlows)
        {
            if (flow.Kind == FlowKind.Setup)
            {
                yield return flow;
            }
        }

        foreach (var scenario in Scenarios)
        {
            yield return scenario.Flow;
        }

        foreach (var flow in LifecycleFlows)
        {
            if (flow.Kind != FlowKind.Setup)
            {
                yield return flow;
            }
        }
    }
}

/// <summary>The k6 options rules read.</summary>
internal sealed class OptionsFacts
{
    /// <summary>Gets or sets options.setupTimeout (<see langword="null"/> value: not set).</summary>
    public Fact<TimeSpan?> SetupTimeout { get; set; } = Fact.Of<TimeSpan?>(null, Site.None);

    /// <summary>Gets or sets options.teardownTimeout.</summary>
    public Fact<TimeSpan?> TeardownTimeout { get; set; } = Fact.Of<TimeSpan?>(null, Site.None);

    /// <summary>Gets or sets options.minIterationDuration.</summary>
    public Fact<TimeSpan?> MinIterationDuration { get; set; } = Fact.Of<TimeSpan?>(null, Site.None);

    /// <summary>Gets or sets options.systemTags (<see langword="null"/> value: k6's default set).</summary>
    public Fact<IReadOnlyList<string>?> SystemTags { get; set; } = Fact.Of<IReadOnlyList<string>?>(null, Site.None);

    /// <summary>Gets the test-wide tags (options.tags).</summary>
    public TagsFacts Tags { get; } = new();
}

/// <summary>Tags set on an element: key/value pairs, complete or not.</summary>
internal sealed class TagsFacts
{
    /// <summary>Gets the tags.</summary>
    public List<KeyValuePair<Fact<string>, Fact<string>>> Items { get; } = new();

    /// <summary>Gets or sets whether every tag is listed.</summary>
    public bool IsComplete { get; set; } = true;
}

/// <summary>A base URL: its environment variable and the path part of its default.</summary>
internal sealed class BaseUrlFacts
{
    private static readonly char[] QueryOrFragment = { '?', '#' };

    public BaseUrlFacts(Fact<string> variable, string defaultPath)
    {
        Variable = variable;
        DefaultPath = defaultPath;
    }

    /// <summary>Gets the environment variable that holds the URL.</summary>
    public Fact<string> Variable { get; }

    /// <summary>Gets the path of the default URL without a trailing '/' (<c>/api</c> for <c>http://host/api/</c>), or empty.</summary>
    public string DefaultPath { get; }

    /// <summary>Gets the path part of a URL, without a trailing '/'.</summary>
    public static string PathOf(string? url)
    {
        if (string.IsNullOrEmpty(url))
        {
            return string.Empty;
        }

        var scheme = url!.IndexOf("://", StringComparison.Ordinal);
        var start = scheme < 0 ? 0 : url.IndexOf('/', scheme + 3);
        if (start < 0)
        {
            return string.Empty;
        }

        var end = url.IndexOfAny(QueryOrFragment, start);
        var path = end < 0 ? url.Substring(start) : url.Substring(start, end - start);
        return path.TrimEnd('/');
    }
}

/// <summary>Which exported function a flow becomes.</summary>
internal enum FlowKind
{
    /// <summary><c>setup()</c>.</summary>
    Setup,

    /// <summary>A scenario's exec function.</summary>
    Scenario,

    /// <summary><c>teardown()</c>.</summary>
    Teardown,
}

/// <summary>One scenario.</summary>
internal sealed class ScenarioFacts
{
    public ScenarioFacts(Fact<string> name, Site site, FlowFacts flow)
    {
        Name = name;
        Site = site;
        Flow = flow;
    }

    /// <summary>Gets the scenario name.</summary>
    public Fact<string> Name { get; }

    /// <summary>Gets where scenario-wide problems are reported.</summary>
    public Site Site { get; }

    /// <summary>Gets the scenario's flow.</summary>
    public FlowFacts Flow { get; }

    /// <summary>Gets or sets the executor, or <see langword="null"/> when it cannot be seen.</summary>
    public ExecutorFacts? Executor { get; set; }

    /// <summary>Gets or sets whether the scenario's configuration can be seen whole.</summary>
    public bool IsComplete { get; set; } = true;

    /// <summary>Gets or sets startTime (<see langword="null"/> value: not set).</summary>
    public Fact<TimeSpan?> StartTime { get; set; } = Fact.Of<TimeSpan?>(null, Site.None);

    /// <summary>Gets or sets gracefulStop.</summary>
    public Fact<TimeSpan?> GracefulStop { get; set; } = Fact.Of<TimeSpan?>(null, Site.None);

    /// <summary>Gets or sets the pool the scenario picks users from (<see langword="null"/>: none, or unknown when incomplete).</summary>
    public PoolUseFacts? Users { get; set; }

    /// <summary>Gets the scenario's tags.</summary>
    public TagsFacts Tags { get; } = new();

    /// <summary>Gets the name as messages show it.</summary>
    public string DisplayName => Name.IsKnown ? Name.Value : RuleText.ComputedName;
}

/// <summary>A scenario's executor with k6's parameters. Parameters the executor does not have are unknown.</summary>
internal sealed class ExecutorFacts
{
    public ExecutorFacts(string kind, Site site)
    {
        Kind = kind;
        Site = site;
        var none = Site.None;
        Vus = Iterations = StartVus = Rate = StartRate = PreAllocatedVus = Fact<long>.Unknown(none);
        MaxVus = Fact<long?>.Unknown(none);
        Duration = Fact<TimeSpan>.Unknown(none);
        MaxDuration = TimeUnit = GracefulRampDown = Fact.Of<TimeSpan?>(null, none);
    }

    /// <summary>Gets k6's executor name (<c>ramping-vus</c>).</summary>
    public string Kind { get; }

    /// <summary>Gets where executor-wide problems are reported (the call that sets it).</summary>
    public Site Site { get; }

    /// <summary>Gets or sets vus.</summary>
    public Fact<long> Vus { get; set; }

    /// <summary>Gets or sets iterations.</summary>
    public Fact<long> Iterations { get; set; }

    /// <summary>Gets or sets startVUs.</summary>
    public Fact<long> StartVus { get; set; }

    /// <summary>Gets or sets rate.</summary>
    public Fact<long> Rate { get; set; }

    /// <summary>Gets or sets startRate.</summary>
    public Fact<long> StartRate { get; set; }

    /// <summary>Gets or sets preAllocatedVUs.</summary>
    public Fact<long> PreAllocatedVus { get; set; }

    /// <summary>Gets or sets maxVUs (<see langword="null"/> value: not set, so preAllocatedVUs).</summary>
    public Fact<long?> MaxVus { get; set; }

    /// <summary>Gets or sets duration.</summary>
    public Fact<TimeSpan> Duration { get; set; }

    /// <summary>Gets or sets maxDuration.</summary>
    public Fact<TimeSpan?> MaxDuration { get; set; }

    /// <summary>Gets or sets timeUnit.</summary>
    public Fact<TimeSpan?> TimeUnit { get; set; }

    /// <summary>Gets or sets gracefulRampDown.</summary>
    public Fact<TimeSpan?> GracefulRampDown { get; set; }

    /// <summary>Gets or sets the stages of a ramping executor (<see langword="null"/>: none given or not ramping).</summary>
    public List<StageFacts>? Stages { get; set; }

    /// <summary>Gets or sets whether every stage can be seen.</summary>
    public bool StagesComplete { get; set; } = true;

    /// <summary>Gets or sets where the stages argument is (reported when there are none).</summary>
    public Site StagesSite { get; set; } = Site.None;

    /// <summary>Gets whether VUs loop for a duration (the closed model that needs think time).</summary>
    public bool LoopsForDuration => Kind is ExecutorKinds.ConstantVus or ExecutorKinds.RampingVus;

    /// <summary>Gets whether iterations start at a rate (the open model).</summary>
    public bool IsArrivalRate => Kind is ExecutorKinds.ConstantArrivalRate or ExecutorKinds.RampingArrivalRate;

    /// <summary>Gets whether the executor stops after a fixed number of iterations.</summary>
    public bool IsIterationBounded => Kind is ExecutorKinds.SharedIterations or ExecutorKinds.PerVuIterations;
}

/// <summary>k6's executor names.</summary>
internal static class ExecutorKinds
{
    public const string SharedIterations = "shared-iterations";
    public const string PerVuIterations = "per-vu-iterations";
    public const string ConstantVus = "constant-vus";
    public const string RampingVus = "ramping-vus";
    public const string ConstantArrivalRate = "constant-arrival-rate";
    public const string RampingArrivalRate = "ramping-arrival-rate";
}

/// <summary>One stage of a ramping executor (a hold keeps the previous target).</summary>
internal sealed class StageFacts
{
    public StageFacts(Fact<TimeSpan> duration, Fact<long> target, Site site)
    {
        Duration = duration;
        Target = target;
        Site = site;
    }

    /// <summary>Gets the stage's duration.</summary>
    public Fact<TimeSpan> Duration { get; }

    /// <summary>Gets the target at the end of the stage.</summary>
    public Fact<long> Target { get; }

    /// <summary>Gets where the stage is written.</summary>
    public Site Site { get; }
}

/// <summary>The steps of setup, a scenario or teardown, or of a group, condition or timed block.</summary>
internal sealed class FlowFacts
{
    public FlowFacts(FlowKind kind, string description)
    {
        Kind = kind;
        Description = description;
    }

    /// <summary>Gets which function the flow belongs to.</summary>
    public FlowKind Kind { get; }

    /// <summary>Gets the flow as messages name it: <c>setup()</c>, <c>scenario 'signin'</c>.</summary>
    public string Description { get; }

    /// <summary>Gets the steps, in order.</summary>
    public List<StepFacts> Steps { get; } = new();

    /// <summary>Gets or sets whether every step can be seen.</summary>
    public bool IsComplete { get; set; } = true;
}

/// <summary>A step of a flow.</summary>
internal abstract class StepFacts
{
    protected StepFacts(Site site) => Site = site;

    /// <summary>Gets where the step is written.</summary>
    public Site Site { get; }

    /// <summary>Gets the step as messages name it: <c>POST /api/auth/signin</c>.</summary>
    public abstract string Description { get; }

    /// <summary>Gets the nested flows (group body, condition branches, timed block).</summary>
    public virtual IEnumerable<FlowFacts> Children => Array.Empty<FlowFacts>();
}

/// <summary>An HTTP request.</summary>
internal sealed class RequestFacts : StepFacts
{
    public RequestFacts(Fact<string> method, Fact<string> path, Site site)
        : base(site)
    {
        Method = method;
        Path = path;
    }

    /// <summary>Gets the method in upper case (<c>POST</c>).</summary>
    public Fact<string> Method { get; }

    /// <summary>Gets or sets the rule context that <see cref="Match"/> was found for (see <c>RuleContext.MatchOf</c>).</summary>
    internal object? MatchedBy { get; set; }

    /// <summary>Gets or sets the documented operation found for this request by <see cref="MatchedBy"/>.</summary>
    internal OperationMatch? Match { get; set; }

    /// <summary>Gets the path template (<c>/groups/{id}</c>).</summary>
    public Fact<string> Path { get; }

    /// <summary>Gets or sets the request's own base URL (<see langword="null"/> value: the test's default).</summary>
    public Fact<BaseUrlFacts?> BaseUrl { get; set; } = Fact.Of<BaseUrlFacts?>(null, Site.None);

    /// <summary>Gets or sets the name tag k6 gives its samples (the path unless named).</summary>
    public Fact<string> Name { get; set; }

    /// <summary>Gets or sets whether every configuration call of the request can be seen.</summary>
    public bool IsComplete { get; set; } = true;

    /// <summary>Gets the path parameters given.</summary>
    public List<Fact<string>> PathParameters { get; } = new();

    /// <summary>Gets the headers sent (a bearer token is an <c>Authorization</c> header).</summary>
    public List<NamedValueFacts> Headers { get; } = new();

    /// <summary>Gets the query parameters.</summary>
    public List<NamedValueFacts> Query { get; } = new();

    /// <summary>Gets or sets the body (<see langword="null"/>: none).</summary>
    public BodyFacts? Body { get; set; }

    /// <summary>Gets the statuses the request expects or checks, in the order written.</summary>
    public List<Fact<long>> Statuses { get; } = new();

    /// <summary>Gets or sets whether the request sets expected statuses of its own.</summary>
    public bool HasOwnStatuses { get; set; }

    /// <summary>Gets the checks.</summary>
    public List<CheckFacts> Checks { get; } = new();

    /// <summary>Gets the variables captured from the response.</summary>
    public List<Fact<string>> Captures { get; } = new();

    /// <summary>Gets the custom metrics the request records into.</summary>
    public List<MetricFacts> RecordedMetrics { get; } = new();

    /// <summary>Gets the request's tags.</summary>
    public TagsFacts Tags { get; } = new();

    /// <summary>Gets or sets the request timeout (<see langword="null"/> value: k6's default).</summary>
    public Fact<TimeSpan?> Timeout { get; set; } = Fact.Of<TimeSpan?>(null, Site.None);

    /// <summary>
    /// Gets or sets what gives the expression of the token captured earlier in the flow, when there is one that can be
    /// written at this request (the analyzers' code fix sends it); asked only when a rule reports, because finding it
    /// looks names up.
    /// </summary>
    public Func<string?>? CapturedToken { get; set; }

    /// <inheritdoc />
    // Cached: several rules name the request (and hand the name on) for each of its parts.
    public override string Description => _description ??= (Method.IsKnown ? Method.Value : "(method)") + " " + (Path.IsKnown ? Path.Value : RuleText.ComputedPath);

    private string? _description;
}

/// <summary>A named value a request sends (a header, a query or body field).</summary>
internal sealed class NamedValueFacts
{
    public NamedValueFacts(Fact<string> name, ValueFacts value)
    {
        Name = name;
        Value = value;
    }

    /// <summary>Gets the name it is sent under.</summary>
    public Fact<string> Name { get; }

    /// <summary>Gets the value.</summary>
    public ValueFacts Value { get; }
}

/// <summary>What rules know of a value: whether it is fixed text written into the script, and what it reads.</summary>
internal sealed class ValueFacts
{
    public ValueFacts(Fact<bool> isLiteralText, bool readsVariable, Site site)
    {
        IsLiteralText = isLiteralText;
        ReadsVariable = readsVariable;
        Site = site;
    }

    /// <summary>Gets whether the value is non-blank text written as a literal (no environment, variable or pool part).</summary>
    public Fact<bool> IsLiteralText { get; }

    /// <summary>Gets whether the value reads a captured variable.</summary>
    public bool ReadsVariable { get; }

    /// <summary>Gets where the value is written.</summary>
    public Site Site { get; }
}

/// <summary>What a request body is.</summary>
internal enum BodyKind
{
    /// <summary>JSON.</summary>
    Json,

    /// <summary>Form fields.</summary>
    Form,

    /// <summary>Multipart.</summary>
    Multipart,

    /// <summary>Text.</summary>
    Text,
}

/// <summary>A request body.</summary>
internal sealed class BodyFacts
{
    public BodyFacts(BodyKind kind, Site site)
    {
        Kind = kind;
        Site = site;
    }

    /// <summary>Gets the body's kind.</summary>
    public BodyKind Kind { get; }

    /// <summary>Gets where the body is set (the call that sets it).</summary>
    public Site Site { get; }

    /// <summary>Gets or sets where the body's content is written (the object passed), when it differs from <see cref="Site"/>.</summary>
    public Site? ContentSite { get; set; }

    /// <summary>Gets or sets whether the body is a JSON object (its top-level properties are <see cref="Fields"/>).</summary>
    public bool IsJsonObject { get; set; }

    /// <summary>Gets the top-level fields (JSON object properties, form or multipart fields).</summary>
    public List<NamedValueFacts> Fields { get; } = new();

    /// <summary>Gets every leaf value, named by its JSON path (<c>user.password</c>) for nested JSON.</summary>
    public List<NamedValueFacts> Leaves { get; } = new();

    /// <summary>Gets or sets whether every field is listed.</summary>
    public bool IsComplete { get; set; } = true;
}

/// <summary>A check of a request.</summary>
internal sealed class CheckFacts
{
    public CheckFacts(Fact<string> name, Site site)
    {
        Name = name;
        Site = site;
    }

    /// <summary>Gets the name k6 shows.</summary>
    public Fact<string> Name { get; }

    /// <summary>Gets where the check is written.</summary>
    public Site Site { get; }

    /// <summary>Gets or sets the limit of a duration check (<see langword="null"/> value: not a duration check).</summary>
    public Fact<TimeSpan?> DurationLimit { get; set; } = Fact.Of<TimeSpan?>(null, Site.None);
}

/// <summary>A pause.</summary>
internal sealed class ThinkTimeFacts : StepFacts
{
    public ThinkTimeFacts(Fact<TimeSpan> min, Fact<TimeSpan> max, Site site)
        : base(site)
    {
        Min = min;
        Max = max;
    }

    /// <summary>Gets the shortest pause.</summary>
    public Fact<TimeSpan> Min { get; }

    /// <summary>Gets the longest pause.</summary>
    public Fact<TimeSpan> Max { get; }

    /// <inheritdoc />
    public override string Description => "Think time";
}

/// <summary>A WebSocket session.</summary>
internal sealed class WebSocketFacts : StepFacts
{
    public WebSocketFacts(Fact<string> path, Site site)
        : base(site)
    {
        Path = path;
        Name = path;
    }

    /// <summary>Gets the path.</summary>
    public Fact<string> Path { get; }

    /// <summary>Gets or sets the name tag of its samples.</summary>
    public Fact<string> Name { get; set; }

    /// <summary>Gets or sets the session's own base URL.</summary>
    public Fact<BaseUrlFacts?> BaseUrl { get; set; } = Fact.Of<BaseUrlFacts?>(null, Site.None);

    /// <summary>Gets or sets how long the session stays open.</summary>
    public Fact<TimeSpan> HoldOpen { get; set; }

    /// <summary>Gets the handshake headers.</summary>
    public List<NamedValueFacts> Headers { get; } = new();

    /// <inheritdoc />
    public override string Description => "WebSocket " + (Path.IsKnown ? Path.Value : RuleText.ComputedPath);
}

/// <summary>A k6 group.</summary>
internal sealed class GroupFacts : StepFacts
{
    public GroupFacts(Fact<string> name, FlowFacts body, Site site)
        : base(site)
    {
        Name = name;
        Body = body;
    }

    /// <summary>Gets the group name.</summary>
    public Fact<string> Name { get; }

    /// <summary>Gets the group's steps.</summary>
    public FlowFacts Body { get; }

    /// <inheritdoc />
    public override string Description => "Group " + RuleText.Quote(Name.IsKnown ? Name.Value : RuleText.ComputedName);

    /// <inheritdoc />
    public override IEnumerable<FlowFacts> Children => new[] { Body };
}

/// <summary>A block whose duration is recorded into a Trend.</summary>
internal sealed class TimedFacts : StepFacts
{
    public TimedFacts(MetricFacts? metric, FlowFacts body, Site site)
        : base(site)
    {
        Metric = metric;
        Body = body;
    }

    /// <summary>Gets the metric, when it can be read.</summary>
    public MetricFacts? Metric { get; }

    /// <summary>Gets the timed steps.</summary>
    public FlowFacts Body { get; }

    /// <inheritdoc />
    public override string Description => "Timing into " + RuleText.Quote(Metric?.DisplayName);

    /// <inheritdoc />
    public override IEnumerable<FlowFacts> Children => new[] { Body };
}

/// <summary>A step that records a value into a custom metric.</summary>
internal sealed class RecordFacts : StepFacts
{
    public RecordFacts(MetricFacts? metric, Site site)
        : base(site) => Metric = metric;

    /// <summary>Gets the metric, when it can be read.</summary>
    public MetricFacts? Metric { get; }

    /// <inheritdoc />
    public override string Description => "Recording in " + RuleText.Quote(Metric?.DisplayName);
}

/// <summary>Steps that run only under a condition.</summary>
internal sealed class ConditionalFacts : StepFacts
{
    public ConditionalFacts(FlowFacts then, FlowFacts otherwise, Site site)
        : base(site)
    {
        Then = then;
        Else = otherwise;
    }

    /// <summary>Gets the steps run when the condition holds.</summary>
    public FlowFacts Then { get; }

    /// <summary>Gets the steps run otherwise.</summary>
    public FlowFacts Else { get; }

    /// <inheritdoc />
    public override string Description => "Condition";

    /// <inheritdoc />
    public override IEnumerable<FlowFacts> Children => new[] { Then, Else };
}

/// <summary>A metric, built-in or custom.</summary>
internal sealed class MetricFacts
{
    public MetricFacts(Fact<string> name, Fact<string> kind, Site site)
    {
        Name = name;
        Kind = kind;
        Site = site;
    }

    /// <summary>Gets the metric name.</summary>
    public Fact<string> Name { get; }

    /// <summary>Gets the type as k6 distinguishes it: Counter, Gauge, Rate, Trend or <c>Trend (isTime)</c>.</summary>
    public Fact<string> Kind { get; }

    /// <summary>Gets where the metric is declared or referred to.</summary>
    public Site Site { get; }

    /// <summary>Gets or sets whether it is a custom metric (declared with a name of the user's, built-in or not).</summary>
    public bool IsCustom { get; set; } = true;

    /// <summary>Gets or sets an identity for metrics whose name is unknown (the analyzers' symbol).</summary>
    public object? Identity { get; set; }

    /// <summary>Gets whether it is one of k6's built-in metrics (not a custom metric that takes a built-in name).</summary>
    public bool IsBuiltIn => !IsCustom;

    /// <summary>Gets the name as messages show it.</summary>
    public string DisplayName => Name.IsKnown ? Name.Value : RuleText.ComputedName;

    /// <summary>Gets whether two references denote the same metric.</summary>
    public bool IsSameMetricAs(MetricFacts other) =>
        Name.IsKnown && other.Name.IsKnown
            ? string.Equals(Name.Value, other.Name.Value, StringComparison.Ordinal)
            : Identity is not null && Equals(Identity, other.Identity);
}

/// <summary>A threshold.</summary>
internal sealed class ThresholdFacts
{
    public ThresholdFacts(MetricFacts? metric, string keyText, Site site)
    {
        Metric = metric;
        KeyText = keyText;
        Site = site;
    }

    /// <summary>Gets the metric it watches, when it can be read.</summary>
    public MetricFacts? Metric { get; }

    /// <summary>Gets the threshold key (<c>http_req_duration{scenario:signin}</c>), or the expression as written.</summary>
    public string KeyText { get; }

    /// <summary>Gets where the threshold is written.</summary>
    public Site Site { get; }

    /// <summary>Gets the tag filters of its sub-metric.</summary>
    public List<TagFilterFacts> Filters { get; } = new();

    /// <summary>Gets or sets the percentile of a <c>p(N)</c> aggregation (<see langword="null"/> value: another aggregation).</summary>
    public Fact<double?> Percentile { get; set; } = Fact.Of<double?>(null, Site.None);

    /// <summary>Gets or sets the bound compared against.</summary>
    public Fact<double> Bound { get; set; } = Fact<double>.Unknown(Site.None);

    /// <summary>Gets or sets abortOnFail.</summary>
    public Fact<bool> AbortOnFail { get; set; } = Fact.Of(false, Site.None);

    /// <summary>Gets or sets delayAbortEval (<see langword="null"/> value: not set).</summary>
    public Fact<TimeSpan?> DelayAbortEval { get; set; } = Fact.Of<TimeSpan?>(null, Site.None);
}

/// <summary>A <c>{tag:value}</c> filter of a threshold's sub-metric.</summary>
internal sealed class TagFilterFacts
{
    public TagFilterFacts(Fact<string> tag, Fact<string> value, Site site)
    {
        Tag = tag;
        Value = value;
        Site = site;
    }

    /// <summary>Gets the tag key.</summary>
    public Fact<string> Tag { get; }

    /// <summary>Gets the tag value.</summary>
    public Fact<string> Value { get; }

    /// <summary>Gets where the filter is written.</summary>
    public Site Site { get; }
}

/// <summary>A user pool.</summary>
internal sealed class PoolFacts
{
    public PoolFacts(Fact<string> name, Site site)
    {
        Name = name;
        Site = site;
    }

    /// <summary>Gets the pool name.</summary>
    public Fact<string> Name { get; }

    /// <summary>Gets where the pool is declared.</summary>
    public Site Site { get; }

    /// <summary>Gets or sets how many entries it has (<see langword="null"/> value: not known before the run).</summary>
    public Fact<long?> Count { get; set; } = Fact.Of<long?>(null, Site.None);

    /// <summary>Gets the fields of a generated pool and their templates.</summary>
    public List<NamedValueFacts> GeneratedFields { get; } = new();

    /// <summary>Gets or sets an identity that says whether two references are the same pool.</summary>
    public object? Identity { get; set; }

    /// <summary>Gets the name as messages show it.</summary>
    public string DisplayName => Name.IsKnown ? Name.Value : RuleText.ComputedName;
}

/// <summary>How a scenario picks users from a pool.</summary>
internal sealed class PoolUseFacts
{
    public PoolUseFacts(PoolFacts? pool, Fact<string> selection, Site site)
    {
        Pool = pool;
        Selection = selection;
        Site = site;
    }

    /// <summary>Gets the pool, when it can be read.</summary>
    public PoolFacts? Pool { get; }

    /// <summary>Gets the selection's name (<c>UniquePerVu</c>).</summary>
    public Fact<string> Selection { get; }

    /// <summary>Gets where the pool is passed.</summary>
    public Site Site { get; }
}
