using System;

namespace K6Scenarios.Emitter.DryRun;

/// <summary>
/// Dry-runs a k6 script with Jint before it is written: parses it as an ES module, evaluates the init context with
/// shims of the k6 modules, checks the evaluated <c>options</c> as k6 would, and runs one dry iteration of every scenario.
/// </summary>
/// <remarks>
/// Thread-safe: every dry run gets its own engine; the shim modules are parsed once per process and shared.
/// A dry run never throws for a bad script: every failure is a <see cref="ScriptProblem"/>.
/// </remarks>
public sealed class K6DryRunner
{
    /// <summary>Creates a dry runner.</summary>
    /// <param name="timeout">How long one script's dry run may run before it is reported as hanging (default 10s).</param>
    public K6DryRunner(TimeSpan? timeout = null)
    {
        Timeout = timeout ?? TimeSpan.FromSeconds(10);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(Timeout, TimeSpan.Zero, nameof(timeout));
    }

    /// <summary>Gets how long one script's dry run may run before it is reported as hanging.</summary>
    public TimeSpan Timeout { get; }

    /// <summary>
    /// Gets how many JavaScript statements one dry run may execute, shims included, before it is reported as an
    /// endless loop (default 5,000,000: a generated script's dry run needs a few thousand).
    /// </summary>
    public long MaxStatements { get; init; } = 5_000_000;

    /// <summary>Gets how deep JavaScript calls may nest before the script is reported as recursing without end (default 256).</summary>
    public int MaxRecursionDepth { get; init; } = 256;

    /// <summary>Dry-runs a script.</summary>
    /// <param name="input">The script and what its dry run needs.</param>
    /// <returns>The problems found.</returns>
    public DryRunResult Run(DryRunInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        using var run = new DryRunSession(input, this);
        return run.Run();
    }
}
