using System.Collections.Generic;
using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;

namespace K6Scenarios.ScenarioFiles.Format;

/// <summary>A load test: scenarios, thresholds and options that become one k6 script, <c>{name}.js</c>.</summary>
[ElementName("a load test")]
public sealed class LoadTestFile : FileElement
{
    /// <summary>The name, which names the script file.</summary>
    [JsonPropertyName("name")]
    [Required]
    public string? Name { get; set; }

    /// <summary>A description written in the script's header.</summary>
    [JsonPropertyName("description")]
    public string? Description { get; set; }

    /// <summary>The base URL (a name under <c>baseUrls</c>) of requests that name none.</summary>
    [JsonPropertyName("baseUrl")]
    public string? BaseUrl { get; set; }

    /// <summary>Statuses every request treats as expected for <c>http_req_failed</c>, replacing k6's 200 to 399.</summary>
    [JsonPropertyName("expectedStatuses")]
    [SingleOrList]
    public List<int>? ExpectedStatuses { get; set; }

    /// <summary>Statuses counted as expected on top of k6's 200 to 399 (a 429 from rate limiting).</summary>
    [JsonPropertyName("alsoExpectedStatuses")]
    [SingleOrList]
    public List<int>? AlsoExpectedStatuses { get; set; }

    /// <summary>The scenarios by name (letters, digits, '_' and '-'), in order.</summary>
    [JsonPropertyName("scenarios")]
    public Dictionary<string, ScenarioFile>? Scenarios { get; set; }

    /// <summary>Weighted user types the way Locust spawns them, each its own ramping-vus scenario (after <c>scenarios</c>).</summary>
    [JsonPropertyName("userMix")]
    public UserMixFile? UserMix { get; set; }

    /// <summary>Thresholds in k6's own shape: a metric (<c>http_req_duration{scenario:signin}</c>) and its expressions (<c>p(95) &lt; 500</c>).</summary>
    [JsonPropertyName("thresholds")]
    [SingleOrList]
    public Dictionary<string, List<ThresholdFile>>? Thresholds { get; set; }

    /// <summary>Steps of <c>setup()</c>, run once before the scenarios; their captures reach every scenario.</summary>
    [JsonPropertyName("setup")]
    public List<StepFile>? Setup { get; set; }

    /// <summary>Steps of <c>teardown()</c>, run once after the scenarios.</summary>
    [JsonPropertyName("teardown")]
    public List<StepFile>? Teardown { get; set; }

    /// <summary>Other k6 options (only keys k6 knows).</summary>
    [JsonPropertyName("options")]
    public OptionsFile? Options { get; set; }

    /// <summary><c>--out</c> outputs the run needs (<c>experimental-prometheus-rw</c>), written as the run command in the header.</summary>
    [JsonPropertyName("outputs")]
    [SingleOrList]
    public List<string>? Outputs { get; set; }

    /// <summary>Also write a k6-operator manifest, <c>{name}.testrun.yaml</c>, that splits the load over runner pods.</summary>
    [JsonPropertyName("kubernetes")]
    public KubernetesFile? Kubernetes { get; set; }

    /// <summary>
    /// Run profiles (smoke, average-load, stress, spike, soak, breakpoint), by name, in order: other shapes of the same
    /// flows, chosen at run time with <c>-e LOAD_PROFILE=name</c>; without it the test runs as defined.
    /// </summary>
    [JsonPropertyName("profiles")]
    public Dictionary<string, ProfileFile>? Profiles { get; set; }
}

/// <summary>A run profile: the test's scenarios scaled, stretched, or given other executors.</summary>
[ElementName("a run profile")]
public sealed class ProfileFile : FileElement
{
    /// <summary>What VU counts are multiplied by (0.01 for a smoke test of a 200-VU test: 2 VUs).</summary>
    [JsonPropertyName("vus")]
    public double? Vus { get; set; }

    /// <summary>What arrival rates are multiplied by (default: the VU scale).</summary>
    [JsonPropertyName("rate")]
    public double? Rate { get; set; }

