using System;

namespace K6Scenarios.Model.Validation;

/// <summary>Knobs of the capacity heuristics (06xx) of <see cref="LoadTestValidator"/>.</summary>
public sealed record ValidationSettings
{
    /// <summary>
    /// Gets the most VUs one load generator is expected to sustain (K6S0602). The default, 1000, is where the seed-000
    /// generator stopped (open-file limit). Zero or less turns the rule off.
    /// </summary>
    public int PeakVusPerGenerator { get; init; } = 1000;

    /// <summary>
    /// Gets how long one iteration is expected to take, used to size arrival-rate executors (K6S0603).
    /// <see langword="null"/> (or a duration that is not positive) estimates it from the scenario's flow:
    /// 100 ms per HTTP request, the midpoint of every think time, and the hold-open time plus 100 ms of every
    /// WebSocket session; a conditional counts its longer branch, so the estimate errs on the side of more VUs.
    /// Give the real figure when the API is known to be slower than 100 ms per request.
    /// </summary>
    public TimeSpan? ExpectedIterationDuration { get; init; }

    /// <summary>
    /// Gets pool sizes learned outside the model, by pool name: the emitter counts the entries of JSON and CSV files,
    /// so pool-size rules (K6S0303) also apply to pools whose definitions do not state a count.
    /// </summary>
    public System.Collections.Generic.IReadOnlyDictionary<string, int>? KnownPoolCounts { get; init; }

    /// <summary>Gets the OpenAPI documents requests are checked against (K6S05xx); set by the emitter.</summary>
    internal Rules.ApiDocuments? Documents { get; init; }
}
