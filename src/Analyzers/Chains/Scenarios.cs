using System;
using System.Collections.Generic;
using System.Linq;
using K6Scenarios.Analyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace K6Scenarios.Analyzers.Chains;

/// <summary>A scenario of a load-test chain: its name, executor, flow and pool use.</summary>
internal sealed class ScenarioInfo
{
    private ScenarioInfo(IInvocationOperation invocation, IOperation? nameArgument, BuilderCalls configuration, ExecutorInfo? executor, FlowInfo? flow, IInvocationOperation? withUsers, ModelSymbols symbols)
    {
        Invocation = invocation;
        NameArgument = nameArgument;
        Name = Constants.String(nameArgument);
        Configuration = configuration;
        Executor = executor;
        Flow = flow;
        WithUsersCall = withUsers;
        Pool = withUsers?.ArgumentValue("pool");
        Selection = Constants.EnumMemberName(withUsers?.ArgumentValue("selection"), symbols.PoolSelection);
    }

    /// <summary>Gets the <c>Scenario(...)</c> or <c>UserType(...)</c> call.</summary>
    public IInvocationOperation Invocation { get; }

    /// <summary>Gets the name argument.</summary>
    public IOperation? NameArgument { get; }

    /// <summary>Gets the constant name, or <see langword="null"/>.</summary>
    public string? Name { get; }

    /// <summary>Gets the scenario builder calls.</summary>
    public BuilderCalls Configuration { get; }

    /// <summary>Gets the executor, or <see langword="null"/> when it cannot be read.</summary>
    public ExecutorInfo? Executor { get; }

    /// <summary>Gets the flow, or <see langword="null"/> when the scenario sets none.</summary>
    public FlowInfo? Flow { get; }

    /// <summary>Gets the <c>WithUsers(...)</c> call, if any.</summary>
    public IInvocationOperation? WithUsersCall { get; }

    /// <summary>Gets the pool expression.</summary>
    public IOperation? Pool { get; }

    /// <summary>Gets the pool selection's member name (<c>UniquePerVu</c>), when constant.</summary>
    public string? Selection { get; }

    /// <summary>Gets whether some part of the scenario cannot be seen.</summary>
    public bool IsOpaque => Configuration.IsOpaque || (Flow?.IsOpaque ?? false);

    /// <summary>Gets where to report scenario-wide problems.</summary>
    public Location ReportLocation => NameArgument?.Syntax.GetLocation() ?? Invocation.NameLocation();

    /// <summary>Gets a name for messages.</summary>
    public string DisplayName => Name ?? "(computed name)";

    /// <summary>Reads <c>.Scenario(name, s =&gt; ...)</c>.</summary>
    public static ScenarioInfo FromScenarioCall(IInvocationOperation call, ModelSymbols symbols)
    {
        var configuration = BuilderCalls.Collect(call.ArgumentValue("configure"), symbols.ScenarioBuilder);
        return FromConfiguration(call, call.ArgumentValue("name"), configuration, null, symbols);
    }

    /// <summary>Reads <c>.UserMix(totalVus, spawnRate, duration, m =&gt; m.UserType(...))</c>: one scenario per user type.</summary>
    public static (IReadOnlyList<ScenarioInfo> Scenarios, bool IsOpaque) FromUserMix(IInvocationOperation call, ModelSymbols symbols)
    {
        var mix = BuilderCalls.Collect(call.ArgumentValue("configure"), symbols.UserMixBuilder);
        var types = mix.Named("UserType").ToList();
        var totalVus = Constants.Integer(call.ArgumentValue("totalVus"));
        var weights = types.Select(t => Constants.Integer(t.ArgumentValue("weight"))).ToList();
        var shares = totalVus is { } total && weights.All(w => w is > 0) ? SplitByWeight(total, weights.Select(w => w!.Value).ToList()) : null;

        var scenarios = new List<ScenarioInfo>();
        for (var i = 0; i < types.Count; i++)
        {
            var type = types[i];
            var configuration = BuilderCalls.Collect(type.ArgumentValue("configure"), symbols.ScenarioBuilder);
            var executor = ExecutorInfo.ForUserMix(call, shares?[i]);
            scenarios.Add(FromConfiguration(type, type.ArgumentValue("name"), configuration, executor, symbols));
        }

        return (scenarios, mix.IsOpaque);
    }

