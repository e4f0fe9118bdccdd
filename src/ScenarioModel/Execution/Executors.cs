using System;
using System.Collections.Generic;
using System.Linq;
using K6Scenarios.Diagnostics;

namespace K6Scenarios.Model;

/// <summary>One stage of a ramping executor: reach <see cref="Target"/> over <see cref="Duration"/>.</summary>
/// <param name="Duration">How long the ramp to the target takes.</param>
/// <param name="Target">VUs (ramping-vus) or iterations per time unit (ramping-arrival-rate) at the end of the stage.</param>
/// <param name="DefinedAt">Where it was defined.</param>
public sealed record Stage(TimeSpan Duration, int Target, SourceLocation? DefinedAt = null);

/// <summary>
/// How k6 schedules a scenario's iterations. Every current k6 executor has a subclass with k6's parameters and defaults.
/// (<c>externally-controlled</c> was removed in k6 v2.0 and is therefore not offered.)
/// </summary>
public abstract record Executor
{
    private protected Executor()
    {
    }

    /// <summary>Gets the executor's name in k6 (<c>ramping-vus</c>).</summary>
    public abstract string K6Name { get; }

    /// <summary>Gets whether the executor is closed-model (VUs loop), as opposed to arrival-rate (open model).</summary>
    public abstract bool IsClosedModel { get; }

    /// <summary>Gets the most VUs the executor can run at once.</summary>
    public abstract int PeakVus { get; }

    /// <summary>Gets how long the executor runs at most, without graceful stop.</summary>
    public abstract TimeSpan MaxRunTime { get; }
}

/// <summary><c>shared-iterations</c>: VUs share a fixed number of iterations.</summary>
public sealed record SharedIterationsExecutor : Executor
{
    /// <summary>Gets the VUs (k6 default 1).</summary>
    public int Vus { get; init; } = 1;

    /// <summary>Gets the total iterations (k6 default 1).</summary>
    public int Iterations { get; init; } = 1;

    /// <summary>Gets the time after which k6 stops the scenario (k6 default 10m).</summary>
    public TimeSpan? MaxDuration { get; init; }

    /// <inheritdoc />
    public override string K6Name => "shared-iterations";

    /// <inheritdoc />
    public override bool IsClosedModel => true;

    /// <inheritdoc />
    public override int PeakVus => Vus;

    /// <inheritdoc />
    public override TimeSpan MaxRunTime => MaxDuration ?? TimeSpan.FromMinutes(10);
}

/// <summary><c>per-vu-iterations</c>: each VU runs a fixed number of iterations.</summary>
public sealed record PerVuIterationsExecutor : Executor
{
    /// <summary>Gets the VUs (k6 default 1).</summary>
    public int Vus { get; init; } = 1;

    /// <summary>Gets the iterations per VU (k6 default 1).</summary>
    public int Iterations { get; init; } = 1;

    /// <summary>Gets the time after which k6 stops the scenario (k6 default 10m).</summary>
    public TimeSpan? MaxDuration { get; init; }

    /// <inheritdoc />
    public override string K6Name => "per-vu-iterations";

    /// <inheritdoc />
    public override bool IsClosedModel => true;

    /// <inheritdoc />
    public override int PeakVus => Vus;

    /// <inheritdoc />
    public override TimeSpan MaxRunTime => MaxDuration ?? TimeSpan.FromMinutes(10);
}

/// <summary><c>constant-vus</c>: a fixed number of VUs loop for a duration.</summary>
public sealed record ConstantVusExecutor : Executor
{
    /// <summary>Gets the VUs (k6 default 1).</summary>
    public int Vus { get; init; } = 1;

    /// <summary>Gets how long the VUs loop (required, at least 1s).</summary>
    public TimeSpan Duration { get; init; }

    /// <inheritdoc />
    public override string K6Name => "constant-vus";

    /// <inheritdoc />
    public override bool IsClosedModel => true;

    /// <inheritdoc />
    public override int PeakVus => Vus;

    /// <inheritdoc />
    public override TimeSpan MaxRunTime => Duration;
}

/// <summary><c>ramping-vus</c>: VUs ramp through stages.</summary>
public sealed record RampingVusExecutor : Executor
{
    /// <summary>Gets the VUs at the start (k6 default 1).</summary>
    public int StartVus { get; init; } = 1;

    /// <summary>Gets the stages (required).</summary>
    public IReadOnlyList<Stage> Stages { get; init; } = [];

    /// <summary>Gets how long VUs removed by a ramp-down may finish their iteration (k6 default 30s).</summary>
    public TimeSpan? GracefulRampDown { get; init; }

    /// <inheritdoc />
    public override string K6Name => "ramping-vus";

    /// <inheritdoc />
    public override bool IsClosedModel => true;

    /// <inheritdoc />
    public override int PeakVus => Math.Max(StartVus, Stages.Count == 0 ? 0 : Stages.Max(s => s.Target));

    /// <inheritdoc />
    public override TimeSpan MaxRunTime => Stages.Aggregate(TimeSpan.Zero, (total, s) => total + s.Duration);
}

/// <summary><c>constant-arrival-rate</c>: iterations start at a fixed rate, whatever the response times (open model).</summary>
public sealed record ConstantArrivalRateExecutor : Executor
{
    /// <summary>Gets the iterations started per <see cref="TimeUnit"/> (required).</summary>
    public int Rate { get; init; }

    /// <summary>Gets the period of <see cref="Rate"/> (k6 default 1s).</summary>
    public TimeSpan? TimeUnit { get; init; }

    /// <summary>Gets how long iterations start (required).</summary>
    public TimeSpan Duration { get; init; }

    /// <summary>Gets the VUs allocated before the start (required).</summary>
    public int PreAllocatedVus { get; init; }

    /// <summary>Gets the most VUs k6 may allocate (k6 default: <see cref="PreAllocatedVus"/>).</summary>
    public int? MaxVus { get; init; }

    /// <inheritdoc />
    public override string K6Name => "constant-arrival-rate";

    /// <inheritdoc />
    public override bool IsClosedModel => false;

    /// <inheritdoc />
    public override int PeakVus => Math.Max(PreAllocatedVus, MaxVus ?? 0);

    /// <inheritdoc />
    public override TimeSpan MaxRunTime => Duration;
}

/// <summary><c>ramping-arrival-rate</c>: the start rate ramps through stages (open model).</summary>
public sealed record RampingArrivalRateExecutor : Executor
{
    /// <summary>Gets the iterations per time unit at the start (k6 default 0).</summary>
    public int StartRate { get; init; }

    /// <summary>Gets the period of the rates (k6 default 1s).</summary>
    public TimeSpan? TimeUnit { get; init; }

    /// <summary>Gets the stages; targets are iterations per time unit (required).</summary>
    public IReadOnlyList<Stage> Stages { get; init; } = [];

    /// <summary>Gets the VUs allocated before the start (required).</summary>
    public int PreAllocatedVus { get; init; }

    /// <summary>Gets the most VUs k6 may allocate (k6 default: <see cref="PreAllocatedVus"/>).</summary>
    public int? MaxVus { get; init; }

    /// <inheritdoc />
    public override string K6Name => "ramping-arrival-rate";

    /// <inheritdoc />
    public override bool IsClosedModel => false;

    /// <inheritdoc />
    public override int PeakVus => Math.Max(PreAllocatedVus, MaxVus ?? 0);

    /// <inheritdoc />
    public override TimeSpan MaxRunTime => Stages.Aggregate(TimeSpan.Zero, (total, s) => total + s.Duration);
}
