using System.Collections.Generic;

namespace K6Scenarios.RealK6.Tests.Differential;

/// <summary>How real k6 judges a case.</summary>
internal enum K6Judge
{
    /// <summary>A paused <c>k6 run</c>: the configuration, the init context and VU initialization (no VU code).</summary>
    PausedRun,

    /// <summary>A whole <c>k6 run</c> of one iteration: VU code too (init-only calls, check and group names).</summary>
    FullRun,
}

/// <summary>One generated case: a script, what our validator says about it, and how k6 is to judge it.</summary>
/// <param name="Id">A stable name (category and number).</param>
/// <param name="Category">What was mutated.</param>
/// <param name="Description">The mutation, for failure messages.</param>
/// <param name="Script">The script k6 runs.</param>
/// <param name="Judge">How k6 judges it.</param>
/// <param name="OurProblems">What our validator reports before writing (empty: it would write the script).</param>
internal sealed record DifferentialCase(string Id, string Category, string Description, string Script, K6Judge Judge, IReadOnlyList<string> OurProblems);
