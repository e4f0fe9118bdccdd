using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using K6Scenarios.Diagnostics;

namespace K6Scenarios.Model.Validation;

/// <summary>
/// Run profiles (K6S0117, K6S0604) and the gate on checks (K6S0210). Each profile's scenarios are shaped as the script
/// runs them and checked with the executor, pool and capacity rules, so a profile k6 would reject at start is an error
/// before anything runs, and a spike beyond one load generator is a warning before anyone starts it.
/// </summary>
internal static partial class ProfileRules
{
    public static void Check(ValidationContext context)
    {
        CheckGate(context);
        var profiles = Safe.List(context.Test.Profiles);
        if (profiles.Count == 0)
        {
            return;
        }

        var scenarioNames = context.Scenarios.Select(ValidationContext.NameOf).ToHashSet(StringComparer.Ordinal);
        var asDefined = ScenarioDiagnostics(context.Test, context.Settings, context.Scenarios);
        var errorsAsDefined = asDefined.Where(d => d.IsError).Select(Key).ToHashSet(StringComparer.Ordinal);
        // A capacity hint the test as defined already gets is not repeated for each profile that scales it further.
        var hintsAsDefined = asDefined.Where(IsCapacityHint).Select(d => d.Id + "|" + d.Path).ToHashSet(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var profile in profiles)
        {
            var name = profile.Name ?? string.Empty;
            var path = "profiles." + name;
            var location = profile.DefinedAt ?? context.Test.DefinedAt;
            if (!ProfileName().IsMatch(name))
            {
                context.Report(DiagnosticCatalog.InvalidRunProfile, path, location, name, "is not a valid name", "use lower-case letters, digits and '-', starting with a letter (smoke, average-load, stress, spike, soak, breakpoint)");
            }
            else if (name == RunProfile.FullTestName)
            {
                context.Report(DiagnosticCatalog.InvalidRunProfile, path, location, name, "takes the name of the test as defined, which LOAD_PROFILE selects when it is not set", "give the profile another name");
            }
            else if (!seen.Add(name))
            {
                context.Report(DiagnosticCatalog.InvalidRunProfile, path, location, name, "is defined more than once", "give each profile its own name");
            }

            if (!IsPositiveFinite(profile.VuScale))
            {
                context.Report(DiagnosticCatalog.InvalidRunProfile, path + ".vuScale", location, name, "scales VUs by " + Number(profile.VuScale), "use a factor above 0 (0.01 runs 1 % of the VUs, 2 twice as many)");
            }

            if (profile.RateScale is { } rate && !IsPositiveFinite(rate))
            {
                context.Report(DiagnosticCatalog.InvalidRunProfile, path + ".rateScale", location, name, "scales arrival rates by " + Number(rate), "use a factor above 0");
            }

            if (profile.Duration is { } duration && duration < TimeSpan.FromSeconds(1))
            {
                context.Report(DiagnosticCatalog.InvalidRunProfile, path + ".duration", location, name, "lasts " + Formatting.Duration(duration), "k6 needs at least 1s");
            }

            var shapes = profile.Executors ?? [];
            foreach (var shape in shapes)
            {
                if (shape is null || shape.Executor is null)
                {
                    context.Report(DiagnosticCatalog.InvalidRunProfile, path + ".executors", location, name, "replaces an executor with nothing", "give every replaced scenario an executor");
                }
                else if (!scenarioNames.Contains(shape.Scenario ?? string.Empty))
                {
                    context.Report(DiagnosticCatalog.InvalidRunProfile, path + ".executors", location, name, "replaces the executor of scenario '" + shape.Scenario + "', which the test does not have", "use one of: " + string.Join(", ", scenarioNames.OrderBy(n => n, StringComparer.Ordinal)));
                }
            }

            if (!IsPositiveFinite(profile.VuScale) || profile.RateScale is { } badRate && !IsPositiveFinite(badRate) || shapes.Any(s => s?.Executor is null))
            {
                continue;
            }

            // What k6 would reject when it starts this profile, or the script would abort on in its middle, and what the
            // load generators could not sustain, as far as the test as defined does not already show it (hints such as a
            // breakpoint ramp that never ramps down are the point of some profiles, so of the hints only capacity counts).
            foreach (var diagnostic in ScenarioDiagnostics(context.Test, context.Settings, profile.Shape(context.Scenarios)))
            {
                if (diagnostic.IsError && !errorsAsDefined.Contains(Key(diagnostic)))
                {
                    var (problem, advice) = diagnostic.Id == DiagnosticCatalog.PoolTooSmall.Id
                        ? ("needs more unique pool entries than the pool has", "lower the profile's scale or duration, or add entries to the pool")
                        : ("shapes a scenario the way k6 rejects", "change the profile's scale, duration or executor");
                    context.Report(DiagnosticCatalog.InvalidRunProfile, path + "." + diagnostic.Path, location, name,
                        problem + " (" + diagnostic.Id + ": " + diagnostic.Message.TrimEnd('.') + ")", advice);
                }
                else if (IsCapacityHint(diagnostic) && !hintsAsDefined.Contains(diagnostic.Id + "|" + diagnostic.Path))
                {
                    var (problem, advice) = diagnostic.Id == DiagnosticCatalog.PeakVusAboveGeneratorLimit.Id
                        ? ("peaks beyond one load generator", "run the test distributed (k6-operator parallelism or cloud) when you run this profile, or lower its scale")
                        : ("starts more iterations than its VUs can run", "raise the scenario's maxVUs or lower the profile's rate scale");
                    context.Report(DiagnosticCatalog.RunProfileBeyondCapacity, path + "." + diagnostic.Path, location, name,
                        problem, diagnostic.Id + ": " + diagnostic.Message.TrimEnd('.'), advice);
                }
            }
        }
    }

