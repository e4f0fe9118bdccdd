using System;
using System.Collections.Generic;
using System.Linq;
using K6Scenarios.Emitter.JavaScript;
using K6Scenarios.Model;

namespace K6Scenarios.Emitter.Emission;

/// <summary>The <c>options</c> export: only keys k6 knows, durations as Go duration strings.</summary>
internal sealed partial class ScriptGenerator
{
    private void WriteOptions(ScriptBuilder js)
    {
        if (_test.Profiles.Count > 0)
        {
            WriteProfiles(js);
        }

        js.Block("export const options = {", () =>
        {
            if (_test.Profiles.Count > 0)
            {
                js.Line("scenarios: profiles[LOAD_PROFILE],");
            }
            else
            {
                js.Block("scenarios: {", () => WriteScenarios(js, _test.Scenarios, "scenarios."), "},");
            }

            WriteThresholds(js);
            WriteTopLevelOptions(js, _test.Options);
        }, "};");
        js.Line();
    }

    /// <summary>Writes every profile's scenarios, chosen at run time by one environment variable; the default is the test as defined.</summary>
    private void WriteProfiles(ScriptBuilder js)
    {
        var variable = RunProfile.EnvironmentVariable;
        js.Line("// The same flows in other shapes: k6 run -e " + variable + "=<name>. Without it, the test as defined.");
        _helpers.Add("envOr");
        js.Line("const " + variable + " = envOr(" + JsString.Quote(variable) + ", " + JsString.Quote(RunProfile.FullTestName) + ");");
        js.Block("const profiles = {", () =>
        {
            js.Block(JsString.Key(RunProfile.FullTestName) + ": {", () => WriteScenarios(js, _test.Scenarios, "scenarios."), "},");
            foreach (var profile in _test.Profiles)
            {
                js.Region("profiles." + profile.Name, profile.DefinedAt, () =>
                    js.Block(JsString.Key(profile.Name) + ": {", () => WriteScenarios(js, profile.Shape(_test.Scenarios), "profiles." + profile.Name + ".scenarios."), "},"));
            }
        }, "};");
        js.Block("if (!Object.keys(profiles).includes(" + variable + ")) {", () =>
            js.Line("throw new Error(`" + variable + " '${" + variable + "}' is not a profile of this test; use one of: ${Object.keys(profiles).join(', ')}`);"));
        js.Line();
    }

    private void WriteScenarios(ScriptBuilder js, IReadOnlyList<Scenario> scenarios, string pathPrefix)
    {
        foreach (var scenario in scenarios)
        {
            js.Region(pathPrefix + scenario.Name, scenario.DefinedAt, () => WriteScenarioOptions(js, scenario));
        }
    }

    private void WriteScenarioOptions(ScriptBuilder js, Scenario scenario)
    {
        js.Block(JsString.Key(scenario.Name) + ": {", () =>
        {
            js.Line("executor: " + JsString.Quote(scenario.Executor.K6Name) + ",");
            js.Line("exec: " + JsString.Quote(_names.ScenarioFunctions[scenario.Name]) + ",");
            if (scenario.StartTime is { } startTime)
            {
                js.Line("startTime: " + Duration(startTime) + ",");
            }

            if (scenario.GracefulStop is { } gracefulStop)
            {
                js.Line("gracefulStop: " + Duration(gracefulStop) + ",");
            }

            WriteExecutor(js, scenario);
            WriteStringMap(js, "env", scenario.Environment);
            WriteStringMap(js, "tags", scenario.Tags);
        }, "},");
    }

