using System;
using System.Collections.Generic;
using System.Linq;
using K6Scenarios.Analyzers.Infrastructure;
using K6Scenarios.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace K6Scenarios.Analyzers.Reading;

/// <summary>Scenarios, executors, stages, user mixes and options.</summary>
internal sealed partial class FactReader
{
    /// <summary>Reads what <c>.Options(o =&gt; o with { ... })</c> sets that rules read; anything else leaves them unknown.</summary>
    private void ReadOptions(TestFacts test, Call call)
    {
        var site = ArgumentReader.NameSiteOf(call);
        var lambda = BuilderCalls.AsLambda(call.Value("change"));
        var parameter = lambda is null ? null : FunctionLevel.SingleParameterName(lambda);
        var returned = lambda?.Body switch
        {
            ExpressionSyntax expression => Semantics.Unwrap(expression),
            BlockSyntax { Statements.Count: 1 } block when block.Statements[0] is ReturnStatementSyntax { Expression: { } value } => Semantics.Unwrap(value),
            _ => null,
        };
        if (returned is not WithExpressionSyntax with
            || Semantics.Unwrap(with.Expression) is not IdentifierNameSyntax operand || operand.Identifier.ValueText != parameter)
        {
            test.Options.MinIterationDuration = Fact<TimeSpan?>.Unknown(site);
            test.Options.SystemTags = Fact<IReadOnlyList<string>?>.Unknown(site);
            test.Options.Tags.IsComplete = false;
            return;
        }

        foreach (var element in with.Initializer.Expressions)
        {
            if (element is not AssignmentExpressionSyntax { Left: IdentifierNameSyntax property } assignment || !assignment.IsKind(Microsoft.CodeAnalysis.CSharp.SyntaxKind.SimpleAssignmentExpression))
            {
                continue;
            }

            var valueSite = ArgumentReader.SiteOf(assignment.Right);
            switch (property.Identifier.ValueText)
            {
                case "MinIterationDuration":
                    var duration = _arguments.Duration(assignment.Right, valueSite);
                    test.Options.MinIterationDuration = Constants.IsNull(assignment.Right, _semantics) ? Fact.Of<TimeSpan?>(null, valueSite)
                        : duration.IsKnown ? Fact.Of<TimeSpan?>(duration.Value, valueSite) : Fact<TimeSpan?>.Unknown(valueSite);
                    break;
                case "SetupTimeout":
                    var setup = _arguments.Duration(assignment.Right, valueSite);
                    test.Options.SetupTimeout = setup.IsKnown ? Fact.Of<TimeSpan?>(setup.Value, valueSite) : Fact<TimeSpan?>.Unknown(valueSite);
                    break;
                case "TeardownTimeout":
                    var teardown = _arguments.Duration(assignment.Right, valueSite);
                    test.Options.TeardownTimeout = teardown.IsKnown ? Fact.Of<TimeSpan?>(teardown.Value, valueSite) : Fact<TimeSpan?>.Unknown(valueSite);
                    break;
                case "SystemTags":
                    test.Options.SystemTags = Fact<IReadOnlyList<string>?>.Unknown(valueSite);
                    break;
                case "Tags":
                    test.Options.Tags.IsComplete = false;
                    break;
            }
        }
    }

    private ScenarioFacts ReadScenario(Call call, ExpressionSyntax? nameArgument, ExpressionSyntax? configure, ExecutorFacts? fixedExecutor)
    {
        var site = nameArgument is null ? ArgumentReader.NameSiteOf(call) : ArgumentReader.SiteOf(nameArgument);
        var configuration = BuilderCalls.Collect(configure, _symbols.ScenarioBuilder, _semantics);
        var scenario = ReadScenarioCalls(configuration.Calls, _arguments.String(nameArgument, site), site, fixedExecutor);
        scenario.IsComplete = !configuration.IsOpaque;
        if (configuration.IsOpaque && fixedExecutor is null && !configuration.Calls.Any(c => ExecutorMethods.Contains(c.Name)))
        {
            scenario.Executor = null;
        }

        return scenario;
    }

    private static readonly string[] ExecutorMethods = { "SharedIterations", "PerVuIterations", "ConstantVus", "RampingVus", "ConstantArrivalRate", "RampingArrivalRate", "Use" };

