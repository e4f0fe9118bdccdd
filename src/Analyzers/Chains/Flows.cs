using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using K6Scenarios.Analyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace K6Scenarios.Analyzers.Chains;

/// <summary>The steps of a flow lambda (<c>f =&gt; f.Post(...).ThinkTime(...)</c>), nested flows included.</summary>
internal sealed class FlowInfo
{
    private FlowInfo(BuilderCalls calls, IReadOnlyList<StepInfo> steps)
    {
        Calls = calls;
        Steps = steps;
    }

    /// <summary>Gets the flow builder calls of this level.</summary>
    public BuilderCalls Calls { get; }

    /// <summary>Gets the steps of this level, in order.</summary>
    public IReadOnlyList<StepInfo> Steps { get; }

    /// <summary>Gets whether some part of the flow, at any depth, cannot be seen.</summary>
    public bool IsOpaque => Calls.IsOpaque || Steps.Any(s => s.IsOpaque);

    /// <summary>Gets every step, nested ones included, depth first.</summary>
    public IEnumerable<StepInfo> AllSteps()
    {
        foreach (var step in Steps)
        {
            yield return step;
            foreach (var child in step.Children)
            {
                foreach (var nested in child.AllSteps())
                {
                    yield return nested;
                }
            }
        }
    }

    /// <summary>Gets every request, nested ones included.</summary>
    public IEnumerable<RequestInfo> AllRequests() => AllSteps().OfType<RequestInfo>();

    /// <summary>Reads the flow configured by a lambda.</summary>
    public static FlowInfo Read(IOperation? configuration, ModelSymbols symbols)
    {
        var calls = BuilderCalls.Collect(configuration, symbols.FlowBuilder);
        var steps = new List<StepInfo>();
        foreach (var call in calls.Calls)
        {
            var step = StepInfo.Create(call, symbols);
            if (step is not null)
            {
                steps.Add(step);
            }
        }

        return new FlowInfo(calls, steps);
    }
}

/// <summary>A step of a flow.</summary>
internal abstract class StepInfo
{
    protected StepInfo(IInvocationOperation invocation) => Invocation = invocation;

    /// <summary>Gets the flow builder call that adds the step.</summary>
    public IInvocationOperation Invocation { get; }

    /// <summary>Gets where the step runs in its flow.</summary>
    public int Position => Invocation.NamePosition();

    /// <summary>Gets whether some part of the step cannot be seen.</summary>
    public virtual bool IsOpaque => Children.Any(c => c.IsOpaque);

    /// <summary>Gets nested flows.</summary>
    public virtual IEnumerable<FlowInfo> Children => Enumerable.Empty<FlowInfo>();

    /// <summary>Reads the step a flow builder call adds, or returns <see langword="null"/> for calls that add none.</summary>
    public static StepInfo? Create(IInvocationOperation call, ModelSymbols symbols) => call.TargetMethod.Name switch
    {
        "Get" or "Post" or "Put" or "Patch" or "Delete" or "Request" => RequestInfo.For(call, symbols),
        "Group" => new GroupStepInfo(call, Constants.String(call.ArgumentValue("name")), FlowInfo.Read(call.ArgumentValue("configure"), symbols)),
        "When" => new ConditionalStepInfo(call, FlowInfo.Read(call.ArgumentValue("then"), symbols), call.ArgumentValue("otherwise") is { } otherwise && !Constants.IsNull(otherwise) ? FlowInfo.Read(otherwise, symbols) : null),
        "Timed" => new TimedStepInfo(call, call.ArgumentValue("metric"), FlowInfo.Read(call.ArgumentValue("configure"), symbols)),
        "ThinkTime" => new ThinkTimeStepInfo(call, symbols),
        "Record" => new RecordStepInfo(call, call.ArgumentValue("metric")),
        "WebSocket" => new WebSocketStepInfo(call, symbols),
        _ => null,
    };
}

/// <summary>An HTTP request step.</summary>
internal sealed class RequestInfo : StepInfo
{
    // Every rule set reads every request; the compiler shares the operation tree between analyzers, so one reading serves all.
    private static readonly ConditionalWeakTable<IInvocationOperation, RequestInfo> Cache = new();

    private RequestInfo(IInvocationOperation invocation, ModelSymbols symbols)
        : base(invocation)
    {
        var methodName = invocation.TargetMethod.Name;
        Method = methodName == "Request"
            ? Constants.EnumMemberName(invocation.ArgumentValue("method"), symbols.HttpMethod)?.ToUpperInvariant()
            : methodName.ToUpperInvariant();
        PathArgument = invocation.ArgumentValue("path");
        Path = Constants.String(PathArgument);
        var baseUrl = invocation.ArgumentValue("baseUrl");
        BaseUrlArgument = baseUrl is null || Constants.IsNull(baseUrl) ? null : baseUrl;
        var configure = invocation.Argument("configure");
        Configuration = configure is null || Constants.IsNull(configure.Value) ? BuilderCalls.None : BuilderCalls.Collect(configure.Value, symbols.RequestBuilder);
    }

    /// <summary>Reads the request a flow builder call (<c>Get</c>, <c>Post</c>, ... or <c>Request</c>) adds.</summary>
    public static RequestInfo For(IInvocationOperation invocation, ModelSymbols symbols) =>
        Cache.TryGetValue(invocation, out var cached) ? cached : Cache.GetValue(invocation, key => new RequestInfo(key, symbols));

    /// <summary>Gets the method in upper case (<c>POST</c>), or <see langword="null"/> when not constant.</summary>
    public string? Method { get; }

