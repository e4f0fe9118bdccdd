using System;
using System.Collections.Generic;
using System.Linq;

namespace K6Scenarios.Rules;

/// <summary>
/// Load figures of an executor (peak VUs, iteration totals, arrival-rate demand), computed without trusting its
/// invariants, so rules never throw. Every figure is <see langword="null"/> when a value it needs is unknown.
/// </summary>
internal static class ExecutorMath
{
    /// <summary>k6's default maxDuration of the iteration-bounded executors.</summary>
    public static readonly TimeSpan DefaultMaxDuration = TimeSpan.FromMinutes(10);

    /// <summary>k6's default timeUnit of the arrival-rate executors.</summary>
    public static readonly TimeSpan DefaultTimeUnit = TimeSpan.FromSeconds(1);

    /// <summary>The time one HTTP request (or WebSocket handshake) is assumed to take when sizing arrival rates.</summary>
    public static readonly TimeSpan AssumedRequestDuration = TimeSpan.FromMilliseconds(100);

    /// <summary>Gets the most VUs the executor runs at once (never negative).</summary>
    public static long? PeakVus(ExecutorFacts? executor)
    {
        if (executor is null)
        {
            return null;
        }

        switch (executor.Kind)
        {
            case ExecutorKinds.SharedIterations:
            case ExecutorKinds.PerVuIterations:
            case ExecutorKinds.ConstantVus:
                return executor.Vus.IsKnown ? Math.Max(0, executor.Vus.Value) : null;
            case ExecutorKinds.RampingVus:
                if (!executor.StartVus.IsKnown || !StagesKnown(executor))
                {
                    return null;
                }

                var peak = executor.StartVus.Value;
                foreach (var stage in executor.Stages ?? new List<StageFacts>())
                {
                    peak = Math.Max(peak, stage.Target.Value);
                }

                return Math.Max(0, peak);
            case ExecutorKinds.ConstantArrivalRate:
            case ExecutorKinds.RampingArrivalRate:
                if (!executor.PreAllocatedVus.IsKnown || !executor.MaxVus.IsKnown)
                {
                    return null;
                }

                return Math.Max(0, Math.Max(executor.PreAllocatedVus.Value, executor.MaxVus.Value ?? 0));
            default:
                return null;
        }
    }

    /// <summary>Gets the VUs an arrival-rate executor may use: maxVUs, or preAllocatedVUs when maxVUs is not set.</summary>
    public static long? AllowedVus(ExecutorFacts executor)
    {
        if (!executor.PreAllocatedVus.IsKnown || !executor.MaxVus.IsKnown)
        {
            return null;
        }

        return executor.MaxVus.Value ?? executor.PreAllocatedVus.Value;
    }

    /// <summary>Gets how long the executor runs at most, without graceful stop (negative parts count as zero).</summary>
    public static TimeSpan? RunTime(ExecutorFacts? executor)
    {
        switch (executor?.Kind)
        {
            case ExecutorKinds.SharedIterations:
            case ExecutorKinds.PerVuIterations:
                return executor.MaxDuration.IsKnown ? NonNegative(executor.MaxDuration.Value ?? DefaultMaxDuration) : null;
            case ExecutorKinds.ConstantVus:
            case ExecutorKinds.ConstantArrivalRate:
                return executor.Duration.IsKnown ? NonNegative(executor.Duration.Value) : null;
            case ExecutorKinds.RampingVus:
            case ExecutorKinds.RampingArrivalRate:
                if (!StagesKnown(executor))
                {
                    return null;
                }

                var total = TimeSpan.Zero;
                foreach (var stage in executor.Stages ?? new List<StageFacts>())
                {
                    total += NonNegative(stage.Duration.Value);
                }

                return total;
            default:
                return null;
        }
    }

    /// <summary>
    /// Gets the iterations the executor runs in total when its configuration bounds them, with how that was worked
    /// out; <see langword="null"/> for executors that loop for a duration, or when a value is unknown.
    /// </summary>
    public static Tuple<long, string>? TotalIterations(ExecutorFacts? executor)
    {
        switch (executor?.Kind)
        {
            case ExecutorKinds.SharedIterations when executor.Iterations.IsKnown && executor.Iterations.Value > 0:
                return Tuple.Create(executor.Iterations.Value, RuleText.Number(executor.Iterations.Value) + " shared iterations");
            case ExecutorKinds.PerVuIterations when executor.Iterations.IsKnown && executor.Vus.IsKnown && executor.Iterations.Value > 0 && executor.Vus.Value > 0:
                return Tuple.Create(executor.Vus.Value * executor.Iterations.Value, RuleText.Number(executor.Vus.Value) + " VUs x " + RuleText.Number(executor.Iterations.Value) + " iterations each");
            case ExecutorKinds.ConstantArrivalRate when executor.Rate.IsKnown && executor.Duration.IsKnown && executor.Rate.Value > 0 && executor.Duration.Value > TimeSpan.Zero && TimeUnit(executor) is { } unit:
                // k6 starts the first iteration at once and one every timeUnit/rate after it, so a partial interval still starts one.
                var started = (long)Math.Ceiling(executor.Rate.Value * (executor.Duration.Value.Ticks / (double)unit.Ticks) - 1e-9);
                return Tuple.Create(started, RuleText.Number(executor.Rate.Value) + " iterations per " + RuleText.Duration(unit) + " for " + RuleText.Duration(executor.Duration.Value));
            case ExecutorKinds.RampingArrivalRate when executor.StartRate.IsKnown && StagesKnown(executor) && (executor.Stages?.Count ?? 0) > 0 && TimeUnit(executor) is { } unit:
                // Rates ramp linearly within a stage, so each stage starts (from + to) / 2 iterations per time unit on average.
                double total = 0;
                double from = Math.Max(0, executor.StartRate.Value);
                foreach (var stage in executor.Stages!)
                {
                    var to = Math.Max(0, stage.Target.Value);
                    total += (from + to) / 2 * (NonNegative(stage.Duration.Value).Ticks / (double)unit.Ticks);
                    from = to;
                }

                return Tuple.Create((long)Math.Floor(total + 1e-9), "the stages' iteration rates over their durations");
            default:
                return null;
        }
    }

