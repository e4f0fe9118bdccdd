using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using K6Scenarios.Diagnostics;
using K6Scenarios.Model;
using K6Scenarios.ScenarioFiles.Format;
using K6Scenarios.ScenarioFiles.Yaml;

namespace K6Scenarios.ScenarioFiles.Building;

/// <summary>The names a load test's values can refer to.</summary>
internal sealed class LoadTestScope
{
    public Dictionary<string, UserPool> Pools { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, Variable> Variables { get; } = new(StringComparer.Ordinal);
}

/// <summary>
/// Builds <see cref="LoadTest"/>s from a bound scenario file: the same model records the C# builders produce, with the
/// same defaults, each element carrying its line and column so that model validation, OpenAPI checks and the dry run
/// report at the YAML that wrote it. Rules about the load test itself stay in model validation.
/// </summary>
internal sealed partial class ModelBuilder
{
    private readonly string _file;
    private readonly string _directory;
    private readonly List<ModelDiagnostic> _diagnostics;
    private readonly Func<Node, SourceLocation> _locate;
    private readonly Dictionary<string, BaseUrl> _baseUrls = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Metric> _metrics = new(StringComparer.Ordinal);
    private readonly Dictionary<string, UserPool> _pools = new(StringComparer.Ordinal);
    private ValueReader _values = null!;
    private LoadTestScope _scope = null!;

    public ModelBuilder(string file, List<ModelDiagnostic> diagnostics, Func<Node, SourceLocation> locate)
    {
        _file = file;
        _directory = Path.GetDirectoryName(Path.GetFullPath(file)) ?? Directory.GetCurrentDirectory();
        _diagnostics = diagnostics;
        _locate = locate;
    }

    public IReadOnlyList<LoadTest> Build(ScenarioFileDocument document)
    {
        foreach (var (name, url) in document.BaseUrls ?? [])
        {
            if (url.Env is { } env && url.Default is { } fallback)
            {
                _baseUrls[name] = BaseUrl.FromEnvironment(env, fallback);
            }
        }

        foreach (var (name, metric) in document.Metrics ?? [])
        {
            if (CreateMetric(name, metric) is { } created)
            {
                _metrics[name] = created;
            }
        }

        foreach (var (name, pool) in document.Pools ?? [])
        {
            if (CreatePool(name, pool) is { } created)
            {
                _pools[name] = created;
            }
        }

        var tests = new List<LoadTest>();
        foreach (var test in document.LoadTests ?? [])
        {
            if (BuildLoadTest(test) is { } built)
            {
                tests.Add(built);
            }
        }

        return tests;
    }

    private Metric? CreateMetric(string name, MetricFile metric)
    {
        if (metric.Time == true && metric.Type != "trend")
        {
            Report(DiagnosticCatalog.ScenarioFileConflictingKeys, metric.At("time"), "'time' only applies to a trend metric; metric '" + name + "' is a " + metric.Type);
        }

        return metric.Type switch
        {
            "counter" => CustomMetric.Counter(name),
            "gauge" => CustomMetric.Gauge(name),
            "rate" => CustomMetric.Rate(name),
            "trend" => CustomMetric.Trend(name, metric.Time ?? false),
            _ => null,
        };
    }

    private UserPool? CreatePool(string name, PoolFile pool)
    {
        UserPool created;
        if (pool.Generate is { } count)
        {
            var fields = new List<(string, Value)>();
            foreach (var (field, template) in pool.Values ?? [])
            {
                if (template is Node node && new ValueReader(new LoadTestScope(), _locate, _diagnostics).Scalar(node) is { } value)
                {
                    fields.Add((field, value));
                }
            }

            created = UserPool.Generate(name, count, fields.ToArray());
        }
        else if ((pool.Json ?? pool.Csv) is { } path)
        {
            var full = Path.GetFullPath(Path.Combine(_directory, path));
            var location = pool.Location;
            created = pool.Json is not null
                ? UserPool.FromJsonFile(name, full, pool.Fields ?? [], location?.FilePath ?? _file, location?.Line ?? 0)
                : UserPool.FromCsvFile(name, full, pool.Fields ?? [], location?.FilePath ?? _file, location?.Line ?? 0);
            if (pool.Count is { } known)
            {
                created = created.WithCount(known);
            }
        }
        else
        {
            return null;
        }

        return created.At(pool.Location);
    }

