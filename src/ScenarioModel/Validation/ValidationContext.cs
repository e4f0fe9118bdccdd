using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using K6Scenarios.Diagnostics;

namespace K6Scenarios.Model.Validation;

/// <summary>What every rule of one validation run shares: the test, its flows, the settings and the diagnostics found.</summary>
internal sealed class ValidationContext
{
    private readonly List<ModelDiagnostic> _diagnostics = [];

    public ValidationContext(LoadTest test, ValidationSettings settings)
    {
        Test = test;
        Settings = settings;
        Scenarios = Safe.List(test.Scenarios);
        Scopes = FlowIndex.Build(test, Scenarios);
        Environment = new EnvironmentTracker(this);
    }

    public LoadTest Test { get; }

    public ValidationSettings Settings { get; }

    /// <summary>Gets the scenarios without null entries, in model order.</summary>
    public IReadOnlyList<Scenario> Scenarios { get; }

    /// <summary>Gets setup, then each scenario (in <see cref="Scenarios"/> order), then teardown.</summary>
    public IReadOnlyList<FlowScope> Scopes { get; }

    public IEnumerable<StepSite> AllSites => Scopes.SelectMany(s => s.Sites);

    public EnvironmentTracker Environment { get; }

    public IReadOnlyList<ModelDiagnostic> Diagnostics => _diagnostics;

    /// <summary>Records a diagnostic; without a location of its own it points at the load test's definition.</summary>
    public void Report(RuleDescriptor rule, string path, SourceLocation? location, params object?[] arguments) =>
        _diagnostics.Add(new ModelDiagnostic(rule, path, location ?? Test.DefinedAt, arguments));

    public SourceLocation? LocationOf(Scenario scenario) => scenario.DefinedAt ?? Test.DefinedAt;

    public static string PathOf(Scenario scenario) => "scenarios." + (scenario.Name ?? string.Empty);

    public static string NameOf(Scenario scenario) => scenario.Name ?? string.Empty;
}

/// <summary>Null-tolerant access to model collections: records can be built with <c>with</c>, so nothing is assumed.</summary>
internal static class Safe
{
    public static IReadOnlyList<T> List<T>(IReadOnlyList<T>? items)
        where T : class =>
        items is null ? [] : items.Where(item => item is not null).ToArray();

    public static IReadOnlyList<KeyValuePair<string, TValue>> Pairs<TValue>(IReadOnlyList<KeyValuePair<string, TValue>>? pairs) =>
        pairs ?? [];

    public static IReadOnlyList<int> Numbers(IReadOnlyList<int>? numbers) => numbers ?? [];

    public static string Text(long number) => number.ToString(CultureInfo.InvariantCulture);

    public static string Quote(string? text) => "'" + (text ?? string.Empty) + "'";

    /// <summary>Lists values for a message, shortening long lists so messages stay readable.</summary>
    public static string Join(IEnumerable<string> values, int max = 12)
    {
        var all = values.ToArray();
        if (all.Length == 0)
        {
            return "(none)";
        }

        var shown = all.Take(max).Select(Quote);
        return string.Join(", ", shown) + (all.Length > max ? ", ... (" + Text(all.Length - max) + " more)" : string.Empty);
    }
}