    private ScenarioFacts ReadScenarioCalls(IReadOnlyList<Call> calls, Fact<string> name, Site site, ExecutorFacts? fixedExecutor)
    {
        // The last Flow call wins, as in ScenarioBuilder; without one the flow is empty.
        var description = "scenario " + RuleText.Quote(name.IsKnown ? name.Value : RuleText.ComputedName);
        var flowCall = calls.LastOrDefault(c => c.Name == "Flow");
        var flow = flowCall is null ? new FlowFacts(FlowKind.Scenario, description) : ReadFlow(flowCall.Value("configure"), FlowKind.Scenario, description);
        var scenario = new ScenarioFacts(name, site, flow)
        {
            // Without an executor call the model runs shared-iterations with 1 VU and 1 iteration.
            Executor = fixedExecutor ?? DefaultExecutor(site),
        };

        foreach (var call in calls)
        {
            switch (call.Name)
            {
                case "SharedIterations" or "PerVuIterations" or "ConstantVus" or "RampingVus" or "ConstantArrivalRate" or "RampingArrivalRate":
                    scenario.Executor = ReadExecutor(call);
                    break;
                case "Use":
                    scenario.Executor = null;
                    break;
                case "StartAfter":
                    scenario.StartTime = Optional(_arguments.Duration(call, "startTime"));
                    break;
                case "GracefulStop":
                    scenario.GracefulStop = Optional(_arguments.Duration(call, "gracefulStop"));
                    break;
                case "WithUsers":
                    var pool = call.Value("pool");
                    var selection = Constants.EnumMemberName(call.Value("selection"), _symbols.PoolSelection, _semantics);
                    scenario.Users = new PoolUseFacts(
                        ReadPoolReference(pool),
                        selection is null ? Fact<string>.Unknown(ArgumentReader.SiteOf(call, "selection")) : Fact.Of(selection, ArgumentReader.SiteOf(call, "selection")),
                        pool is null ? ArgumentReader.NameSiteOf(call) : ArgumentReader.SiteOf(pool));
                    break;
                case "Tag":
                    scenario.Tags.Items.Add(new KeyValuePair<Fact<string>, Fact<string>>(_arguments.String(call, "name"), _arguments.String(call, "value")));
                    break;
            }
        }

        return scenario;
    }

    private static ExecutorFacts DefaultExecutor(Site site) =>
        new(ExecutorKinds.SharedIterations, site)
        {
            Vus = Fact.Of(1L, site),
            Iterations = Fact.Of(1L, site),
            MaxDuration = Fact.Of<TimeSpan?>(null, site),
        };

    private ExecutorFacts ReadExecutor(Call call)
    {
        var site = ArgumentReader.NameSiteOf(call);
        switch (call.Name)
        {
            case "SharedIterations":
            case "PerVuIterations":
                return new ExecutorFacts(call.Name == "SharedIterations" ? ExecutorKinds.SharedIterations : ExecutorKinds.PerVuIterations, site)
                {
                    Vus = _arguments.Integer(call, "vus"),
                    Iterations = _arguments.Integer(call, "iterations"),
                    MaxDuration = _arguments.OptionalDuration(call, "maxDuration"),
                };
            case "ConstantVus":
                return new ExecutorFacts(ExecutorKinds.ConstantVus, site)
                {
                    Vus = _arguments.Integer(call, "vus"),
                    Duration = _arguments.Duration(call, "duration"),
                };
            case "RampingVus":
                var ramping = new ExecutorFacts(ExecutorKinds.RampingVus, site)
                {
                    StartVus = _arguments.Integer(call, "startVus"),
                    GracefulRampDown = _arguments.OptionalDuration(call, "gracefulRampDown"),
                };
                ReadStages(ramping, call);
                return ramping;
            case "ConstantArrivalRate":
                return new ExecutorFacts(ExecutorKinds.ConstantArrivalRate, site)
                {
                    Rate = _arguments.Integer(call, "rate"),
                    Duration = _arguments.Duration(call, "duration"),
                    PreAllocatedVus = _arguments.Integer(call, "preAllocatedVus"),
                    MaxVus = _arguments.OptionalInteger(call, "maxVus"),
                    TimeUnit = _arguments.OptionalDuration(call, "timeUnit"),
                };
            default:
                var arrival = new ExecutorFacts(ExecutorKinds.RampingArrivalRate, site)
                {
                    StartRate = _arguments.Integer(call, "startRate"),
                    PreAllocatedVus = _arguments.Integer(call, "preAllocatedVus"),
                    MaxVus = _arguments.OptionalInteger(call, "maxVus"),
                    TimeUnit = _arguments.OptionalDuration(call, "timeUnit"),
                };
                ReadStages(arrival, call);
                return arrival;
        }
    }

