using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using K6Scenarios.Diagnostics;

namespace K6Scenarios.Model;

/// <summary>Builds a <see cref="LoadTest"/>. Converts implicitly, so a <c>[LoadTest]</c> member can return the builder chain.</summary>
public sealed class LoadTestBuilder
{
    private readonly List<Scenario> _scenarios = [];
    private readonly List<Threshold> _thresholds = [];
    private readonly List<Metric> _metrics = [];
    private readonly List<string> _outputs = [];
    private readonly List<RunProfile> _profiles = [];
    private LoadTest _test;

    internal LoadTestBuilder(string name, SourceLocation? definedAt, string? definedBy = null)
    {
        ArgumentNullException.ThrowIfNull(name);
        _test = new LoadTest { Name = name, DefinedAt = definedAt, DefinedBy = definedBy };
    }

    /// <summary>Builds the load test.</summary>
    /// <param name="builder">The builder.</param>
    public static implicit operator LoadTest(LoadTestBuilder builder) => (builder ?? throw new ArgumentNullException(nameof(builder))).Build();

    /// <summary>Sets the description written in the script header.</summary>
    /// <param name="description">The description.</param>
    /// <returns>This builder.</returns>
    public LoadTestBuilder Describe(string description)
    {
        _test = _test with { Description = description };
        return this;
    }

    /// <summary>Sets the base URL of requests that name none.</summary>
    /// <param name="baseUrl">The base URL.</param>
    /// <returns>This builder.</returns>
    public LoadTestBuilder BaseUrl(BaseUrl baseUrl)
    {
        _test = _test with { DefaultBaseUrl = baseUrl ?? throw new ArgumentNullException(nameof(baseUrl)) };
        return this;
    }

    /// <summary>Sets the base URL of requests that name none, read from an environment variable.</summary>
    /// <param name="environmentVariable">The environment variable.</param>
    /// <param name="defaultValue">The URL used when it is not set.</param>
    /// <returns>This builder.</returns>
    public LoadTestBuilder BaseUrl(string environmentVariable, string defaultValue) =>
        BaseUrl(Model.BaseUrl.FromEnvironment(environmentVariable, defaultValue));

