using System;
using System.Collections.Frozen;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using Jint;
using Jint.Native;
using Jint.Native.Object;
using static K6Scenarios.Emitter.DryRun.JsValues;

namespace K6Scenarios.Emitter.DryRun;

/// <summary>A scenario the dry run executes: its name, executor, the function it runs and its own environment.</summary>
internal sealed record ScenarioPlan(string Name, string Executor, string Exec, JsValue Env);

/// <summary>
/// Checks the evaluated <c>options</c> export against what k6 accepts (lib/options.go, lib/executor/*_config.go,
/// metrics/thresholds*.go), including the mistakes k6 lets through with only a warning or silently.
/// </summary>
internal sealed partial class OptionsChecker
{
    // lib/options.go; everything else at the top level is only a warning in k6, so a typo silently drops the option.
    private static readonly FrozenSet<string> TopLevelKeys = new[]
    {
        "scenarios", "thresholds", "summaryTrendStats", "summaryTimeUnit", "discardResponseBodies", "setupTimeout",
        "teardownTimeout", "handleSummaryTimeout", "noSetup", "noTeardown", "noConnectionReuse", "noVUConnectionReuse",
        "noCookiesReset", "userAgent", "maxRedirects", "batch", "batchPerHost", "insecureSkipTLSVerify", "tlsAuth",
        "tlsCipherSuites", "tlsVersion", "hosts", "dns", "blacklistIPs", "blockHostnames", "httpDebug", "throw", "rps",
        "minIterationDuration", "systemTags", "tags", "cloud", "executionSegment", "executionSegmentSequence",
    }.ToFrozenSet(StringComparer.Ordinal);

    // Shortcuts k6 turns into one scenario; only valid without `scenarios`.
    private static readonly string[] ShortcutKeys = ["vus", "duration", "iterations", "stages"];

    private static readonly string[] CommonScenarioKeys = ["executor", "startTime", "gracefulStop", "env", "exec", "tags", "options"];

    private static readonly FrozenDictionary<string, string[]> ExecutorKeys = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["shared-iterations"] = ["vus", "iterations", "maxDuration"],
        ["per-vu-iterations"] = ["vus", "iterations", "maxDuration"],
        ["constant-vus"] = ["vus", "duration"],
        ["ramping-vus"] = ["startVUs", "stages", "gracefulRampDown"],
        ["constant-arrival-rate"] = ["rate", "timeUnit", "duration", "preAllocatedVUs", "maxVUs"],
        ["ramping-arrival-rate"] = ["startRate", "timeUnit", "stages", "preAllocatedVUs", "maxVUs"],
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly string[] DurationOptions = ["setupTimeout", "teardownTimeout", "handleSummaryTimeout", "minIterationDuration"];

    private static readonly string[] BooleanOptions =
    [
        "discardResponseBodies", "noSetup", "noTeardown", "noConnectionReuse", "noVUConnectionReuse", "noCookiesReset",
        "insecureSkipTLSVerify", "throw",
    ];

    private static readonly string[] ThresholdObjectKeys = ["threshold", "abortOnFail", "delayAbortEval"];

    private static readonly string[] TrendStats = ["avg", "min", "med", "max", "count"];

    private static readonly TimeSpan MinimumDuration = TimeSpan.FromSeconds(1);

    private readonly IReadOnlySet<string> _exportedFunctions;
    private readonly IReadOnlyDictionary<string, string> _metricTypes;
    private readonly Action<string, string[]> _report;

    /// <param name="exportedFunctions">The names of the functions the script exports.</param>
    /// <param name="metricTypes">Every metric the test has (built-in and created in init) and its type.</param>
    /// <param name="report">Receives each problem and the path of the option it concerns.</param>
    public OptionsChecker(IReadOnlySet<string> exportedFunctions, IReadOnlyDictionary<string, string> metricTypes, Action<string, string[]> report)
    {
        _exportedFunctions = exportedFunctions;
        _metricTypes = metricTypes;
        _report = report;
    }

