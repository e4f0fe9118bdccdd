using System.Linq;
using K6Scenarios.Diagnostics;
using K6Scenarios.Rules;

namespace K6Scenarios.Model.Validation;

/// <summary>
/// Model-only scenario rules: tag keys (K6S0114) and the environment variables scenarios set. Executors and stages are
/// the rule core's (src/Rules/Scenarios), which the analyzers run too.
/// </summary>
internal static class ScenarioRules
{
    public static void Check(ValidationContext context)
    {
        foreach (var scenario in context.Scenarios)
        {
            var path = ValidationContext.PathOf(scenario);
            var location = context.LocationOf(scenario);
            foreach (var variable in Safe.Pairs(scenario.Environment))
            {
                context.Environment.Add(variable.Key, null, path + ".env", location);
            }

            foreach (var tag in Safe.Pairs(scenario.Tags).Where(tag => !TagRules.IsTagKey(tag.Key)))
            {
                context.Report(DiagnosticCatalog.InvalidName, path + ".tags", location, "Tag key", TextCharacters.Escape(tag.Key ?? string.Empty), TagRules.KeyAdvice);
            }
        }
    }
}