    /// <summary>Adds a scenario.</summary>
    /// <param name="name">The scenario name (<c>^[0-9a-zA-Z_-]+$</c>).</param>
    /// <param name="configure">Sets the executor, the flow and the scenario's settings.</param>
    /// <param name="file">Filled by the compiler.</param>
    /// <param name="line">Filled by the compiler.</param>
    /// <returns>This builder.</returns>
    public LoadTestBuilder Scenario(string name, Action<ScenarioBuilder> configure, [CallerFilePath] string file = "", [CallerLineNumber] int line = 0)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(configure);
        var builder = new ScenarioBuilder(name, SourceLocation.FromCaller(file, line));
        configure(builder);
        _scenarios.Add(builder.Build());
        return this;
    }

    /// <summary>
    /// Adds weighted user types the way Locust spawns them: <paramref name="totalVus"/> VUs split by weight, each type
    /// its own ramping-vus scenario that starts its share at <paramref name="spawnRatePerSecond"/> (split by weight too),
    /// holds for <paramref name="duration"/>, then ramps down.
    /// </summary>
    /// <param name="totalVus">The VUs of all types together.</param>
    /// <param name="spawnRatePerSecond">New VUs per second, all types together.</param>
    /// <param name="duration">How long the full mix runs.</param>
    /// <param name="configure">Adds the user types.</param>
    /// <param name="file">Filled by the compiler.</param>
    /// <param name="line">Filled by the compiler.</param>
    /// <returns>This builder.</returns>
    public LoadTestBuilder UserMix(int totalVus, double spawnRatePerSecond, TimeSpan duration, Action<UserMixBuilder> configure, [CallerFilePath] string file = "", [CallerLineNumber] int line = 0)
    {
        ArgumentNullException.ThrowIfNull(configure);
        if (spawnRatePerSecond <= 0 || double.IsNaN(spawnRatePerSecond) || double.IsInfinity(spawnRatePerSecond))
        {
            throw new ArgumentOutOfRangeException(nameof(spawnRatePerSecond), spawnRatePerSecond, "The spawn rate must be a positive number.");
        }

        var mix = new UserMixBuilder();
        configure(mix);
        foreach (var scenario in mix.Build(totalVus, spawnRatePerSecond, duration, SourceLocation.FromCaller(file, line)))
        {
            _scenarios.Add(scenario);
        }

        return this;
    }

    /// <summary>Adds a threshold.</summary>
    /// <param name="condition">The condition, such as <c>K6Metrics.HttpReqDuration.P(95) &lt; 500</c>.</param>
    /// <param name="abortOnFail">Whether k6 stops the run as soon as the threshold fails.</param>
    /// <param name="delayAbortEval">How long k6 waits before evaluating the abort.</param>
    /// <param name="file">Filled by the compiler.</param>
    /// <param name="line">Filled by the compiler.</param>
    /// <returns>This builder.</returns>
    public LoadTestBuilder Threshold(ThresholdCondition condition, bool abortOnFail = false, TimeSpan? delayAbortEval = null, [CallerFilePath] string file = "", [CallerLineNumber] int line = 0)
    {
        _thresholds.Add(new Threshold(condition, abortOnFail, delayAbortEval, SourceLocation.FromCaller(file, line)));
        return this;
    }

    /// <summary>Declares a custom metric (metrics used by steps or thresholds need no declaration).</summary>
    /// <param name="metric">The metric.</param>
    /// <returns>This builder.</returns>
    public LoadTestBuilder Metric(Metric metric)
    {
        _metrics.Add(metric ?? throw new ArgumentNullException(nameof(metric)));
        return this;
    }

    /// <summary>Sets the steps of <c>setup()</c>; variables they capture reach every scenario.</summary>
    /// <param name="configure">Adds the steps.</param>
    /// <returns>This builder.</returns>
    public LoadTestBuilder Setup(Action<FlowBuilder> configure)
    {
        _test = _test with { Setup = FlowBuilder.BuildSteps(configure) };
        return this;
    }

    /// <summary>Sets the steps of <c>teardown()</c>.</summary>
    /// <param name="configure">Adds the steps.</param>
    /// <returns>This builder.</returns>
    public LoadTestBuilder Teardown(Action<FlowBuilder> configure)
    {
        _test = _test with { Teardown = FlowBuilder.BuildSteps(configure) };
        return this;
    }

    /// <summary>Sets the statuses that every request treats as expected (for <c>http_req_failed</c>), unless it sets its own.</summary>
    /// <param name="statuses">The statuses.</param>
    /// <returns>This builder.</returns>
    public LoadTestBuilder ExpectedStatuses(params int[] statuses)
    {
        _test = _test with { ExpectedStatuses = (statuses ?? throw new ArgumentNullException(nameof(statuses))).ToArray(), ExpectedStatusesExtendDefault = false };
        return this;
    }

    /// <summary>Counts these statuses as expected for <c>http_req_failed</c> on top of k6's 200 to 399 (a 429 from rate limiting).</summary>
    /// <param name="statuses">The statuses.</param>
    /// <returns>This builder.</returns>
    public LoadTestBuilder AlsoExpectedStatuses(params int[] statuses)
    {
        _test = _test with { ExpectedStatuses = (statuses ?? throw new ArgumentNullException(nameof(statuses))).ToArray(), ExpectedStatusesExtendDefault = true };
        return this;
    }

    /// <summary>Changes k6 options: <c>.Options(o =&gt; o with { DiscardResponseBodies = true })</c>.</summary>
    /// <param name="change">Returns the changed options.</param>
    /// <returns>This builder.</returns>
    public LoadTestBuilder Options(Func<K6Options, K6Options> change)
    {
        ArgumentNullException.ThrowIfNull(change);
        _test = _test with { Options = change(_test.Options) ?? throw new InvalidOperationException("The options change returned null.") };
        return this;
    }

    /// <summary>
    /// Sets the gate on checks: <c>k6 run</c> exits non-zero (99) when fewer than <paramref name="minimumPassRate"/> of
    /// the checks pass. Every load test has this gate at 0.99 unless it calls <see cref="WithoutCheckGate"/>.
    /// </summary>
    /// <param name="minimumPassRate">The share of checks that must pass, above 0 and at most 1.</param>
    /// <param name="abortOnFail">Whether k6 stops the run as soon as the gate fails (when every login fails, say), instead of at the end.</param>
    /// <param name="delayAbortEval">How long k6 waits before it may abort on the gate.</param>
    /// <returns>This builder.</returns>
    public LoadTestBuilder GateOnChecks(double minimumPassRate = 0.99, bool abortOnFail = false, TimeSpan? delayAbortEval = null)
    {
        _test = _test with { CheckGate = new CheckGate { MinimumPassRate = minimumPassRate, AbortOnFail = abortOnFail, DelayAbortEval = delayAbortEval } };
        return this;
    }

    /// <summary>Removes the gate on checks: failing checks are reported but no longer fail the run.</summary>
    /// <returns>This builder.</returns>
    public LoadTestBuilder WithoutCheckGate()
    {
        _test = _test with { CheckGate = null };
        return this;
    }

    /// <summary>
    /// Adds a run profile: the same test in another shape, chosen at run time with <c>k6 run -e LOAD_PROFILE=name</c>
    /// (without it, k6 runs the test as defined). Name profiles as k6 names test types: <c>smoke</c>,
    /// <c>average-load</c>, <c>stress</c>, <c>spike</c>, <c>soak</c>, <c>breakpoint</c>.
    /// </summary>
    /// <param name="name">The profile's name: lower-case letters, digits and '-'.</param>
    /// <param name="configure">Scales, stretches or replaces executors: <c>p =&gt; p.Scale(vus: 0.01).Duration(TimeSpan.FromSeconds(30))</c>.</param>
    /// <param name="file">Filled by the compiler.</param>
    /// <param name="line">Filled by the compiler.</param>
    /// <returns>This builder.</returns>
    public LoadTestBuilder Profile(string name, Action<RunProfileBuilder> configure, [CallerFilePath] string file = "", [CallerLineNumber] int line = 0)
    {
        ArgumentNullException.ThrowIfNull(configure);
        _profiles.Add(RunProfileBuilder.Build(name, configure, file, line));
        return this;
    }

    /// <summary>Names a <c>--out</c> output the run needs; it is written in the script's run command.</summary>
    /// <param name="output">The output, such as <c>experimental-prometheus-rw</c>.</param>
    /// <returns>This builder.</returns>
    public LoadTestBuilder Output(string output)
    {
        ArgumentException.ThrowIfNullOrEmpty(output);
        _outputs.Add(output);
        return this;
    }

    /// <summary>
    /// Also writes a k6-operator manifest (<c>{name}.testrun.yaml</c>) that runs the test on <paramref name="parallelism"/>
    /// runner pods: the way past what one load generator sustains.
    /// </summary>
    /// <param name="parallelism">The runner pods.</param>
    /// <param name="configure">Changes the other settings: <c>k =&gt; k with { Namespace = "perf" }</c>.</param>
    /// <param name="file">Filled by the compiler.</param>
    /// <param name="line">Filled by the compiler.</param>
    /// <returns>This builder.</returns>
    public LoadTestBuilder RunOnKubernetes(int parallelism, Func<KubernetesRun, KubernetesRun>? configure = null, [CallerFilePath] string file = "", [CallerLineNumber] int line = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(parallelism);
        var run = new KubernetesRun { Parallelism = parallelism, DefinedAt = SourceLocation.FromCaller(file, line) };
        _test = _test with { Kubernetes = configure is null ? run : configure(run) ?? throw new InvalidOperationException("The Kubernetes change returned null.") };
        return this;
    }

    /// <summary>Builds the load test.</summary>
    /// <returns>The load test.</returns>
    public LoadTest Build() => _test with
    {
        Scenarios = _scenarios.ToArray(),
        Thresholds = _thresholds.ToArray(),
        Metrics = _metrics.ToArray(),
        Outputs = _outputs.ToArray(),
        Profiles = _profiles.ToArray(),
    };
}

