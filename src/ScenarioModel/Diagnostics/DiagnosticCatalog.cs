// This file is compiled into K6Scenarios.Model and, as linked source, into the analyzers
// (netstandard2.0, no dependencies), so that both layers report one catalog of IDs.
namespace K6Scenarios.Diagnostics;

/// <summary>How serious a diagnostic is.</summary>
public enum RuleSeverity
{
    /// <summary>Worth knowing; the script is still emitted.</summary>
    Info,

    /// <summary>Probably a mistake in the load test; the script is still emitted.</summary>
    Warning,

    /// <summary>k6 would reject the script or the test would measure nothing; nothing is emitted.</summary>
    Error,
}

/// <summary>One rule of the catalog: an ID, a title, a message format and a default severity.</summary>
public sealed class RuleDescriptor
{
    /// <summary>Creates a rule descriptor.</summary>
    /// <param name="id">The stable identifier, <c>K6S</c> and four digits.</param>
    /// <param name="title">A short title.</param>
    /// <param name="messageFormat">A composite format string whose message says what to do.</param>
    /// <param name="category">The category, used by analyzers and documentation.</param>
    /// <param name="severity">The default severity.</param>
    public RuleDescriptor(string id, string title, string messageFormat, string category, RuleSeverity severity)
    {
        Id = id;
        Title = title;
        MessageFormat = messageFormat;
        Category = category;
        Severity = severity;
    }

    /// <summary>Gets the stable identifier (<c>K6S0101</c>).</summary>
    public string Id { get; }

    /// <summary>Gets the short title.</summary>
    public string Title { get; }

    /// <summary>Gets the composite format string of the message.</summary>
    public string MessageFormat { get; }

    /// <summary>Gets the category.</summary>
    public string Category { get; }

    /// <summary>Gets the default severity.</summary>
    public RuleSeverity Severity { get; }

    /// <summary>Gets the link to the rule's documentation page.</summary>
    public string HelpLink => DiagnosticCatalog.HelpLinkBase + Id + ".md";

    /// <summary>Formats the message with the given arguments, invariantly.</summary>
    /// <param name="arguments">The values for the format's placeholders.</param>
    /// <returns>The message.</returns>
    public string Format(params object?[] arguments) =>
        string.Format(System.Globalization.CultureInfo.InvariantCulture, MessageFormat, arguments);

    /// <inheritdoc />
    public override string ToString() => Id + ": " + Title;
}

/// <summary>
/// The one catalog of rule IDs, shared by model validation, the emitter, the Jint validation and the analyzers.
/// IDs are grouped by range: 01xx scenarios and executors, 02xx metrics and thresholds, 03xx user pools,
/// 04xx flows and requests, 05xx OpenAPI, 06xx capacity heuristics, 09xx emission and tooling.
/// </summary>
public static partial class DiagnosticCatalog
{
    /// <summary>The base of every rule's help link; the rule ID and <c>.md</c> follow.</summary>
    public const string HelpLinkBase = "https://github.com/k6scenarios/k6scenarios/blob/main/docs/rules/";

    private const string Scenarios = "Scenarios";
    private const string Thresholds = "Thresholds";
    private const string Pools = "UserPools";
    private const string Flows = "Flows";
    private const string OpenApi = "OpenApi";
    private const string Capacity = "Capacity";
    private const string Emission = "Emission";

    // 01xx: load tests, scenarios and executors.

    /// <summary>K6S0101: a scenario name that k6 rejects.</summary>
    public static readonly RuleDescriptor InvalidScenarioName = new("K6S0101", "Scenario name is not valid in k6",
        "Scenario name '{0}' is not valid in k6; use only letters, digits, '_' and '-'", Scenarios, RuleSeverity.Error);

    /// <summary>K6S0102: two scenarios with one name.</summary>
    public static readonly RuleDescriptor DuplicateScenarioName = new("K6S0102", "Duplicate scenario name",
        "Scenario name '{0}' is used more than once; give each scenario its own name", Scenarios, RuleSeverity.Error);

