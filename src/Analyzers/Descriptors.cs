using K6Scenarios.Diagnostics;
using Microsoft.CodeAnalysis;

namespace K6Scenarios.Analyzers;

/// <summary>
/// The Roslyn descriptors of the rules the analyzers report, mapped from <see cref="DiagnosticCatalog"/> in one place.
/// Each field repeats its ID as a constant so that release tracking (RS2000) can see it; a test checks that the
/// constant and the catalog agree.
/// </summary>
internal static class Descriptors
{
    // 01xx: load tests, scenarios and executors.
    internal static readonly DiagnosticDescriptor InvalidScenarioName = Create("K6S0101", DiagnosticCatalog.InvalidScenarioName);
    internal static readonly DiagnosticDescriptor DuplicateScenarioName = Create("K6S0102", DiagnosticCatalog.DuplicateScenarioName);
    internal static readonly DiagnosticDescriptor InvalidDuration = Create("K6S0103", DiagnosticCatalog.InvalidDuration);
    internal static readonly DiagnosticDescriptor InvalidExecutorParameter = Create("K6S0104", DiagnosticCatalog.InvalidExecutorParameter);
    internal static readonly DiagnosticDescriptor IterationsBelowVus = Create("K6S0105", DiagnosticCatalog.IterationsBelowVus);
    internal static readonly DiagnosticDescriptor MissingStages = Create("K6S0106", DiagnosticCatalog.MissingStages);
    internal static readonly DiagnosticDescriptor RampNeverStarts = Create("K6S0107", DiagnosticCatalog.RampNeverStarts);
    internal static readonly DiagnosticDescriptor MaxVusBelowPreAllocated = Create("K6S0108", DiagnosticCatalog.MaxVusBelowPreAllocated);
    internal static readonly DiagnosticDescriptor EmptyFlow = Create("K6S0109", DiagnosticCatalog.EmptyFlow);
    internal static readonly DiagnosticDescriptor NoScenarios = Create("K6S0110", DiagnosticCatalog.NoScenarios);
    internal static readonly DiagnosticDescriptor InvalidLoadTestName = Create("K6S0111", DiagnosticCatalog.InvalidLoadTestName);
    internal static readonly DiagnosticDescriptor StagesNeverRampDown = Create("K6S0112", DiagnosticCatalog.StagesNeverRampDown);

    // 02xx: metrics and thresholds.
    internal static readonly DiagnosticDescriptor InvalidMetricName = Create("K6S0201", DiagnosticCatalog.InvalidMetricName);
    internal static readonly DiagnosticDescriptor DuplicateMetricName = Create("K6S0202", DiagnosticCatalog.DuplicateMetricName);
    internal static readonly DiagnosticDescriptor InvalidPercentile = Create("K6S0203", DiagnosticCatalog.InvalidPercentile);
    internal static readonly DiagnosticDescriptor ThresholdTagValueUnparsable = Create("K6S0204", DiagnosticCatalog.ThresholdTagValueUnparsable);
    internal static readonly DiagnosticDescriptor ThresholdTagValueNeverProduced = Create("K6S0205", DiagnosticCatalog.ThresholdTagValueNeverProduced);
    internal static readonly DiagnosticDescriptor DelayWithoutAbort = Create("K6S0206", DiagnosticCatalog.DelayWithoutAbort);
    internal static readonly DiagnosticDescriptor MetricShadowsBuiltIn = Create("K6S0207", DiagnosticCatalog.MetricShadowsBuiltIn);
    internal static readonly DiagnosticDescriptor MetricNeverRecorded = Create("K6S0208", DiagnosticCatalog.MetricNeverRecorded);
    internal static readonly DiagnosticDescriptor InvalidThresholdValue = Create("K6S0209", DiagnosticCatalog.InvalidThresholdValue);

    // 03xx: user pools.
    internal static readonly DiagnosticDescriptor PoolTooSmall = Create("K6S0303", DiagnosticCatalog.PoolTooSmall);
    internal static readonly DiagnosticDescriptor InvalidPoolName = Create("K6S0306", DiagnosticCatalog.InvalidPoolName);

    // 04xx: flows and requests.
    internal static readonly DiagnosticDescriptor PathParameterNotFilled = Create("K6S0402", DiagnosticCatalog.PathParameterNotFilled);
    internal static readonly DiagnosticDescriptor BodyNotAllowed = Create("K6S0403", DiagnosticCatalog.BodyNotAllowed);
    internal static readonly DiagnosticDescriptor InvalidGroupName = Create("K6S0404", DiagnosticCatalog.InvalidGroupName);
    internal static readonly DiagnosticDescriptor SecretLiteral = Create("K6S0405", DiagnosticCatalog.SecretLiteral);
    internal static readonly DiagnosticDescriptor InvalidStatusCode = Create("K6S0406", DiagnosticCatalog.InvalidStatusCode);
    internal static readonly DiagnosticDescriptor InvalidThinkTime = Create("K6S0407", DiagnosticCatalog.InvalidThinkTime);
    internal static readonly DiagnosticDescriptor InvalidHeaderName = Create("K6S0409", DiagnosticCatalog.InvalidHeaderName);
    internal static readonly DiagnosticDescriptor InvalidPath = Create("K6S0411", DiagnosticCatalog.InvalidPath);
    internal static readonly DiagnosticDescriptor PathParameterNotInPath = Create("K6S0413", DiagnosticCatalog.PathParameterNotInPath);