    /// <summary>Gets the path template, or <see langword="null"/> when not constant.</summary>
    public string? Path { get; }

    /// <summary>Gets the path argument.</summary>
    public IOperation? PathArgument { get; }

    /// <summary>Gets the explicit base URL argument, or <see langword="null"/> for the load test's default.</summary>
    public IOperation? BaseUrlArgument { get; }

    /// <summary>Gets the request builder calls.</summary>
    public BuilderCalls Configuration { get; }

    /// <inheritdoc />
    public override bool IsOpaque => Configuration.IsOpaque;

    /// <summary>Gets a short description for messages: <c>POST /api/auth/signin</c>.</summary>
    public string DisplayName => (Method ?? "HTTP") + " " + (Path ?? "(computed path)");

    /// <summary>Gets the <c>name</c> tag: the constant of the last <c>Named(...)</c>, else the path; <see langword="null"/> when not constant.</summary>
    public string? EffectiveName
    {
        get
        {
            var named = Configuration.Last("Named");
            return named is null ? Path : Constants.String(named.ArgumentValue("name"));
        }
    }

    /// <summary>Gets the location to report request-wide problems at: the path argument, or the method name.</summary>
    public Location ReportLocation => PathArgument?.Syntax.GetLocation() ?? Invocation.NameLocation();
}

/// <summary>A group.</summary>
internal sealed class GroupStepInfo : StepInfo
{
    public GroupStepInfo(IInvocationOperation invocation, string? name, FlowInfo body)
        : base(invocation)
    {
        Name = name;
        Body = body;
    }

    /// <summary>Gets the constant group name, or <see langword="null"/>.</summary>
    public string? Name { get; }

    /// <summary>Gets the grouped steps.</summary>
    public FlowInfo Body { get; }

    /// <inheritdoc />
    public override IEnumerable<FlowInfo> Children => new[] { Body };
}

/// <summary>A conditional step.</summary>
internal sealed class ConditionalStepInfo : StepInfo
{
    public ConditionalStepInfo(IInvocationOperation invocation, FlowInfo then, FlowInfo? otherwise)
        : base(invocation)
    {
        Then = then;
        Otherwise = otherwise;
    }

    /// <summary>Gets the steps run when the condition holds.</summary>
    public FlowInfo Then { get; }

    /// <summary>Gets the steps run otherwise, if any.</summary>
    public FlowInfo? Otherwise { get; }

    /// <inheritdoc />
    public override IEnumerable<FlowInfo> Children => Otherwise is null ? new[] { Then } : new[] { Then, Otherwise };
}

/// <summary>Steps timed into a Trend.</summary>
internal sealed class TimedStepInfo : StepInfo
{
    public TimedStepInfo(IInvocationOperation invocation, IOperation? metric, FlowInfo body)
        : base(invocation)
    {
        Metric = metric;
        Body = body;
    }

    /// <summary>Gets the Trend expression.</summary>
    public IOperation? Metric { get; }

    /// <summary>Gets the timed steps.</summary>
    public FlowInfo Body { get; }

    /// <inheritdoc />
    public override IEnumerable<FlowInfo> Children => new[] { Body };
}

/// <summary>A pause.</summary>
internal sealed class ThinkTimeStepInfo : StepInfo
{
    public ThinkTimeStepInfo(IInvocationOperation invocation, ModelSymbols symbols)
        : base(invocation)
    {
        var single = invocation.ArgumentValue("duration");
        MinArgument = single ?? invocation.ArgumentValue("min");
        MaxArgument = single ?? invocation.ArgumentValue("max");
        MinMilliseconds = Constants.DurationMilliseconds(MinArgument, symbols.TimeSpan);
        MaxMilliseconds = Constants.DurationMilliseconds(MaxArgument, symbols.TimeSpan);
    }

    /// <summary>Gets the shortest pause argument.</summary>
    public IOperation? MinArgument { get; }

    /// <summary>Gets the longest pause argument.</summary>
    public IOperation? MaxArgument { get; }

    /// <summary>Gets the shortest pause, when constant.</summary>
    public double? MinMilliseconds { get; }

    /// <summary>Gets the longest pause, when constant.</summary>
    public double? MaxMilliseconds { get; }
}

/// <summary>A sample added to a custom metric.</summary>
internal sealed class RecordStepInfo : StepInfo
{
    public RecordStepInfo(IInvocationOperation invocation, IOperation? metric)
        : base(invocation) => Metric = metric;

    /// <summary>Gets the metric expression.</summary>
    public IOperation? Metric { get; }
}

/// <summary>A WebSocket session.</summary>
internal sealed class WebSocketStepInfo : StepInfo
{
    public WebSocketStepInfo(IInvocationOperation invocation, ModelSymbols symbols)
        : base(invocation)
    {
        Configuration = BuilderCalls.Collect(invocation.ArgumentValue("configure"), symbols.WebSocketBuilder);
        var hold = Configuration.Last("HoldOpen");
        HoldOpenMilliseconds = hold is null ? 1000 : Constants.DurationMilliseconds(hold.ArgumentValue("duration"), symbols.TimeSpan);
    }

    /// <summary>Gets the session's builder calls.</summary>
    public BuilderCalls Configuration { get; }

    /// <summary>Gets how long the socket stays open (the model's default is 1 s), when constant.</summary>
    public double? HoldOpenMilliseconds { get; }

    /// <inheritdoc />
    public override bool IsOpaque => Configuration.IsOpaque;
}
