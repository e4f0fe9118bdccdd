using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using K6Scenarios.Diagnostics;
using K6Scenarios.Rules;

namespace K6Scenarios.Model.Validation;

/// <summary>
/// The model's adapter to the rule core: reads a built <see cref="LoadTest"/> into the facts the rules read (every
/// value known), with model paths (<c>scenarios.signin.stages[2]</c>) and the nearest recorded C# line as sites.
/// </summary>
internal static class ModelFacts
{
    /// <summary>Reads a load test; <paramref name="pools"/> receives every distinct pool it refers to, in model order.</summary>
    public static TestFacts Read(LoadTest test, IEnumerable<UserPool> referencedPools, out IReadOnlyList<PoolFacts> pools)
    {
        var location = test.DefinedAt;
        var root = new Site(string.Empty, location);
        var facts = new TestFacts(Fact.Of(test.Name ?? string.Empty, new Site("name", location)), root);
        var options = test.Options ?? new K6Options();
        facts.Options.SetupTimeout = Fact.Of(options.SetupTimeout, root.Child("options.setupTimeout"));
        facts.Options.TeardownTimeout = Fact.Of(options.TeardownTimeout, root.Child("options.teardownTimeout"));
        facts.Options.MinIterationDuration = Fact.Of(options.MinIterationDuration, root.Child("options.minIterationDuration"));
        facts.Options.SystemTags = Fact.Of<IReadOnlyList<string>?>(options.SystemTags ?? [], root.Child("options.systemTags"));
        AddTags(facts.Options.Tags, options.Tags, root.Child("options.tags"));
        facts.Parallelism = Fact.Of<long?>(test.Kubernetes?.Parallelism, root.Child("kubernetes.parallelism"));
        facts.DefaultBaseUrl = Fact.Of(BaseUrlOf(test.DefaultBaseUrl), root.Child("baseUrl"));
        foreach (var status in Safe.Numbers(test.ExpectedStatuses))
        {
            facts.ExpectedStatuses.Add(Fact.Of<long>(status, root.Child("expectedStatuses")));
        }

        var metrics = new MetricReader(location);
        foreach (var metric in Safe.List(test.Metrics))
        {
            facts.DeclaredMetrics.Add(metrics.Read(metric, root.Child("metrics." + metric.Name)));
        }

        var poolReader = new PoolReader();
        facts.LifecycleFlows.Add(ReadFlow(FlowKind.Setup, "setup()", test.Setup, "setup", location, metrics, poolReader));
        foreach (var scenario in Safe.List(test.Scenarios))
        {
            facts.Scenarios.Add(ReadScenario(scenario, test, metrics, poolReader));
        }

        facts.LifecycleFlows.Add(ReadFlow(FlowKind.Teardown, "teardown()", test.Teardown, "teardown", location, metrics, poolReader));
        var perKey = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var threshold in Safe.List(test.Thresholds))
        {
            if (threshold.Condition?.Operand?.Metric is not { } metric)
            {
                continue;
            }

            var key = metric.ThresholdKey;
            perKey.TryGetValue(key, out var index);
            perKey[key] = index + 1;
            var site = new Site("thresholds['" + key + "'][" + index.ToString(CultureInfo.InvariantCulture) + "]", threshold.DefinedAt ?? location);
            var facts2 = new ThresholdFacts(metrics.Read(metric, site), key, site)
            {
                Percentile = Fact.Of(threshold.Condition.Operand.Percentile, site),
                Bound = Fact.Of(threshold.Condition.Value, site),
                AbortOnFail = Fact.Of(threshold.AbortOnFail, site),
                DelayAbortEval = Fact.Of(threshold.DelayAbortEval, site),
            };
            foreach (var tag in Safe.Pairs(metric.Tags))
            {
                facts2.Filters.Add(new TagFilterFacts(Fact.Of(tag.Key ?? string.Empty, site), Fact.Of(tag.Value ?? string.Empty, site), site));
            }

            facts.Thresholds.Add(facts2);
        }