    private LoadTest? BuildLoadTest(LoadTestFile file)
    {
        if (file.Name is null)
        {
            return null;
        }

        _scope = new LoadTestScope();
        foreach (var (name, pool) in _pools)
        {
            _scope.Pools[name] = pool;
        }

        DeclareVariables(file);
        _values = new ValueReader(_scope, _locate, _diagnostics);

        var scenarios = new List<Scenario>();
        foreach (var (name, scenario) in file.Scenarios ?? [])
        {
            if (BuildScenario(name, scenario) is { } built)
            {
                scenarios.Add(built);
            }
        }

        if (file.UserMix is { } mix)
        {
            scenarios.AddRange(BuildUserMix(mix));
        }

        var thresholds = new List<Threshold>();
        foreach (var (key, entries) in file.Thresholds ?? [])
        {
            foreach (var entry in entries)
            {
                if (BuildThreshold(key, entry, file.At("thresholds")) is { } threshold)
                {
                    thresholds.Add(threshold);
                }
            }
        }

        var test = new LoadTest
        {
            Name = file.Name,
            Description = file.Description,
            DefaultBaseUrl = file.BaseUrl is { } baseUrl ? ResolveBaseUrl(baseUrl, file.At("baseUrl")) : null,
            Scenarios = scenarios,
            Thresholds = thresholds,
            Setup = Steps(file.Setup),
            Teardown = Steps(file.Teardown),
            ExpectedStatuses = file.AlsoExpectedStatuses ?? file.ExpectedStatuses ?? [],
            ExpectedStatusesExtendDefault = file.AlsoExpectedStatuses is not null,
            Options = file.Options is { } options ? BuildOptions(options) : new K6Options(),
            Outputs = file.Outputs ?? [],
            Kubernetes = file.Kubernetes is { } kubernetes ? BuildKubernetes(kubernetes) : null,
            Profiles = BuildProfiles(file.Profiles),
            DefinedAt = file.Location,
        };
        if (file.ExpectedStatuses is not null && file.AlsoExpectedStatuses is not null)
        {
            Report(DiagnosticCatalog.ScenarioFileConflictingKeys, file.At("alsoExpectedStatuses"),
                "'expectedStatuses' replaces k6's expected 200 to 399 and 'alsoExpectedStatuses' adds to it; give one of them");
        }

        return test;
    }

    // Variables are the names some step captures; values name them before or after the capture, as C# fields do,
    // and model validation (K6S0401) reports a use before the capture.
    private void DeclareVariables(LoadTestFile file)
    {
        var flows = (file.Scenarios ?? []).Values.Select(s => s.Flow)
            .Concat((file.UserMix?.Users ?? []).Values.Select(u => u.Flow))
            .Append(file.Setup)
            .Append(file.Teardown);
        foreach (var step in flows.SelectMany(f => Walk(f ?? [])))
        {
            if (step is RequestStepFile request)
            {
                foreach (var (name, _) in request.Capture ?? [])
                {
                    if (!_scope.Variables.ContainsKey(name))
                    {
                        if (NameRules.IsIdentifier(name))
                        {
                            _scope.Variables[name] = new Variable(name);
                        }
                        else
                        {
                            Report(DiagnosticCatalog.ScenarioFileWrongValue, request.At("capture"), "The capture name '" + name + "'", "a variable name (letters, digits and '_', not starting with a digit)", "'" + name + "'");
                        }
                    }
                }
            }
        }
    }

    private static IEnumerable<StepFile> Walk(IEnumerable<StepFile> steps)
    {
        foreach (var step in steps)
        {
            yield return step;
            var nested = step switch
            {
                GroupStepFile group => group.Steps ?? [],
                TimedStepFile timed => timed.Steps ?? [],
                WhenStepFile conditional => (conditional.Then ?? []).Concat(conditional.Else ?? []),
                _ => [],
            };
            foreach (var inner in Walk(nested))
            {
                yield return inner;
            }
        }
    }

    private Scenario? BuildScenario(string name, ScenarioFile file)
    {
        var executor = BuildExecutor(file);
        if (executor is null)
        {
            return null;
        }

        return new Scenario
        {
            Name = name,
            Executor = executor,
            Flow = Steps(file.Flow),
            StartTime = Duration(file.StartTime, file, "startTime"),
            GracefulStop = Duration(file.GracefulStop, file, "gracefulStop"),
            Environment = Pairs(file.Env),
            Tags = Pairs(file.Tags),
            Users = file.Users is { } users ? BuildPoolUse(users) : null,
            DefinedAt = file.Location,
        };
    }

    private RunProfile[] BuildProfiles(Dictionary<string, ProfileFile>? profiles)
    {
        var built = new List<RunProfile>();
        foreach (var (name, profile) in profiles ?? [])
        {
            var executors = new List<ScenarioShape>();
            foreach (var (scenario, shape) in profile.Scenarios ?? [])
            {
                if (BuildExecutor(shape) is { } executor)
                {
                    executors.Add(new ScenarioShape(scenario, executor));
                }
            }

            built.Add(new RunProfile
            {
                Name = name,
                VuScale = profile.Vus ?? 1,
                RateScale = profile.Rate,
                Duration = Duration(profile.Duration, profile, "duration"),
                Executors = executors,
                DefinedAt = profile.Location,
            });
        }

        return built.ToArray();
    }

