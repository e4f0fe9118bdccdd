using System.Collections.Generic;

namespace K6Scenarios.Rules;

/// <summary>
/// Runs every rule over a load test in one walk: the test, its scenarios, its steps in run order, its thresholds.
/// Model validation and the analyzers call it with the facts they read; neither implements a rule of its own.
/// </summary>
internal static class RuleEngine
{
    /// <summary>Gets every rule, in ID order.</summary>
    public static IReadOnlyList<Rule> Rules => RuleCatalog.All;

    /// <summary>Checks a load test (or a builder fragment of one).</summary>
    public static void CheckTest(TestFacts test, RuleSettings settings, IRuleSink sink)
    {
        var context = new RuleContext(test, settings, sink);
        var rules = RuleCatalog.All;
        foreach (var rule in rules)
        {
            rule.CheckTest(context);
        }

        foreach (var scenario in test.Scenarios)
        {
            foreach (var rule in rules)
            {
                rule.CheckScenario(scenario, context);
            }
        }

        foreach (var walked in StepWalk.All(test))
        {
            foreach (var rule in rules)
            {
                rule.CheckStep(walked.Step, walked.Where, context);
            }
        }

        foreach (var threshold in test.Thresholds)
        {
            foreach (var rule in rules)
            {
                rule.CheckThreshold(threshold, context);
            }
        }
    }

    /// <summary>Checks the OpenAPI documents of the settings (unreadable or ambiguous documents).</summary>
    public static void CheckDocuments(RuleSettings settings, IRuleSink sink)
    {
        if (settings.Documents is not { } documents)
        {
            return;
        }

        var context = new RuleContext(new TestFacts(Fact<string>.Unknown(Site.None), Site.None) { IsLoadTest = false, IsComplete = false }, settings, sink);
        foreach (var rule in RuleCatalog.All)
        {
            rule.CheckDocuments(documents, context);
        }
    }

    /// <summary>Checks a custom metric where it is declared.</summary>
    public static void CheckMetricDeclaration(MetricFacts metric, RuleSettings settings, IRuleSink sink)
    {
        var context = new RuleContext(new TestFacts(Fact<string>.Unknown(Site.None), Site.None) { IsLoadTest = false, IsComplete = false }, settings, sink);
        foreach (var rule in RuleCatalog.All)
        {
            rule.CheckMetricDeclaration(metric, context);
        }
    }

    /// <summary>Checks a user pool where it is declared.</summary>
    public static void CheckPool(PoolFacts pool, RuleSettings settings, IRuleSink sink)
    {
        var context = new RuleContext(new TestFacts(Fact<string>.Unknown(Site.None), Site.None) { IsLoadTest = false, IsComplete = false }, settings, sink);
        foreach (var rule in RuleCatalog.All)
        {
            rule.CheckPool(pool, context);
        }
    }
}