    /// <summary>Checks the options and returns the scenarios to dry-run (those whose function exists).</summary>
    public List<ScenarioPlan> Check(JsValue options)
    {
        var plans = new List<ScenarioPlan>();
        if (options.IsUndefined())
        {
            _report("the script exports no `options`: export const options = { scenarios: {...}, thresholds: {...} } so the run does what the test defines instead of 1 VU for 1 iteration", []);
            AddDefaultScenario(plans);
            return plans;
        }

        if (!IsPlainObject(options))
        {
            _report($"`options` must be an object, got {Describe(options)}", []);
            return plans;
        }

        var root = options.AsObject();
        var hasScenarios = !root.Get("scenarios").IsUndefined();
        foreach (var key in Keys(root))
        {
            if (Array.IndexOf(ShortcutKeys, key) >= 0)
            {
                if (hasScenarios)
                {
                    _report($"options.{key} is set beside options.scenarios: k6 v2 either rejects this or (for vus) replaces the scenarios with a single one; set {key} inside each scenario", [key]);
                }
            }
            else if (!TopLevelKeys.Contains(key))
            {
                var suggestion = K6Syntax.ClosestMatch(key, TopLevelKeys);
                _report($"unknown option '{key}': k6 only warns and ignores it{(suggestion is null ? string.Empty : $"; did you mean '{suggestion}'?")}", [key]);
            }
        }

        CheckGeneralOptions(root);
        if (hasScenarios)
        {
            CheckScenarios(root.Get("scenarios"), plans);
        }
        else
        {
            AddDefaultScenario(plans);
        }

        var thresholds = root.Get("thresholds");
        if (!thresholds.IsUndefined())
        {
            CheckThresholds(thresholds);
        }

        return plans;
    }

    private void AddDefaultScenario(List<ScenarioPlan> plans)
    {
        if (_exportedFunctions.Contains("default"))
        {
            plans.Add(new ScenarioPlan("default", "per-vu-iterations", "default", JsValue.Undefined));
        }
        else
        {
            _report("the script has no scenarios and exports no default function, so k6 has nothing to run", []);
        }
    }

    private void CheckGeneralOptions(ObjectInstance root)
    {
        foreach (var key in DurationOptions)
        {
            ReadDuration(root, key, [key], key);
        }

        foreach (var key in BooleanOptions)
        {
            var value = root.Get(key);
            if (!value.IsUndefined() && !value.IsBoolean())
            {
                _report($"options.{key} must be true or false, got {Describe(value)}", [key]);
            }
        }

        CheckStringMap(root.Get("tags"), "options.tags", ["tags"]);
        var trendStats = root.Get("summaryTrendStats");
        if (!trendStats.IsUndefined())
        {
            if (!trendStats.IsArray())
            {
                _report($"options.summaryTrendStats must be an array of strings, got {Describe(trendStats)}", ["summaryTrendStats"]);
            }
            else
            {
                var stats = trendStats.AsArray();
                for (uint i = 0; i < stats.Length; i++)
                {
                    var stat = stats.Get(i);
                    if (!stat.IsString() || (Array.IndexOf(TrendStats, stat.AsString()) < 0 && !IsPercentileStat(stat.AsString())))
                    {
                        _report($"options.summaryTrendStats: {Describe(stat)} is not a trend stat; use avg, min, med, max, count or p(N)", ["summaryTrendStats", Index(i)]);
                    }
                }
            }
        }
    }