        foreach (var pool in referencedPools)
        {
            poolReader.Read(pool);
        }

        pools = poolReader.All;
        return facts;
    }

    /// <summary>Gets each distinct custom metric of the test once (its first declaration), for the declaration rules.</summary>
    public static IEnumerable<MetricFacts> CustomMetricDeclarations(TestFacts test)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var recorded = StepWalk.RecordedMetrics(test);
        foreach (var metric in test.DeclaredMetrics.Concat(recorded).Concat(test.Thresholds.Where(t => t.Metric is not null).Select(t => t.Metric!)))
        {
            if (metric.IsCustom && seen.Add(metric.Name.Value))
            {
                yield return metric;
            }
        }
    }

    private static ScenarioFacts ReadScenario(Scenario scenario, LoadTest test, MetricReader metrics, PoolReader pools)
    {
        var name = scenario.Name ?? string.Empty;
        var location = scenario.DefinedAt ?? test.DefinedAt;
        var site = new Site("scenarios." + name, location);
        var flow = ReadFlow(FlowKind.Scenario, "scenario " + RuleText.Quote(name), scenario.Flow, site.Path + ".flow", location, metrics, pools);
        var facts = new ScenarioFacts(Fact.Of(name, site), site, flow)
        {
            StartTime = Fact.Of(scenario.StartTime, site.Child("startTime")),
            GracefulStop = Fact.Of(scenario.GracefulStop, site.Child("gracefulStop")),
            Executor = ReadExecutor(scenario.Executor, site),
        };
        AddTags(facts.Tags, scenario.Tags, site.Child("tags"));
        if (scenario.Users is { Pool: { } pool } use)
        {
            facts.Users = new PoolUseFacts(pools.Read(pool), Fact.Of(use.Selection.ToString(), site), site);
        }

        return facts;
    }

    private static ExecutorFacts? ReadExecutor(Executor? executor, Site site)
    {
        if (executor is null)
        {
            return null;
        }

        var facts = new ExecutorFacts(executor.K6Name, site);
        switch (executor)
        {
            case SharedIterationsExecutor shared:
                facts.Vus = Fact.Of<long>(shared.Vus, site.Child("vus"));
                facts.Iterations = Fact.Of<long>(shared.Iterations, site.Child("iterations"));
                facts.MaxDuration = Fact.Of(shared.MaxDuration, site.Child("maxDuration"));
                break;
            case PerVuIterationsExecutor perVu:
                facts.Vus = Fact.Of<long>(perVu.Vus, site.Child("vus"));
                facts.Iterations = Fact.Of<long>(perVu.Iterations, site.Child("iterations"));
                facts.MaxDuration = Fact.Of(perVu.MaxDuration, site.Child("maxDuration"));
                break;
            case ConstantVusExecutor constant:
                facts.Vus = Fact.Of<long>(constant.Vus, site.Child("vus"));
                facts.Duration = Fact.Of(constant.Duration, site.Child("duration"));
                break;
            case RampingVusExecutor ramping:
                facts.StartVus = Fact.Of<long>(ramping.StartVus, site.Child("startVUs"));
                facts.GracefulRampDown = Fact.Of(ramping.GracefulRampDown, site.Child("gracefulRampDown"));
                ReadStages(facts, ramping.Stages, site);
                break;
            case ConstantArrivalRateExecutor arrival:
                facts.Rate = Fact.Of<long>(arrival.Rate, site.Child("rate"));
                facts.TimeUnit = Fact.Of(arrival.TimeUnit, site.Child("timeUnit"));
                facts.Duration = Fact.Of(arrival.Duration, site.Child("duration"));
                facts.PreAllocatedVus = Fact.Of<long>(arrival.PreAllocatedVus, site.Child("preAllocatedVUs"));
                facts.MaxVus = Fact.Of<long?>(arrival.MaxVus, site.Child("maxVUs"));
                break;
            case RampingArrivalRateExecutor arrival:
                facts.StartRate = Fact.Of<long>(arrival.StartRate, site.Child("startRate"));
                facts.TimeUnit = Fact.Of(arrival.TimeUnit, site.Child("timeUnit"));
                facts.PreAllocatedVus = Fact.Of<long>(arrival.PreAllocatedVus, site.Child("preAllocatedVUs"));
                facts.MaxVus = Fact.Of<long?>(arrival.MaxVus, site.Child("maxVUs"));
                ReadStages(facts, arrival.Stages, site);
                break;
        }

        return facts;
    }

    private static void ReadStages(ExecutorFacts facts, IReadOnlyList<Stage>? stages, Site site)
    {
        facts.StagesSite = site.Child("stages");
        facts.Stages = [];
        for (var i = 0; stages is not null && i < stages.Count; i++)
        {
            if (stages[i] is not { } stage)
            {
                continue;
            }

            var stageSite = site.Index("stages", i, stage.DefinedAt);
            facts.Stages.Add(new StageFacts(Fact.Of(stage.Duration, stageSite.Child("duration")), Fact.Of<long>(stage.Target, stageSite.Child("target")), stageSite.Child("target")));
        }
    }

    private static FlowFacts ReadFlow(FlowKind kind, string description, IReadOnlyList<Step>? steps, string prefix, SourceLocation? enclosing, MetricReader metrics, PoolReader pools)
    {
        var flow = new FlowFacts(kind, description);
        for (var i = 0; steps is not null && i < steps.Count; i++)
        {
            if (steps[i] is not { } step)
            {
                continue;
            }

            var site = new Site(prefix + "[" + i.ToString(CultureInfo.InvariantCulture) + "]", step.DefinedAt ?? enclosing);
            var location = step.DefinedAt ?? enclosing;
            flow.Steps.Add(step switch
            {
                HttpRequestStep request => ReadRequest(request, site, metrics),
                ThinkTimeStep think => new ThinkTimeFacts(Fact.Of(think.Min, site), Fact.Of(think.Max, site), site),
                WebSocketStep socket => ReadWebSocket(socket, site),
                GroupStep group => new GroupFacts(Fact.Of(group.Name ?? string.Empty, site), ReadFlow(kind, description, group.Steps, site.Path + ".steps", location, metrics, pools), site),
                TimedStep timed => new TimedFacts(timed.Metric is null ? null : metrics.Read(timed.Metric, site), ReadFlow(kind, description, timed.Steps, site.Path + ".steps", location, metrics, pools), site),
                ConditionalStep conditional => new ConditionalFacts(
                    ReadFlow(kind, description, conditional.Then, site.Path + ".then", location, metrics, pools),
                    ReadFlow(kind, description, conditional.Else, site.Path + ".else", location, metrics, pools),
                    site),
                RecordMetricStep record => new RecordFacts(record.Metric is null ? null : metrics.Read(record.Metric, site), site),
                _ => new RecordFacts(null, site),
            });
        }

        return flow;
    }

    private static RequestFacts ReadRequest(HttpRequestStep request, Site site, MetricReader metrics)
    {
        var facts = new RequestFacts(Fact.Of(request.Method.ToString().ToUpperInvariant(), site), Fact.Of(request.Path ?? string.Empty, site), site)
        {
            BaseUrl = Fact.Of(BaseUrlOf(request.BaseUrl), site),
            Name = Fact.Of(request.EffectiveName ?? string.Empty, site),
            Timeout = Fact.Of(request.Timeout, site.Child("timeout")),
            HasOwnStatuses = Safe.Numbers(request.ExpectedStatuses).Count > 0 || Safe.List(request.Checks).OfType<StatusCheck>().Any(),
        };
        foreach (var parameter in Safe.Pairs(request.PathParameters))
        {
            facts.PathParameters.Add(Fact.Of(parameter.Key ?? string.Empty, site));
        }

        AddValues(facts.Headers, request.Headers, site);
        AddValues(facts.Query, request.Query, site);
        facts.Body = ReadBody(request.Body, site);
        var statuses = Safe.List(request.Checks).OfType<StatusCheck>().SelectMany(c => Safe.Numbers(c.Statuses)).Concat(Safe.Numbers(request.ExpectedStatuses)).Distinct();
        foreach (var status in statuses)
        {
            facts.Statuses.Add(Fact.Of<long>(status, site));
        }

        foreach (var check in Safe.List(request.Checks))
        {
            var name = CheckName(check, request.EffectiveName ?? string.Empty);
            facts.Checks.Add(new CheckFacts(name is null ? Fact<string>.Unknown(site) : Fact.Of(name, site), site)
            {
                DurationLimit = Fact.Of<TimeSpan?>(check is DurationCheck duration ? duration.Limit : null, site),
            });
        }

        foreach (var capture in Safe.List(request.Captures).Where(c => c.Target is not null))
        {
            facts.Captures.Add(Fact.Of(capture.Target.Name, site));
        }

        foreach (var sample in Safe.List(request.Samples).Where(s => s.Metric is not null))
        {
            facts.RecordedMetrics.Add(metrics.Read(sample.Metric, site));
        }

        AddTags(facts.Tags, request.Tags, site.Child("tags"));
        return facts;
    }

    /// <summary>Gets the name k6 shows for a check, or <see langword="null"/> when the check is too broken to name.</summary>
    private static string? CheckName(Check check, string requestName) => check switch
    {
        { Name: { } name } => name,
        StatusCheck { Statuses: null } or BodyFieldEqualsCheck { Expected: null } => null,
        _ => check.DisplayName(requestName),
    };

    private static WebSocketFacts ReadWebSocket(WebSocketStep socket, Site site)
    {
        var facts = new WebSocketFacts(Fact.Of(socket.Path ?? string.Empty, site), site)
        {
            Name = Fact.Of(socket.EffectiveName ?? string.Empty, site),
            BaseUrl = Fact.Of(BaseUrlOf(socket.BaseUrl), site),
            HoldOpen = Fact.Of(socket.HoldOpen, site.Child("holdOpen")),
        };
        AddValues(facts.Headers, socket.Headers, site);
        return facts;
    }

    private static BodyFacts? ReadBody(RequestBody? body, Site site)
    {
        switch (body)
        {
            case JsonBody json:
                var facts = new BodyFacts(BodyKind.Json, site) { IsJsonObject = json.Content is JsonObjectTemplate };
                if (json.Content is JsonObjectTemplate content)
                {
                    foreach (var property in Safe.Pairs(content.Properties))
                    {
                        facts.Fields.Add(new NamedValueFacts(Fact.Of(property.Key ?? string.Empty, site), ValueOf((property.Value as JsonLeaf)?.Value, site)));
                    }
                }

                AddLeaves(facts, json.Content, string.Empty, site);
                return facts;
            case FormBody form:
                var formFacts = new BodyFacts(BodyKind.Form, site);
                AddValues(formFacts.Fields, form.Fields, site);
                formFacts.Leaves.AddRange(formFacts.Fields);
                return formFacts;
            case MultipartBody multipart:
                var parts = new BodyFacts(BodyKind.Multipart, site);
                foreach (var part in Safe.List(multipart.Parts))
                {
                    parts.Fields.Add(new NamedValueFacts(Fact.Of(part.Name ?? string.Empty, site), ValueOf(part.Value, site)));
                }

                parts.Leaves.AddRange(parts.Fields);
                return parts;
            case TextBody:
                return new BodyFacts(BodyKind.Text, site);
            default:
                return null;
        }
    }

    private static void AddLeaves(BodyFacts body, JsonTemplate? template, string path, Site site)
    {
        switch (template)
        {
            case JsonObjectTemplate obj:
                foreach (var property in Safe.Pairs(obj.Properties))
                {
                    AddLeaves(body, property.Value, path.Length == 0 ? property.Key ?? string.Empty : path + "." + property.Key, site);
                }

                break;
            case JsonArrayTemplate array:
                foreach (var item in Safe.List(array.Items))
                {
                    AddLeaves(body, item, path, site);
                }

                break;
            case JsonLeaf leaf when path.Length > 0:
                body.Leaves.Add(new NamedValueFacts(Fact.Of(path, site), ValueOf(leaf.Value, site)));
                break;
        }
    }

    private static void AddValues(List<NamedValueFacts> target, IReadOnlyList<KeyValuePair<string, Value>>? values, Site site)
    {
        foreach (var pair in Safe.Pairs(values))
        {
            target.Add(new NamedValueFacts(Fact.Of(pair.Key ?? string.Empty, site), ValueOf(pair.Value, site)));
        }
    }

    private static void AddTags(TagsFacts target, IReadOnlyList<KeyValuePair<string, string>>? tags, Site site)
    {
        foreach (var tag in Safe.Pairs(tags))
        {
            target.Items.Add(new KeyValuePair<Fact<string>, Fact<string>>(Fact.Of(tag.Key ?? string.Empty, site), Fact.Of(tag.Value ?? string.Empty, site)));
        }
    }

    /// <summary>Reads a value: literal text (no environment, variable or pool part), and whether it reads a variable.</summary>
    internal static ValueFacts ValueOf(Value? value, Site site)
    {
        if (value is null)
        {
            return new ValueFacts(Fact.Of(false, site), false, site);
        }

        var parts = value.Flatten().Where(part => part is not ConcatValue).ToArray();
        var literal = parts.All(part => part is LiteralValue)
            && parts.Any(part => part is LiteralValue { IsText: true } text && !string.IsNullOrWhiteSpace(text.Text));
        return new ValueFacts(Fact.Of(literal, site), parts.Any(part => part is Variable), site);
    }

    /// <summary>Reads a base URL: its environment variable and the path of its default.</summary>
    internal static BaseUrlFacts? BaseUrlOf(BaseUrl? url) =>
        url is null ? null : new BaseUrlFacts(Fact.Of(url.EnvironmentVariable, Site.None), BaseUrlFacts.PathOf(url.DefaultValue));

    /// <summary>Reads metrics, giving each model metric object facts of its own.</summary>
    private sealed class MetricReader(SourceLocation? fallback)
    {
        public MetricFacts Read(Metric metric, Site site)
        {
            var kind = metric.Kind == MetricKind.Trend && metric.IsTime ? "Trend (isTime)" : metric.Kind.ToString();
            var at = site.Location is null ? new Site(site.Path, fallback) : site;
            return new MetricFacts(Fact.Of(metric.Name ?? string.Empty, at), Fact.Of(kind, at), at) { IsCustom = !metric.IsBuiltIn };
        }
    }

    /// <summary>Reads pools: alike declarations (<see cref="UserPool.IsSameAs"/>) are one pool.</summary>
    private sealed class PoolReader
    {
        private readonly List<(UserPool Pool, PoolFacts Facts)> _read = [];

        public IReadOnlyList<PoolFacts> All => _read.Select(r => r.Facts).Distinct().ToArray();

        public PoolFacts Read(UserPool pool)
        {
            foreach (var (known, facts) in _read)
            {
                if (ReferenceEquals(known, pool) || known.IsSameAs(pool))
                {
                    return facts;
                }
            }

            var site = new Site("pools." + pool.Name, pool.DefinedAt);
            var read = new PoolFacts(Fact.Of(pool.Name ?? string.Empty, site), site)
            {
                Count = Fact.Of<long?>(pool.Count, site),
                Identity = pool,
            };
            foreach (var field in Safe.Pairs(pool.GeneratedFields).Where(f => f.Value is not null))
            {
                read.GeneratedFields.Add(new NamedValueFacts(Fact.Of(field.Key ?? string.Empty, site), ValueOf(field.Value, site.Child(field.Key ?? string.Empty))));
            }

            _read.Add((pool, read));
            return read;
        }
    }
}
