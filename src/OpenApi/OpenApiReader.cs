using System;
using K6Scenarios.OpenApi.Building;
using K6Scenarios.OpenApi.Parsing;

namespace K6Scenarios.OpenApi;

/// <summary>Reads OpenAPI 3.0 and 3.1 documents written in JSON or YAML (parsed with YamlDotNet).</summary>
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
            // YamlDotNet reads a byte order mark as content; it is not a column either.
            var body = text.Length > 0 && text[0] == '\uFEFF' ? text.Substring(1) : text;
            var first = 0;
            while (first < body.Length && char.IsWhiteSpace(body[first]))
            {
                first++;
            }

            if (first == body.Length)
            {
                return OpenApiReadResult.Failure("the document is empty", 1, 1);
            }

            var root = DocumentTreeReader.Read(body, json: body[first] == '{');
            return OpenApiReadResult.Success(DocumentBuilder.Build(root, path));
        }
        catch (TextParseException error)
        {
            return OpenApiReadResult.Failure(error.Message, error.Line, error.Column);
        }
        catch (Exception missing) when (missing is System.IO.FileNotFoundException or System.IO.FileLoadException or TypeLoadException)
        {
            // The analyzer assembly was loaded without the YamlDotNet.dll the package ships beside it.
            return OpenApiReadResult.Failure(
                "the OpenAPI reader cannot load its YAML parser (" + missing.GetType().Name + ": " + missing.Message
                + "); reference the K6Scenarios package, which ships YamlDotNet.dll beside the analyzers",
                1,
                1);
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
}
