namespace K6Scenarios.Diagnostics;

/// <summary>10xx: scenario files (<c>*.k6s.yaml</c>), the YAML form of load tests.</summary>
public static partial class DiagnosticCatalog
{
    private const string ScenarioFiles = "ScenarioFiles";

    /// <summary>K6S1001: a scenario file that is not valid YAML (bad indentation, an unclosed quote or bracket).</summary>
    public static readonly RuleDescriptor ScenarioFileSyntax = new("K6S1001", "Scenario file is not valid YAML",
        "The scenario file is not valid YAML: {0}", ScenarioFiles, RuleSeverity.Error);

    /// <summary>K6S1002: a key the scenario-file format does not have (usually a typo).</summary>
    public static readonly RuleDescriptor ScenarioFileUnknownKey = new("K6S1002", "Unknown key in scenario file",
        "'{0}' is not a key of {1}{2}", ScenarioFiles, RuleSeverity.Error);

    /// <summary>K6S1003: a value of the wrong type or form (text where a number belongs, a duration k6 cannot read).</summary>
    public static readonly RuleDescriptor ScenarioFileWrongValue = new("K6S1003", "Value has the wrong type or form",
        "{0} must be {1}, not {2}", ScenarioFiles, RuleSeverity.Error);

    /// <summary>K6S1004: a key given twice in one mapping, where YAML keeps only one of them.</summary>
    public static readonly RuleDescriptor ScenarioFileDuplicateKey = new("K6S1004", "Duplicate key in scenario file",
        "'{0}' is given twice in {1} (first at line {2}); keep one", ScenarioFiles, RuleSeverity.Error);

    /// <summary>K6S1005: a required key left out.</summary>
    public static readonly RuleDescriptor ScenarioFileMissingKey = new("K6S1005", "Required key is missing",
        "{0} needs '{1}'{2}", ScenarioFiles, RuleSeverity.Error);

    /// <summary>K6S1006: a scenario file too large to be a hand-written load test.</summary>
    public static readonly RuleDescriptor ScenarioFileTooLarge = new("K6S1006", "Scenario file is too large",
        "The scenario file holds {0} bytes, over the limit of {1}; split it, and keep user data in pool files (json, csv)", ScenarioFiles, RuleSeverity.Error);

    /// <summary>K6S1007: aliases that expand into too many nodes (a billion-laughs file), or nesting too deep.</summary>
    public static readonly RuleDescriptor ScenarioFileExpansionLimit = new("K6S1007", "Scenario file expands beyond the limits",
        "The scenario file {0}, over the limit of {1}; reuse steps with fewer nested aliases", ScenarioFiles, RuleSeverity.Error);

    /// <summary>K6S1008: a name that refers to nothing declared (a base URL, pool, metric or captured variable).</summary>
    public static readonly RuleDescriptor ScenarioFileUnknownName = new("K6S1008", "Name refers to nothing declared",
        "{0} '{1}' is not declared{2}", ScenarioFiles, RuleSeverity.Error);

    /// <summary>K6S1009: a threshold that is not k6's grammar, or an aggregation the metric's type does not have.</summary>
    public static readonly RuleDescriptor ScenarioFileInvalidThreshold = new("K6S1009", "Threshold is not valid for its metric",
        "Threshold '{0}' on '{1}' {2}", ScenarioFiles, RuleSeverity.Error);

    /// <summary>K6S1010: keys that cannot go together (two step kinds in one step, two bodies, a setting of another executor).</summary>
    public static readonly RuleDescriptor ScenarioFileConflictingKeys = new("K6S1010", "Keys cannot be used together",
        "{0}", ScenarioFiles, RuleSeverity.Error);

    /// <summary>K6S1011: a scenario file that cannot be read from disk.</summary>
    public static readonly RuleDescriptor ScenarioFileUnreadable = new("K6S1011", "Scenario file cannot be read",
        "'{0}' cannot be read: {1}", ScenarioFiles, RuleSeverity.Error);
}