    private void ReadStages(ExecutorFacts executor, Call call)
    {
        var argument = call.Value("stages");
        executor.StagesSite = argument is null ? ArgumentReader.NameSiteOf(call) : ArgumentReader.SiteOf(argument);
        var calls = BuilderCalls.Collect(argument, _symbols.StagesBuilder, _semantics);
        executor.StagesComplete = !calls.IsOpaque;
        executor.Stages = new List<StageFacts>();
        var previous = Fact<long>.Unknown(executor.StagesSite);
        foreach (var stage in calls.Calls)
        {
            var site = ArgumentReader.NameSiteOf(stage);
            switch (stage.Name)
            {
                case "RampTo":
                    previous = _arguments.Integer(stage, "target");
                    executor.Stages.Add(new StageFacts(_arguments.Duration(stage, "duration"), previous, site));
                    break;
                case "Hold":
                    // A hold keeps the previous stage's target.
                    executor.Stages.Add(new StageFacts(_arguments.Duration(stage, "duration"), previous.IsKnown ? Fact.Of(previous.Value, site) : Fact<long>.Unknown(site), site));
                    break;
            }
        }
    }

    /// <summary>
    /// Reads <c>.UserMix(totalVus, spawnRate, duration, m =&gt; m.UserType(name, weight, configure))</c> into the scenarios
    /// the model builds from it: one ramping-vus scenario per user type, its share of the VUs split by weight.
    /// </summary>
    private void ReadUserMix(TestFacts test, Call call)
    {
        var mix = BuilderCalls.Collect(call.Value("configure"), _symbols.UserMixBuilder, _semantics);
        test.IsComplete &= !mix.IsOpaque;
        var types = mix.Calls.Where(c => c.Name == "UserType").ToList();
        var totalVus = _arguments.Integer(call, "totalVus");
        var spawnRate = Constants.Number(call.Value("spawnRatePerSecond"), _semantics);
        var duration = _arguments.Duration(call, "duration");
        var weights = types.Select(t => Constants.Integer(t.Value("weight"), _semantics)).ToList();
        var shares = totalVus.IsKnown && weights.All(w => w is > 0) ? ExecutorMath.SplitByWeight(totalVus.Value, weights.Select(w => w!.Value).ToList()) : null;
        var site = ArgumentReader.NameSiteOf(call);
        for (var i = 0; i < types.Count; i++)
        {
            var executor = new ExecutorFacts(ExecutorKinds.RampingVus, site)
            {
                StartVus = Fact.Of(0L, site),
                GracefulRampDown = Fact.Of<TimeSpan?>(null, site),
                StagesSite = site,
                Stages = new List<StageFacts>(),
            };
            var share = shares is null ? Fact<long>.Unknown(totalVus.Site) : Fact.Of(shares[i], totalVus.Site);
            var rampUp = spawnRate is > 0 && totalVus.IsKnown ? Fact.Of(ExecutorMath.SpawnTime(totalVus.Value, spawnRate.Value), site) : Fact<TimeSpan>.Unknown(site);
            var rampDown = spawnRate is > 0 && share.IsKnown ? Fact.Of(ExecutorMath.SpawnTime(share.Value, spawnRate.Value), site) : Fact<TimeSpan>.Unknown(site);
            executor.Stages.Add(new StageFacts(rampUp, share, site));
            executor.Stages.Add(new StageFacts(duration, share, duration.Site));
            executor.Stages.Add(new StageFacts(rampDown, Fact.Of(0L, site), site));
            test.Scenarios.Add(ReadScenario(types[i], types[i].Value("name"), types[i].Value("configure"), executor));
        }
    }

    private static Fact<TimeSpan?> Optional(Fact<TimeSpan> duration) =>
        duration.IsKnown ? Fact.Of<TimeSpan?>(duration.Value, duration.Site) : Fact<TimeSpan?>.Unknown(duration.Site);
}