    /// <summary>K6S0103: a duration that is zero, negative or shorter than k6 accepts.</summary>
    public static readonly RuleDescriptor InvalidDuration = new("K6S0103", "Duration is zero, negative or too short",
        "{0} is {1}; k6 needs {2}", Scenarios, RuleSeverity.Error);

    /// <summary>K6S0104: an executor parameter that k6 rejects.</summary>
    public static readonly RuleDescriptor InvalidExecutorParameter = new("K6S0104", "Executor parameter is out of range",
        "{0} is {1}; {2}", Scenarios, RuleSeverity.Error);

    /// <summary>K6S0105: shared-iterations with fewer iterations than VUs.</summary>
    public static readonly RuleDescriptor IterationsBelowVus = new("K6S0105", "Fewer shared iterations than VUs",
        "Scenario '{0}' shares {1} iteration(s) among {2} VUs; k6 rejects this, so raise the iterations to at least {2} or lower the VUs", Scenarios, RuleSeverity.Error);

    /// <summary>K6S0106: a ramping executor with no stages.</summary>
    public static readonly RuleDescriptor MissingStages = new("K6S0106", "Ramping executor has no stages",
        "Scenario '{0}' uses {1} without stages; add at least one stage", Scenarios, RuleSeverity.Error);

    /// <summary>K6S0107: ramping-vus whose start and every target are zero.</summary>
    public static readonly RuleDescriptor RampNeverStarts = new("K6S0107", "Ramp never starts a VU",
        "Scenario '{0}' starts with 0 VUs and every stage targets 0, so it never runs an iteration; raise a stage target", Scenarios, RuleSeverity.Error);

    /// <summary>K6S0108: maxVUs below preAllocatedVUs.</summary>
    public static readonly RuleDescriptor MaxVusBelowPreAllocated = new("K6S0108", "maxVUs is below preAllocatedVUs",
        "Scenario '{0}' allows at most {1} VUs but pre-allocates {2}; set maxVUs to at least preAllocatedVUs", Scenarios, RuleSeverity.Error);

    /// <summary>K6S0109: a scenario whose flow does nothing.</summary>
    public static readonly RuleDescriptor EmptyFlow = new("K6S0109", "Scenario flow is empty",
        "Scenario '{0}' has no steps, so it would run empty iterations; add requests to its flow", Scenarios, RuleSeverity.Error);

    /// <summary>K6S0110: a load test without scenarios.</summary>
    public static readonly RuleDescriptor NoScenarios = new("K6S0110", "Load test has no scenarios",
        "Load test '{0}' defines no scenario; add one with .Scenario(...)", Scenarios, RuleSeverity.Error);

    /// <summary>K6S0111: a load-test name that cannot name a file.</summary>
    public static readonly RuleDescriptor InvalidLoadTestName = new("K6S0111", "Load-test name cannot name a script file",
        "Load-test name '{0}' cannot name a script file; use letters, digits, '.', '_' and '-' and start with a letter or digit", Scenarios, RuleSeverity.Error);

    /// <summary>K6S0112: stages that end above zero VUs in a test that ramps.</summary>
    public static readonly RuleDescriptor StagesNeverRampDown = new("K6S0112", "Stages never ramp down",
        "Scenario '{0}' ends its last stage at {1} VUs, so k6 stops them abruptly; end with a stage that targets 0", Scenarios, RuleSeverity.Info);

    /// <summary>K6S0113: two load tests with one name.</summary>
    public static readonly RuleDescriptor DuplicateLoadTestName = new("K6S0113", "Duplicate load-test name",
        "Load-test name '{0}' is defined more than once ({1}); each load test writes its own script, so give each its own name", Scenarios, RuleSeverity.Error);

    /// <summary>K6S0114: an environment variable or tag key that is not a valid name.</summary>
    public static readonly RuleDescriptor InvalidName = new("K6S0114", "Name is not valid here",
        "{0} '{1}' is not valid; {2}", Scenarios, RuleSeverity.Error);

