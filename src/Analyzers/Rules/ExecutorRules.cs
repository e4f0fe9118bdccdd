using System.Linq;
using K6Scenarios.Analyzers.Chains;
using K6Scenarios.Analyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace K6Scenarios.Analyzers.Rules;

/// <summary>The executor parameters k6 rejects (lib/executor/*.go), checked on constant arguments.</summary>
internal static class ExecutorRules
{
    private const string AtLeastOneSecond = "at least 1s";
    private const string NotNegative = "a duration of 0s or more";

    /// <summary>Checks a scenario builder call.</summary>
    public static void Check(OperationAnalysisContext context, IInvocationOperation call, ModelSymbols symbols)
    {
        var scenario = "scenario '" + (EnclosingScenarioName(call, symbols) ?? "(computed name)") + "'";
        switch (call.TargetMethod.Name)
        {
            case "ConstantVus":
                AtLeastOne(context, call, "vus", "The VUs of " + scenario);
                MinimumDuration(context, call, "duration", "The duration of " + scenario, symbols, 1000, AtLeastOneSecond);
                break;
            case "SharedIterations":
            case "PerVuIterations":
                var vus = AtLeastOne(context, call, "vus", "The VUs of " + scenario);
                var iterations = AtLeastOne(context, call, "iterations", "The iterations of " + scenario);
                MinimumDuration(context, call, "maxDuration", "The maximum duration of " + scenario, symbols, 1000, AtLeastOneSecond);
                if (call.TargetMethod.Name == "SharedIterations" && vus is > 0 && iterations is > 0 && iterations < vus)
                {
                    Report(context, Descriptors.IterationsBelowVus, call.ArgumentValue("iterations")!, ScenarioName(scenario), Texts.Number(iterations.Value), Texts.Number(vus.Value));
                }

                break;
            case "RampingVus":
                NotBelowZero(context, call, "startVus", "The start VUs of " + scenario);
                MinimumDuration(context, call, "gracefulRampDown", "The graceful ramp-down of " + scenario, symbols, 0, NotNegative);
                CheckStages(context, call, scenario, symbols, rampsVus: true);
                break;
            case "ConstantArrivalRate":
                AtLeastOne(context, call, "rate", "The rate of " + scenario);
                MinimumDuration(context, call, "duration", "The duration of " + scenario, symbols, 1000, AtLeastOneSecond);
                CheckArrivalVus(context, call, scenario);
                CheckTimeUnit(context, call, scenario, symbols);
                break;
            case "RampingArrivalRate":
                NotBelowZero(context, call, "startRate", "The start rate of " + scenario);
                CheckStages(context, call, scenario, symbols, rampsVus: false);
                CheckArrivalVus(context, call, scenario);
                CheckTimeUnit(context, call, scenario, symbols);
                break;
            case "StartAfter":
                MinimumDuration(context, call, "startTime", "The start time of " + scenario, symbols, 0, NotNegative);
                break;
            case "GracefulStop":
                MinimumDuration(context, call, "gracefulStop", "The graceful stop of " + scenario, symbols, 0, NotNegative);
                break;
        }
    }

    /// <summary>Checks a stage.</summary>
    public static void CheckStage(OperationAnalysisContext context, IInvocationOperation call, ModelSymbols symbols)
    {
        if (call.TargetMethod.Name is not ("RampTo" or "Hold"))
        {
            return;
        }

        var scenario = "scenario '" + (EnclosingScenarioName(call, symbols) ?? "(computed name)") + "'";
        MinimumDuration(context, call, "duration", "A stage duration of " + scenario, symbols, 0, NotNegative);
        if (call.TargetMethod.Name == "RampTo")
        {
            NotBelowZero(context, call, "target", "A stage target of " + scenario);
        }
    }

    /// <summary>Finds the constant name of the scenario that encloses an operation.</summary>
    public static string? EnclosingScenarioName(IOperation operation, ModelSymbols symbols)
    {
        for (var current = operation.Parent; current is not null; current = current.Parent)
        {
            if (current is IInvocationOperation invocation
                && ((invocation.TargetMethod.Name == "Scenario" && ModelSymbols.IsDeclaredBy(invocation.TargetMethod, symbols.LoadTestBuilder))
                    || (invocation.TargetMethod.Name == "UserType" && ModelSymbols.IsDeclaredBy(invocation.TargetMethod, symbols.UserMixBuilder))))
            {
                return Constants.String(invocation.ArgumentValue("name"));
            }
        }

        return null;
    }

