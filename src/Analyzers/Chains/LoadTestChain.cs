using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using K6Scenarios.Analyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace K6Scenarios.Analyzers.Chains;

/// <summary>
/// The fluent chain of one <c>LoadTest.Create(...)</c> expression: its scenarios, thresholds, setup and settings, read
/// once and shared by the rules that look at a whole load test.
/// </summary>
internal sealed class LoadTestChain
{
    // Keyed by the Create call's operation, which the compiler shares between analyzers; entries go with the compilation.
    private static readonly ConditionalWeakTable<IInvocationOperation, LoadTestChain> Cache = new();

    private LoadTestChain(IInvocationOperation create, IReadOnlyList<IInvocationOperation> calls, bool isComplete, ModelSymbols symbols, CancellationToken cancellationToken)
    {
        Create = create;
        Calls = calls;
        IsComplete = isComplete;
        NameArgument = create.ArgumentValue("name");
        Name = Constants.String(NameArgument);

        var scenarios = new List<ScenarioInfo>();
        var thresholds = new List<ThresholdInfo>();
        var extraFlows = new List<FlowInfo>();
        var declaredMetrics = new List<IOperation>();
        var hasOpaqueScenarios = false;
        foreach (var call in calls)
        {
            switch (call.TargetMethod.Name)
            {
                case "Scenario":
                    scenarios.Add(ScenarioInfo.FromScenarioCall(call, symbols));
                    break;
                case "UserMix":
                    var mix = ScenarioInfo.FromUserMix(call, symbols);
                    hasOpaqueScenarios |= mix.IsOpaque;
                    scenarios.AddRange(mix.Scenarios);
                    break;
                case "Threshold":
                    thresholds.Add(new ThresholdInfo(call, symbols, cancellationToken));
                    break;
                case "Setup":
                case "Teardown":
                    extraFlows.Add(FlowInfo.Read(call.ArgumentValue("configure"), symbols));
                    break;
                case "Metric":
                    if (call.ArgumentValue("metric") is { } metric)
                    {
                        declaredMetrics.Add(metric);
                    }

                    break;
            }
        }

        Scenarios = scenarios;
        Thresholds = thresholds;
        SetupAndTeardownFlows = extraFlows;
        DeclaredMetrics = declaredMetrics;
        HasOpaqueScenarios = hasOpaqueScenarios;
    }

    /// <summary>Gets the <c>LoadTest.Create</c> call.</summary>
    public IInvocationOperation Create { get; }

    /// <summary>Gets the constant load-test name, or <see langword="null"/>.</summary>
    public string? Name { get; }

    /// <summary>Gets the name argument.</summary>
    public IOperation? NameArgument { get; }

    /// <summary>Gets the load-test builder calls after <c>Create</c>, in order.</summary>
    public IReadOnlyList<IInvocationOperation> Calls { get; }

    /// <summary>
    /// Gets whether the chain is the whole definition: its value is returned or becomes a <c>LoadTest</c> at once,
    /// so no other statement adds scenarios or thresholds. Rules about what "nothing in the test" does need this.
    /// </summary>
    public bool IsComplete { get; }

    /// <summary>Gets the scenarios, in order (user-mix types included).</summary>
    public IReadOnlyList<ScenarioInfo> Scenarios { get; }

    /// <summary>Gets whether a user mix could not be read.</summary>
    public bool HasOpaqueScenarios { get; }

    /// <summary>Gets the thresholds.</summary>
    public IReadOnlyList<ThresholdInfo> Thresholds { get; }

    /// <summary>Gets the setup and teardown flows.</summary>
    public IReadOnlyList<FlowInfo> SetupAndTeardownFlows { get; }

    /// <summary>Gets the metrics declared with <c>.Metric(...)</c>.</summary>
    public IReadOnlyList<IOperation> DeclaredMetrics { get; }

    /// <summary>
    /// Gets whether everything that runs can be seen: the chain is complete, every scenario and flow is readable.
    /// Rules that claim "nothing in this load test" does something require it.
    /// </summary>
    public bool IsFullyVisible =>
        IsComplete && !HasOpaqueScenarios && Scenarios.All(s => !s.IsOpaque) && SetupAndTeardownFlows.All(f => !f.IsOpaque);

    /// <summary>Gets every flow: scenarios, setup and teardown.</summary>
    public IEnumerable<FlowInfo> AllFlows() =>
        Scenarios.Where(s => s.Flow is not null).Select(s => s.Flow!).Concat(SetupAndTeardownFlows);

    /// <summary>Gets whether an invocation is <c>LoadTest.Create(...)</c>.</summary>
    public static bool IsCreate(IInvocationOperation invocation, ModelSymbols symbols) =>
        invocation.TargetMethod.Name == "Create" && ModelSymbols.IsDeclaredBy(invocation.TargetMethod, symbols.LoadTest);

    /// <summary>Reads the chain that starts at a <c>LoadTest.Create(...)</c> call (once: analyzers share the reading).</summary>
    public static LoadTestChain FromCreate(IInvocationOperation create, ModelSymbols symbols, CancellationToken cancellationToken)
    {
        if (Cache.TryGetValue(create, out var cached))
        {
            return cached;
        }

        var chain = Read(create, symbols, cancellationToken);
        return Cache.GetValue(create, _ => chain);
    }

    private static LoadTestChain Read(IInvocationOperation create, ModelSymbols symbols, CancellationToken cancellationToken)
    {
        var calls = new List<IInvocationOperation>();
        IOperation current = create;
        while (current.ParentSkippingConversions() is IInvocationOperation parent
            && parent.Instance is not null
            && ReferenceEquals(parent.Instance.WalkDownConversions(), current)
            && ModelSymbols.IsDeclaredBy(parent.TargetMethod, symbols.LoadTestBuilder))
        {
            calls.Add(parent);
            current = parent;
        }

        return new LoadTestChain(create, calls, IsCompleteAt(current, symbols), symbols, cancellationToken);
    }

