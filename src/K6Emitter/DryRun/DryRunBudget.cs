using System;
using System.Diagnostics;
using Jint;

namespace K6Scenarios.Emitter.DryRun;

/// <summary>
/// One budget of statements and time for a whole validation. Jint's own constraints restart at every call from the
/// host, and a validation makes many (init, setup, each scenario, each event-loop callback); this one never restarts,
/// and when it runs out it records where the script was, so an endless loop is reported at its line.
/// </summary>
internal sealed class DryRunBudget : Constraint
{
    private const int ClockCheckInterval = 1024;

    private readonly long _maxStatements;
    private readonly long _deadline;
    private readonly TimeSpan _timeout;
    private Engine? _engine;
    private long _statements;

    public DryRunBudget(long maxStatements, TimeSpan timeout)
    {
        _maxStatements = maxStatements;
        _timeout = timeout;
        var ticks = timeout.TotalSeconds * Stopwatch.Frequency;
        _deadline = ticks >= long.MaxValue / 2.0 ? long.MaxValue : Stopwatch.GetTimestamp() + (long)ticks;
    }

    /// <summary>Gives the budget the engine whose stack it reports when it runs out.</summary>
    public void Attach(Engine engine) => _engine = engine;

    /// <inheritdoc/>
    public override void Check()
    {
        _statements++;
        if (_statements > _maxStatements)
        {
            Fail($"the script did not finish within {_maxStatements.ToString(System.Globalization.CultureInfo.InvariantCulture)} statements: an endless loop or unbounded recursion?");
        }

        if (_statements % ClockCheckInterval == 0 && Stopwatch.GetTimestamp() > _deadline)
        {
            Fail($"the script did not finish within the validation timeout of {_timeout.TotalSeconds.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture)}s: an endless loop?");
        }
    }

    /// <inheritdoc/>
    public override void Reset()
    {
        // Deliberately empty: the budget spans the whole validation.
    }

    private void Fail(string message)
    {
        string? stack = null;
        try
        {
            stack = _engine?.Advanced.StackTrace;
        }
        catch (InvalidOperationException)
        {
            // No stack to report; the message still says what happened.
        }

        throw new DryRunLimitException(message, stack);
    }
}

/// <summary>Thrown when a validation runs out of its budget; JavaScript cannot catch it.</summary>
internal sealed class DryRunLimitException : Exception
{
    public DryRunLimitException(string message, string? javaScriptStack)
        : base(message) => JavaScriptStack = javaScriptStack;

    public DryRunLimitException()
    {
    }

    public DryRunLimitException(string message)
        : base(message)
    {
    }

    public DryRunLimitException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Gets the JavaScript call stack at the moment the budget ran out.</summary>
    public string? JavaScriptStack { get; }
}
