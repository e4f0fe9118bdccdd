using System.Linq;
using K6Scenarios.Diagnostics;

namespace K6Scenarios.Rules;

/// <summary>K6S0509: a placeholder named otherwise than the document's path parameter (harmless to k6, confusing to people).</summary>
internal sealed class PathParameterNotDeclaredRule : Rule
{
    /// <inheritdoc />
    public override RuleDescriptor Descriptor => DiagnosticCatalog.PathParameterNotDeclared;

    /// <inheritdoc />
    public override void CheckStep(StepFacts step, StepContext where, RuleContext context)
    {
        if (step is not RequestFacts request || context.MatchOf(request)?.Operation is not { } operation)
        {
            return;
        }

        foreach (var placeholder in PathTemplates.Placeholders(request.Path.Value))
        {
            if (!operation.PathParameterNames.Contains(placeholder))
            {
                var declared = operation.PathParameterNames.Count == 0 ? "(none)" : string.Join(", ", operation.PathParameterNames.Select(n => "{" + n + "}"));
                Report(context, request.Path.Site, request.Description, placeholder, operation.PathTemplate, declared);
            }
        }
    }
}
