using System;

namespace K6Scenarios.Model;

/// <summary>
/// The threshold that makes <c>k6 run</c> exit non-zero (code 99) when too few checks pass: emitted as
/// <c>checks: ['rate&gt;=0.99']</c> in <c>options.thresholds</c> of every script whose flows check anything. On by
/// default (<see cref="Default"/>); change it with <c>.GateOnChecks(...)</c>, turn it off with <c>.WithoutCheckGate()</c>.
/// A threshold of the load test's own on the whole <c>checks</c> metric replaces it.
/// </summary>
public sealed record CheckGate
{
    /// <summary>Gets the default gate: at least 99 % of checks pass, judged at the end of the run.</summary>
    public static CheckGate Default { get; } = new();

    /// <summary>Gets the share of checks that must pass, above 0 and at most 1 (default 0.99).</summary>
    public double MinimumPassRate { get; init; } = 0.99;

    /// <summary>Gets whether k6 stops the run as soon as the gate fails, instead of at the end.</summary>
    public bool AbortOnFail { get; init; }

    /// <summary>Gets how long k6 waits before it may abort on the gate (only with <see cref="AbortOnFail"/>).</summary>
    public TimeSpan? DelayAbortEval { get; init; }
}
