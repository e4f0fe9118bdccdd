using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using K6Scenarios.Diagnostics;

namespace K6Scenarios.Model;

/// <summary>Builds a <see cref="Scenario"/>: one executor method, a flow, and optional settings.</summary>
public sealed class ScenarioBuilder
{
    private readonly List<KeyValuePair<string, string>> _environment = [];
    private readonly List<KeyValuePair<string, string>> _tags = [];
    private Scenario _scenario;
    private IReadOnlyList<Step> _flow = [];

    internal ScenarioBuilder(string name, SourceLocation? definedAt) =>
        _scenario = new Scenario { Name = name, DefinedAt = definedAt };

    /// <summary>Uses <c>shared-iterations</c>: <paramref name="vus"/> VUs share <paramref name="iterations"/> iterations.</summary>
    /// <param name="vus">The VUs.</param>
    /// <param name="iterations">The total iterations.</param>
    /// <param name="maxDuration">When k6 stops the scenario (k6 default 10m).</param>
    /// <returns>This builder.</returns>
    public ScenarioBuilder SharedIterations(int vus, int iterations, TimeSpan? maxDuration = null) =>
        Use(new SharedIterationsExecutor { Vus = vus, Iterations = iterations, MaxDuration = maxDuration });

    /// <summary>Uses <c>per-vu-iterations</c>: each of <paramref name="vus"/> VUs runs <paramref name="iterations"/> iterations.</summary>
    /// <param name="vus">The VUs.</param>
    /// <param name="iterations">The iterations per VU.</param>
    /// <param name="maxDuration">When k6 stops the scenario (k6 default 10m).</param>
    /// <returns>This builder.</returns>
    public ScenarioBuilder PerVuIterations(int vus, int iterations, TimeSpan? maxDuration = null) =>
        Use(new PerVuIterationsExecutor { Vus = vus, Iterations = iterations, MaxDuration = maxDuration });

    /// <summary>Uses <c>constant-vus</c>: <paramref name="vus"/> VUs loop for <paramref name="duration"/>.</summary>
    /// <param name="vus">The VUs.</param>
    /// <param name="duration">How long (at least 1s).</param>
    /// <returns>This builder.</returns>
    public ScenarioBuilder ConstantVus(int vus, TimeSpan duration) =>
        Use(new ConstantVusExecutor { Vus = vus, Duration = duration });

    /// <summary>Uses <c>ramping-vus</c>: VUs ramp through stages.</summary>
    /// <param name="startVus">VUs at the start.</param>
    /// <param name="stages">Adds the stages.</param>
    /// <param name="gracefulRampDown">How long VUs removed by a ramp-down may finish (k6 default 30s).</param>
    /// <returns>This builder.</returns>
    public ScenarioBuilder RampingVus(int startVus, Action<StagesBuilder> stages, TimeSpan? gracefulRampDown = null) =>
        Use(new RampingVusExecutor { StartVus = startVus, Stages = StagesBuilder.Build(stages), GracefulRampDown = gracefulRampDown });

    /// <summary>Uses <c>constant-arrival-rate</c>: <paramref name="rate"/> iterations start per <paramref name="timeUnit"/>.</summary>
    /// <param name="rate">Iterations per time unit.</param>
    /// <param name="duration">How long.</param>
    /// <param name="preAllocatedVus">VUs allocated before the start.</param>
    /// <param name="maxVus">Most VUs k6 may allocate (default: <paramref name="preAllocatedVus"/>).</param>
    /// <param name="timeUnit">The period of the rate (default 1s).</param>
    /// <returns>This builder.</returns>
    public ScenarioBuilder ConstantArrivalRate(int rate, TimeSpan duration, int preAllocatedVus, int? maxVus = null, TimeSpan? timeUnit = null) =>
        Use(new ConstantArrivalRateExecutor { Rate = rate, Duration = duration, PreAllocatedVus = preAllocatedVus, MaxVus = maxVus, TimeUnit = timeUnit });

    /// <summary>Uses <c>ramping-arrival-rate</c>: the start rate ramps through stages whose targets are iterations per time unit.</summary>
    /// <param name="startRate">Iterations per time unit at the start.</param>
    /// <param name="stages">Adds the stages.</param>
    /// <param name="preAllocatedVus">VUs allocated before the start.</param>
    /// <param name="maxVus">Most VUs k6 may allocate (default: <paramref name="preAllocatedVus"/>).</param>
    /// <param name="timeUnit">The period of the rates (default 1s).</param>
    /// <returns>This builder.</returns>
    public ScenarioBuilder RampingArrivalRate(int startRate, Action<StagesBuilder> stages, int preAllocatedVus, int? maxVus = null, TimeSpan? timeUnit = null) =>
        Use(new RampingArrivalRateExecutor { StartRate = startRate, Stages = StagesBuilder.Build(stages), PreAllocatedVus = preAllocatedVus, MaxVus = maxVus, TimeUnit = timeUnit });

