using System;
using System.Collections.Generic;
using System.Linq;
using K6Scenarios.Diagnostics;

namespace K6Scenarios.Model;

/// <summary>A k6 scenario: an executor that schedules iterations of a flow.</summary>
public sealed record Scenario
{
    /// <summary>Gets the scenario name (<c>^[0-9a-zA-Z_-]+$</c>), which tags its samples as <c>scenario</c>.</summary>
    public string Name { get; init; } = string.Empty;

    /// <summary>Gets the executor.</summary>
    public Executor Executor { get; init; } = new SharedIterationsExecutor();

    /// <summary>Gets the steps of one iteration.</summary>
    public IReadOnlyList<Step> Flow { get; init; } = [];

    /// <summary>Gets when the scenario starts, relative to the test start (k6 default 0s).</summary>
    public TimeSpan? StartTime { get; init; }

    /// <summary>Gets how long running iterations may finish after the scenario ends (k6 default 30s).</summary>
    public TimeSpan? GracefulStop { get; init; }

    /// <summary>Gets environment variables only this scenario sees.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Environment { get; init; } = [];

    /// <summary>Gets tags on every sample of this scenario.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Tags { get; init; } = [];

    /// <summary>Gets the pool the scenario picks users from, and how.</summary>
    public PoolUse? Users { get; init; }

    /// <summary>Gets where the scenario was defined.</summary>
    public SourceLocation? DefinedAt { get; init; }
}

/// <summary>Grafana Cloud k6 settings (<c>options.cloud</c>).</summary>
public sealed record CloudOptions
{
    /// <summary>Gets the test name shown in Grafana Cloud.</summary>
    public string? Name { get; init; }

    /// <summary>Gets the project ID.</summary>
    public long? ProjectId { get; init; }

    /// <summary>Gets the stack ID.</summary>
    public long? StackId { get; init; }

    /// <summary>Gets how load is spread over load zones; percents sum to 100.</summary>
    public IReadOnlyList<LoadZoneShare> Distribution { get; init; } = [];
}

/// <summary>A load zone's share of a cloud run.</summary>
/// <param name="Label">The label k6 shows.</param>
/// <param name="LoadZone">The zone, such as <c>amazon:de:frankfurt</c>.</param>
/// <param name="Percent">The share, from 1 to 100.</param>
public sealed record LoadZoneShare(string Label, string LoadZone, int Percent);

/// <summary>The k6 options a load test can set, besides scenarios and thresholds.</summary>
public sealed record K6Options
{
    /// <summary>Gets the statistics the end-of-test summary shows for Trends (<c>avg</c>, <c>p(95)</c>, ...).</summary>
    public IReadOnlyList<string> SummaryTrendStats { get; init; } = [];

    /// <summary>Gets the time unit of the summary (<c>ms</c>, <c>s</c>, <c>us</c>).</summary>
    public string? SummaryTimeUnit { get; init; }

    /// <summary>Gets whether response bodies are discarded; requests that check or capture the body still read it.</summary>
    public bool DiscardResponseBodies { get; init; }

    /// <summary>Gets how long setup may take (k6 default 60s).</summary>
    public TimeSpan? SetupTimeout { get; init; }

    /// <summary>Gets how long teardown may take (k6 default 60s).</summary>
    public TimeSpan? TeardownTimeout { get; init; }

    /// <summary>Gets whether connections are closed after every request.</summary>
    public bool NoConnectionReuse { get; init; }

    /// <summary>Gets whether connections are closed between iterations.</summary>
    public bool NoVuConnectionReuse { get; init; }

    /// <summary>Gets whether cookies persist across iterations.</summary>
    public bool NoCookiesReset { get; init; }

    /// <summary>Gets the User-Agent header.</summary>
    public string? UserAgent { get; init; }

    /// <summary>Gets how many redirects are followed (k6 default 10).</summary>
    public int? MaxRedirects { get; init; }

    /// <summary>Gets the most parallel requests of <c>http.batch</c>.</summary>
    public int? Batch { get; init; }

    /// <summary>Gets the most parallel batch requests per host.</summary>
    public int? BatchPerHost { get; init; }

    /// <summary>Gets whether TLS certificates are not verified (test environments only).</summary>
    public bool InsecureSkipTlsVerify { get; init; }

    /// <summary>Gets host name overrides (<c>options.hosts</c>).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Hosts { get; init; } = [];

    /// <summary>Gets tags on every sample of the test.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Tags { get; init; } = [];

    /// <summary>Gets the shortest time an iteration takes; shorter ones sleep the rest.</summary>
    public TimeSpan? MinIterationDuration { get; init; }

    /// <summary>Gets whether failed requests throw instead of returning an error response.</summary>
    public bool Throw { get; init; }

    /// <summary>Gets the system tags k6 attaches to samples.</summary>
    public IReadOnlyList<string> SystemTags { get; init; } = [];

    /// <summary>Gets the Grafana Cloud settings.</summary>
    public CloudOptions? Cloud { get; init; }
}

/// <summary>
/// A load test: scenarios, thresholds and options that compile into one k6 script. Build one with
/// <see cref="Create(string, string, int, string)"/>; mark the public static member that returns it with <see cref="LoadTestAttribute"/>.
/// </summary>
public sealed record LoadTest
{
    /// <summary>Gets the name, which names the script file (<c>{name}.js</c>).</summary>
    public string Name { get; init; } = string.Empty;

