using System;
using System.Linq;
using K6Scenarios.Diagnostics;

namespace K6Scenarios.Rules;

/// <summary>K6S0402: a path placeholder without a value would be sent as <c>{id}</c>.</summary>
internal sealed class PathParameterNotFilledRule : Rule
{
    /// <inheritdoc />
    public override RuleDescriptor Descriptor => DiagnosticCatalog.PathParameterNotFilled;

    /// <inheritdoc />
    public override void CheckStep(StepFacts step, StepContext where, RuleContext context)
    {
        if (step is not RequestFacts { IsComplete: true } request || !request.Path.TryGet(out var path) || request.PathParameters.Any(p => !p.IsKnown))
        {
            return;
        }

        foreach (var placeholder in PathTemplates.Placeholders(path))
        {
            if (!request.PathParameters.Any(p => string.Equals(p.Value, placeholder, StringComparison.Ordinal)))
            {
                Report(context, request.Path.Site, request.Description, placeholder);
            }
        }
    }
}