    /// <summary>Uses an executor built elsewhere.</summary>
    /// <param name="executor">The executor.</param>
    /// <returns>This builder.</returns>
    public ScenarioBuilder Use(Executor executor)
    {
        _scenario = _scenario with { Executor = executor ?? throw new ArgumentNullException(nameof(executor)) };
        return this;
    }

    /// <summary>Sets the steps of one iteration.</summary>
    /// <param name="configure">Adds the steps.</param>
    /// <returns>This builder.</returns>
    public ScenarioBuilder Flow(Action<FlowBuilder> configure)
    {
        _flow = FlowBuilder.BuildSteps(configure);
        return this;
    }

    /// <summary>Picks an entry of <paramref name="pool"/> for each VU or iteration; flows read it with <see cref="UserPool.Field"/>.</summary>
    /// <param name="pool">The pool.</param>
    /// <param name="selection">How entries are picked.</param>
    /// <returns>This builder.</returns>
    public ScenarioBuilder WithUsers(UserPool pool, PoolSelection selection)
    {
        _scenario = _scenario with { Users = new PoolUse(pool ?? throw new ArgumentNullException(nameof(pool)), selection) };
        return this;
    }

    /// <summary>Starts the scenario later than the test.</summary>
    /// <param name="startTime">The offset from the test start.</param>
    /// <returns>This builder.</returns>
    public ScenarioBuilder StartAfter(TimeSpan startTime)
    {
        _scenario = _scenario with { StartTime = startTime };
        return this;
    }

    /// <summary>Sets how long running iterations may finish after the scenario ends (k6 default 30s).</summary>
    /// <param name="gracefulStop">The grace period.</param>
    /// <returns>This builder.</returns>
    public ScenarioBuilder GracefulStop(TimeSpan gracefulStop)
    {
        _scenario = _scenario with { GracefulStop = gracefulStop };
        return this;
    }

    /// <summary>Sets an environment variable only this scenario sees.</summary>
    /// <param name="name">The variable.</param>
    /// <param name="value">The value.</param>
    /// <returns>This builder.</returns>
    public ScenarioBuilder Env(string name, string value)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(value);
        _environment.Add(new(name, value));
        return this;
    }

    /// <summary>Tags every sample of this scenario.</summary>
    /// <param name="name">The tag.</param>
    /// <param name="value">The value.</param>
    /// <returns>This builder.</returns>
    public ScenarioBuilder Tag(string name, string value)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(value);
        _tags.Add(new(name, value));
        return this;
    }

    internal Scenario Build() => _scenario with
    {
        Flow = _flow,
        Environment = _environment.ToArray(),
        Tags = _tags.ToArray(),
    };
}

/// <summary>Builds the stages of a ramping executor.</summary>
public sealed class StagesBuilder
{
    private readonly List<Stage> _stages = [];

    /// <summary>Ramps to <paramref name="target"/> over <paramref name="duration"/>.</summary>
    /// <param name="target">VUs, or iterations per time unit for arrival-rate executors.</param>
    /// <param name="duration">How long the ramp takes.</param>
    /// <param name="file">Filled by the compiler.</param>
    /// <param name="line">Filled by the compiler.</param>
    /// <returns>This builder.</returns>
    public StagesBuilder RampTo(int target, TimeSpan duration, [CallerFilePath] string file = "", [CallerLineNumber] int line = 0)
    {
        _stages.Add(new Stage(duration, target, SourceLocation.FromCaller(file, line)));
        return this;
    }

    /// <summary>Holds the previous stage's target for <paramref name="duration"/>.</summary>
    /// <param name="duration">How long.</param>
    /// <param name="file">Filled by the compiler.</param>
    /// <param name="line">Filled by the compiler.</param>
    /// <returns>This builder.</returns>
    public StagesBuilder Hold(TimeSpan duration, [CallerFilePath] string file = "", [CallerLineNumber] int line = 0)
    {
        if (_stages.Count == 0)
        {
            throw new InvalidOperationException("Hold needs an earlier stage whose target it keeps; start with RampTo.");
        }

        _stages.Add(new Stage(duration, _stages[^1].Target, SourceLocation.FromCaller(file, line)));
        return this;
    }

    internal static IReadOnlyList<Stage> Build(Action<StagesBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        var builder = new StagesBuilder();
        configure(builder);
        return builder._stages.ToArray();
    }
}