    /// <summary>K6S0115: an option or request setting with a value k6 rejects or that cannot work.</summary>
    public static readonly RuleDescriptor InvalidSettingValue = new("K6S0115", "Setting value is not valid",
        "{0} is {1}; {2}", Scenarios, RuleSeverity.Error);

    /// <summary>K6S0116: Grafana Cloud load-zone percents that do not sum to 100.</summary>
    public static readonly RuleDescriptor CloudDistributionNotWhole = new("K6S0116", "Cloud load-zone percents do not sum to 100",
        "options.cloud.distribution gives the load zones {0} % in total; make the percents sum to 100", Scenarios, RuleSeverity.Error);

    /// <summary>K6S0117: a run profile k6 could not run as written, or that names what the test does not have.</summary>
    public static readonly RuleDescriptor InvalidRunProfile = new("K6S0117", "Run profile is not valid",
        "Run profile '{0}' {1}; {2}", Scenarios, RuleSeverity.Error);

    /// <summary>K6S0118: a text that cannot reach k6 unchanged in its slot (see <c>K6Scenarios.Model.Validation.TextSlots</c>).</summary>
    public static readonly RuleDescriptor TextNotDeliverable = new("K6S0118", "Text cannot reach k6 as written",
        "{0} '{1}' contains {2} at index {3}: {4}; remove it or write the text another way", Scenarios, RuleSeverity.Error);

    // 02xx: metrics and thresholds.

    /// <summary>K6S0201: a custom metric name that k6 rejects.</summary>
    public static readonly RuleDescriptor InvalidMetricName = new("K6S0201", "Metric name is not valid in k6",
        "Metric name '{0}' is not valid in k6; start with a letter or '_', then use 1 to 128 letters, digits or '_'", Thresholds, RuleSeverity.Error);

    /// <summary>K6S0202: one metric name used for two metrics.</summary>
    public static readonly RuleDescriptor DuplicateMetricName = new("K6S0202", "Metric name used twice",
        "Metric name '{0}' is declared as {1} and as {2}; use one declaration, or another name", Thresholds, RuleSeverity.Error);

    /// <summary>K6S0203: a threshold percentile outside 0 to 100.</summary>
    public static readonly RuleDescriptor InvalidPercentile = new("K6S0203", "Percentile out of range",
        "Threshold on '{0}' uses p({1}); use a percentile from 0 to 100", Thresholds, RuleSeverity.Error);

    /// <summary>K6S0204: a tag value with a character k6's threshold parser cannot carry (a comma, a quote, a line break, white space at an end).</summary>
    public static readonly RuleDescriptor ThresholdTagValueUnparsable = new("K6S0204", "Threshold tag value k6 cannot parse",
        "Threshold tag {0}:'{1}' contains {2}, which k6 cannot parse in a threshold selector; rename the tag value", Thresholds, RuleSeverity.Error);

    /// <summary>K6S0205: a sub-metric on a tag value that nothing in the test produces.</summary>
    public static readonly RuleDescriptor ThresholdTagValueNeverProduced = new("K6S0205", "Threshold on a tag value nothing produces",
        "Threshold '{0}' selects {1} '{2}', which nothing in this load test produces, so it would pass silently; use one of: {3}", Thresholds, RuleSeverity.Error);

    /// <summary>K6S0206: delayAbortEval without abortOnFail.</summary>
    public static readonly RuleDescriptor DelayWithoutAbort = new("K6S0206", "delayAbortEval without abortOnFail",
        "Threshold '{0}' sets a delay before abort evaluation but does not abort on failure, so the delay does nothing; set abortOnFail or remove the delay", Thresholds, RuleSeverity.Warning);

