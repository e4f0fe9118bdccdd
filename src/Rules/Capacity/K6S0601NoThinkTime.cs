using System;
using System.Collections.Generic;
using K6Scenarios.Diagnostics;

namespace K6Scenarios.Rules;

/// <summary>
/// K6S0601: a looping closed-model scenario (constant-vus, ramping-vus) without pauses sends requests as fast as the
/// API answers. Iteration-bounded executors stop after a fixed count (what smoke tests want) and are not judged; a
/// WebSocket session held open, or options.minIterationDuration, paces too.
/// </summary>
internal sealed class NoThinkTimeRule : Rule
{
    /// <inheritdoc />
    public override RuleDescriptor Descriptor => DiagnosticCatalog.NoThinkTime;

    /// <inheritdoc />
    public override void CheckScenario(ScenarioFacts scenario, RuleContext context)
    {
        if (!scenario.IsComplete || scenario.Executor is not { LoopsForDuration: true })
        {
            return;
        }

        var minimum = context.Test.Options.MinIterationDuration;
        if (!minimum.IsKnown || minimum.Value > TimeSpan.Zero)
        {
            return;
        }

        var steps = new List<StepFacts>();
        if (!Collect(scenario.Flow, steps))
        {
            return;
        }

        var paced = false;
        var sends = false;
        foreach (var step in steps)
        {
            switch (step)
            {
                case ThinkTimeFacts think:
                    paced |= !think.Max.IsKnown || think.Max.Value > TimeSpan.Zero;
                    break;
                case WebSocketFacts socket:
                    sends = true;
                    paced |= !socket.HoldOpen.IsKnown || socket.HoldOpen.Value > TimeSpan.Zero;
                    break;
                case RequestFacts:
                    sends = true;
                    break;
            }
        }

        if (sends && !paced)
        {
            Report(context, scenario.Site, scenario.DisplayName);
        }
    }

    private static bool Collect(FlowFacts flow, List<StepFacts> steps)
    {
        if (!flow.IsComplete)
        {
            return false;
        }

        foreach (var step in flow.Steps)
        {
            steps.Add(step);
            foreach (var child in step.Children)
            {
                if (!Collect(child, steps))
                {
                    return false;
                }
            }
        }

        return true;
    }
}
