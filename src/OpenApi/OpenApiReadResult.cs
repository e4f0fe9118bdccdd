namespace K6Scenarios.OpenApi;

/// <summary>
/// The outcome of <see cref="OpenApiReader.Read(string, string)"/>: a document, or an error with
/// the 1-based line and column it points at.
/// </summary>
public sealed class OpenApiReadResult
{
    private OpenApiReadResult(OpenApiDocument? document, string? error, int line, int column)
    {
        Document = document;
        Error = error;
        Line = line;
        Column = column;
    }

    /// <summary>The document; null when <see cref="Succeeded"/> is false.</summary>
    public OpenApiDocument? Document { get; }

    /// <summary>What is wrong and, where possible, what to do instead; null on success.</summary>
    public string? Error { get; }

    /// <summary>1-based line the error points at; 0 on success.</summary>
    public int Line { get; }

    /// <summary>1-based column the error points at; 0 on success.</summary>
    public int Column { get; }

    /// <summary>True when the text was read into <see cref="Document"/>.</summary>
    public bool Succeeded => Document is not null;

    internal static OpenApiReadResult Success(OpenApiDocument document) => new(document, null, 0, 0);

    internal static OpenApiReadResult Failure(string error, int line, int column) => new(null, error, line, column);
}
