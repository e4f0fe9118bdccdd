using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using K6Scenarios.Diagnostics;

namespace K6Scenarios.Model;

/// <summary>
/// Another shape of the same load test, named as k6's test types are (<c>smoke</c>, <c>average-load</c>,
/// <c>stress</c>, <c>spike</c>, <c>soak</c>, <c>breakpoint</c>): the flows, checks and thresholds stay, the executors
/// are scaled, stretched or replaced. Every profile is written into the one script and chosen at run time with
/// <c>k6 run -e LOAD_PROFILE=smoke</c>; without it k6 runs the test as defined.
/// </summary>
public sealed record RunProfile
{
    /// <summary>The environment variable that chooses a profile at run time.</summary>
    public const string EnvironmentVariable = "LOAD_PROFILE";

    /// <summary>The name that selects the test as defined (also the value used when <see cref="EnvironmentVariable"/> is not set).</summary>
    public const string FullTestName = "full";

    /// <summary>Gets the name (lower-case letters, digits and '-', such as <c>smoke</c>), the value of <c>LOAD_PROFILE</c>.</summary>
    public string Name { get; init; } = string.Empty;

    /// <summary>Gets the factor applied to VU counts (<c>vus</c>, <c>startVUs</c> and ramping-vus targets, pre-allocated and maximum VUs); shared iterations scale with it. Counts above zero stay at least 1.</summary>
    public double VuScale { get; init; } = 1;

    /// <summary>Gets the factor applied to arrival rates (<c>rate</c>, <c>startRate</c>, ramping-arrival-rate targets), or <see langword="null"/> to use <see cref="VuScale"/>.</summary>
    public double? RateScale { get; init; }

    /// <summary>
    /// Gets how long the whole test runs in this profile, or <see langword="null"/> to keep the defined timeline. Start
    /// times, durations and stages of time-based executors are stretched or shrunk in proportion (whole seconds, at least
    /// 1 s each); iteration-based executors keep their iterations.
    /// </summary>
    public TimeSpan? Duration { get; init; }

    /// <summary>Gets executors that replace a scenario's own in this profile (a spike, a breakpoint ramp); scaling does not apply to them.</summary>
    public IReadOnlyList<ScenarioShape> Executors { get; init; } = [];

    /// <summary>Gets where the profile was defined.</summary>
    public SourceLocation? DefinedAt { get; init; }

    /// <summary>Gets the factor applied to arrival rates.</summary>
    public double EffectiveRateScale => RateScale ?? VuScale;

    /// <summary>Shapes the scenarios of a load test the way this profile runs them; names, flows and other settings stay.</summary>
    /// <param name="scenarios">The scenarios as defined.</param>
    /// <returns>The scenarios of this profile, in the same order.</returns>
    public IReadOnlyList<Scenario> Shape(IReadOnlyList<Scenario> scenarios)
    {
        ArgumentNullException.ThrowIfNull(scenarios);
        var timeFactor = TimeFactor(scenarios);
        return scenarios.Select(scenario =>
        {
            if (scenario is null)
            {
                return scenario!;
            }

            var replacement = (Executors ?? []).LastOrDefault(e => e is not null && e.Scenario == scenario.Name);
            if (replacement?.Executor is { } executor)
            {
                return scenario with { Executor = executor };
            }

            var timed = scenario.Executor is ConstantVusExecutor or RampingVusExecutor or ConstantArrivalRateExecutor or RampingArrivalRateExecutor;
            return scenario with
            {
                Executor = ScaleExecutor(scenario.Executor, timeFactor),
                StartTime = timed && scenario.StartTime is { } start ? Stretch(start, timeFactor, atLeastOneSecond: false) : scenario.StartTime,
            };
        }).ToArray();
    }