    // 05xx: OpenAPI.
    internal static readonly DiagnosticDescriptor OpenApiDocumentInvalid = Create("K6S0501", DiagnosticCatalog.OpenApiDocumentInvalid, WellKnownDiagnosticTags.CompilationEnd);
    internal static readonly DiagnosticDescriptor StatusNotDocumented = Create("K6S0502", DiagnosticCatalog.StatusNotDocumented);
    internal static readonly DiagnosticDescriptor PathNotDocumented = Create("K6S0503", DiagnosticCatalog.PathNotDocumented);
    internal static readonly DiagnosticDescriptor MethodNotDocumented = Create("K6S0504", DiagnosticCatalog.MethodNotDocumented);
    internal static readonly DiagnosticDescriptor UnknownBodyProperty = Create("K6S0505", DiagnosticCatalog.UnknownBodyProperty);
    internal static readonly DiagnosticDescriptor MissingRequiredBodyProperty = Create("K6S0506", DiagnosticCatalog.MissingRequiredBodyProperty);
    internal static readonly DiagnosticDescriptor MissingAuthorization = Create("K6S0507", DiagnosticCatalog.MissingAuthorization);
    internal static readonly DiagnosticDescriptor OpenApiDocumentsAmbiguous = Create("K6S0508", DiagnosticCatalog.OpenApiDocumentsAmbiguous, WellKnownDiagnosticTags.CompilationEnd);
    internal static readonly DiagnosticDescriptor PathParameterNotDeclared = Create("K6S0509", DiagnosticCatalog.PathParameterNotDeclared);

    // 06xx: capacity heuristics.
    internal static readonly DiagnosticDescriptor NoThinkTime = Create("K6S0601", DiagnosticCatalog.NoThinkTime);
    internal static readonly DiagnosticDescriptor PeakVusAboveGeneratorLimit = Create("K6S0602", DiagnosticCatalog.PeakVusAboveGeneratorLimit);
    internal static readonly DiagnosticDescriptor ArrivalRateUnderProvisioned = Create("K6S0603", DiagnosticCatalog.ArrivalRateUnderProvisioned);

    // 09xx: tooling.
    internal static readonly DiagnosticDescriptor AnalyzerFailed = Create("K6S0990", DiagnosticCatalog.AnalyzerFailed);

    /// <summary>Gets every descriptor the analyzer reports, the rule core's and the analyzer's own.</summary>
    internal static System.Collections.Immutable.ImmutableArray<DiagnosticDescriptor> All { get; } = System.Collections.Immutable.ImmutableArray.Create(
        InvalidScenarioName, DuplicateScenarioName, InvalidDuration, InvalidExecutorParameter, IterationsBelowVus, MissingStages,
        RampNeverStarts, MaxVusBelowPreAllocated, EmptyFlow, NoScenarios, InvalidLoadTestName, StagesNeverRampDown,
        InvalidMetricName, DuplicateMetricName, InvalidPercentile, ThresholdTagValueUnparsable, ThresholdTagValueNeverProduced,
        DelayWithoutAbort, MetricShadowsBuiltIn, MetricNeverRecorded, InvalidThresholdValue,
        PoolTooSmall, InvalidPoolName,
        PathParameterNotFilled, BodyNotAllowed, InvalidGroupName, SecretLiteral, InvalidStatusCode, InvalidThinkTime, InvalidHeaderName,
        InvalidPath, PathParameterNotInPath,
        OpenApiDocumentInvalid, StatusNotDocumented, PathNotDocumented, MethodNotDocumented, UnknownBodyProperty,
        MissingRequiredBodyProperty, MissingAuthorization, OpenApiDocumentsAmbiguous, PathParameterNotDeclared,
        NoThinkTime, PeakVusAboveGeneratorLimit, ArrivalRateUnderProvisioned,
        AnalyzerFailed);

    private static readonly System.Collections.Generic.Dictionary<string, DiagnosticDescriptor> ById = ByIdOf(All);

    /// <summary>Gets the Roslyn descriptor of a catalog rule the analyzer reports.</summary>
    internal static DiagnosticDescriptor For(RuleDescriptor rule) => ById[rule.Id];

    private static System.Collections.Generic.Dictionary<string, DiagnosticDescriptor> ByIdOf(System.Collections.Immutable.ImmutableArray<DiagnosticDescriptor> descriptors)
    {
        var byId = new System.Collections.Generic.Dictionary<string, DiagnosticDescriptor>(System.StringComparer.Ordinal);
        foreach (var descriptor in descriptors)
        {
            byId[descriptor.Id] = descriptor;
        }

        return byId;
    }

    /// <summary>Maps a catalog rule to a Roslyn descriptor; <paramref name="id"/> is the rule's ID as a constant, for release tracking.</summary>
    private static DiagnosticDescriptor Create(string id, RuleDescriptor rule, params string[] customTags) =>
        new(
            id,
            rule.Title,
            rule.MessageFormat,
            rule.Category,
            ToRoslyn(rule.Severity),
            isEnabledByDefault: true,
            description: null,
            helpLinkUri: rule.HelpLink,
            customTags: customTags);

    private static DiagnosticSeverity ToRoslyn(RuleSeverity severity) => severity switch
    {
        RuleSeverity.Error => DiagnosticSeverity.Error,
        RuleSeverity.Warning => DiagnosticSeverity.Warning,
        _ => DiagnosticSeverity.Info,
    };
}
