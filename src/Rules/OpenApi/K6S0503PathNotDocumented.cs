using System.Linq;
using K6Scenarios.Diagnostics;

namespace K6Scenarios.Rules;

/// <summary>K6S0503: a path the document does not have (a typo, or an API that moved), with the closest documented one.</summary>
internal sealed class PathNotDocumentedRule : Rule
{
    /// <inheritdoc />
    public override RuleDescriptor Descriptor => DiagnosticCatalog.PathNotDocumented;

    /// <inheritdoc />
    public override void CheckStep(StepFacts step, StepContext where, RuleContext context)
    {
        if (step is not RequestFacts request || context.MatchOf(request) is not { Operation: null, PathOperations.Count: 0 } match)
        {
            return;
        }

        var candidates = match.Documents.SelectMany(d => d.PathTemplates.Concat(d.ServerBasePaths.Where(b => b.Length > 0).SelectMany(b => d.PathTemplates.Select(t => b + t))));
        var closest = EditDistance.Closest(request.Path.Value, candidates);
        Report(context, request.Path.Site, request.Description, request.Path.Value, closest is null ? string.Empty : "; did you mean '" + closest + "'?");
    }
}