    private static void WriteExecutor(ScriptBuilder js, Scenario scenario)
    {
        switch (scenario.Executor)
        {
            case SharedIterationsExecutor shared:
                js.Line("vus: " + Int(shared.Vus) + ",");
                js.Line("iterations: " + Int(shared.Iterations) + ",");
                OptionalDuration(js, "maxDuration", shared.MaxDuration);
                break;
            case PerVuIterationsExecutor perVu:
                js.Line("vus: " + Int(perVu.Vus) + ",");
                js.Line("iterations: " + Int(perVu.Iterations) + ",");
                OptionalDuration(js, "maxDuration", perVu.MaxDuration);
                break;
            case ConstantVusExecutor constant:
                js.Line("vus: " + Int(constant.Vus) + ",");
                js.Line("duration: " + Duration(constant.Duration) + ",");
                break;
            case RampingVusExecutor ramping:
                js.Line("startVUs: " + Int(ramping.StartVus) + ",");
                WriteStages(js, scenario, ramping.Stages);
                OptionalDuration(js, "gracefulRampDown", ramping.GracefulRampDown);
                break;
            case ConstantArrivalRateExecutor constantRate:
                js.Line("rate: " + Int(constantRate.Rate) + ",");
                OptionalDuration(js, "timeUnit", constantRate.TimeUnit);
                js.Line("duration: " + Duration(constantRate.Duration) + ",");
                js.Line("preAllocatedVUs: " + Int(constantRate.PreAllocatedVus) + ",");
                if (constantRate.MaxVus is { } maxVus)
                {
                    js.Line("maxVUs: " + Int(maxVus) + ",");
                }

                break;
            case RampingArrivalRateExecutor rampingRate:
                js.Line("startRate: " + Int(rampingRate.StartRate) + ",");
                OptionalDuration(js, "timeUnit", rampingRate.TimeUnit);
                js.Line("preAllocatedVUs: " + Int(rampingRate.PreAllocatedVus) + ",");
                if (rampingRate.MaxVus is { } rampingMaxVus)
                {
                    js.Line("maxVUs: " + Int(rampingMaxVus) + ",");
                }

                WriteStages(js, scenario, rampingRate.Stages);
                break;
            default:
                throw new EmissionException("executor " + scenario.Executor.GetType().Name + " is not supported");
        }
    }

    private static void WriteStages(ScriptBuilder js, Scenario scenario, IReadOnlyList<Stage> stages)
    {
        js.Block("stages: [", () =>
        {
            for (var i = 0; i < stages.Count; i++)
            {
                var stage = stages[i];
                js.Region("scenarios." + scenario.Name + ".stages[" + Int(i) + "]", stage.DefinedAt ?? scenario.DefinedAt, () =>
                    js.Line("{ duration: " + Duration(stage.Duration) + ", target: " + Int(stage.Target) + " },"));
            }
        }, "],");
    }

    /// <summary>Gets the gate on checks the script carries: none without checks, or when a threshold of the test's own watches all checks.</summary>
    private CheckGate? EffectiveCheckGate =>
        _test.CheckGate is { } gate && _k6Imports.Contains("check") && !_test.Thresholds.Any(t => t.Condition.Metric.ThresholdKey == K6Metrics.Checks.ThresholdKey)
            ? gate
            : null;

    private void WriteThresholds(ScriptBuilder js)
    {
        var gate = EffectiveCheckGate;
        if (_test.Thresholds.Count == 0 && gate is null)
        {
            return;
        }

        var groups = _test.Thresholds
            .Select((threshold, index) => (Threshold: threshold, Index: index))
            .GroupBy(t => t.Threshold.Condition.Metric.ThresholdKey, StringComparer.Ordinal);
        js.Block("thresholds: {", () =>
        {
            if (gate is not null)
            {
                var rate = Formatting.Number(gate.MinimumPassRate);
                var condition = JsString.Quote("rate>=" + rate);
                var entry = gate.AbortOnFail
                    ? "{ threshold: " + condition + ", abortOnFail: true" + (gate.DelayAbortEval is { } delay ? ", delayAbortEval: " + Duration(delay) : string.Empty) + " }"
                    : condition;
                js.Line("// The run fails (k6 exits 99) when fewer than " + Formatting.Number(Math.Round(gate.MinimumPassRate * 100, 6)) + " % of checks pass" + (gate.AbortOnFail ? "; it stops as soon as that happens." : "."));
                js.Region("checkGate", _test.DefinedAt, () => js.Line(JsString.QuotedKey(K6Metrics.Checks.ThresholdKey) + ": [" + entry + "],"));
            }

            foreach (var group in groups)
            {
                var key = JsString.QuotedKey(group.Key);
                var region = JsString.Quote(group.Key);
                var entries = group.ToArray();
                if (entries.All(e => !e.Threshold.AbortOnFail))
                {
                    js.Region("thresholds[" + region + "]", entries[0].Threshold.DefinedAt, () =>
                        js.Line(key + ": [" + string.Join(", ", entries.Select(e => JsString.Quote(e.Threshold.Condition.Expression))) + "],"));
                    continue;
                }

                js.Block(key + ": [", () =>
                {
                    for (var i = 0; i < entries.Length; i++)
                    {
                        var threshold = entries[i].Threshold;
                        js.Region("thresholds[" + region + "][" + Int(i) + "]", threshold.DefinedAt, () => js.Line(ThresholdEntry(threshold) + ","));
                    }
                }, "],");
            }
        }, "},");
    }

