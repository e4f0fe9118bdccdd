using System.Linq;
using K6Scenarios.Diagnostics;

namespace K6Scenarios.Rules;

/// <summary>K6S0508: several documents without K6BaseUrl metadata cannot be told apart, so none is applied.</summary>
internal sealed class OpenApiDocumentsAmbiguousRule : Rule
{
    /// <inheritdoc />
    public override RuleDescriptor Descriptor => DiagnosticCatalog.OpenApiDocumentsAmbiguous;

    /// <inheritdoc />
    public override void CheckDocuments(ApiDocuments documents, RuleContext context)
    {
        var ambiguous = documents.Ambiguous;
        if (ambiguous.Count == 0)
        {
            return;
        }

        var names = string.Join(", ", ambiguous.Select(d => d.FileName));
        foreach (var document in ambiguous)
        {
            Report(context, new Site(string.Empty, new DocumentPosition(document, 1, 1)), RuleText.Number(ambiguous.Count), names);
        }
    }
}