/// <summary>Adds weighted user types to <see cref="LoadTestBuilder.UserMix"/>.</summary>
public sealed class UserMixBuilder
{
    private readonly List<(string Name, int Weight, Action<ScenarioBuilder> Configure)> _types = [];

    /// <summary>Adds a user type.</summary>
    /// <param name="name">The scenario name.</param>
    /// <param name="weight">The relative weight (73, 18, 9).</param>
    /// <param name="configure">Sets the flow and other settings; the executor is set by the mix.</param>
    /// <returns>This builder.</returns>
    public UserMixBuilder UserType(string name, int weight, Action<ScenarioBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(configure);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(weight);
        _types.Add((name, weight, configure));
        return this;
    }

    internal IEnumerable<Scenario> Build(int totalVus, double spawnRatePerSecond, TimeSpan duration, SourceLocation? definedAt)
    {
        var totalWeight = _types.Sum(t => t.Weight);
        if (totalWeight == 0)
        {
            yield break;
        }

        // Largest-remainder rounding keeps the sum equal to totalVus (the rule core's arithmetic, which the analyzers use too).
        var vus = Rules.ExecutorMath.SplitByWeight(totalVus, _types.Select(t => (long)t.Weight).ToArray());

        for (var i = 0; i < _types.Count; i++)
        {
            var type = _types[i];
            var rampUp = Rules.ExecutorMath.SpawnTime(totalVus, spawnRatePerSecond);
            var builder = new ScenarioBuilder(type.Name, definedAt);
            builder.RampingVus(0, stages => stages
                .RampTo((int)vus[i], rampUp)
                .Hold(duration)
                .RampTo(0, Rules.ExecutorMath.SpawnTime(vus[i], spawnRatePerSecond)));
            type.Configure(builder);
            yield return builder.Build();
        }
    }
}