    /// <summary>K6S0207: a custom metric that takes a built-in metric's name.</summary>
    public static readonly RuleDescriptor MetricShadowsBuiltIn = new("K6S0207", "Custom metric takes a built-in name",
        "Custom metric '{0}' has the name of a k6 built-in metric; choose another name", Thresholds, RuleSeverity.Error);

    /// <summary>K6S0208: a threshold on a custom metric that no step records.</summary>
    public static readonly RuleDescriptor MetricNeverRecorded = new("K6S0208", "Threshold on a metric nothing records",
        "Threshold on '{0}' watches a custom metric that no step records, so it always passes; record it in a flow or remove the threshold", Thresholds, RuleSeverity.Error);

    /// <summary>K6S0209: a threshold value that is not a finite number.</summary>
    public static readonly RuleDescriptor InvalidThresholdValue = new("K6S0209", "Threshold value is not a finite number",
        "Threshold on '{0}' compares with {1}; use a finite number", Thresholds, RuleSeverity.Error);

    /// <summary>K6S0210: a gate on checks whose pass rate cannot work.</summary>
    public static readonly RuleDescriptor InvalidCheckGate = new("K6S0210", "Check gate is not valid",
        "The gate on checks {0}; {1}", Thresholds, RuleSeverity.Error);

    // 03xx: user pools.

    /// <summary>K6S0301: a pool field the pool does not declare.</summary>
    public static readonly RuleDescriptor UnknownPoolField = new("K6S0301", "Pool field is not declared",
        "Pool '{0}' has no field '{1}'; list it in the pool's fields (FromJsonFile or FromCsvFile) or use one of: {2}", Pools, RuleSeverity.Error);

    /// <summary>K6S0302: a scenario that reads a pool without selecting an entry.</summary>
    public static readonly RuleDescriptor PoolNotSelected = new("K6S0302", "Pool used without a selection",
        "Scenario '{0}' reads pool '{1}' but does not say how to pick an entry; add .WithUsers({1}, PoolSelection...)", Pools, RuleSeverity.Error);

    /// <summary>K6S0303: a unique pool smaller than what needs unique entries.</summary>
    public static readonly RuleDescriptor PoolTooSmall = new("K6S0303", "Unique pool smaller than its demand",
        "Pool '{0}' has {1} entries but scenario '{2}' needs {3} unique ones ({4}); add entries, lower the load, or pick round-robin", Pools, RuleSeverity.Error);

    /// <summary>K6S0304: a pool data file that cannot be read.</summary>
    public static readonly RuleDescriptor PoolFileUnreadable = new("K6S0304", "Pool data file cannot be read",
        "Pool '{0}' reads '{1}': {2}", Pools, RuleSeverity.Error);

    /// <summary>K6S0305: two pools with one name.</summary>
    public static readonly RuleDescriptor DuplicatePoolName = new("K6S0305", "Duplicate pool name",
        "Pool name '{0}' is used by two different pools; give each pool its own name", Pools, RuleSeverity.Error);

    /// <summary>K6S0306: a pool name that k6 or the file system cannot use.</summary>
    public static readonly RuleDescriptor InvalidPoolName = new("K6S0306", "Pool name is not valid",
        "Pool name '{0}' is not valid; start with a letter and use letters, digits, '_' and '-'", Pools, RuleSeverity.Error);

    /// <summary>K6S0307: scenarios that share a pool unique per iteration, and so hand out the same entries.</summary>
    public static readonly RuleDescriptor PoolSharedPerIteration = new("K6S0307", "Unique-per-iteration pool shared by scenarios",
        "Scenarios {0} all pick pool '{1}' unique per iteration, but each numbers its iterations from 0 (exec.scenario.iterationInTest), so they use the same entries; give each scenario its own pool", Pools, RuleSeverity.Warning);

    // 04xx: flows and requests.

    /// <summary>K6S0401: a variable read before any step captured it.</summary>
    public static readonly RuleDescriptor VariableNotCaptured = new("K6S0401", "Variable used before it is captured",
        "{0} uses variable '{1}', which no earlier step (or setup) captures; capture it from a response first", Flows, RuleSeverity.Error);

