using System;
using System.Collections.Generic;
using System.IO;
using K6Scenarios.Diagnostics;
using K6Scenarios.OpenApi;

namespace K6Scenarios.Emitter.OpenApi;

/// <summary>
/// An OpenAPI document the emitter checks requests against, and the base URL it describes: requests whose
/// <see cref="Model.BaseUrl.EnvironmentVariable"/> equals <see cref="BaseUrlVariable"/> are matched against it; a
/// document without a variable applies to every request when it is the only such document.
/// </summary>
public sealed class OpenApiSource
{
    private OpenApiSource(string path, OpenApiDocument? document, string? baseUrlVariable, ModelDiagnostic? problem)
    {
        Path = path;
        Document = document;
        BaseUrlVariable = baseUrlVariable;
        Problem = problem;
    }

    /// <summary>Gets the document's path.</summary>
    public string Path { get; }

    /// <summary>Gets the parsed document, or <see langword="null"/> when it could not be read.</summary>
    public OpenApiDocument? Document { get; }

    /// <summary>Gets the environment variable of the base URL the document describes, or <see langword="null"/> for any.</summary>
    public string? BaseUrlVariable { get; }

    /// <summary>Gets the K6S0501 diagnostic when the document could not be read.</summary>
    public ModelDiagnostic? Problem { get; }

    /// <summary>Reads a document from a file; a malformed or missing file gives a source with a <see cref="Problem"/>, never an exception.</summary>
    /// <param name="path">The file.</param>
    /// <param name="baseUrlVariable">The base URL's environment variable, or <see langword="null"/>.</param>
    /// <returns>The source.</returns>
    public static OpenApiSource Load(string path, string? baseUrlVariable = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            return new OpenApiSource(path, null, baseUrlVariable, new ModelDiagnostic(DiagnosticCatalog.OpenApiDocumentInvalid, string.Empty, new SourceLocation(path, 1), path, e.Message));
        }

        return Parse(text, path, baseUrlVariable);
    }

    /// <summary>Parses a document from text.</summary>
    /// <param name="text">The JSON or YAML text.</param>
    /// <param name="path">The path named in diagnostics.</param>
    /// <param name="baseUrlVariable">The base URL's environment variable, or <see langword="null"/>.</param>
    /// <returns>The source.</returns>
    public static OpenApiSource Parse(string text, string path, string? baseUrlVariable = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var result = OpenApiReader.Read(text, path);
        return result.Document is { } document
            ? new OpenApiSource(path, document, baseUrlVariable, null)
            : new OpenApiSource(path, null, baseUrlVariable, new ModelDiagnostic(
                DiagnosticCatalog.OpenApiDocumentInvalid, string.Empty, new SourceLocation(path, Math.Max(1, result.Line)), path,
                (result.Error ?? "unknown error") + " (line " + result.Line.ToString(System.Globalization.CultureInfo.InvariantCulture) + ", column " + result.Column.ToString(System.Globalization.CultureInfo.InvariantCulture) + ")"));
    }

    internal static IReadOnlyList<OpenApiSource> None { get; } = [];
}
