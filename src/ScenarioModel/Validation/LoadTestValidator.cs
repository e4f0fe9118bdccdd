using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using K6Scenarios.Diagnostics;
using K6Scenarios.Rules;

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
/// model order. Validation never throws on a malformed model; it reports it. The rules themselves live in the rule core
/// (src/Rules), which the analyzers run too; this class only reads the model into the core's facts and adds the rules
/// that need built values.
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
        settings ??= new ValidationSettings();
        var context = new ValidationContext(loadTest, settings);

        // The rule core: the same rules the analyzers run while the test is typed, here over every built value.
        var facts = ModelFacts.Read(loadTest, PoolRules.CollectPools(context), out var pools);
        var ruleSettings = RuleSettingsOf(settings);
        var sink = new ModelDiagnosticSink(context.Report);
        RuleEngine.CheckTest(facts, ruleSettings, sink);
        foreach (var metric in ModelFacts.CustomMetricDeclarations(facts))
        {
            RuleEngine.CheckMetricDeclaration(metric, ruleSettings, sink);
        }

        foreach (var pool in pools)
        {
            RuleEngine.CheckPool(pool, ruleSettings, sink);
        }

        // Rules only the built model can judge (they read values the analyzers do not rebuild).
        LoadTestRules.Check(context);
        ScenarioRules.Check(context);
        ProfileRules.Check(context);
        FlowRules.Check(context);
        PoolRules.Check(context);
        MetricRules.Check(context);
        TextRules.Check(context);
        return DiagnosticOrder.Sort(context);
    }

    /// <summary>Gets the rule core's settings for a validation's settings (profiles check their shapes with the same).</summary>
    internal static RuleSettings RuleSettingsOf(ValidationSettings settings) => new()
    {
        PeakVusPerGenerator = settings.PeakVusPerGenerator,
        ExpectedIterationDuration = settings.ExpectedIterationDuration,
        KnownPoolCount = settings.KnownPoolCounts is { } known ? name => known.TryGetValue(name, out var count) ? count : null : null,
        Documents = settings.Documents,
    };

    /// <summary>
    /// Puts the diagnostics of the rule core and of the model-only rules into the documented order: the load test and
    /// its options, scenarios and executors, flow steps in run order, pools, metrics and thresholds, then the capacity
    /// heuristics (06xx); within a part, model order, then the order found.
    /// </summary>
    private static class DiagnosticOrder
    {
        public static ModelDiagnostic[] Sort(ValidationContext context)
        {
            var ranks = new Dictionary<string, int>(StringComparer.Ordinal);
            void Add(string path) => ranks.TryAdd(path, ranks.Count);
            foreach (var path in new[] { string.Empty, "name", "baseUrl", "expectedStatuses", "kubernetes", "options" })
            {
                Add(path);
            }

            foreach (var scenario in context.Scenarios)
            {
                Add(ValidationContext.PathOf(scenario));
            }

            foreach (var site in context.AllSites)
            {
                Add(site.Path);
            }

            var pools = ranks.Count;
            var thresholds = pools + 1;
            var capacity = pools + 2;
            return context.Diagnostics
                .Select((diagnostic, index) => (diagnostic, index))
                .OrderBy(d => d.diagnostic.Id.StartsWith("K6S06", StringComparison.Ordinal) ? capacity : RankOf(d.diagnostic.Path, ranks, pools, thresholds))
                .ThenBy(d => d.index)
                .Select(d => d.diagnostic)
                .ToArray();
        }

        private static int RankOf(string path, Dictionary<string, int> ranks, int pools, int thresholds)
        {
            if (path.StartsWith("pools.", StringComparison.Ordinal))
            {
                return pools;
            }

            if (path.StartsWith("thresholds[", StringComparison.Ordinal) || path.StartsWith("metrics.", StringComparison.Ordinal))
            {
                return thresholds;
            }

            // The element itself, else the nearest enclosing one (scenarios.a.flow[1].steps[0].timeout -> ...steps[0]).
            for (var current = path; ; current = Parent(current))
            {
                if (ranks.TryGetValue(current, out var rank))
                {
                    return rank;
                }

                if (current.Length == 0)
                {
                    return 0;
                }
            }
        }

        private static string Parent(string path)
        {
            var cut = Math.Max(path.LastIndexOf('.'), path.LastIndexOf('['));
            return cut <= 0 ? string.Empty : path[..cut];
        }
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