    /// <summary>K6S0402: a path parameter left unfilled.</summary>
    public static readonly RuleDescriptor PathParameterNotFilled = new("K6S0402", "Path parameter left unfilled",
        "{0} has path parameter '{{{1}}}' without a value; add .PathParameter(\"{1}\", value)", Flows, RuleSeverity.Error);

    /// <summary>K6S0403: a body on a method that takes none.</summary>
    public static readonly RuleDescriptor BodyNotAllowed = new("K6S0403", "Body on a method that sends none",
        "{0} sets a body, but k6's http.{1}() sends none; use another method or drop the body", Flows, RuleSeverity.Error);

    /// <summary>K6S0404: a group name that k6 rejects.</summary>
    public static readonly RuleDescriptor InvalidGroupName = new("K6S0404", "Group or check name is not valid",
        "{0} name '{1}' is not valid in k6; it must not be empty or contain '::'", Flows, RuleSeverity.Error);

    /// <summary>K6S0405: a secret written as a literal.</summary>
    public static readonly RuleDescriptor SecretLiteral = new("K6S0405", "Secret written as a literal",
        "{0} is a literal secret; read it from the environment with Value.Secret(\"NAME\") so it never lands in the script", Flows, RuleSeverity.Warning);

    /// <summary>K6S0406: a status code outside 100 to 599.</summary>
    public static readonly RuleDescriptor InvalidStatusCode = new("K6S0406", "Status code out of range",
        "{0} expects status {1}; HTTP statuses run from 100 to 599", Flows, RuleSeverity.Error);

    /// <summary>K6S0407: think time whose bounds are reversed or negative.</summary>
    public static readonly RuleDescriptor InvalidThinkTime = new("K6S0407", "Think time is not a valid range",
        "{0} waits from {1} to {2}; use non-negative bounds with the minimum first", Flows, RuleSeverity.Error);

    /// <summary>K6S0408: a request without a base URL.</summary>
    public static readonly RuleDescriptor MissingBaseUrl = new("K6S0408", "Request has no base URL",
        "{0} has no base URL; set the load test's default with .BaseUrl(...) or pass one to the request", Flows, RuleSeverity.Error);

    /// <summary>K6S0409: a header name that HTTP does not allow.</summary>
    public static readonly RuleDescriptor InvalidHeaderName = new("K6S0409", "Header name is not valid",
        "{0} sends header '{1}', which is not a valid HTTP header name; use letters, digits and '-'", Flows, RuleSeverity.Error);

    /// <summary>K6S0410: a value from the execution context used where k6 forbids it.</summary>
    public static readonly RuleDescriptor ValueNotAvailableHere = new("K6S0410", "Value not available in this step",
        "{0} uses {1}, which is not available in {2}; {3}", Flows, RuleSeverity.Error);

    /// <summary>K6S0411: a path that is not a relative path starting with '/'.</summary>
    public static readonly RuleDescriptor InvalidPath = new("K6S0411", "Request path is not valid",
        "{0} has path '{1}'; write the path relative to the base URL, starting with '/'", Flows, RuleSeverity.Error);

    /// <summary>K6S0412: the same environment variable with two defaults.</summary>
    public static readonly RuleDescriptor ConflictingEnvironmentDefault = new("K6S0412", "Environment variable with conflicting defaults",
        "Environment variable '{0}' has default '{1}' in one place and '{2}' in another; use one default", Flows, RuleSeverity.Error);

    /// <summary>K6S0413: a path parameter that fills no placeholder of the path.</summary>
    public static readonly RuleDescriptor PathParameterNotInPath = new("K6S0413", "Path parameter matches no placeholder",
        "{0} fills path parameter '{1}', but its path has no '{{{1}}}' placeholder; add the placeholder to the path or remove the parameter", Flows, RuleSeverity.Warning);

    // 05xx: OpenAPI (reported by the analyzers, and by the emitter when a document is given).