    /// <summary>
    /// Finds the <c>LoadTest.Create(...)</c> call of the chain that encloses an operation (a request inside a scenario's flow),
    /// or returns <see langword="null"/> when the operation is not inside a load-test chain (a flow helper method).
    /// </summary>
    public static IInvocationOperation? FindEnclosingCreate(IOperation operation, ModelSymbols symbols)
    {
        for (var current = operation.Parent; current is not null; current = current.Parent)
        {
            if (current is IInvocationOperation invocation && ModelSymbols.IsDeclaredBy(invocation.TargetMethod, symbols.LoadTestBuilder))
            {
                IOperation? receiver = invocation;
                while (receiver is IInvocationOperation call)
                {
                    if (IsCreate(call, symbols))
                    {
                        return call;
                    }

                    receiver = call.Instance?.WalkDownConversions();
                }

                return null;
            }
        }

        return null;
    }

    /// <summary>
    /// Gets whether the builder becomes a LoadTest right away (<c>Build()</c> or the implicit conversion), so nothing
    /// else can add to it; a builder returned or stored as a builder may still be extended elsewhere.
    /// </summary>
    private static bool IsCompleteAt(IOperation top, ModelSymbols symbols) =>
        top is IInvocationOperation { TargetMethod.Name: "Build" }
        || (top.Parent is IConversionOperation conversion && SymbolEqualityComparer.Default.Equals(conversion.Type, symbols.LoadTest));
}

/// <summary>A base URL as the analyzers see it: its environment variable and its default, when constant.</summary>
internal sealed class BaseUrlInfo
{
    public BaseUrlInfo(string? variable, string? defaultValue)
    {
        Variable = variable;
        DefaultValue = defaultValue;
    }

    /// <summary>Gets the environment variable, when constant.</summary>
    public string? Variable { get; }

    /// <summary>Gets the default URL, when constant.</summary>
    public string? DefaultValue { get; }

    /// <summary>Gets the path part of the default URL without a trailing '/' (<c>/api</c> for <c>http://host/api/</c>), or empty.</summary>
    public string DefaultPath
    {
        get
        {
            if (DefaultValue is null)
            {
                return string.Empty;
            }

            var scheme = DefaultValue.IndexOf("://", System.StringComparison.Ordinal);
            var pathStart = DefaultValue.IndexOf('/', scheme < 0 ? 0 : scheme + 3);
            return pathStart < 0 ? string.Empty : DefaultValue.Substring(pathStart).TrimEnd('/');
        }
    }
}

/// <summary>Reads which environment variable a base URL comes from.</summary>
internal static class BaseUrlReader
{
    private static readonly ConditionalWeakTable<IInvocationOperation, ChainDefault> DefaultsOfChains = new();

    /// <summary>Reads <c>.BaseUrl("API_URL", "http://...")</c> or <c>.BaseUrl(baseUrl)</c>.</summary>
    public static BaseUrlInfo Read(IInvocationOperation baseUrlCall, CancellationToken cancellationToken)
    {
        var variable = baseUrlCall.ArgumentValue("environmentVariable");
        return variable is not null
            ? new BaseUrlInfo(Constants.String(variable), Constants.String(baseUrlCall.ArgumentValue("defaultValue")))
            : FromValue(baseUrlCall.ArgumentValue("baseUrl"), cancellationToken);
    }

    /// <summary>Reads a <c>BaseUrl</c> value: <c>BaseUrl.FromEnvironment("VOICE_URL", ...)</c> or a field holding one.</summary>
    public static BaseUrlInfo FromValue(IOperation? value, CancellationToken cancellationToken)
    {
        var steps = FactoryCalls.Resolve(value, cancellationToken);
        var factory = steps?.LastOrDefault(s => s.Name == "FromEnvironment");
        return new BaseUrlInfo(factory?.At(0) as string, factory?.At(1) as string);
    }

    /// <summary>Reads the default base URL of the load-test chain that starts at <paramref name="create"/>, or <see langword="null"/> when it sets none.</summary>
    public static BaseUrlInfo? DefaultOfChain(IInvocationOperation create, ModelSymbols symbols, CancellationToken cancellationToken)
    {
        // Every request of the load test asks; the chain (and a BaseUrl value's field initializer) is read once.
        if (DefaultsOfChains.TryGetValue(create, out var cached))
        {
            return cached.Value;
        }

        var read = new ChainDefault(ReadDefaultOfChain(create, symbols, cancellationToken));
        return DefaultsOfChains.GetValue(create, _ => read).Value;
    }

    private static BaseUrlInfo? ReadDefaultOfChain(IInvocationOperation create, ModelSymbols symbols, CancellationToken cancellationToken)
    {
        BaseUrlInfo? result = null;
        IOperation current = create;
        while (current.ParentSkippingConversions() is IInvocationOperation parent
            && parent.Instance is not null
            && ReferenceEquals(parent.Instance.WalkDownConversions(), current)
            && ModelSymbols.IsDeclaredBy(parent.TargetMethod, symbols.LoadTestBuilder))
        {
            if (parent.TargetMethod.Name == "BaseUrl")
            {
                result = Read(parent, cancellationToken);
            }

            current = parent;
        }

        return result;
    }

    // A chain's default base URL, possibly none (the table cannot hold a missing value).
    private sealed class ChainDefault
    {
        public ChainDefault(BaseUrlInfo? value) => Value = value;

        public BaseUrlInfo? Value { get; }
    }
}
