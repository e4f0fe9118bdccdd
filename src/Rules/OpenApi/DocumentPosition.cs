namespace K6Scenarios.Rules;

/// <summary>A position inside an OpenAPI document: where document-level findings (K6S0501, K6S0508) are reported.</summary>
internal sealed class DocumentPosition
{
    public DocumentPosition(ApiDocument document, int line, int column)
    {
        Document = document;
        Line = line;
        Column = column;
    }

    /// <summary>Gets the document.</summary>
    public ApiDocument Document { get; }

    /// <summary>Gets the 1-based line.</summary>
    public int Line { get; }

    /// <summary>Gets the 1-based column.</summary>
    public int Column { get; }
}

/// <summary>The names of the properties OpenAPI findings carry for code fixes.</summary>
internal static class RuleProperties
{
    /// <summary>K6S0502: the documented success statuses, comma-separated.</summary>
    public const string DocumentedStatuses = "DocumentedStatuses";

    /// <summary>K6S0507: the expression of the token captured earlier in the flow.</summary>
    public const string CapturedVariable = "CapturedVariable";
}
