using System;
using Xunit;

namespace K6Scenarios.Testing.RealK6;

/// <summary>
/// A fact that runs real k6: skipped where no k6 is found (<see cref="K6Executable.SkipReason"/>), except under
/// <c>CI=true</c>, where it runs and fails for want of k6.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class RealK6FactAttribute : FactAttribute
{
    /// <summary>Creates the attribute.</summary>
    public RealK6FactAttribute()
    {
        if (K6Executable.SkipReason is { } reason)
        {
            Skip = reason;
        }
    }
}

/// <summary>A theory that runs real k6, skipped like <see cref="RealK6FactAttribute"/>.</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class RealK6TheoryAttribute : TheoryAttribute
{
    /// <summary>Creates the attribute.</summary>
    public RealK6TheoryAttribute()
    {
        if (K6Executable.SkipReason is { } reason)
        {
            Skip = reason;
        }
    }
}