    private static void CheckGate(ValidationContext context)
    {
        if (context.Test.CheckGate is not { } gate)
        {
            return;
        }

        if (!IsPositiveFinite(gate.MinimumPassRate) || gate.MinimumPassRate > 1)
        {
            context.Report(DiagnosticCatalog.InvalidCheckGate, "checkGate.minimumPassRate", context.Test.DefinedAt, "requires a pass rate of " + Number(gate.MinimumPassRate), "use a share above 0 and at most 1 (0.99: 99 % of checks pass), or remove the gate with .WithoutCheckGate()");
        }

        if (gate.DelayAbortEval is { } delay)
        {
            if (!gate.AbortOnFail)
            {
                context.Report(DiagnosticCatalog.InvalidCheckGate, "checkGate.delayAbortEval", context.Test.DefinedAt, "delays abort evaluation but does not abort", "set abortOnFail: true or remove the delay");
            }
            else if (delay < TimeSpan.Zero)
            {
                context.Report(DiagnosticCatalog.InvalidCheckGate, "checkGate.delayAbortEval", context.Test.DefinedAt, "delays abort evaluation by " + Formatting.Duration(delay), "use a delay of 0s or more");
            }
        }
    }

    /// <summary>
    /// The scenario and executor findings (01xx), the unique-pool demand (K6S0303: a profile that scales VUs, rates or
    /// durations also scales how many unique entries it takes) and the capacity hints on VUs (K6S0602, K6S0603) of the
    /// rule core on the test with its scenarios shaped.
    /// </summary>
    private static ModelDiagnostic[] ScenarioDiagnostics(LoadTest test, ValidationSettings settings, IReadOnlyList<Scenario> scenarios)
    {
        var shaped = new ValidationContext(test with { Scenarios = scenarios, Profiles = [] }, settings);
        var facts = ModelFacts.Read(shaped.Test, PoolRules.CollectPools(shaped), out _);
        var findings = new List<ModelDiagnostic>();
        var ruleSettings = LoadTestValidator.RuleSettingsOf(settings);
        // The OpenAPI checks do not depend on the shape: they would be work for nothing.
        ruleSettings.Documents = null;
        Rules.RuleEngine.CheckTest(facts, ruleSettings, new ModelDiagnosticSink(findings));
        return findings.Where(d => d.Id.StartsWith("K6S01", StringComparison.Ordinal) || d.Id == DiagnosticCatalog.PoolTooSmall.Id || IsCapacityHint(d)).ToArray();
    }

    private static bool IsCapacityHint(ModelDiagnostic diagnostic) =>
        diagnostic.Id == DiagnosticCatalog.PeakVusAboveGeneratorLimit.Id || diagnostic.Id == DiagnosticCatalog.ArrivalRateUnderProvisioned.Id;

    private static string Key(ModelDiagnostic diagnostic) => diagnostic.Id + "|" + diagnostic.Path + "|" + diagnostic.Message;

    private static bool IsPositiveFinite(double value) => value > 0 && !double.IsInfinity(value);

    private static string Number(double value) => Formatting.Number(value);

    [GeneratedRegex("^[a-z][a-z0-9-]{0,62}\\z", RegexOptions.CultureInvariant)]
    private static partial Regex ProfileName();
}
