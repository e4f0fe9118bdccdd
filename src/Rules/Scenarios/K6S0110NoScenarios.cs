using K6Scenarios.Diagnostics;

namespace K6Scenarios.Rules;

/// <summary>K6S0110: a load test without scenarios has nothing to run.</summary>
internal sealed class NoScenariosRule : Rule
{
    /// <inheritdoc />
    public override RuleDescriptor Descriptor => DiagnosticCatalog.NoScenarios;

    /// <inheritdoc />
    public override void CheckTest(RuleContext context)
    {
        var test = context.Test;
        if (test.IsLoadTest && test.IsComplete && test.Scenarios.Count == 0)
        {
            Report(context, test.Site.Child("scenarios"), test.Name.IsKnown ? test.Name.Value : RuleText.ComputedName);
        }
    }
}