    /// <summary>K6S0501: an OpenAPI document that cannot be read.</summary>
    public static readonly RuleDescriptor OpenApiDocumentInvalid = new("K6S0501", "OpenAPI document cannot be read",
        "OpenAPI document '{0}' cannot be read: {1}; fix the document so requests can be checked against it", OpenApi, RuleSeverity.Warning);

    /// <summary>K6S0502: a status the operation does not document.</summary>
    public static readonly RuleDescriptor StatusNotDocumented = new("K6S0502", "Expected status is not a documented response",
        "{0} expects status {1}, but the API documents {2} for this operation; expect a documented status", OpenApi, RuleSeverity.Warning);

    /// <summary>K6S0503: a path the document does not have.</summary>
    public static readonly RuleDescriptor PathNotDocumented = new("K6S0503", "Path is not in the OpenAPI document",
        "{0}: path '{1}' is not in the OpenAPI document{2}", OpenApi, RuleSeverity.Warning);

    /// <summary>K6S0504: a method the path does not have.</summary>
    public static readonly RuleDescriptor MethodNotDocumented = new("K6S0504", "Method is not documented for the path",
        "{0}: '{1}' has no {2} operation in the OpenAPI document; it documents {3}", OpenApi, RuleSeverity.Warning);

    /// <summary>K6S0505: a JSON body property the schema does not have.</summary>
    public static readonly RuleDescriptor UnknownBodyProperty = new("K6S0505", "Body property is unknown to the operation",
        "{0} sends body property '{1}', which the request schema does not define{2}", OpenApi, RuleSeverity.Warning);

    /// <summary>K6S0506: a required JSON body property missing.</summary>
    public static readonly RuleDescriptor MissingRequiredBodyProperty = new("K6S0506", "Required body property is missing",
        "{0} does not send required body property '{1}'; add it to the body", OpenApi, RuleSeverity.Warning);

    /// <summary>K6S0507: a secured operation called without credentials.</summary>
    public static readonly RuleDescriptor MissingAuthorization = new("K6S0507", "Secured operation called without credentials",
        "{0} calls an operation that requires {1}, but sends no Authorization header; send the token captured at sign-in with .BearerToken(token)", OpenApi, RuleSeverity.Warning);

    /// <summary>K6S0508: several OpenAPI documents, none saying which base URL it describes.</summary>
    public static readonly RuleDescriptor OpenApiDocumentsAmbiguous = new("K6S0508", "OpenAPI documents do not name their base URL",
        "{0} OpenAPI documents are available ({1}) but none has K6BaseUrl metadata, so no request is checked against them; add K6BaseUrl=\"ENV_VAR\" (the base URL's environment variable) to each AdditionalFiles item", OpenApi, RuleSeverity.Warning);

    /// <summary>K6S0509: a path placeholder that the operation does not declare.</summary>
    public static readonly RuleDescriptor PathParameterNotDeclared = new("K6S0509", "Path placeholder is not a parameter of the operation",
        "{0}: placeholder '{{{1}}}' is not a path parameter of '{2}' in the OpenAPI document; name it as the document does: {3}", OpenApi, RuleSeverity.Info);

    // 06xx: capacity heuristics.

    /// <summary>K6S0601: a closed-model loop without think time.</summary>
    public static readonly RuleDescriptor NoThinkTime = new("K6S0601", "Closed-model scenario without think time",
        "Scenario '{0}' loops its VUs with no think time, so each VU hammers the API as fast as it answers; add .ThinkTime(...) to the flow", Capacity, RuleSeverity.Warning);

    /// <summary>K6S0602: peak VUs above what one load generator usually sustains.</summary>
    public static readonly RuleDescriptor PeakVusAboveGeneratorLimit = new("K6S0602", "Peak VUs beyond one load generator",
        "Load test '{0}' peaks at {1} VUs, above the {2} that one load generator usually sustains; run it distributed (k6-operator parallelism or cloud) or lower the load", Capacity, RuleSeverity.Warning);

