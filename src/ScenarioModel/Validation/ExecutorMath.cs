using System;
using System.Collections.Generic;
using System.Linq;

namespace K6Scenarios.Model.Validation;

/// <summary>
/// Load figures of an executor, computed without trusting its invariants (a model under validation may have
/// null stages or negative values), so the rules never throw.
/// </summary>
internal static class ExecutorMath
{
    /// <summary>k6's default maxDuration of the iteration-bounded executors.</summary>
    public static readonly TimeSpan DefaultMaxDuration = TimeSpan.FromMinutes(10);

    /// <summary>k6's default timeUnit of the arrival-rate executors.</summary>
    public static readonly TimeSpan DefaultTimeUnit = TimeSpan.FromSeconds(1);

    /// <summary>The time the validator assumes one HTTP request (or WebSocket handshake) takes.</summary>
    public static readonly TimeSpan AssumedRequestDuration = TimeSpan.FromMilliseconds(100);

    public static IReadOnlyList<Stage> Stages(Executor executor) => executor switch
    {
        RampingVusExecutor ramping => Safe.List(ramping.Stages),
        RampingArrivalRateExecutor ramping => Safe.List(ramping.Stages),
        _ => [],
    };

    /// <summary>Gets the most VUs the executor runs at once (never negative).</summary>
    public static long PeakVus(Executor? executor) => Math.Max(0L, executor switch
    {
        SharedIterationsExecutor shared => shared.Vus,
        PerVuIterationsExecutor perVu => perVu.Vus,
        ConstantVusExecutor constant => constant.Vus,
        RampingVusExecutor ramping => Math.Max((long)ramping.StartVus, Stages(ramping).Select(s => (long)s.Target).DefaultIfEmpty(0).Max()),
        ConstantArrivalRateExecutor arrival => Math.Max((long)arrival.PreAllocatedVus, arrival.MaxVus ?? 0),
        RampingArrivalRateExecutor arrival => Math.Max((long)arrival.PreAllocatedVus, arrival.MaxVus ?? 0),
        _ => 0L,
    });

    /// <summary>Gets the VUs an arrival-rate executor may use: maxVUs, or preAllocatedVUs when maxVUs is not set.</summary>
    public static long AllowedVus(Executor executor) => executor switch
    {
        ConstantArrivalRateExecutor arrival => arrival.MaxVus ?? arrival.PreAllocatedVus,
        RampingArrivalRateExecutor arrival => arrival.MaxVus ?? arrival.PreAllocatedVus,
        _ => PeakVus(executor),
    };

    /// <summary>Gets how long the executor runs at most, without graceful stop (negative parts count as zero).</summary>
    public static TimeSpan RunTime(Executor? executor) => executor switch
    {
        SharedIterationsExecutor shared => NonNegative(shared.MaxDuration ?? DefaultMaxDuration),
        PerVuIterationsExecutor perVu => NonNegative(perVu.MaxDuration ?? DefaultMaxDuration),
        ConstantVusExecutor constant => NonNegative(constant.Duration),
        ConstantArrivalRateExecutor arrival => NonNegative(arrival.Duration),
        RampingVusExecutor or RampingArrivalRateExecutor => Stages(executor).Aggregate(TimeSpan.Zero, (total, s) => total + NonNegative(s.Duration)),
        _ => TimeSpan.Zero,
    };

    /// <summary>Gets whether the executor stops after a fixed number of iterations.</summary>
    public static bool IsIterationBounded(Executor? executor) => executor is SharedIterationsExecutor or PerVuIterationsExecutor;

    /// <summary>
    /// Gets the iterations the executor runs in total when the configuration bounds them, with how that was worked out;
    /// <see langword="null"/> for closed-model executors that loop for a duration.
    /// </summary>
    public static (long Iterations, string Reason)? TotalIterations(Executor? executor)
    {
        switch (executor)
        {
            case SharedIterationsExecutor shared when shared.Iterations > 0:
                return (shared.Iterations, Safe.Text(shared.Iterations) + " shared iterations");
            case PerVuIterationsExecutor perVu when perVu.Iterations > 0 && perVu.Vus > 0:
                return ((long)perVu.Vus * perVu.Iterations, Safe.Text(perVu.Vus) + " VUs x " + Safe.Text(perVu.Iterations) + " iterations each");
            case ConstantArrivalRateExecutor arrival when arrival.Rate > 0 && TimeUnit(arrival.TimeUnit) is { } unit && arrival.Duration > TimeSpan.Zero:
                var started = (long)Math.Ceiling(arrival.Rate * (arrival.Duration.Ticks / (double)unit.Ticks));
                return (started, Safe.Text(arrival.Rate) + " iterations per " + Formatting.Duration(unit) + " for " + Formatting.Duration(arrival.Duration));
            case RampingArrivalRateExecutor arrival when TimeUnit(arrival.TimeUnit) is { } unit && Stages(arrival).Count > 0:
                // Rates ramp linearly within a stage, so each stage starts (from + to) / 2 iterations per time unit on average.
                double total = 0;
                double from = Math.Max(0, arrival.StartRate);
                foreach (var stage in Stages(arrival))
                {
                    var to = Math.Max(0, stage.Target);
                    total += (from + to) / 2 * (NonNegative(stage.Duration).Ticks / (double)unit.Ticks);
                    from = to;
                }

                return ((long)Math.Floor(total), "the stages' iteration rates over their durations");
            default:
                return null;
        }
    }

    /// <summary>Gets the highest iteration start rate per second of an arrival-rate executor, or <see langword="null"/>.</summary>
    public static double? PeakRatePerSecond(Executor? executor) => executor switch
    {
        ConstantArrivalRateExecutor arrival when TimeUnit(arrival.TimeUnit) is { } unit => arrival.Rate / unit.TotalSeconds,
        RampingArrivalRateExecutor arrival when TimeUnit(arrival.TimeUnit) is { } unit =>
            Math.Max(arrival.StartRate, Stages(arrival).Select(s => s.Target).DefaultIfEmpty(0).Max()) / unit.TotalSeconds,
        _ => null,
    };

    /// <summary>Estimates one iteration of a flow (see <see cref="ValidationSettings.ExpectedIterationDuration"/>).</summary>
    public static TimeSpan EstimateIteration(IReadOnlyList<Step>? flow) =>
        Safe.List(flow).Aggregate(TimeSpan.Zero, (total, step) => total + Estimate(step));

    private static TimeSpan Estimate(Step step) => step switch
    {
        HttpRequestStep => AssumedRequestDuration,
        ThinkTimeStep think => (NonNegative(think.Min) + NonNegative(think.Max)) / 2,
        WebSocketStep socket => AssumedRequestDuration + NonNegative(socket.HoldOpen),
        GroupStep group => EstimateIteration(group.Steps),
        TimedStep timed => EstimateIteration(timed.Steps),
        ConditionalStep conditional => Max(EstimateIteration(conditional.Then), EstimateIteration(conditional.Else)),
        _ => TimeSpan.Zero,
    };

    private static TimeSpan? TimeUnit(TimeSpan? configured)
    {
        var unit = configured ?? DefaultTimeUnit;
        return unit > TimeSpan.Zero ? unit : null;
    }

    private static TimeSpan NonNegative(TimeSpan duration) => duration < TimeSpan.Zero ? TimeSpan.Zero : duration;

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
