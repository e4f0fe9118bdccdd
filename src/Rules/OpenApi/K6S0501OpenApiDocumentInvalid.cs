using System;
using K6Scenarios.Diagnostics;

namespace K6Scenarios.Rules;

/// <summary>K6S0501: a document that cannot be read checks nothing; said once, in the document.</summary>
internal sealed class OpenApiDocumentInvalidRule : Rule
{
    /// <inheritdoc />
    public override RuleDescriptor Descriptor => DiagnosticCatalog.OpenApiDocumentInvalid;

    /// <inheritdoc />
    public override void CheckDocuments(ApiDocuments documents, RuleContext context)
    {
        foreach (var document in documents.All)
        {
            if (document.Error is { } error)
            {
                var line = Math.Max(1, document.Line);
                var column = Math.Max(1, document.Column);
                Report(context, new Site(string.Empty, new DocumentPosition(document, line, column)), document.Path,
                    error + " (line " + RuleText.Number(line) + ", column " + RuleText.Number(column) + ")");
            }
        }
    }
}