    private static string ThresholdEntry(Threshold threshold)
    {
        // k6 reads delayAbortEval only with abortOnFail; alone it does nothing (K6S0206 warns), so it is not written.
        var expression = JsString.Quote(threshold.Condition.Expression);
        if (!threshold.AbortOnFail)
        {
            return expression;
        }

        var parts = new List<string> { "threshold: " + expression, "abortOnFail: true" };
        if (threshold.DelayAbortEval is { } delay)
        {
            parts.Add("delayAbortEval: " + Duration(delay));
        }

        return "{ " + string.Join(", ", parts) + " }";
    }

    private static void WriteTopLevelOptions(ScriptBuilder js, K6Options options)
    {
        if (options.SummaryTrendStats.Count > 0)
        {
            js.Line("summaryTrendStats: [" + string.Join(", ", options.SummaryTrendStats.Select(JsString.Quote)) + "],");
        }

        if (options.SummaryTimeUnit is { } unit)
        {
            js.Line("summaryTimeUnit: " + JsString.Quote(unit) + ",");
        }

        Flag(js, "discardResponseBodies", options.DiscardResponseBodies);
        OptionalDuration(js, "setupTimeout", options.SetupTimeout);
        OptionalDuration(js, "teardownTimeout", options.TeardownTimeout);
        Flag(js, "noConnectionReuse", options.NoConnectionReuse);
        Flag(js, "noVUConnectionReuse", options.NoVuConnectionReuse);
        Flag(js, "noCookiesReset", options.NoCookiesReset);
        if (options.UserAgent is { } userAgent)
        {
            js.Line("userAgent: " + JsString.Quote(userAgent) + ",");
        }

        OptionalInt(js, "maxRedirects", options.MaxRedirects);
        OptionalInt(js, "batch", options.Batch);
        OptionalInt(js, "batchPerHost", options.BatchPerHost);
        Flag(js, "insecureSkipTLSVerify", options.InsecureSkipTlsVerify);
        WriteStringMap(js, "hosts", options.Hosts);
        OptionalDuration(js, "minIterationDuration", options.MinIterationDuration);
        Flag(js, "throw", options.Throw);
        if (options.SystemTags.Count > 0)
        {
            js.Line("systemTags: [" + string.Join(", ", options.SystemTags.Select(JsString.Quote)) + "],");
        }

        WriteStringMap(js, "tags", options.Tags);
        if (options.Cloud is { } cloud)
        {
            js.Block("cloud: {", () =>
            {
                if (cloud.Name is { } name)
                {
                    js.Line("name: " + JsString.Quote(name) + ",");
                }

                if (cloud.ProjectId is { } projectId)
                {
                    js.Line("projectID: " + projectId.ToString(System.Globalization.CultureInfo.InvariantCulture) + ",");
                }

                if (cloud.StackId is { } stackId)
                {
                    js.Line("stackID: " + stackId.ToString(System.Globalization.CultureInfo.InvariantCulture) + ",");
                }

                if (cloud.Distribution.Count > 0)
                {
                    js.Block("distribution: {", () =>
                    {
                        foreach (var zone in cloud.Distribution)
                        {
                            js.Line(JsString.Key(zone.Label) + ": { loadZone: " + JsString.Quote(zone.LoadZone) + ", percent: " + Int(zone.Percent) + " },");
                        }
                    }, "},");
                }
            }, "},");
        }
    }

    private static void WriteStringMap(ScriptBuilder js, string key, IReadOnlyList<KeyValuePair<string, string>> map)
    {
        if (map.Count == 0)
        {
            return;
        }

        js.Line(key + ": { " + string.Join(", ", map.Select(p => JsString.Key(p.Key) + ": " + JsString.Quote(p.Value))) + " },");
    }

    private static void Flag(ScriptBuilder js, string key, bool value)
    {
        if (value)
        {
            js.Line(key + ": true,");
        }
    }

    private static void OptionalInt(ScriptBuilder js, string key, int? value)
    {
        if (value is { } number)
        {
            js.Line(key + ": " + Int(number) + ",");
        }
    }

    private static void OptionalDuration(ScriptBuilder js, string key, TimeSpan? value)
    {
        if (value is { } duration)
        {
            js.Line(key + ": " + Duration(duration) + ",");
        }
    }

    private static string Duration(TimeSpan value) => JsString.Quote(Formatting.Duration(value));
}
