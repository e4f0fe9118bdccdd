using System;
using K6Scenarios.Diagnostics;

namespace K6Scenarios.Rules;

/// <summary>K6S0407: a think time needs non-negative bounds with the minimum first.</summary>
internal sealed class InvalidThinkTimeRule : Rule
{
    /// <inheritdoc />
    public override RuleDescriptor Descriptor => DiagnosticCatalog.InvalidThinkTime;

    /// <inheritdoc />
    public override void CheckStep(StepFacts step, StepContext where, RuleContext context)
    {
        if (step is ThinkTimeFacts think && think.Min.TryGet(out var min) && think.Max.TryGet(out var max)
            && (min < TimeSpan.Zero || max < TimeSpan.Zero || min > max))
        {
            Report(context, think.Site, think.Description, RuleText.Duration(min), RuleText.Duration(max));
        }
    }
}