    private static void CheckStages(OperationAnalysisContext context, IInvocationOperation call, string scenario, ModelSymbols symbols, bool rampsVus)
    {
        var stagesArgument = call.ArgumentValue("stages");
        var stages = StageInfo.Read(stagesArgument, symbols);
        if (stages.IsOpaque)
        {
            return;
        }

        var name = ScenarioName(scenario);
        if (stages.StageCalls.Count == 0)
        {
            Report(context, Descriptors.MissingStages, stagesArgument ?? (IOperation)call, name, call.TargetMethod.Name == "RampingVus" ? "ramping-vus" : "ramping-arrival-rate");
            return;
        }

        if (!rampsVus)
        {
            return;
        }

        var start = Constants.Integer(call.ArgumentValue("startVus"));
        if (start == 0 && stages.Targets.All(t => t == 0))
        {
            context.ReportDiagnostic(Diagnostic.Create(Descriptors.RampNeverStarts, call.NameLocation(), name));
        }
        else if (stages.Targets[stages.Targets.Count - 1] is > 0 and var last)
        {
            context.ReportDiagnostic(Diagnostic.Create(Descriptors.StagesNeverRampDown, stages.StageCalls[stages.StageCalls.Count - 1].NameLocation(), name, Texts.Number(last)));
        }
    }

    private static void CheckArrivalVus(OperationAnalysisContext context, IInvocationOperation call, string scenario)
    {
        var preAllocated = NotBelowZero(context, call, "preAllocatedVus", "The pre-allocated VUs of " + scenario);
        var maxArgument = call.ArgumentValue("maxVus");
        if (maxArgument is not null && Constants.Integer(maxArgument) is { } max && preAllocated is { } pre && max < pre)
        {
            Report(context, Descriptors.MaxVusBelowPreAllocated, maxArgument, ScenarioName(scenario), Texts.Number(max), Texts.Number(pre));
        }
    }

    private static void CheckTimeUnit(OperationAnalysisContext context, IInvocationOperation call, string scenario, ModelSymbols symbols)
    {
        var argument = call.ArgumentValue("timeUnit");
        if (Constants.DurationMilliseconds(argument, symbols.TimeSpan) is { } milliseconds && milliseconds <= 0)
        {
            Report(context, Descriptors.InvalidDuration, argument!, "The time unit of " + scenario, Constants.FormatDuration(milliseconds), "more than 0s");
        }
    }

    private static long? AtLeastOne(OperationAnalysisContext context, IInvocationOperation call, string parameter, string what)
    {
        var argument = call.ArgumentValue(parameter);
        var value = Constants.Integer(argument);
        if (value is <= 0)
        {
            Report(context, Descriptors.InvalidExecutorParameter, argument!, what, Texts.Number(value.Value), "use at least 1");
        }

        return value;
    }

    private static long? NotBelowZero(OperationAnalysisContext context, IInvocationOperation call, string parameter, string what)
    {
        var argument = call.ArgumentValue(parameter);
        var value = Constants.Integer(argument);
        if (value is < 0)
        {
            Report(context, Descriptors.InvalidExecutorParameter, argument!, what, Texts.Number(value.Value), "use 0 or more");
        }

        return value;
    }

    private static void MinimumDuration(OperationAnalysisContext context, IInvocationOperation call, string parameter, string what, ModelSymbols symbols, double minimumMilliseconds, string requirement)
    {
        var argument = call.ArgumentValue(parameter);
        if (Constants.DurationMilliseconds(argument, symbols.TimeSpan) is { } milliseconds && milliseconds < minimumMilliseconds)
        {
            Report(context, Descriptors.InvalidDuration, argument!, what, Constants.FormatDuration(milliseconds), requirement);
        }
    }

    private static string ScenarioName(string scenarioPhrase) =>
        scenarioPhrase.Substring("scenario '".Length, scenarioPhrase.Length - "scenario '".Length - 1);

    private static void Report(OperationAnalysisContext context, DiagnosticDescriptor descriptor, IOperation at, params object?[] arguments) =>
        context.ReportDiagnostic(Diagnostic.Create(descriptor, at.Syntax.GetLocation(), arguments));
}
