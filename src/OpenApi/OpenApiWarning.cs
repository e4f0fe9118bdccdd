using System.Globalization;

namespace K6Scenarios.OpenApi;

/// <summary>
/// Something in a document that was read but could not be used as written (an unresolvable
/// <c>$ref</c>, an undeclared security scheme...). The reader carries on and treats it as unknown.
/// </summary>
public sealed class OpenApiWarning
{
    internal OpenApiWarning(string path, string message, int line, int column)
    {
        Path = path;
        Message = TextSearch.Printable(message);
        Line = line;
        Column = column;
    }

    /// <summary>The document path given to the reader.</summary>
    public string Path { get; }

    /// <summary>What was ignored and why.</summary>
    public string Message { get; }

    /// <summary>1-based line in the document.</summary>
    public int Line { get; }

    /// <summary>1-based column in the document.</summary>
    public int Column { get; }

    /// <summary>The warning as <c>path(line,column): message</c>, the way compilers print locations.</summary>
    /// <returns>The formatted warning.</returns>
    public override string ToString() =>
        Path + "(" + Line.ToString(CultureInfo.InvariantCulture) + "," + Column.ToString(CultureInfo.InvariantCulture) + "): " + Message;
}