    private static bool IsPercentileStat(string stat) =>
        stat.StartsWith("p(", StringComparison.Ordinal) && stat.EndsWith(')')
        && double.TryParse(stat[2..^1], NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value >= 0 && value <= 100;

    private void CheckScenarios(JsValue scenarios, List<ScenarioPlan> plans)
    {
        if (!IsPlainObject(scenarios))
        {
            _report($"options.scenarios must be an object of named scenarios, got {Describe(scenarios)}", ["scenarios"]);
            return;
        }

        var scenarioObject = scenarios.AsObject();
        var names = Keys(scenarioObject);
        if (names.Count == 0)
        {
            _report("options.scenarios is empty: k6 has nothing to run", ["scenarios"]);
        }

        foreach (var name in names)
        {
            var plan = CheckScenario(name, scenarioObject.Get(name));
            if (plan is not null)
            {
                plans.Add(plan);
            }
        }
    }

    private ScenarioPlan? CheckScenario(string name, JsValue value)
    {
        string[] at = ["scenarios", name];
        var label = $"scenario '{name}'";
        if (!ScenarioNamePattern().IsMatch(name))
        {
            _report($"{label}: scenario names may only contain letters, digits, '_' and '-'", at);
        }

        if (!IsPlainObject(value))
        {
            _report($"{label} must be an object, got {Describe(value)}", at);
            return null;
        }

        var config = value.AsObject();
        var executorValue = config.Get("executor");
        if (!executorValue.IsString() || executorValue.AsString().Length == 0)
        {
            _report($"{label} has no executor; set executor to one of {string.Join(", ", ExecutorKeys.Keys)}", at);
            return null;
        }

        var executor = executorValue.AsString();
        if (executor == "externally-controlled")
        {
            _report($"{label}: the externally-controlled executor was removed in k6 v2.0; use another executor", [.. at, "executor"]);
            return null;
        }

        if (!ExecutorKeys.TryGetValue(executor, out var executorKeys))
        {
            var suggestion = K6Syntax.ClosestMatch(executor, ExecutorKeys.Keys);
            _report($"{label}: unknown executor '{executor}'{(suggestion is null ? string.Empty : $"; did you mean '{suggestion}'?")}", [.. at, "executor"]);
            return null;
        }

        var accepted = CommonScenarioKeys.Concat(executorKeys).ToArray();
        foreach (var key in Keys(config))
        {
            if (Array.IndexOf(accepted, key) < 0)
            {
                var suggestion = K6Syntax.ClosestMatch(key, accepted);
                _report($"{label}: the {executor} executor has no option '{key}' (k6 fails with 'json: unknown field'){(suggestion is null ? string.Empty : $"; did you mean '{suggestion}'?")}; it accepts {string.Join(", ", accepted)}", [.. at, key]);
            }
        }

        var startTime = ReadDuration(config, "startTime", [.. at, "startTime"], $"{label}: startTime");
        if (startTime < TimeSpan.Zero)
        {
            _report($"{label}: the startTime can't be negative", [.. at, "startTime"]);
        }

        var gracefulStop = ReadDuration(config, "gracefulStop", [.. at, "gracefulStop"], $"{label}: gracefulStop");
        if (gracefulStop < TimeSpan.Zero)
        {
            _report($"{label}: the gracefulStop timeout can't be negative", [.. at, "gracefulStop"]);
        }

        CheckStringMap(config.Get("env"), $"{label}: env", [.. at, "env"]);
        CheckStringMap(config.Get("tags"), $"{label}: tags", [.. at, "tags"]);
        CheckExecutor(executor, config, label, at);

        var exec = "default";
        var execValue = config.Get("exec");
        if (!execValue.IsUndefined())
        {
            if (!execValue.IsString() || execValue.AsString().Length == 0)
            {
                _report($"{label}: exec must be the name of an exported function, got {Describe(execValue)}", [.. at, "exec"]);
                return null;
            }

            exec = execValue.AsString();
        }

        if (!_exportedFunctions.Contains(exec))
        {
            _report($"{label}: exec names '{exec}', which the script does not export as a function; export function {exec}() {{ ... }}", execValue.IsUndefined() ? at : [.. at, "exec"]);
            return null;
        }

        return new ScenarioPlan(name, executor, exec, config.Get("env"));
    }

    private void CheckExecutor(string executor, ObjectInstance config, string label, string[] at)
    {
        switch (executor)
        {
            case "shared-iterations":
            case "per-vu-iterations":
                {
                    var vus = ReadInteger(config, "vus", at, label) ?? 1;
                    var iterations = ReadInteger(config, "iterations", at, label) ?? 1;
                    var maxDuration = ReadDuration(config, "maxDuration", [.. at, "maxDuration"], $"{label}: maxDuration") ?? TimeSpan.FromMinutes(10);
                    if (vus <= 0)
                    {
                        _report($"{label}: the number of VUs must be more than 0", [.. at, "vus"]);
                    }

                    if (executor == "shared-iterations" && iterations < vus)
                    {
                        _report($"{label}: the number of iterations ({iterations}) can't be less than the number of VUs ({vus})", [.. at, "iterations"]);
                    }
                    else if (executor == "per-vu-iterations" && iterations <= 0)
                    {
                        _report($"{label}: the number of iterations must be more than 0", [.. at, "iterations"]);
                    }

                    RequireMinimum(maxDuration, $"{label}: the maxDuration", [.. at, "maxDuration"]);
                    break;
                }

            case "constant-vus":
                {
                    var vus = ReadInteger(config, "vus", at, label) ?? 1;
                    if (vus <= 0)
                    {
                        _report($"{label}: the number of VUs must be more than 0", [.. at, "vus"]);
                    }

                    RequireDuration(config, "duration", label, at);
                    break;
                }

            case "ramping-vus":
                {
                    var startVUs = ReadInteger(config, "startVUs", at, label) ?? 1;
                    if (startVUs < 0)
                    {
                        _report($"{label}: the number of start VUs can't be negative", [.. at, "startVUs"]);
                    }

                    var maxTarget = CheckStages(config, label, at);
                    if (maxTarget is not null && Math.Max(startVUs, maxTarget.Value) <= 0)
                    {
                        _report($"{label}: either startVUs or one of the stages' target values must be greater than 0", [.. at, "stages"]);
                    }

                    if (ReadDuration(config, "gracefulRampDown", [.. at, "gracefulRampDown"], $"{label}: gracefulRampDown") < TimeSpan.Zero)
                    {
                        _report($"{label}: the gracefulRampDown can't be negative", [.. at, "gracefulRampDown"]);
                    }

                    break;
                }

            case "constant-arrival-rate":
                {
                    var rate = ReadInteger(config, "rate", at, label);
                    if (rate is null && config.Get("rate").IsUndefined())
                    {
                        _report($"{label}: the iteration rate isn't specified", at);
                    }
                    else if (rate <= 0)
                    {
                        _report($"{label}: the iteration rate must be more than 0", [.. at, "rate"]);
                    }

                    CheckTimeUnit(config, label, at);
                    RequireDuration(config, "duration", label, at);
                    CheckPreAllocated(config, label, at);
                    break;
                }

            case "ramping-arrival-rate":
                {
                    if (ReadInteger(config, "startRate", at, label) < 0)
                    {
                        _report($"{label}: the startRate value can't be negative", [.. at, "startRate"]);
                    }

                    CheckTimeUnit(config, label, at);
                    CheckStages(config, label, at);
                    CheckPreAllocated(config, label, at);
                    break;
                }
        }
    }

    private void CheckTimeUnit(ObjectInstance config, string label, string[] at)
    {
        if (ReadDuration(config, "timeUnit", [.. at, "timeUnit"], $"{label}: timeUnit") <= TimeSpan.Zero)
        {
            _report($"{label}: the timeUnit must be more than 0", [.. at, "timeUnit"]);
        }
    }

    private void CheckPreAllocated(ObjectInstance config, string label, string[] at)
    {
        var preAllocated = ReadInteger(config, "preAllocatedVUs", at, label);
        if (preAllocated is null)
        {
            if (config.Get("preAllocatedVUs").IsUndefined())
            {
                _report($"{label}: the number of preAllocatedVUs isn't specified", at);
            }

            return;
        }

        if (preAllocated < 0)
        {
            _report($"{label}: the number of preAllocatedVUs can't be negative", [.. at, "preAllocatedVUs"]);
        }

        if (ReadInteger(config, "maxVUs", at, label) < preAllocated)
        {
            _report($"{label}: maxVUs can't be less than preAllocatedVUs ({preAllocated})", [.. at, "maxVUs"]);
        }
    }

    private void RequireDuration(ObjectInstance config, string key, string label, string[] at)
    {
        if (config.Get(key).IsUndefined())
        {
            _report($"{label}: the {key} is unspecified", at);
            return;
        }

        RequireMinimum(ReadDuration(config, key, [.. at, key], $"{label}: {key}"), $"{label}: the {key}", [.. at, key]);
    }

    private void RequireMinimum(TimeSpan? duration, string what, string[] path)
    {
        if (duration < MinimumDuration)
        {
            _report($"{what} must be at least 1s, but is {Format(duration.Value)}", path);
        }
    }

    // Returns the highest target, or null when the stages are missing or unusable.
    private long? CheckStages(ObjectInstance config, string label, string[] at)
    {
        var stagesValue = config.Get("stages");
        string[] stagesPath = [.. at, "stages"];
        if (stagesValue.IsUndefined() || stagesValue.IsNull() || (stagesValue.IsArray() && stagesValue.AsArray().Length == 0))
        {
            _report($"{label}: at least one stage has to be specified", stagesValue.IsUndefined() ? at : stagesPath);
            return null;
        }

        if (!stagesValue.IsArray())
        {
            _report($"{label}: stages must be an array of {{ duration, target }}, got {Describe(stagesValue)}", stagesPath);
            return null;
        }

        var stages = stagesValue.AsArray();
        long maxTarget = long.MinValue;
        for (uint i = 0; i < stages.Length; i++)
        {
            var stageLabel = $"{label}: stage {i + 1}";
            string[] stagePath = [.. stagesPath, Index(i)];
            var stage = stages.Get(i);
            if (!IsPlainObject(stage))
            {
                _report($"{stageLabel} must be an object {{ duration, target }}, got {Describe(stage)}", stagePath);
                continue;
            }

            var stageObject = stage.AsObject();
            foreach (var key in Keys(stageObject))
            {
                if (key is not "duration" and not "target")
                {
                    _report($"{stageLabel} has no option '{key}' (k6 fails with 'json: unknown field'); a stage has duration and target", [.. stagePath, key]);
                }
            }

            // k6 decodes a null duration or target as absent ("doesn't have a ..."), like a missing key.
            if (stageObject.Get("duration").IsUndefined() || stageObject.Get("duration").IsNull())
            {
                _report($"{stageLabel} doesn't have a duration", stagePath);
            }
            else if (ReadDuration(stageObject, "duration", [.. stagePath, "duration"], $"{stageLabel}: duration") < TimeSpan.Zero)
            {
                _report($"{stageLabel}: the duration can't be negative", [.. stagePath, "duration"]);
            }

            var target = ReadInteger(stageObject, "target", stagePath, stageLabel);
            if (target is null)
            {
                if (stageObject.Get("target").IsUndefined() || stageObject.Get("target").IsNull())
                {
                    _report($"{stageLabel} doesn't have a target", stagePath);
                }
            }
            else if (target < 0)
            {
                _report($"{stageLabel}: the target can't be negative", [.. stagePath, "target"]);
            }
            else
            {
                maxTarget = Math.Max(maxTarget, target.Value);
            }
        }

        return maxTarget == long.MinValue ? null : maxTarget;
    }

    private void CheckThresholds(JsValue thresholds)
    {
        if (!IsPlainObject(thresholds))
        {
            _report($"options.thresholds must be an object of metric to expressions, got {Describe(thresholds)}", ["thresholds"]);
            return;
        }

        var thresholdObject = thresholds.AsObject();
        foreach (var key in Keys(thresholdObject))
        {
            string[] at = ["thresholds", key];
            var metricType = CheckThresholdKey(key, at);
            var value = thresholdObject.Get(key);
            if (!value.IsArray())
            {
                _report($"threshold '{key}' must be an array of expressions (k6 rejects {Describe(value)}); write ['{(value.IsString() ? value.AsString() : "p(95)<500")}']", at);
                continue;
            }

            var entries = value.AsArray();
            if (entries.Length == 0)
            {
                _report($"threshold '{key}' has no expressions, so it never fails; remove it or add one such as 'p(95)<500'", at);
            }

            for (uint i = 0; i < entries.Length; i++)
            {
                CheckThresholdEntry(key, metricType, entries.Get(i), [.. at, Index(i)]);
            }
        }
    }

    // Returns the metric's type, or null when the key or metric is unusable.
    private string? CheckThresholdKey(string key, string[] at)
    {
        if (!K6Syntax.TryParseMetricKey(key, out var metric, out var tags, out var error))
        {
            _report(error, at);
            return null;
        }

        foreach (var (tag, tagValue) in tags)
        {
            if (tag == "group" && !tagValue.StartsWith("::", StringComparison.Ordinal))
            {
                _report($"threshold '{key}': group tag values are group paths that start with '::' (write 'group:::{tagValue}'), so this sub-metric never matches and passes silently", at);
            }
        }

        if (_metricTypes.TryGetValue(metric, out var type))
        {
            return type;
        }

        var suggestion = K6Syntax.ClosestMatch(metric, _metricTypes.Keys);
        _report($"threshold on metric '{metric}', which is neither a built-in metric nor created in the init context (new Counter/Gauge/Rate/Trend); k6 refuses to start{(suggestion is null ? string.Empty : $"; did you mean '{suggestion}'?")}", at);
        return null;
    }

    private void CheckThresholdEntry(string key, string? metricType, JsValue entry, string[] at)
    {
        string expression;
        if (entry.IsString())
        {
            expression = entry.AsString();
        }
        else if (IsPlainObject(entry))
        {
            var entryObject = entry.AsObject();
            foreach (var name in Keys(entryObject))
            {
                var sameIgnoringCase = Array.Find(ThresholdObjectKeys, k => string.Equals(k, name, StringComparison.OrdinalIgnoreCase));
                if (Array.IndexOf(ThresholdObjectKeys, name) < 0 && sameIgnoringCase is not null)
                {
                    // Go's JSON decoding matches keys ignoring case, so k6 honours it; the documented spelling is still the one to write.
                    _report($"threshold '{key}': write '{sameIgnoringCase}' rather than '{name}' (k6 accepts it only because it matches keys ignoring case)", [.. at, name]);
                }
                else if (Array.IndexOf(ThresholdObjectKeys, name) < 0)
                {
                    var suggestion = K6Syntax.ClosestMatch(name, ThresholdObjectKeys);
                    _report($"threshold '{key}': k6 silently ignores the key '{name}'{(suggestion is null ? string.Empty : $"; did you mean '{suggestion}'?")}; a threshold object has threshold, abortOnFail and delayAbortEval", [.. at, name]);
                }
            }

            var abortOnFail = entryObject.Get("abortOnFail");
            if (!abortOnFail.IsUndefined() && !abortOnFail.IsBoolean())
            {
                _report($"threshold '{key}': abortOnFail must be true or false, got {Describe(abortOnFail)}", [.. at, "abortOnFail"]);
            }

            if (!entryObject.Get("delayAbortEval").IsUndefined())
            {
                ReadDuration(entryObject, "delayAbortEval", [.. at, "delayAbortEval"], $"threshold '{key}': delayAbortEval");
                if (!(abortOnFail.IsBoolean() && abortOnFail.AsBoolean()))
                {
                    _report($"threshold '{key}': delayAbortEval does nothing without abortOnFail: true", [.. at, "delayAbortEval"]);
                }
            }

            var threshold = entryObject.Get("threshold");
            if (!threshold.IsString())
            {
                _report($"threshold '{key}': the object needs a threshold expression string such as 'p(95)<500', got {Describe(threshold)}", at);
                return;
            }

            expression = threshold.AsString();
            at = [.. at, "threshold"];
        }
        else
        {
            _report($"threshold '{key}': each entry must be an expression string or {{ threshold, abortOnFail, delayAbortEval }}, got {Describe(entry)}", at);
            return;
        }

        if (!K6Syntax.TryParseThreshold(expression, out var method, out var family, out var error))
        {
            _report($"threshold '{key}': {error}", at);
            return;
        }

        if (metricType is not null && !K6Syntax.MethodsOf(metricType).Contains(family))
        {
            var supported = string.Join(", ", K6Syntax.MethodsOf(metricType).Select(m => m == "p" ? "p(N)" : m));
            _report($"threshold '{key}': {method} cannot be computed for '{key}', a {Capitalize(metricType)} metric; a {Capitalize(metricType)} supports {supported}", at);
        }
    }

    private void CheckStringMap(JsValue value, string label, string[] path)
    {
        if (value.IsUndefined())
        {
            return;
        }

        if (!IsPlainObject(value))
        {
            _report($"{label} must be an object of strings, got {Describe(value)}", path);
            return;
        }

        var map = value.AsObject();
        foreach (var key in Keys(map))
        {
            var entry = map.Get(key);
            if (!entry.IsString())
            {
                _report($"{label}: '{key}' must be a string (k6 fails to read {Describe(entry)})", [.. path, key]);
            }
        }
    }

    private long? ReadInteger(ObjectInstance config, string key, string[] at, string label)
    {
        var value = config.Get(key);
        if (value.IsUndefined() || value.IsNull())
        {
            return null;
        }

        if (value.IsNumber() && double.IsInteger(value.AsNumber()) && Math.Abs(value.AsNumber()) < 9e15)
        {
            return (long)value.AsNumber();
        }

        _report($"{label}: {key} must be a whole number, got {Describe(value)}", [.. at, key]);
        return null;
    }

    // Returns the duration, or null when it is absent or unusable (the problem is then already reported).
    private TimeSpan? ReadDuration(ObjectInstance config, string key, string[] path, string label)
    {
        var value = config.Get(key);
        if (value.IsUndefined() || value.IsNull())
        {
            return null;
        }

        if (value.IsNumber())
        {
            _report($"{label} is the bare number {Describe(value)}, which k6 reads as milliseconds; write a duration string such as '{FormatNumberAsSeconds(value.AsNumber())}'", path);
            return null;
        }

        if (!value.IsString())
        {
            _report($"{label} must be a duration string such as '30s', got {Describe(value)}", path);
            return null;
        }

        var text = value.AsString();
        if (K6Syntax.IsBareNumber(text))
        {
            _report($"{label} is '{text}', a bare number that k6 reads as milliseconds; add a unit such as '{FormatNumberAsSeconds(double.Parse(text, CultureInfo.InvariantCulture))}'", path);
            return null;
        }

        if (!K6Syntax.TryParseDuration(text, out var duration))
        {
            _report($"{label} is '{text}', which is not a duration; write one such as '90s', '1m30s' or '1h'", path);
            return null;
        }

        return duration;
    }

    private static string FormatNumberAsSeconds(double number) =>
        double.IsFinite(number) ? number.ToString("0.###", CultureInfo.InvariantCulture) + "s" : "30s";

    private static string Format(TimeSpan duration) =>
        duration.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture) + "s";

    private static string Capitalize(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    private static string Index(uint index) => index.ToString(CultureInfo.InvariantCulture);

    [GeneratedRegex("^[0-9a-zA-Z_-]+\\z", RegexOptions.CultureInvariant)]
    private static partial Regex ScenarioNamePattern();
}
