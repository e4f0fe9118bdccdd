namespace K6Scenarios.Rules;

/// <summary>Every rule the engine runs, in ID order: one instance each (rules hold no state).</summary>
internal static class RuleCatalog
{
    /// <summary>Gets the rules.</summary>
    public static readonly Rule[] All =
    {
        new InvalidScenarioNameRule(),
        new DuplicateScenarioNameRule(),
        new InvalidDurationRule(),
        new InvalidExecutorParameterRule(),
        new IterationsBelowVusRule(),
        new MissingStagesRule(),
        new RampNeverStartsRule(),
        new MaxVusBelowPreAllocatedRule(),
        new EmptyFlowRule(),
        new NoScenariosRule(),
        new InvalidLoadTestNameRule(),
        new StagesNeverRampDownRule(),
        new InvalidMetricNameRule(),
        new DuplicateMetricNameRule(),
        new InvalidPercentileRule(),
        new ThresholdTagValueUnparsableRule(),
        new ThresholdTagValueNeverProducedRule(),
        new DelayWithoutAbortRule(),
        new MetricShadowsBuiltInRule(),
        new MetricNeverRecordedRule(),
        new InvalidThresholdValueRule(),
        new PoolTooSmallRule(),
        new InvalidPoolNameRule(),
        new PathParameterNotFilledRule(),
        new BodyNotAllowedRule(),
        new InvalidGroupNameRule(),
        new SecretLiteralRule(),
        new InvalidStatusCodeRule(),
        new InvalidThinkTimeRule(),
        new InvalidHeaderNameRule(),
        new InvalidPathRule(),
        new PathParameterNotInPathRule(),
        new OpenApiDocumentInvalidRule(),
        new StatusNotDocumentedRule(),
        new PathNotDocumentedRule(),
        new MethodNotDocumentedRule(),
        new UnknownBodyPropertyRule(),
        new MissingRequiredBodyPropertyRule(),
        new MissingAuthorizationRule(),
        new OpenApiDocumentsAmbiguousRule(),
        new PathParameterNotDeclaredRule(),
        new NoThinkTimeRule(),
        new PeakVusAboveGeneratorLimitRule(),
        new ArrivalRateUnderProvisionedRule(),
    };
}