    /// <summary>Gets a description written in the script's header.</summary>
    public string? Description { get; init; }

    /// <summary>Gets the base URL of requests that name none.</summary>
    public BaseUrl? DefaultBaseUrl { get; init; }

    /// <summary>Gets the scenarios.</summary>
    public IReadOnlyList<Scenario> Scenarios { get; init; } = [];

    /// <summary>Gets the thresholds.</summary>
    public IReadOnlyList<Threshold> Thresholds { get; init; } = [];

    /// <summary>Gets custom metrics declared explicitly (metrics used by steps and thresholds are declared too).</summary>
    public IReadOnlyList<Metric> Metrics { get; init; } = [];

    /// <summary>Gets the steps of <c>setup()</c>, run once before the scenarios; their captures reach every scenario.</summary>
    public IReadOnlyList<Step> Setup { get; init; } = [];

    /// <summary>Gets the steps of <c>teardown()</c>, run once after the scenarios.</summary>
    public IReadOnlyList<Step> Teardown { get; init; } = [];

    /// <summary>Gets the statuses every request treats as expected, unless it sets its own (k6 default 200 to 399).</summary>
    public IReadOnlyList<int> ExpectedStatuses { get; init; } = [];

    /// <summary>Gets whether <see cref="ExpectedStatuses"/> add to k6's default 200 to 399 rather than replace it.</summary>
    public bool ExpectedStatusesExtendDefault { get; init; }

    /// <summary>Gets the other k6 options.</summary>
    public K6Options Options { get; init; } = new();

    /// <summary>Gets <c>--out</c> outputs the run needs (<c>experimental-prometheus-rw</c>), written as the run command in the header.</summary>
    public IReadOnlyList<string> Outputs { get; init; } = [];

    /// <summary>
    /// Gets the threshold on the <c>checks</c> metric that fails the run when too few checks pass, or
    /// <see langword="null"/> for none. On by default (<see cref="Model.CheckGate.Default"/>).
    /// </summary>
    public CheckGate? CheckGate { get; init; } = Model.CheckGate.Default;

    /// <summary>Gets the other shapes of this test (smoke, stress, ...), chosen at run time with <c>-e LOAD_PROFILE=name</c>.</summary>
    public IReadOnlyList<RunProfile> Profiles { get; init; } = [];

    /// <summary>Gets the k6-operator run the emitter writes a manifest for, or <see langword="null"/> for none.</summary>
    public KubernetesRun? Kubernetes { get; init; }

    /// <summary>Gets where the load test was defined.</summary>
    public SourceLocation? DefinedAt { get; init; }

    /// <summary>Gets the C# member that defined the load test (the method or property that called <see cref="Create"/>).</summary>
    public string? DefinedBy { get; init; }

    /// <summary>Starts building a load test.</summary>
    /// <param name="name">The name, which names the script file.</param>
    /// <param name="file">Filled by the compiler.</param>
    /// <param name="line">Filled by the compiler.</param>
    /// <param name="member">Filled by the compiler.</param>
    /// <returns>The builder.</returns>
    public static LoadTestBuilder Create(string name, [System.Runtime.CompilerServices.CallerFilePath] string file = "", [System.Runtime.CompilerServices.CallerLineNumber] int line = 0, [System.Runtime.CompilerServices.CallerMemberName] string member = "") =>
        new(name, SourceLocation.FromCaller(file, line), string.IsNullOrEmpty(member) ? null : member);

    /// <summary>Gets the most VUs the test runs at once, assuming overlapping scenarios all peak together.</summary>
    public int PeakVus => Scenarios.Sum(s => s.Executor.PeakVus);

    /// <summary>Enumerates every step of setup, teardown and the scenarios, nested steps included.</summary>
    /// <returns>The steps, depth first.</returns>
    public IEnumerable<Step> AllSteps() =>
        StepWalker.Walk(Setup).Concat(StepWalker.Walk(Teardown)).Concat(Scenarios.SelectMany(s => StepWalker.Walk(s.Flow)));
}

/// <summary>Depth-first traversal of nested steps.</summary>
public static class StepWalker
{
    /// <summary>Enumerates steps and the steps nested in them, depth first.</summary>
    /// <param name="steps">The steps.</param>
    /// <returns>The steps.</returns>
    public static IEnumerable<Step> Walk(IEnumerable<Step> steps)
    {
        ArgumentNullException.ThrowIfNull(steps);
        foreach (var step in steps)
        {
            yield return step;
            var nested = step switch
            {
                GroupStep group => group.Steps,
                TimedStep timed => timed.Steps,
                ConditionalStep conditional => conditional.Then.Concat(conditional.Else),
                _ => [],
            };
            foreach (var inner in Walk(nested))
            {
                yield return inner;
            }
        }
    }
}

/// <summary>
/// Marks a public static method (without parameters) or property that returns a <see cref="LoadTest"/>;
/// the emitter finds these in the built assembly and writes one script for each.
/// </summary>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Property, AllowMultiple = false, Inherited = false)]
public sealed class LoadTestAttribute : Attribute
{
}