    /// <summary>K6S0603: an arrival-rate executor without enough VUs for its rate.</summary>
    public static readonly RuleDescriptor ArrivalRateUnderProvisioned = new("K6S0603", "Arrival rate needs more VUs than allowed",
        "Scenario '{0}' starts up to {1} iterations/s; at {2} per iteration that needs about {3} VUs but at most {4} are allowed, so iterations will be dropped; raise maxVUs", Capacity, RuleSeverity.Warning);

    /// <summary>K6S0604: a run profile that reshapes the test beyond one load generator or its scenarios' VUs.</summary>
    public static readonly RuleDescriptor RunProfileBeyondCapacity = new("K6S0604", "Run profile beyond the test's capacity",
        "Run profile '{0}' {1} ({2}); {3}", Capacity, RuleSeverity.Warning);

    // 09xx: emission, validation and tooling.

    /// <summary>K6S0990: an analyzer met code it could not handle (a bug in K6Scenarios, reported instead of crashing the build).</summary>
    public static readonly RuleDescriptor AnalyzerFailed = new("K6S0990", "K6Scenarios analyzer failed",
        "The K6Scenarios analyzer could not check this code ({0}: {1}); please report it with the code that triggers it", Emission, RuleSeverity.Info);

    /// <summary>K6S0901: the emitted script failed Jint validation.</summary>
    public static readonly RuleDescriptor ScriptValidationFailed = new("K6S0901", "Emitted script fails validation",
        "The script for {0} fails validation: {1}", Emission, RuleSeverity.Error);

    /// <summary>K6S0902: a file exists that the tool did not generate.</summary>
    public static readonly RuleDescriptor WouldOverwriteUserFile = new("K6S0902", "Output would overwrite a file the tool did not write",
        "'{0}' exists and was not written by K6Scenarios; move it away or choose another output folder", Emission, RuleSeverity.Error);

    /// <summary>K6S0903: an assembly without load tests.</summary>
    public static readonly RuleDescriptor NoLoadTestsFound = new("K6S0903", "No load tests found",
        "'{0}' defines no load test; mark public static methods or properties that return LoadTest with [LoadTest]", Emission, RuleSeverity.Warning);

    /// <summary>K6S0904: a load-test definition that threw.</summary>
    public static readonly RuleDescriptor DefinitionThrew = new("K6S0904", "Load-test definition threw",
        "{0} threw {1}: {2}", Emission, RuleSeverity.Error);

    /// <summary>K6S0905: an assembly that cannot be loaded or a definition with a wrong shape.</summary>
    public static readonly RuleDescriptor DefinitionNotUsable = new("K6S0905", "Load-test definition cannot be used",
        "{0}: {1}", Emission, RuleSeverity.Error);

    /// <summary>K6S0906: an output file that cannot be written.</summary>
    public static readonly RuleDescriptor OutputNotWritten = new("K6S0906", "Output cannot be written",
        "'{0}' cannot be written: {1}", Emission, RuleSeverity.Error);

    /// <summary>K6S0907: the emitter or the emit command failed unexpectedly (a bug in K6Scenarios, reported instead of a stack trace).</summary>
    public static readonly RuleDescriptor EmitterFailed = new("K6S0907", "K6Scenarios emitter failed",
        "Emitting '{0}' failed with {1}: {2}; this is a bug in K6Scenarios, please report it with the load test", Emission, RuleSeverity.Error);

    /// <summary>K6S0908: a k6-operator ConfigMap over Kubernetes' 1 MiB limit.</summary>
    public static readonly RuleDescriptor ConfigMapTooLarge = new("K6S0908", "k6-operator ConfigMap too large",
        "The ConfigMap for '{0}' would hold {1} bytes (script and data files), over Kubernetes' limit of 1 MiB; put the data on a volume claim (TestRun script.volumeClaim) or shrink the pools", Emission, RuleSeverity.Error);
}
