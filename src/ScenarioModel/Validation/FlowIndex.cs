using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using K6Scenarios.Diagnostics;

namespace K6Scenarios.Model.Validation;

/// <summary>Which exported function a flow scope becomes.</summary>
internal enum ScopeKind
{
    Setup,
    Scenario,
    Teardown,
}

/// <summary>One flow (setup, a scenario or teardown) with its steps flattened in run order.</summary>
internal sealed class FlowScope
{
    public FlowScope(ScopeKind kind, Scenario? scenario, string description, SourceLocation? location)
    {
        Kind = kind;
        Scenario = scenario;
        Description = description;
        Location = location;
    }

    public ScopeKind Kind { get; }

    public Scenario? Scenario { get; }

    /// <summary>Gets the flow as messages name it: <c>setup()</c>, <c>scenario 'signin'</c>.</summary>
    public string Description { get; }

    public SourceLocation? Location { get; }

    /// <summary>Gets every step, nested ones included, depth first (the order they run).</summary>
    public List<StepSite> Sites { get; } = [];
}

/// <summary>A step together with where it sits: its model path, nearest source location and enclosing k6 group.</summary>
internal sealed class StepSite
{
    private IReadOnlyList<SiteValue>? _values;

    public StepSite(Step step, FlowScope scope, string path, SourceLocation? location, string groupPath)
    {
        Step = step;
        Scope = scope;
        Path = path;
        Location = location;
        GroupPath = groupPath;
    }

    public Step Step { get; }

    public FlowScope Scope { get; }

    /// <summary>Gets the model path: <c>scenarios.signin.flow[1].steps[0]</c>.</summary>
    public string Path { get; }

    /// <summary>Gets the step's location, else the nearest enclosing step's, scenario's or load test's.</summary>
    public SourceLocation? Location { get; }

    /// <summary>Gets the k6 <c>group</c> tag of samples taken in this step (<c>::outer::inner</c>, empty at the root).</summary>
    public string GroupPath { get; }

    /// <summary>Gets the step as messages name it: <c>POST /api/auth/signin</c>.</summary>
    public string Description => Step switch
    {
        HttpRequestStep request => request.Method.ToString().ToUpperInvariant() + " " + request.Path,
        WebSocketStep socket => "WebSocket " + socket.Path,
        GroupStep group => "Group " + Safe.Quote(group.Name),
        ThinkTimeStep => "Think time",
        ConditionalStep => "Condition",
        RecordMetricStep record => "Recording in " + Safe.Quote(record.Metric?.Name),
        TimedStep timed => "Timing into " + Safe.Quote(timed.Metric?.Name),
        _ => "Step",
    };

    /// <summary>Gets the values the step sends or compares, in the order the script evaluates them.</summary>
    public IReadOnlyList<SiteValue> Values => _values ??= SiteValue.Of(Step).ToArray();
}

/// <summary>Where a value appears in a step.</summary>
internal enum ValueRole
{
    PathParameter,
    Query,
    Header,
    JsonField,
    FormField,
    MultipartField,
    TextBody,
    CheckExpectation,
    Message,
    MetricValue,
    Condition,
}

