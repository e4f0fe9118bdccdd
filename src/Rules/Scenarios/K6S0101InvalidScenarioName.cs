using K6Scenarios.Diagnostics;

namespace K6Scenarios.Rules;

/// <summary>K6S0101: k6 accepts scenario names matching <c>^[0-9a-zA-Z_-]+$</c> only.</summary>
internal sealed class InvalidScenarioNameRule : Rule
{
    /// <inheritdoc />
    public override RuleDescriptor Descriptor => DiagnosticCatalog.InvalidScenarioName;

    /// <inheritdoc />
    public override void CheckScenario(ScenarioFacts scenario, RuleContext context)
    {
        if (scenario.Name.TryGet(out var name) && !NamePatterns.IsScenarioName(name))
        {
            Report(context, scenario.Name.Site, TextCharacters.Escape(name));
        }
    }
}
