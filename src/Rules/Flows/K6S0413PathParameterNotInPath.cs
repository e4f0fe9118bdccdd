using System;
using System.Collections.Generic;
using System.Linq;
using K6Scenarios.Diagnostics;

namespace K6Scenarios.Rules;

/// <summary>K6S0413: a path parameter that matches no placeholder is never sent (usually a typo in one of the two).</summary>
internal sealed class PathParameterNotInPathRule : Rule
{
    /// <inheritdoc />
    public override RuleDescriptor Descriptor => DiagnosticCatalog.PathParameterNotInPath;

    /// <inheritdoc />
    public override void CheckStep(StepFacts step, StepContext where, RuleContext context)
    {
        if (step is not RequestFacts request || request.PathParameters.Count == 0 || !request.Path.TryGet(out var path))
        {
            return;
        }

        var placeholders = PathTemplates.Placeholders(path);
        HashSet<string>? reported = null;
        foreach (var parameter in request.PathParameters)
        {
            if (parameter.TryGet(out var name) && !placeholders.Contains(name) && (reported ??= new HashSet<string>(StringComparer.Ordinal)).Add(name))
            {
                Report(context, parameter.Site, request.Description, name);
            }
        }
    }
}