    /// <summary>Gets the highest iteration start rate per second of an arrival-rate executor.</summary>
    public static double? PeakRatePerSecond(ExecutorFacts? executor)
    {
        if (executor is null || !executor.IsArrivalRate || TimeUnit(executor) is not { } unit)
        {
            return null;
        }

        if (executor.Kind == ExecutorKinds.ConstantArrivalRate)
        {
            return executor.Rate.IsKnown ? executor.Rate.Value / unit.TotalSeconds : null;
        }

        if (!executor.StartRate.IsKnown || !StagesKnown(executor))
        {
            return null;
        }

        var peak = executor.StartRate.Value;
        foreach (var stage in executor.Stages ?? new List<StageFacts>())
        {
            peak = Math.Max(peak, stage.Target.Value);
        }

        return peak / unit.TotalSeconds;
    }

    /// <summary>
    /// Estimates one iteration of a flow: 100 ms per HTTP request, the midpoint of every think time, the hold-open time
    /// plus 100 ms of every WebSocket session; a condition counts its longer branch. Unknown when the flow is not all seen.
    /// </summary>
    public static TimeSpan? EstimateIteration(FlowFacts flow)
    {
        if (!flow.IsComplete)
        {
            return null;
        }

        var total = TimeSpan.Zero;
        foreach (var step in flow.Steps)
        {
            TimeSpan? part;
            switch (step)
            {
                case RequestFacts:
                    part = AssumedRequestDuration;
                    break;
                case ThinkTimeFacts think:
                    part = think.Min.IsKnown && think.Max.IsKnown
                        ? TimeSpan.FromTicks((NonNegative(think.Min.Value).Ticks + NonNegative(think.Max.Value).Ticks) / 2)
                        : null;
                    break;
                case WebSocketFacts socket:
                    part = socket.HoldOpen.IsKnown ? AssumedRequestDuration + NonNegative(socket.HoldOpen.Value) : null;
                    break;
                case GroupFacts group:
                    part = EstimateIteration(group.Body);
                    break;
                case TimedFacts timed:
                    part = EstimateIteration(timed.Body);
                    break;
                case ConditionalFacts conditional:
                    var then = EstimateIteration(conditional.Then);
                    var otherwise = EstimateIteration(conditional.Else);
                    part = then is null || otherwise is null ? null : then > otherwise ? then : otherwise;
                    break;
                default:
                    part = TimeSpan.Zero;
                    break;
            }

            if (part is null)
            {
                return null;
            }

            total += part.Value;
        }

        return total;
    }

    /// <summary>
    /// Splits a user mix's VUs by weight with largest-remainder rounding, so the shares sum to the total, as
    /// <c>UserMixBuilder</c> does.
    /// </summary>
    public static long[] SplitByWeight(long total, IReadOnlyList<long> weights)
    {
        var weightSum = weights.Sum();
        var shares = new long[weights.Count];
        if (weightSum <= 0 || total <= 0)
        {
            return shares;
        }

        var exact = weights.Select(w => (double)total * w / weightSum).ToArray();
        for (var i = 0; i < exact.Length; i++)
        {
            shares[i] = (long)Math.Floor(exact[i]);
        }

        var remainder = total - shares.Sum();
        var order = exact.Select((e, i) => new { Fraction = e - Math.Floor(e), Index = i })
            .OrderByDescending(x => x.Fraction).ThenBy(x => x.Index).Take((int)Math.Min(remainder, shares.Length));
        foreach (var item in order)
        {
            shares[item.Index]++;
        }

        return shares;
    }

    /// <summary>Gets how long a user mix takes to ramp <paramref name="vus"/> up or down at its spawn rate (at least 1s).</summary>
    public static TimeSpan SpawnTime(long vus, double spawnRatePerSecond) =>
        TimeSpan.FromSeconds(Math.Max(1, Math.Ceiling(vus / spawnRatePerSecond)));

    private static bool StagesKnown(ExecutorFacts executor) =>
        executor.StagesComplete && (executor.Stages ?? new List<StageFacts>()).All(s => s.Duration.IsKnown && s.Target.IsKnown);

    private static TimeSpan? TimeUnit(ExecutorFacts executor)
    {
        if (!executor.TimeUnit.IsKnown)
        {
            return null;
        }

        var unit = executor.TimeUnit.Value ?? DefaultTimeUnit;
        return unit > TimeSpan.Zero ? unit : null;
    }

    private static TimeSpan NonNegative(TimeSpan duration) => duration < TimeSpan.Zero ? TimeSpan.Zero : duration;
}