    /// <summary>How long the profile runs: timed executors are stretched or shortened to it.</summary>
    [JsonPropertyName("duration")]
    [K6Duration]
    public string? Duration { get; set; }

    /// <summary>Executors that replace a scenario's own in this profile, by scenario name.</summary>
    [JsonPropertyName("scenarios")]
    public Dictionary<string, ProfileExecutorFile>? Scenarios { get; set; }
}

/// <summary>A threshold expression in k6's grammar, with the abort settings k6 allows.</summary>
[ElementName("a threshold")]
[Shorthand("threshold")]
public sealed class ThresholdFile : FileElement
{
    /// <summary>The pattern of a threshold expression (k6's grammar: an aggregation, an operator, a number).</summary>
    public const string ExpressionPattern = "^\\s*(count|rate|value|avg|min|med|max|p\\(\\s*[0-9]+(\\.[0-9]+)?\\s*\\))\\s*(<=|<|>=|>|===|==|!=)\\s*-?[0-9]+(\\.[0-9]+)?([eE][-+]?[0-9]+)?\\s*$";

    /// <summary>The expression: <c>p(95) &lt; 500</c>, <c>rate &lt; 0.01</c>, <c>count &gt; 100</c>.</summary>
    [JsonPropertyName("threshold")]
    [Required]
    [TextForm(ExpressionPattern, "a k6 threshold expression such as 'p(95) < 500' or 'rate < 0.01'")]
    public string? Threshold { get; set; }

    /// <summary>Whether k6 aborts the run as soon as the threshold fails.</summary>
    [JsonPropertyName("abortOnFail")]
    public bool? AbortOnFail { get; set; }

    /// <summary>How long k6 waits before evaluating the abort, so early noise does not stop a run.</summary>
    [JsonPropertyName("delayAbortEval")]
    [K6Duration]
    public string? DelayAbortEval { get; set; }
}

/// <summary>A k6 executor with its settings: what a scenario runs, or what a run profile runs it with.</summary>
public abstract class ExecutorFile : FileElement
{
    /// <summary>The k6 executor.</summary>
    [JsonPropertyName("executor")]
    [Required]
    [OneOfValues("shared-iterations", "per-vu-iterations", "constant-vus", "ramping-vus", "constant-arrival-rate", "ramping-arrival-rate")]
    public string? Executor { get; set; }

    /// <summary>VUs (k6 default 1).</summary>
    [JsonPropertyName("vus")]
    [OnlyWith("executor", "shared-iterations", "per-vu-iterations", "constant-vus")]
    public int? Vus { get; set; }

    /// <summary>Iterations: in all (shared-iterations) or per VU (per-vu-iterations); k6 default 1.</summary>
    [JsonPropertyName("iterations")]
    [OnlyWith("executor", "shared-iterations", "per-vu-iterations")]
    public int? Iterations { get; set; }

    /// <summary>When k6 stops an iterations scenario (k6 default 10m).</summary>
    [JsonPropertyName("maxDuration")]
    [K6Duration]
    [OnlyWith("executor", "shared-iterations", "per-vu-iterations")]
    public string? MaxDuration { get; set; }

    /// <summary>How long VUs loop or iterations start (at least 1s).</summary>
    [JsonPropertyName("duration")]
    [K6Duration]
    [OnlyWith("executor", "constant-vus", "constant-arrival-rate")]
    public string? Duration { get; set; }

    /// <summary>VUs at the start of a ramp (k6 default 1).</summary>
    [JsonPropertyName("startVUs")]
    [OnlyWith("executor", "ramping-vus")]
    public int? StartVus { get; set; }

    /// <summary>The stages of a ramp: reach <c>target</c> over <c>duration</c>.</summary>
    [JsonPropertyName("stages")]
    [OnlyWith("executor", "ramping-vus", "ramping-arrival-rate")]
    public List<StageFile>? Stages { get; set; }

