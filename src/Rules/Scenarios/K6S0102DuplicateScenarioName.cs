using System;
using System.Collections.Generic;
using K6Scenarios.Diagnostics;

namespace K6Scenarios.Rules;

/// <summary>K6S0102: scenario names key options.scenarios, so a second scenario of the same name replaces the first.</summary>
internal sealed class DuplicateScenarioNameRule : Rule
{
    /// <inheritdoc />
    public override RuleDescriptor Descriptor => DiagnosticCatalog.DuplicateScenarioName;

    /// <inheritdoc />
    public override void CheckTest(RuleContext context)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var scenario in context.Test.Scenarios)
        {
            if (scenario.Name.TryGet(out var name) && !seen.Add(name))
            {
                Report(context, scenario.Name.Site, name);
            }
        }
    }
}