/// <summary>A value of a step, with its role and the name it is sent under.</summary>
/// <param name="Value">The value.</param>
/// <param name="Role">Where it appears.</param>
/// <param name="Name">Its full name: header name, JSON path of a body field, ...</param>
/// <param name="Key">The innermost name (the JSON property for a body field).</param>
internal readonly record struct SiteValue(Value Value, ValueRole Role, string Name, string Key)
{
    public string Describe() => Role switch
    {
        ValueRole.PathParameter => "path parameter " + Safe.Quote(Name),
        ValueRole.Query => "query parameter " + Safe.Quote(Name),
        ValueRole.Header => "header " + Safe.Quote(Name),
        ValueRole.JsonField => "body field " + Safe.Quote(Name),
        ValueRole.FormField => "form field " + Safe.Quote(Name),
        ValueRole.MultipartField => "multipart field " + Safe.Quote(Name),
        ValueRole.TextBody => "body",
        ValueRole.CheckExpectation => "check on " + Safe.Quote(Name),
        ValueRole.Message => "message",
        ValueRole.MetricValue => "recorded value",
        _ => "condition",
    };

    /// <summary>Gets the parts of the value (a concatenation's pieces, or the value itself).</summary>
    public IEnumerable<Value> Parts => Value.Flatten().Where(part => part is not ConcatValue);

    public static IEnumerable<SiteValue> Of(Step step) => step switch
    {
        HttpRequestStep request => OfRequest(request),
        WebSocketStep socket => OfWebSocket(socket),
        RecordMetricStep { Value: { } value } record => [new(value, ValueRole.MetricValue, record.Metric?.Name ?? string.Empty, string.Empty)],
        ConditionalStep { Condition: EqualsCondition equals } => OfCondition(equals),
        _ => [],
    };

    private static IEnumerable<SiteValue> OfRequest(HttpRequestStep request)
    {
        var values = Pairs(request.PathParameters, ValueRole.PathParameter)
            .Concat(Pairs(request.Query, ValueRole.Query))
            .Concat(Pairs(request.Headers, ValueRole.Header));
        values = request.Body switch
        {
            JsonBody { Content: { } content } => values.Concat(Json(content, string.Empty, string.Empty)),
            FormBody form => values.Concat(Pairs(form.Fields, ValueRole.FormField)),
            MultipartBody multipart => values.Concat(Safe.List(multipart.Parts)
                .Where(part => part.Value is not null)
                .Select(part => new SiteValue(part.Value!, ValueRole.MultipartField, part.Name ?? string.Empty, part.Name ?? string.Empty))),
            TextBody { Text: { } text } => values.Append(new SiteValue(text, ValueRole.TextBody, string.Empty, string.Empty)),
            _ => values,
        };
        return values.Concat(Safe.List(request.Checks)
            .OfType<BodyFieldEqualsCheck>()
            .Where(check => check.Expected is not null)
            .Select(check => new SiteValue(check.Expected, ValueRole.CheckExpectation, check.JsonPath ?? string.Empty, check.JsonPath ?? string.Empty)));
    }

    private static IEnumerable<SiteValue> OfWebSocket(WebSocketStep socket)
    {
        var values = Pairs(socket.Headers, ValueRole.Header);
        foreach (var message in Safe.List(socket.Messages))
        {
            if (message.Text is not null)
            {
                values = values.Append(new SiteValue(message.Text, ValueRole.Message, string.Empty, string.Empty));
            }

            if (message.Json is not null)
            {
                values = values.Concat(Json(message.Json, string.Empty, string.Empty).Select(v => v with { Role = ValueRole.Message }));
            }
        }

        return values;
    }

    private static IEnumerable<SiteValue> OfCondition(EqualsCondition condition)
    {
        if (condition.Left is not null)
        {
            yield return new SiteValue(condition.Left, ValueRole.Condition, string.Empty, string.Empty);
        }

        if (condition.Right is not null)
        {
            yield return new SiteValue(condition.Right, ValueRole.Condition, string.Empty, string.Empty);
        }
    }

    private static IEnumerable<SiteValue> Pairs(IReadOnlyList<KeyValuePair<string, Value>>? pairs, ValueRole role) =>
        Safe.Pairs(pairs)
            .Where(pair => pair.Value is not null)
            .Select(pair => new SiteValue(pair.Value, role, pair.Key ?? string.Empty, pair.Key ?? string.Empty));

    private static IEnumerable<SiteValue> Json(JsonTemplate template, string path, string key) => template switch
    {
        JsonLeaf { Value: { } value } => [new SiteValue(value, ValueRole.JsonField, path, key)],
        JsonObjectTemplate json => Safe.Pairs(json.Properties)
            .Where(property => property.Value is not null)
            .SelectMany(property => Json(property.Value, path.Length == 0 ? property.Key ?? string.Empty : path + "." + property.Key, property.Key ?? string.Empty)),
        JsonArrayTemplate array => Safe.List(array.Items)
            .SelectMany((item, index) => Json(item, path + "[" + index.ToString(CultureInfo.InvariantCulture) + "]", key)),
        _ => [],
    };
}

/// <summary>Flattens the flows of a load test into <see cref="FlowScope"/>s.</summary>
internal static class FlowIndex
{
    public static IReadOnlyList<FlowScope> Build(LoadTest test, IReadOnlyList<Scenario> scenarios)
    {
        var scopes = new List<FlowScope>();
        var setup = new FlowScope(ScopeKind.Setup, null, "setup()", test.DefinedAt);
        AddSteps(setup, test.Setup, "setup", string.Empty, test.DefinedAt);
        scopes.Add(setup);
        foreach (var scenario in scenarios)
        {
            var location = scenario.DefinedAt ?? test.DefinedAt;
            var scope = new FlowScope(ScopeKind.Scenario, scenario, "scenario " + Safe.Quote(scenario.Name), location);
            AddSteps(scope, scenario.Flow, ValidationContext.PathOf(scenario) + ".flow", string.Empty, location);
            scopes.Add(scope);
        }

        var teardown = new FlowScope(ScopeKind.Teardown, null, "teardown()", test.DefinedAt);
        AddSteps(teardown, test.Teardown, "teardown", string.Empty, test.DefinedAt);
        scopes.Add(teardown);
        return scopes;
    }

    private static void AddSteps(FlowScope scope, IReadOnlyList<Step>? steps, string prefix, string groupPath, SourceLocation? enclosing)
    {
        if (steps is null)
        {
            return;
        }

        for (var i = 0; i < steps.Count; i++)
        {
            var step = steps[i];
            if (step is null)
            {
                continue;
            }

            var path = prefix + "[" + i.ToString(CultureInfo.InvariantCulture) + "]";
            var location = step.DefinedAt ?? enclosing;
            scope.Sites.Add(new StepSite(step, scope, path, location, groupPath));
            switch (step)
            {
                case GroupStep group:
                    AddSteps(scope, group.Steps, path + ".steps", groupPath + "::" + group.Name, location);
                    break;
                case TimedStep timed:
                    AddSteps(scope, timed.Steps, path + ".steps", groupPath, location);
                    break;
                case ConditionalStep conditional:
                    AddSteps(scope, conditional.Then, path + ".then", groupPath, location);
                    AddSteps(scope, conditional.Else, path + ".else", groupPath, location);
                    break;
            }
        }
    }
}
