using System;

namespace K6Scenarios.OpenApi.Parsing;

/// <summary>
/// A syntax error with its 1-based position. Thrown inside the parsers only and always caught by
/// <see cref="OpenApiReader.Read(string, string)"/>, which turns it into a failed result.
/// </summary>
#pragma warning disable CA1064 // Internal by design: never escapes the reader.
internal sealed class TextParseException : Exception
#pragma warning restore CA1064
{
    public TextParseException(string message, int line, int column)
        : base(TextSearch.Printable(message))
    {
        Line = line;
        Column = column;
    }

    public int Line { get; }

    public int Column { get; }
}