    /// <summary>How long VUs removed by a ramp-down may finish their iteration (k6 default 30s).</summary>
    [JsonPropertyName("gracefulRampDown")]
    [K6Duration]
    [OnlyWith("executor", "ramping-vus")]
    public string? GracefulRampDown { get; set; }

    /// <summary>Iterations started per <c>timeUnit</c>.</summary>
    [JsonPropertyName("rate")]
    [OnlyWith("executor", "constant-arrival-rate")]
    public int? Rate { get; set; }

    /// <summary>Iterations per <c>timeUnit</c> at the start of a ramp (k6 default 0).</summary>
    [JsonPropertyName("startRate")]
    [OnlyWith("executor", "ramping-arrival-rate")]
    public int? StartRate { get; set; }

    /// <summary>The period of the rates (k6 default 1s).</summary>
    [JsonPropertyName("timeUnit")]
    [K6Duration]
    [OnlyWith("executor", "constant-arrival-rate", "ramping-arrival-rate")]
    public string? TimeUnit { get; set; }

    /// <summary>VUs allocated before the start.</summary>
    [JsonPropertyName("preAllocatedVUs")]
    [OnlyWith("executor", "constant-arrival-rate", "ramping-arrival-rate")]
    public int? PreAllocatedVus { get; set; }

    /// <summary>Most VUs k6 may allocate (k6 default: preAllocatedVUs).</summary>
    [JsonPropertyName("maxVUs")]
    [OnlyWith("executor", "constant-arrival-rate", "ramping-arrival-rate")]
    public int? MaxVus { get; set; }
}

/// <summary>A scenario: a k6 executor with its settings, and the flow each iteration runs.</summary>
[ElementName("a scenario")]
public sealed class ScenarioFile : ExecutorFile
{
    /// <summary>When the scenario starts, relative to the test start (k6 default 0s).</summary>
    [JsonPropertyName("startTime")]
    [K6Duration]
    public string? StartTime { get; set; }

    /// <summary>How long running iterations may finish after the scenario ends (k6 default 30s).</summary>
    [JsonPropertyName("gracefulStop")]
    [K6Duration]
    public string? GracefulStop { get; set; }

    /// <summary>Environment variables only this scenario sees.</summary>
    [JsonPropertyName("env")]
    public Dictionary<string, string>? Env { get; set; }

    /// <summary>Tags on every sample of this scenario.</summary>
    [JsonPropertyName("tags")]
    public Dictionary<string, string>? Tags { get; set; }

    /// <summary>The pool the scenario picks users from, and how.</summary>
    [JsonPropertyName("users")]
    public PoolUseFile? Users { get; set; }

    /// <summary>The steps of one iteration.</summary>
    [JsonPropertyName("flow")]
    [Required]
    public List<StepFile>? Flow { get; set; }
}

/// <summary>The executor a run profile gives a scenario instead of its own (the scenario keeps its flow and settings).</summary>
[ElementName("a profile's executor")]
public sealed class ProfileExecutorFile : ExecutorFile
{
}

/// <summary>One stage of a ramp.</summary>
[ElementName("a stage")]
public sealed class StageFile : FileElement
{
    /// <summary>How long the ramp to the target takes.</summary>
    [JsonPropertyName("duration")]
    [Required]
    [K6Duration]
    public string? Duration { get; set; }

    /// <summary>VUs (ramping-vus) or iterations per time unit (ramping-arrival-rate) at the end of the stage.</summary>
    [JsonPropertyName("target")]
    [Required]
    public int? Target { get; set; }
}

/// <summary>A scenario's use of a pool.</summary>
[ElementName("a pool use")]
public sealed class PoolUseFile : FileElement
{
    /// <summary>The pool (a name under <c>pools</c>).</summary>
    [JsonPropertyName("pool")]
    [Required]
    public string? Pool { get; set; }

    /// <summary>How entries are picked: unique per VU or per iteration (never reused), round-robin, or random.</summary>
    [JsonPropertyName("selection")]
    [Required]
    [OneOfValues("unique-per-vu", "unique-per-iteration", "round-robin", "random")]
    public string? Selection { get; set; }
}