    private Executor? BuildExecutor(ExecutorFile file) => file.Executor switch
    {
        "shared-iterations" => new SharedIterationsExecutor { Vus = file.Vus ?? 1, Iterations = file.Iterations ?? 1, MaxDuration = Duration(file.MaxDuration, file, "maxDuration") },
        "per-vu-iterations" => new PerVuIterationsExecutor { Vus = file.Vus ?? 1, Iterations = file.Iterations ?? 1, MaxDuration = Duration(file.MaxDuration, file, "maxDuration") },
        "constant-vus" => new ConstantVusExecutor { Vus = file.Vus ?? 1, Duration = Duration(file.Duration, file, "duration") ?? TimeSpan.Zero },
        "ramping-vus" => new RampingVusExecutor { StartVus = file.StartVus ?? 1, Stages = Stages(file.Stages), GracefulRampDown = Duration(file.GracefulRampDown, file, "gracefulRampDown") },
        "constant-arrival-rate" => new ConstantArrivalRateExecutor
        {
            Rate = file.Rate ?? 0,
            TimeUnit = Duration(file.TimeUnit, file, "timeUnit"),
            Duration = Duration(file.Duration, file, "duration") ?? TimeSpan.Zero,
            PreAllocatedVus = file.PreAllocatedVus ?? 0,
            MaxVus = file.MaxVus,
        },
        "ramping-arrival-rate" => new RampingArrivalRateExecutor
        {
            StartRate = file.StartRate ?? 0,
            TimeUnit = Duration(file.TimeUnit, file, "timeUnit"),
            Stages = Stages(file.Stages),
            PreAllocatedVus = file.PreAllocatedVus ?? 0,
            MaxVus = file.MaxVus,
        },
        _ => null,
    };

    private Stage[] Stages(List<StageFile>? stages) =>
        (stages ?? []).Select(s => new Stage(Duration(s.Duration, s, "duration") ?? TimeSpan.Zero, s.Target ?? 0, s.Location)).ToArray();

    private Scenario[] BuildUserMix(UserMixFile mix)
    {
        if (mix.Vus is not { } vus || mix.SpawnRate is not { } spawnRate || Duration(mix.Duration, mix, "duration") is not { } duration || mix.Users is null)
        {
            return [];
        }

        if (spawnRate <= 0)
        {
            Report(DiagnosticCatalog.ScenarioFileWrongValue, mix.At("spawnRate"), "'spawnRate' of a user mix", "a positive number of VUs per second", spawnRate.ToString(CultureInfo.InvariantCulture));
            return [];
        }

        var types = mix.Users.Where(u => u.Value.Weight is > 0).ToList();
        if (types.Count == 0)
        {
            return [];
        }

        // The C# builder splits the VUs and shapes each ramp; its scenarios are taken as they are, with the YAML's flows.
        var built = LoadTest.Create("user-mix").UserMix(vus, spawnRate, duration, m =>
        {
            foreach (var (name, type) in types)
            {
                m.UserType(name, type.Weight!.Value, _ => { });
            }
        }).Build().Scenarios;
        return built.Select((scenario, i) =>
        {
            var type = types[i].Value;
            var ramp = (RampingVusExecutor)scenario.Executor;
            return scenario with
            {
                Executor = ramp with { Stages = ramp.Stages.Select(s => s with { DefinedAt = mix.Location }).ToArray() },
                Flow = Steps(type.Flow),
                GracefulStop = Duration(type.GracefulStop, type, "gracefulStop"),
                Environment = Pairs(type.Env),
                Tags = Pairs(type.Tags),
                Users = type.Users is { } users ? BuildPoolUse(users) : null,
                DefinedAt = type.Location,
            };
        }).ToArray();
    }

    private PoolUse? BuildPoolUse(PoolUseFile users)
    {
        if (users.Pool is null || users.Selection is null)
        {
            return null;
        }

        if (!_scope.Pools.TryGetValue(users.Pool, out var pool))
        {
            UnknownName("Pool", users.Pool, users.At("pool"), _scope.Pools.Keys, "pools");
            return null;
        }

        var selection = users.Selection switch
        {
            "unique-per-vu" => PoolSelection.UniquePerVu,
            "unique-per-iteration" => PoolSelection.UniquePerIteration,
            "round-robin" => PoolSelection.RoundRobin,
            _ => PoolSelection.Random,
        };
        return new PoolUse(pool, selection);
    }

