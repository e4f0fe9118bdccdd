using System;
using K6Scenarios.OpenApi.Building;
using K6Scenarios.OpenApi.Parsing;

namespace K6Scenarios.OpenApi;

/// <summary>Reads OpenAPI 3.0 and 3.1 documents written in JSON or YAML, without dependencies.</summary>
public static class OpenApiReader
{
    /// <summary>
    /// Reads a document: JSON when its first non-blank character is '{', YAML otherwise. Never
    /// throws: malformed text, a Swagger 2.0 document or a file that is not OpenAPI gives a result
    /// whose <see cref="OpenApiReadResult.Error"/> says what is wrong at which 1-based line and column.
    /// </summary>
    /// <param name="text">The document's text.</param>
    /// <param name="path">The file path, kept as <see cref="OpenApiDocument.Path"/> and used in warnings.</param>
    /// <returns>The document or the error.</returns>
    public static OpenApiReadResult Read(string text, string path)
    {
        path ??= string.Empty;
        if (text is null)
        {
            return OpenApiReadResult.Failure("the document is empty", 1, 1);
        }

        try
        {
            var normalized = NormalizeLineBreaks(text);
            var start = normalized.Length > 0 && normalized[0] == '\uFEFF' ? 1 : 0;
            var first = start;
            while (first < normalized.Length && char.IsWhiteSpace(normalized[first]))
            {
                first++;
            }

            if (first == normalized.Length)
            {
                return OpenApiReadResult.Failure("the document is empty", 1, 1);
            }

            var root = normalized[first] == '{'
                ? JsonTextParser.Parse(normalized, start)
                : YamlTextParser.Parse(normalized, start);
            return OpenApiReadResult.Success(DocumentBuilder.Build(root, path));
        }
        catch (TextParseException error)
        {
            return OpenApiReadResult.Failure(error.Message, error.Line, error.Column);
        }
#pragma warning disable CA1031 // The contract is "never throws": analyzers must not crash on a user's file.
        catch (Exception unexpected) when (unexpected is not OutOfMemoryException)
#pragma warning restore CA1031
        {
            return OpenApiReadResult.Failure(InternalErrorPrefix + unexpected.GetType().Name + ": " + unexpected.Message + ")", 1, 1);
        }
    }

    /// <summary>Starts the error of a reader bug (not a document problem), so tests can tell them apart.</summary>
    internal const string InternalErrorPrefix = "the OpenAPI reader failed unexpectedly (";

    private static string NormalizeLineBreaks(string text)
    {
        if (!TextSearch.Contains(text, '\r'))
        {
            return text;
        }

        var normalized = new System.Text.StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\r')
            {
                normalized.Append('\n');
                if (i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }
            }
            else
            {
                normalized.Append(c);
            }
        }

        return normalized.ToString();
    }
}