/// <summary>Locust-style weighted user types: the VUs are split by weight and ramp up at the spawn rate.</summary>
[ElementName("a user mix")]
public sealed class UserMixFile : FileElement
{
    /// <summary>The VUs of all types together.</summary>
    [JsonPropertyName("vus")]
    [Required]
    public int? Vus { get; set; }

    /// <summary>New VUs per second, all types together.</summary>
    [JsonPropertyName("spawnRate")]
    [Required]
    public double? SpawnRate { get; set; }

    /// <summary>How long the full mix runs.</summary>
    [JsonPropertyName("duration")]
    [Required]
    [K6Duration]
    public string? Duration { get; set; }

    /// <summary>The user types by scenario name, in order.</summary>
    [JsonPropertyName("users")]
    [Required]
    public Dictionary<string, UserTypeFile>? Users { get; set; }
}

/// <summary>A user type of a mix: its weight and flow; the mix sets its executor.</summary>
[ElementName("a user type")]
public sealed class UserTypeFile : FileElement
{
    /// <summary>The relative weight (73, 18, 9).</summary>
    [JsonPropertyName("weight")]
    [Required]
    [Range(1, int.MaxValue)]
    public int? Weight { get; set; }

    /// <summary>How long running iterations may finish after the scenario ends (k6 default 30s).</summary>
    [JsonPropertyName("gracefulStop")]
    [K6Duration]
    public string? GracefulStop { get; set; }

    /// <summary>Environment variables only this user type sees.</summary>
    [JsonPropertyName("env")]
    public Dictionary<string, string>? Env { get; set; }

    /// <summary>Tags on every sample of this user type.</summary>
    [JsonPropertyName("tags")]
    public Dictionary<string, string>? Tags { get; set; }

    /// <summary>The pool the user type picks users from, and how.</summary>
    [JsonPropertyName("users")]
    public PoolUseFile? Users { get; set; }

    /// <summary>The steps of one iteration.</summary>
    [JsonPropertyName("flow")]
    [Required]
    public List<StepFile>? Flow { get; set; }
}

/// <summary>The k6 options a load test can set besides scenarios and thresholds.</summary>
[ElementName("the options")]
public sealed class OptionsFile : FileElement
{
    /// <summary>Statistics the summary shows for Trends (<c>avg</c>, <c>p(95)</c>, ...).</summary>
    [JsonPropertyName("summaryTrendStats")]
    public List<string>? SummaryTrendStats { get; set; }

    /// <summary>Time unit of the summary.</summary>
    [JsonPropertyName("summaryTimeUnit")]
    [OneOfValues("s", "ms", "us")]
    public string? SummaryTimeUnit { get; set; }

    /// <summary>Whether response bodies are discarded; requests that check or capture the body still read it.</summary>
    [JsonPropertyName("discardResponseBodies")]
    public bool? DiscardResponseBodies { get; set; }

    /// <summary>How long setup may take (k6 default 60s).</summary>
    [JsonPropertyName("setupTimeout")]
    [K6Duration]
    public string? SetupTimeout { get; set; }

    /// <summary>How long teardown may take (k6 default 60s).</summary>
    [JsonPropertyName("teardownTimeout")]
    [K6Duration]
    public string? TeardownTimeout { get; set; }

    /// <summary>Whether connections are closed after every request.</summary>
    [JsonPropertyName("noConnectionReuse")]
    public bool? NoConnectionReuse { get; set; }

    /// <summary>Whether connections are closed between iterations.</summary>
    [JsonPropertyName("noVUConnectionReuse")]
    public bool? NoVuConnectionReuse { get; set; }

    /// <summary>Whether cookies persist across iterations.</summary>
    [JsonPropertyName("noCookiesReset")]
    public bool? NoCookiesReset { get; set; }

    /// <summary>The User-Agent header.</summary>
    [JsonPropertyName("userAgent")]
    public string? UserAgent { get; set; }

    /// <summary>How many redirects are followed (k6 default 10).</summary>
    [JsonPropertyName("maxRedirects")]
    public int? MaxRedirects { get; set; }

