using System;
using System.Linq;
using K6Scenarios.Diagnostics;

namespace K6Scenarios.Rules;

/// <summary>K6S0504: the path is documented, but not for this method.</summary>
internal sealed class MethodNotDocumentedRule : Rule
{
    /// <inheritdoc />
    public override RuleDescriptor Descriptor => DiagnosticCatalog.MethodNotDocumented;

    /// <inheritdoc />
    public override void CheckStep(StepFacts step, StepContext where, RuleContext context)
    {
        if (step is RequestFacts request && context.MatchOf(request) is { Operation: null, PathOperations.Count: > 0 } match)
        {
            var methods = string.Join(", ", match.PathOperations.Select(o => o.Method).Distinct(StringComparer.Ordinal));
            Report(context, request.Method.Site, request.Description, request.Path.Value, request.Method.Value, methods);
        }
    }
}
