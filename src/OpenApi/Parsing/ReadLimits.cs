using System.Globalization;

namespace K6Scenarios.OpenApi.Parsing;

/// <summary>
/// Bounds on what one document may cost. The analyzers read documents inside the compiler and the IDE, so hostile or
/// accidental input (a generated 100 MB file, an alias or merge-key bomb, a thousand nested brackets) ends in a
/// diagnostic instead of exhausting memory, time or the stack.
/// </summary>
internal static class ReadLimits
{
    /// <summary>Deepest nesting of mappings and sequences; real OpenAPI documents stay far below 50.</summary>
    public const int MaxNesting = 200;

    /// <summary>Most characters read; the largest public API descriptions are about a third of this.</summary>
    public const int MaxCharacters = 32 * 1024 * 1024;

    /// <summary>
    /// Most values (scalars, mappings, sequences, each alias use and each entry a merge key copies) in one document:
    /// about ten times the largest public API descriptions, and a few hundred megabytes at most.
    /// </summary>
    public const int MaxValues = 2_000_000;

    public static readonly string NestingMessage = "the document nests deeper than "
        + MaxNesting.ToString(CultureInfo.InvariantCulture) + " levels";

    public static readonly string SizeMessage = "the document is larger than the "
        + (MaxCharacters / (1024 * 1024)).ToString(CultureInfo.InvariantCulture)
        + " Mi characters the OpenAPI reader accepts; give the analyzers a document that describes only the API the load tests call";

    public static readonly string ValuesMessage = "the document holds more than "
        + MaxValues.ToString("N0", CultureInfo.InvariantCulture)
        + " values (counting each use of an alias and each entry a merge key copies), more than the OpenAPI reader accepts; "
        + "this usually means aliases that expand into each other";
}