    /// <summary>The most parallel requests of <c>http.batch</c>.</summary>
    [JsonPropertyName("batch")]
    public int? Batch { get; set; }

    /// <summary>The most parallel batch requests per host.</summary>
    [JsonPropertyName("batchPerHost")]
    public int? BatchPerHost { get; set; }

    /// <summary>Whether TLS certificates are not verified (test environments only).</summary>
    [JsonPropertyName("insecureSkipTLSVerify")]
    public bool? InsecureSkipTlsVerify { get; set; }

    /// <summary>Host name overrides.</summary>
    [JsonPropertyName("hosts")]
    public Dictionary<string, string>? Hosts { get; set; }

    /// <summary>Tags on every sample of the test.</summary>
    [JsonPropertyName("tags")]
    public Dictionary<string, string>? Tags { get; set; }

    /// <summary>The shortest time an iteration takes; shorter ones sleep the rest.</summary>
    [JsonPropertyName("minIterationDuration")]
    [K6Duration]
    public string? MinIterationDuration { get; set; }

    /// <summary>Whether failed requests throw instead of returning an error response.</summary>
    [JsonPropertyName("throw")]
    public bool? Throw { get; set; }

    /// <summary>The system tags k6 attaches to samples.</summary>
    [JsonPropertyName("systemTags")]
    public List<string>? SystemTags { get; set; }

    /// <summary>Grafana Cloud k6 settings.</summary>
    [JsonPropertyName("cloud")]
    public CloudFile? Cloud { get; set; }
}

/// <summary>Grafana Cloud k6 settings (<c>options.cloud</c>).</summary>
[ElementName("the cloud options")]
public sealed class CloudFile : FileElement
{
    /// <summary>The test name shown in Grafana Cloud.</summary>
    [JsonPropertyName("name")]
    public string? Name { get; set; }

    /// <summary>The project ID.</summary>
    [JsonPropertyName("projectID")]
    public long? ProjectId { get; set; }

    /// <summary>The stack ID.</summary>
    [JsonPropertyName("stackID")]
    public long? StackId { get; set; }

    /// <summary>How load is spread over load zones, by label; percents sum to 100.</summary>
    [JsonPropertyName("distribution")]
    public Dictionary<string, LoadZoneFile>? Distribution { get; set; }
}

/// <summary>A load zone's share of a cloud run.</summary>
[ElementName("a load zone")]
public sealed class LoadZoneFile : FileElement
{
    /// <summary>The zone, such as <c>amazon:de:frankfurt</c>.</summary>
    [JsonPropertyName("loadZone")]
    [Required]
    public string? LoadZone { get; set; }

    /// <summary>The share, from 1 to 100.</summary>
    [JsonPropertyName("percent")]
    [Required]
    public int? Percent { get; set; }
}

/// <summary>A distributed run with the k6-operator.</summary>
[ElementName("the Kubernetes run")]
public sealed class KubernetesFile : FileElement
{
    /// <summary>How many runner pods share the load.</summary>
    [JsonPropertyName("parallelism")]
    [Required]
    [Range(1, int.MaxValue)]
    public int? Parallelism { get; set; }

    /// <summary>The namespace of the ConfigMap and the TestRun (default: kubectl's current one).</summary>
    [JsonPropertyName("namespace")]
    public string? Namespace { get; set; }

    /// <summary>The runner image (default: the operator's k6 image).</summary>
    [JsonPropertyName("runnerImage")]
    public string? RunnerImage { get; set; }

    /// <summary>Whether each runner pod gets a node of its own.</summary>
    [JsonPropertyName("separate")]
    public bool? Separate { get; set; }

    /// <summary>The Kubernetes Secret whose keys provide the script's required environment variables.</summary>
    [JsonPropertyName("secretName")]
    public string? SecretName { get; set; }

    /// <summary>Extra k6 command-line arguments for every runner.</summary>
    [JsonPropertyName("arguments")]
    public List<string>? Arguments { get; set; }
}