    private K6Options BuildOptions(OptionsFile options) => new()
    {
        SummaryTrendStats = options.SummaryTrendStats ?? [],
        SummaryTimeUnit = options.SummaryTimeUnit,
        DiscardResponseBodies = options.DiscardResponseBodies ?? false,
        SetupTimeout = Duration(options.SetupTimeout, options, "setupTimeout"),
        TeardownTimeout = Duration(options.TeardownTimeout, options, "teardownTimeout"),
        NoConnectionReuse = options.NoConnectionReuse ?? false,
        NoVuConnectionReuse = options.NoVuConnectionReuse ?? false,
        NoCookiesReset = options.NoCookiesReset ?? false,
        UserAgent = options.UserAgent,
        MaxRedirects = options.MaxRedirects,
        Batch = options.Batch,
        BatchPerHost = options.BatchPerHost,
        InsecureSkipTlsVerify = options.InsecureSkipTlsVerify ?? false,
        Hosts = Pairs(options.Hosts),
        Tags = Pairs(options.Tags),
        MinIterationDuration = Duration(options.MinIterationDuration, options, "minIterationDuration"),
        Throw = options.Throw ?? false,
        SystemTags = options.SystemTags ?? [],
        Cloud = options.Cloud is { } cloud
            ? new CloudOptions
            {
                Name = cloud.Name,
                ProjectId = cloud.ProjectId,
                StackId = cloud.StackId,
                Distribution = (cloud.Distribution ?? []).Select(d => new LoadZoneShare(d.Key, d.Value.LoadZone ?? string.Empty, d.Value.Percent ?? 0)).ToArray(),
            }
            : null,
    };

    private static KubernetesRun BuildKubernetes(KubernetesFile kubernetes) => new()
    {
        Parallelism = kubernetes.Parallelism ?? 1,
        Namespace = kubernetes.Namespace,
        RunnerImage = kubernetes.RunnerImage,
        Separate = kubernetes.Separate ?? false,
        SecretName = kubernetes.SecretName,
        Arguments = kubernetes.Arguments ?? [],
        DefinedAt = kubernetes.Location,
    };

    private BaseUrl? ResolveBaseUrl(string name, SourceLocation? at)
    {
        if (_baseUrls.TryGetValue(name, out var url))
        {
            return url;
        }

        UnknownName("Base URL", name, at, _baseUrls.Keys, "baseUrls");
        return null;
    }

    private Metric? ResolveMetric(string name, SourceLocation? at)
    {
        if (_metrics.TryGetValue(name, out var custom))
        {
            return custom;
        }

        if (K6Metrics.All.TryGetValue(name, out var builtIn))
        {
            return builtIn;
        }

        UnknownName("Metric", name, at, _metrics.Keys.Concat(K6Metrics.All.Keys), "metrics (or use a built-in k6 metric)");
        return null;
    }

    private T? ResolveMetric<T>(string name, SourceLocation? at, string what, string kind)
        where T : Metric
    {
        var metric = ResolveMetric(name, at);
        if (metric is null or T)
        {
            return metric as T;
        }

        Report(DiagnosticCatalog.ScenarioFileWrongValue, at, what, "a " + kind + " metric", "the " + metric.Kind.ToString().ToLowerInvariant() + " '" + name + "'");
        return null;
    }

    private void UnknownName(string kind, string name, SourceLocation? at, IEnumerable<string> known, string section)
    {
        var names = known.ToArray();
        var hint = Binding.Binder.Suggest(name, names, "; did you mean '{0}'?");
        Report(DiagnosticCatalog.ScenarioFileUnknownName, at, kind, name, hint.Length > 0 ? hint : "; declare it under " + section);
    }

    private TimeSpan? Duration(string? text, FileElement owner, string key)
    {
        if (text is null)
        {
            return null;
        }

        var duration = Durations.Parse(text);
        if (duration is null)
        {
            Report(DiagnosticCatalog.ScenarioFileWrongValue, owner.At(key), "'" + key + "'", "a k6 duration no longer than about 29,000 years", "'" + text + "'");
        }

        return duration;
    }

    private static KeyValuePair<string, string>[] Pairs(Dictionary<string, string>? map) =>
        (map ?? []).Select(p => new KeyValuePair<string, string>(p.Key, p.Value)).ToArray();

    private void Report(RuleDescriptor rule, SourceLocation? at, params object?[] arguments) =>
        _diagnostics.Add(new ModelDiagnostic(rule, string.Empty, at ?? SourceLocation.At(_file, 1, 1), arguments));
}
