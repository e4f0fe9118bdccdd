using System;
using System.Globalization;

namespace K6Scenarios.Diagnostics;

/// <summary>Where an element of the model was defined: the C# line recorded by the builder, or the line and column of a scenario file.</summary>
/// <param name="FilePath">The source file, as the compiler (or the scenario-file loader) saw it.</param>
/// <param name="Line">The 1-based line.</param>
public sealed record SourceLocation(string FilePath, int Line)
{
    /// <summary>Gets the 1-based column, when known (scenario files know it; C# caller information does not).</summary>
    public int? Column { get; init; }

    /// <summary>Creates a location with a line and a column.</summary>
    /// <param name="filePath">The file.</param>
    /// <param name="line">The 1-based line.</param>
    /// <param name="column">The 1-based column.</param>
    /// <returns>The location.</returns>
    public static SourceLocation At(string filePath, int line, int column) =>
        new(filePath, line) { Column = column > 0 ? column : null };

    /// <summary>Creates a location from caller information, or <see langword="null"/> when there is none.</summary>
    /// <param name="filePath">The caller's file path.</param>
    /// <param name="line">The caller's line number.</param>
    /// <returns>The location, or <see langword="null"/>.</returns>
    public static SourceLocation? FromCaller(string? filePath, int line) =>
        string.IsNullOrEmpty(filePath) || line <= 0 ? null : new SourceLocation(filePath!, line);

    /// <inheritdoc />
    public override string ToString() => FilePath + "(" + Position + ")";

    /// <summary>Gets the position as MSBuild reads it: <c>line</c>, or <c>line,column</c> when the column is known.</summary>
    public string Position => Column is { } column
        ? Line.ToString(CultureInfo.InvariantCulture) + "," + column.ToString(CultureInfo.InvariantCulture)
        : Line.ToString(CultureInfo.InvariantCulture);
}

/// <summary>A problem found in a load test: which rule, what to do, and which element it is about.</summary>
public sealed class ModelDiagnostic
{
    /// <summary>Creates a diagnostic.</summary>
    /// <param name="rule">The rule from <see cref="DiagnosticCatalog"/>.</param>
    /// <param name="path">The path of the offending element, such as <c>scenarios.signin.stages[2].target</c>.</param>
    /// <param name="location">Where the element was defined in C#, when known.</param>
    /// <param name="arguments">The values of the rule's message format.</param>
    public ModelDiagnostic(RuleDescriptor rule, string path, SourceLocation? location, params object?[] arguments)
    {
        Rule = rule ?? throw new ArgumentNullException(nameof(rule));
        Path = path ?? string.Empty;
        Location = location;
        // One line of build output: a user's text in the message shows its line breaks and control characters escaped.
        Message = K6Scenarios.Rules.TextCharacters.LineSafe(rule.Format(arguments));
        Severity = rule.Severity;
    }

    private ModelDiagnostic(ModelDiagnostic other, RuleSeverity severity)
    {
        Rule = other.Rule;
        Path = other.Path;
        Location = other.Location;
        Message = other.Message;
        Severity = severity;
    }

    /// <summary>Gets the rule.</summary>
    public RuleDescriptor Rule { get; }

    /// <summary>Gets the rule's ID.</summary>
    public string Id => Rule.Id;

    /// <summary>Gets the severity (the rule's default unless changed with <see cref="WithSeverity"/>).</summary>
    public RuleSeverity Severity { get; }

    /// <summary>Gets the message, which says what to do.</summary>
    public string Message { get; }

    /// <summary>Gets the model path of the offending element.</summary>
    public string Path { get; }

    /// <summary>Gets where the element was defined in C#, when known.</summary>
    public SourceLocation? Location { get; }

    /// <summary>Gets whether this diagnostic blocks emission.</summary>
    public bool IsError => Severity == RuleSeverity.Error;

    /// <summary>Returns a copy with another severity.</summary>
    /// <param name="severity">The new severity.</param>
    /// <returns>The copy.</returns>
    public ModelDiagnostic WithSeverity(RuleSeverity severity) => new(this, severity);

    /// <summary>
    /// Formats the diagnostic in the canonical MSBuild form, <c>file(line): error K6S0101: message [path]</c>
    /// (<c>file(line,column)</c> when the column is known), so IDEs and CI logs annotate the right place.
    /// </summary>
    /// <param name="fallbackFile">The file named when the element has no recorded location.</param>
    /// <returns>The formatted line.</returns>
    public string ToMSBuildFormat(string fallbackFile)
    {
        var origin = Location is null ? fallbackFile : Location.ToString();
        var kind = Severity switch
        {
            RuleSeverity.Error => "error",
            RuleSeverity.Warning => "warning",
            _ => "info",
        };
        var suffix = Path.Length == 0 ? string.Empty : " [" + K6Scenarios.Rules.TextCharacters.LineSafe(Path) + "]";
        return origin + ": " + kind + " " + Id + ": " + Message + suffix;
    }

    /// <inheritdoc />
    public override string ToString() => ToMSBuildFormat("K6Scenarios");
}