    private double TimeFactor(IReadOnlyList<Scenario> scenarios)
    {
        if (Duration is not { } duration || duration <= TimeSpan.Zero)
        {
            return 1;
        }

        var end = scenarios
            .Where(s => s?.Executor is ConstantVusExecutor or RampingVusExecutor or ConstantArrivalRateExecutor or RampingArrivalRateExecutor)
            .Select(s => (s.StartTime ?? TimeSpan.Zero) + s.Executor.MaxRunTime)
            .DefaultIfEmpty(TimeSpan.Zero)
            .Max();
        return end > TimeSpan.Zero ? duration.TotalSeconds / end.TotalSeconds : 1;
    }

    private Executor ScaleExecutor(Executor executor, double timeFactor) => executor switch
    {
        SharedIterationsExecutor shared => shared with
        {
            Vus = Count(shared.Vus, VuScale),
            Iterations = Math.Max(Count(shared.Iterations, VuScale), Count(shared.Vus, VuScale)),
        },
        PerVuIterationsExecutor perVu => perVu with { Vus = Count(perVu.Vus, VuScale) },
        ConstantVusExecutor constant => constant with
        {
            Vus = Count(constant.Vus, VuScale),
            Duration = Stretch(constant.Duration, timeFactor, atLeastOneSecond: true),
        },
        RampingVusExecutor ramping => ramping with
        {
            StartVus = Count(ramping.StartVus, VuScale),
            Stages = ScaleStages(ramping.Stages, VuScale, timeFactor),
        },
        ConstantArrivalRateExecutor constantRate => constantRate with
        {
            Rate = Count(constantRate.Rate, EffectiveRateScale),
            Duration = Stretch(constantRate.Duration, timeFactor, atLeastOneSecond: true),
            PreAllocatedVus = Count(constantRate.PreAllocatedVus, VuScale),
            MaxVus = constantRate.MaxVus is { } max ? Count(max, VuScale) : null,
        },
        RampingArrivalRateExecutor rampingRate => rampingRate with
        {
            StartRate = Count(rampingRate.StartRate, EffectiveRateScale),
            Stages = ScaleStages(rampingRate.Stages, EffectiveRateScale, timeFactor),
            PreAllocatedVus = Count(rampingRate.PreAllocatedVus, VuScale),
            MaxVus = rampingRate.MaxVus is { } rampingMax ? Count(rampingMax, VuScale) : null,
        },
        _ => executor,
    };

    private static Stage[] ScaleStages(IReadOnlyList<Stage>? stages, double scale, double timeFactor) =>
        (stages ?? []).Select(stage => stage is null
            ? stage!
            : stage with { Target = Count(stage.Target, scale), Duration = Stretch(stage.Duration, timeFactor, atLeastOneSecond: stage.Duration > TimeSpan.Zero) }).ToArray();

    /// <summary>Scales a count; zero stays zero, anything above stays at least 1 (a profile never silently drops a scenario).</summary>
    private static int Count(int value, double scale)
    {
        if (value <= 0 || scale == 1 || double.IsNaN(scale) || double.IsInfinity(scale) || scale <= 0)
        {
            return value;
        }

        var scaled = Math.Round(value * scale, MidpointRounding.AwayFromZero);
        return scaled >= int.MaxValue ? int.MaxValue : Math.Max(1, (int)scaled);
    }

    private static TimeSpan Stretch(TimeSpan value, double factor, bool atLeastOneSecond)
    {
        if (factor == 1 || value <= TimeSpan.Zero)
        {
            return value;
        }

        var seconds = Math.Round(value.TotalSeconds * factor, MidpointRounding.AwayFromZero);
        return TimeSpan.FromSeconds(atLeastOneSecond ? Math.Max(1, seconds) : seconds);
    }
}

/// <summary>An executor that replaces a scenario's own in a <see cref="RunProfile"/>.</summary>
/// <param name="Scenario">The scenario's name.</param>
/// <param name="Executor">The executor the scenario runs with in the profile.</param>
public sealed record ScenarioShape(string Scenario, Executor Executor);

/// <summary>Builds a <see cref="RunProfile"/>: <c>p =&gt; p.Scale(vus: 0.01).Duration(TimeSpan.FromSeconds(30))</c>.</summary>
public sealed class RunProfileBuilder
{
    private readonly List<ScenarioShape> _executors = [];
    private RunProfile _profile;