    private static ScenarioInfo FromConfiguration(IInvocationOperation call, IOperation? name, BuilderCalls configuration, ExecutorInfo? fixedExecutor, ModelSymbols symbols)
    {
        // The last executor call wins, as in ScenarioBuilder; without one the model uses shared-iterations (1 VU, 1 iteration).
        var executorCall = configuration.Calls.LastOrDefault(c => ExecutorInfo.IsExecutorMethod(c.TargetMethod.Name));
        var executor = fixedExecutor
            ?? (executorCall is not null ? ExecutorInfo.FromCall(executorCall, symbols)
            : configuration.IsOpaque ? null : ExecutorInfo.DefaultSharedIterations(call));
        var flowCall = configuration.Last("Flow");
        var flow = flowCall is null ? null : FlowInfo.Read(flowCall.ArgumentValue("configure"), symbols);
        return new ScenarioInfo(call, name, configuration, executor, flow, configuration.Last("WithUsers"), symbols);
    }

    private static long[]? SplitByWeight(long total, IReadOnlyList<long> weights)
    {
        // Largest-remainder rounding, as UserMixBuilder does, so the shares sum to the total.
        var weightSum = weights.Sum();
        if (weightSum <= 0 || total < 0)
        {
            return null;
        }

        var exact = weights.Select(w => (double)total * w / weightSum).ToArray();
        var shares = exact.Select(e => (long)Math.Floor(e)).ToArray();
        var remainder = total - shares.Sum();
        foreach (var index in exact.Select((e, i) => (Fraction: e - Math.Floor(e), Index: i)).OrderByDescending(x => x.Fraction).ThenBy(x => x.Index).Take((int)Math.Min(remainder, shares.Length)))
        {
            shares[index.Index]++;
        }

        return shares;
    }
}

/// <summary>What the analyzers know of a scenario's executor.</summary>
internal sealed class ExecutorInfo
{
    private ExecutorInfo(string kind, IInvocationOperation invocation)
    {
        Kind = kind;
        Invocation = invocation;
    }

    /// <summary>Gets the k6 executor name.</summary>
    public string Kind { get; }

    /// <summary>Gets the call that sets the executor.</summary>
    public IInvocationOperation Invocation { get; }

    /// <summary>Gets whether VUs loop for a duration (constant-vus, ramping-vus): the closed model that needs think time.</summary>
    public bool LoopsForDuration => Kind is "constant-vus" or "ramping-vus";

    /// <summary>Gets whether iterations start at a rate (open model).</summary>
    public bool IsArrivalRate => Kind is "constant-arrival-rate" or "ramping-arrival-rate";

    /// <summary>Gets the most VUs that run at once, as far as constants show (a lower bound when some are unknown).</summary>
    public long? PeakVus { get; private set; }

    /// <summary>Gets the highest iteration start rate per second, for arrival-rate executors.</summary>
    public double? PeakRatePerSecond { get; private set; }

    /// <summary>Gets the most VUs an arrival-rate executor may use (maxVUs, or preAllocatedVUs without it).</summary>
    public long? AllowedVus { get; private set; }

    /// <summary>Gets the total iterations, when the executor fixes it.</summary>
    public long? TotalIterations { get; private set; }

    public static bool IsExecutorMethod(string name) =>
        name is "SharedIterations" or "PerVuIterations" or "ConstantVus" or "RampingVus" or "ConstantArrivalRate" or "RampingArrivalRate" or "Use";

    public static ExecutorInfo DefaultSharedIterations(IInvocationOperation scenarioCall) =>
        new("shared-iterations", scenarioCall) { PeakVus = 1, TotalIterations = 1 };

    public static ExecutorInfo ForUserMix(IInvocationOperation mixCall, long? share) =>
        new("ramping-vus", mixCall) { PeakVus = share };

