using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using K6Scenarios.Diagnostics;
using K6Scenarios.Model.Validation;
using K6Scenarios.OpenApi;
using K6Scenarios.Rules;

namespace K6Scenarios.Emitter.OpenApi;

/// <summary>
/// An OpenAPI document the emitter checks requests against, and the base URL it describes: requests whose
/// <see cref="Model.BaseUrl.EnvironmentVariable"/> is named by <see cref="BaseUrlVariable"/> (one variable, or several
/// separated by ';') are matched against it; a document without a variable applies to every other request when it is
/// the only such document. The rules are the analyzers' (the rule core's K6S05xx).
/// </summary>
public sealed class OpenApiSource
{
    private ModelDiagnostic? _problem;
    private bool _problemChecked;

    private OpenApiSource(string path, OpenApiDocument? document, string? baseUrlVariable, string? error, int line, int column)
    {
        Path = path;
        Document = document;
        BaseUrlVariable = baseUrlVariable;
        ApiDocument = new ApiDocument(path, document, error, line, column, baseUrlVariable, null);
    }

    /// <summary>Gets the document's path.</summary>
    public string Path { get; }

    /// <summary>Gets the parsed document, or <see langword="null"/> when it could not be read.</summary>
    public OpenApiDocument? Document { get; }

    /// <summary>Gets the environment variable of the base URL the document describes, or <see langword="null"/> for any.</summary>
    public string? BaseUrlVariable { get; }

    /// <summary>Gets the K6S0501 diagnostic when the document could not be read.</summary>
    public ModelDiagnostic? Problem
    {
        get
        {
            if (!_problemChecked)
            {
                var problems = Problems([this]);
                _problem = problems.Count > 0 ? problems[0] : null;
                _problemChecked = true;
            }

            return _problem;
        }
    }

    internal ApiDocument ApiDocument { get; }

    internal static IReadOnlyList<OpenApiSource> None { get; } = [];

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
            return new OpenApiSource(path, null, baseUrlVariable, e.Message, 1, 1);
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
        return new OpenApiSource(path, result.Document, baseUrlVariable, result.Error, result.Line, result.Column);
    }

    /// <summary>
    /// Gets what is wrong with a set of documents as a whole: each one that cannot be read (K6S0501), and several that
    /// cannot be told apart because none names its base URL (K6S0508). Report them once per build, not per load test.
    /// </summary>
    /// <param name="sources">The documents.</param>
    /// <returns>The diagnostics, in document order.</returns>
    public static IReadOnlyList<ModelDiagnostic> Problems(IReadOnlyList<OpenApiSource> sources)
    {
        ArgumentNullException.ThrowIfNull(sources);
        var diagnostics = new List<ModelDiagnostic>();
        RuleEngine.CheckDocuments(new RuleSettings { Documents = Set(sources) }, new ModelDiagnosticSink(diagnostics));
        return diagnostics;
    }

    /// <summary>Gets the documents as the rule core matches requests against them.</summary>
    internal static ApiDocuments? Set(IReadOnlyList<OpenApiSource> sources) =>
        sources.Count == 0 ? null : new ApiDocuments(sources.Select(s => s.ApiDocument).ToArray());
}