    internal RunProfileBuilder(string name, SourceLocation? definedAt) =>
        _profile = new RunProfile { Name = name, DefinedAt = definedAt };

    /// <summary>Scales VU counts by <paramref name="vus"/> and arrival rates by <paramref name="rate"/> (by default the same factor).</summary>
    /// <param name="vus">The factor for VUs: 0.01 runs 1 % of them (at least 1 per scenario), 2 twice as many.</param>
    /// <param name="rate">The factor for arrival rates, or <see langword="null"/> for <paramref name="vus"/>.</param>
    /// <returns>This builder.</returns>
    public RunProfileBuilder Scale(double vus, double? rate = null)
    {
        _profile = _profile with { VuScale = vus, RateScale = rate };
        return this;
    }

    /// <summary>Runs the whole test for <paramref name="duration"/>, stretching or shrinking its timeline in proportion.</summary>
    /// <param name="duration">How long the test runs in this profile.</param>
    /// <returns>This builder.</returns>
    public RunProfileBuilder Duration(TimeSpan duration)
    {
        _profile = _profile with { Duration = duration };
        return this;
    }

    /// <summary>Runs <paramref name="scenario"/> with another executor in this profile.</summary>
    /// <param name="scenario">The scenario's name.</param>
    /// <param name="executor">The executor.</param>
    /// <returns>This builder.</returns>
    public RunProfileBuilder Use(string scenario, Executor executor)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        _executors.Add(new ScenarioShape(scenario, executor ?? throw new ArgumentNullException(nameof(executor))));
        return this;
    }

    /// <summary>Runs <paramref name="scenario"/> with <c>ramping-vus</c> in this profile (a spike, a breakpoint ramp).</summary>
    /// <param name="scenario">The scenario's name.</param>
    /// <param name="startVus">VUs at the start.</param>
    /// <param name="stages">Adds the stages.</param>
    /// <param name="gracefulRampDown">How long VUs removed by a ramp-down may finish (k6 default 30s).</param>
    /// <returns>This builder.</returns>
    public RunProfileBuilder RampingVus(string scenario, int startVus, Action<StagesBuilder> stages, TimeSpan? gracefulRampDown = null) =>
        Use(scenario, new RampingVusExecutor { StartVus = startVus, Stages = StagesBuilder.Build(stages), GracefulRampDown = gracefulRampDown });

    /// <summary>Runs <paramref name="scenario"/> with <c>ramping-arrival-rate</c> in this profile (an open-model breakpoint ramp).</summary>
    /// <param name="scenario">The scenario's name.</param>
    /// <param name="startRate">Iterations per time unit at the start.</param>
    /// <param name="stages">Adds the stages; targets are iterations per time unit.</param>
    /// <param name="preAllocatedVus">VUs allocated before the start.</param>
    /// <param name="maxVus">Most VUs k6 may allocate (default: <paramref name="preAllocatedVus"/>).</param>
    /// <param name="timeUnit">The period of the rates (default 1s).</param>
    /// <returns>This builder.</returns>
    public RunProfileBuilder RampingArrivalRate(string scenario, int startRate, Action<StagesBuilder> stages, int preAllocatedVus, int? maxVus = null, TimeSpan? timeUnit = null) =>
        Use(scenario, new RampingArrivalRateExecutor { StartRate = startRate, Stages = StagesBuilder.Build(stages), PreAllocatedVus = preAllocatedVus, MaxVus = maxVus, TimeUnit = timeUnit });

    internal RunProfile Build() => _profile with { Executors = _executors.ToArray() };

    internal static RunProfile Build(string name, Action<RunProfileBuilder>? configure, string file, int line)
    {
        ArgumentNullException.ThrowIfNull(name);
        var builder = new RunProfileBuilder(name, SourceLocation.FromCaller(file, line));
        configure?.Invoke(builder);
        return builder.Build();
    }
}