    public static ExecutorInfo? FromCall(IInvocationOperation call, ModelSymbols symbols)
    {
        switch (call.TargetMethod.Name)
        {
            case "SharedIterations":
                var sharedVus = Constants.Integer(call.ArgumentValue("vus"));
                return new ExecutorInfo("shared-iterations", call) { PeakVus = sharedVus, TotalIterations = Constants.Integer(call.ArgumentValue("iterations")) };
            case "PerVuIterations":
                var vus = Constants.Integer(call.ArgumentValue("vus"));
                var iterations = Constants.Integer(call.ArgumentValue("iterations"));
                return new ExecutorInfo("per-vu-iterations", call) { PeakVus = vus, TotalIterations = vus * iterations };
            case "ConstantVus":
                return new ExecutorInfo("constant-vus", call) { PeakVus = Constants.Integer(call.ArgumentValue("vus")) };
            case "RampingVus":
                var stages = StageInfo.Read(call.ArgumentValue("stages"), symbols);
                var start = Constants.Integer(call.ArgumentValue("startVus"));
                return new ExecutorInfo("ramping-vus", call) { PeakVus = Max(stages.Targets.Concat(new[] { start })) };
            case "ConstantArrivalRate":
                var timeUnit = TimeUnitSeconds(call, symbols);
                var rate = Constants.Integer(call.ArgumentValue("rate"));
                var duration = Constants.DurationMilliseconds(call.ArgumentValue("duration"), symbols.TimeSpan);
                var constantRate = rate / timeUnit;
                return new ExecutorInfo("constant-arrival-rate", call)
                {
                    PeakRatePerSecond = constantRate,
                    AllowedVus = AllowedVusOf(call),
                    PeakVus = AllowedVusOf(call),
                    TotalIterations = constantRate is { } perSecond && duration is { } ms ? (long)Math.Floor(perSecond * ms / 1000) : null,
                };
            case "RampingArrivalRate":
                var rampStages = StageInfo.Read(call.ArgumentValue("stages"), symbols);
                var startRate = Constants.Integer(call.ArgumentValue("startRate"));
                var peakRate = rampStages.IsOpaque ? null : Max(rampStages.Targets.Concat(new[] { startRate }));
                return new ExecutorInfo("ramping-arrival-rate", call)
                {
                    PeakRatePerSecond = peakRate / TimeUnitSeconds(call, symbols),
                    AllowedVus = AllowedVusOf(call),
                    PeakVus = AllowedVusOf(call),
                };
            default:
                return null;
        }
    }

    private static long? AllowedVusOf(IInvocationOperation call)
    {
        var preAllocated = Constants.Integer(call.ArgumentValue("preAllocatedVus"));
        var maxArgument = call.ArgumentValue("maxVus");
        if (maxArgument is null || Constants.IsNull(maxArgument))
        {
            return preAllocated;
        }

        var max = Constants.Integer(maxArgument);
        return max is null || preAllocated is null ? null : Math.Max(max.Value, preAllocated.Value);
    }

    private static double? TimeUnitSeconds(IInvocationOperation call, ModelSymbols symbols)
    {
        var argument = call.ArgumentValue("timeUnit");
        if (argument is null || Constants.IsNull(argument))
        {
            return 1;
        }

        var milliseconds = Constants.DurationMilliseconds(argument, symbols.TimeSpan);
        return milliseconds is > 0 ? milliseconds / 1000 : null;
    }

    private static long? Max(IEnumerable<long?> values)
    {
        long? max = null;
        foreach (var value in values)
        {
            if (value is { } known && (max is null || known > max))
            {
                max = known;
            }
        }

        return max;
    }
}

/// <summary>The stages of a ramping executor.</summary>
internal sealed class StageInfo
{
    private StageInfo(BuilderCalls calls, IReadOnlyList<IInvocationOperation> stageCalls, IReadOnlyList<long?> targets)
    {
        Calls = calls;
        StageCalls = stageCalls;
        Targets = targets;
    }

    /// <summary>Gets the stages builder calls.</summary>
    public BuilderCalls Calls { get; }

    /// <summary>Gets the <c>RampTo</c> and <c>Hold</c> calls, in order.</summary>
    public IReadOnlyList<IInvocationOperation> StageCalls { get; }

    /// <summary>Gets the target of each stage (a hold keeps the previous target), when constant.</summary>
    public IReadOnlyList<long?> Targets { get; }

    /// <summary>Gets whether the stages cannot all be seen.</summary>
    public bool IsOpaque => Calls.IsOpaque;

    public static StageInfo Read(IOperation? configuration, ModelSymbols symbols)
    {
        var calls = BuilderCalls.Collect(configuration, symbols.StagesBuilder);
        var stageCalls = calls.Calls.Where(c => c.TargetMethod.Name is "RampTo" or "Hold").ToList();
        var targets = new List<long?>();
        long? previous = null;
        foreach (var call in stageCalls)
        {
            previous = call.TargetMethod.Name == "RampTo" ? Constants.Integer(call.ArgumentValue("target")) : previous;
            targets.Add(previous);
        }

        return new StageInfo(calls, stageCalls, targets);
    }
}
