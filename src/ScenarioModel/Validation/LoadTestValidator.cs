using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using K6Scenarios.Diagnostics;

namespace K6Scenarios.Model.Validation;

/// <summary>
/// Checks a built <see cref="LoadTest"/> for everything k6 would reject and for the mistakes the rule catalog
/// (<see cref="DiagnosticCatalog"/>) describes, before any JavaScript is written. The emitter stops on errors.
/// </summary>
/// <remarks>
/// Each diagnostic carries a path in k6's vocabulary (<c>scenarios.signin.stages[2].target</c>,
/// <c>thresholds['http_req_duration{scenario:signin}'][0]</c>, <c>pools.users</c>; steps are
/// <c>scenarios.&lt;name&gt;.flow[i]</c> with nested <c>.steps[j]</c>, or <c>.then[j]</c>/<c>.else[j]</c> in conditions,
/// and <c>setup[i]</c>/<c>teardown[i]</c>) and the nearest recorded source location: the step's, else the enclosing
/// step's, the scenario's or the load test's. Diagnostics come in a fixed order: the load test and its options,
/// scenarios and executors, flows step by step, pools, metrics and thresholds, then capacity heuristics; each part in
/// model order. Validation never throws on a malformed model; it reports it.
/// </remarks>
public static class LoadTestValidator
{
    /// <summary>Validates one load test.</summary>
    /// <param name="loadTest">The load test.</param>
    /// <param name="settings">The capacity settings, or <see langword="null"/> for the defaults.</param>
    /// <returns>The diagnostics, in a deterministic order; empty when the test is fine.</returns>
    public static IReadOnlyList<ModelDiagnostic> Validate(LoadTest loadTest, ValidationSettings? settings = null)
    {
        ArgumentNullException.ThrowIfNull(loadTest);
        var context = new ValidationContext(loadTest, settings ?? new ValidationSettings());
        LoadTestRules.Check(context);
        ScenarioRules.Check(context);
        ProfileRules.Check(context);
        FlowRules.Check(context);
        PoolRules.Check(context);
        MetricRules.Check(context);
        CapacityRules.Check(context);
        return context.Diagnostics.ToArray();
    }

    /// <summary>
    /// Validates several load tests, in order, and reports names that two tests share (K6S0113). Names are compared
    /// ignoring case, because each names a script file and file systems on Windows and macOS ignore case.
    /// </summary>
    /// <param name="loadTests">The load tests; <see langword="null"/> entries are skipped.</param>
    /// <param name="settings">The capacity settings, or <see langword="null"/> for the defaults.</param>
    /// <returns>Each test's diagnostics in input order, a duplicate-name diagnostic following each repeated definition.</returns>
    public static IReadOnlyList<ModelDiagnostic> ValidateAll(IEnumerable<LoadTest> loadTests, ValidationSettings? settings = null)
    {
        ArgumentNullException.ThrowIfNull(loadTests);
        var tests = loadTests.Where(test => test is not null).ToArray();
        var definitions = tests
            .GroupBy(test => test.Name ?? string.Empty, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(group => group.Key, group => group.ToArray(), StringComparer.OrdinalIgnoreCase);

        var diagnostics = new List<ModelDiagnostic>();
        foreach (var test in tests)
        {
            diagnostics.AddRange(Validate(test, settings));
            var sameName = definitions[test.Name ?? string.Empty];
            if (!ReferenceEquals(sameName[0], test))
            {
                var where = string.Join(", ", sameName.Select(t => t.DefinedAt is { } at ? Path.GetFileName(at.FilePath) + "(" + Safe.Text(at.Line) + ")" : "an unrecorded place"));
                diagnostics.Add(new ModelDiagnostic(DiagnosticCatalog.DuplicateLoadTestName, "name", test.DefinedAt, test.Name ?? string.Empty, where));
            }
        }

        return diagnostics;
    }
}
