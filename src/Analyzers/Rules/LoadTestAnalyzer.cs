using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading;
using K6Scenarios.Analyzers.Chains;
using K6Scenarios.Analyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace K6Scenarios.Analyzers.Rules;

/// <summary>
/// Checks load tests as a whole and their settings: scenario names, executors and stages, durations, metrics and
/// thresholds, pool sizes, and the capacity heuristics (think time, VUs per load generator, arrival-rate VUs).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class LoadTestAnalyzer : K6DiagnosticAnalyzer
{
    private static readonly Regex ScenarioNamePattern = new("^[0-9a-zA-Z_-]+$", RegexOptions.CultureInvariant);
    private static readonly Regex MetricNamePattern = new("^[a-zA-Z_][a-zA-Z0-9_]{1,128}$", RegexOptions.CultureInvariant);
    private static readonly Regex FileNamePattern = new("^[0-9a-zA-Z][0-9a-zA-Z._-]{0,99}$", RegexOptions.CultureInvariant);
    private static readonly Regex PoolNamePattern = new("^[A-Za-z][A-Za-z0-9_-]*$", RegexOptions.CultureInvariant);

    private static readonly ImmutableHashSet<string> BuiltInMetricNames = ImmutableHashSet.Create(
        StringComparer.Ordinal,
        "vus", "vus_max", "iterations", "dropped_iterations", "http_reqs", "data_sent", "data_received", "ws_sessions",
        "ws_msgs_sent", "ws_msgs_received", "checks", "http_req_failed", "iteration_duration", "group_duration",
        "http_req_duration", "http_req_blocked", "http_req_connecting", "http_req_tls_handshaking", "http_req_sending",
        "http_req_waiting", "http_req_receiving", "ws_ping", "ws_session_duration", "ws_connecting", "grpc_req_duration");

    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        Descriptors.InvalidScenarioName,
        Descriptors.DuplicateScenarioName,
        Descriptors.InvalidDuration,
        Descriptors.InvalidExecutorParameter,
        Descriptors.IterationsBelowVus,
        Descriptors.MissingStages,
        Descriptors.RampNeverStarts,
        Descriptors.MaxVusBelowPreAllocated,
        Descriptors.EmptyFlow,
        Descriptors.NoScenarios,
        Descriptors.InvalidLoadTestName,
        Descriptors.StagesNeverRampDown,
        Descriptors.InvalidMetricName,
        Descriptors.DuplicateMetricName,
        Descriptors.InvalidPercentile,
        Descriptors.ThresholdTagValueHasComma,
        Descriptors.ThresholdTagValueNeverProduced,
        Descriptors.DelayWithoutAbort,
        Descriptors.MetricShadowsBuiltIn,
        Descriptors.MetricNeverRecorded,
        Descriptors.InvalidThresholdValue,
        Descriptors.PoolTooSmall,
        Descriptors.InvalidPoolName,
        Descriptors.NoThinkTime,
        Descriptors.PeakVusAboveGeneratorLimit,
        Descriptors.ArrivalRateUnderProvisioned,
        Descriptors.AnalyzerFailed);

    private protected override void OnCompilationStart(CompilationStartAnalysisContext context, ModelSymbols symbols)
    {
        var poolFiles = PoolDataFiles.Create(context.Options.AdditionalFiles, text => context.TryGetValue(text, PoolDataFiles.EntryCounter, out var count) ? count : null);
        context.RegisterOperationAction(
            operationContext => Guarded(
                operationContext.ReportDiagnostic,
                operationContext.Operation.Syntax.GetLocation(),
                nameof(LoadTestAnalyzer),
                () => AnalyzeInvocation(operationContext, (IInvocationOperation)operationContext.Operation, symbols, poolFiles)),
            OperationKind.Invocation);
    }

    private static void AnalyzeInvocation(OperationAnalysisContext context, IInvocationOperation invocation, ModelSymbols symbols, PoolDataFiles poolFiles)
    {
        var method = invocation.TargetMethod;
        if (LoadTestChain.IsCreate(invocation, symbols))
        {
            CheckLoadTestName(context, invocation);
            var chain = LoadTestChain.FromCreate(invocation, symbols, context.CancellationToken);
            new ChainRules(context, chain, symbols, poolFiles).Run();
        }
        else if (ModelSymbols.IsDeclaredBy(method, symbols.LoadTestBuilder))
        {
            CheckLoadTestBuilderCall(context, invocation, symbols);
        }
        else if (ModelSymbols.IsDeclaredBy(method, symbols.UserMixBuilder) && method.Name == "UserType")
        {
            CheckScenarioName(context, invocation.ArgumentValue("name"));
        }
        else if (ModelSymbols.IsDeclaredBy(method, symbols.ScenarioBuilder))
        {
            ExecutorRules.Check(context, invocation, symbols);
        }
        else if (ModelSymbols.IsDeclaredBy(method, symbols.StagesBuilder))
        {
            ExecutorRules.CheckStage(context, invocation, symbols);
        }
        else if (ModelSymbols.IsDeclaredBy(method, symbols.CustomMetric))
        {
            CheckMetricName(context, invocation.ArgumentValue("name"));
        }
        else if (ModelSymbols.IsDeclaredBy(method, symbols.UserPool) && method.IsStatic)
        {
            CheckPoolName(context, invocation.ArgumentValue("name"));
        }
        else if (symbols.IsMetricMethod(method))
        {
            CheckMetricNarrowing(context, invocation, symbols);
        }
    }

    private static void CheckLoadTestName(OperationAnalysisContext context, IInvocationOperation create)
    {
        var argument = create.ArgumentValue("name");
        if (Constants.String(argument) is { } name && !FileNamePattern.IsMatch(name))
        {
            context.ReportDiagnostic(Diagnostic.Create(Descriptors.InvalidLoadTestName, argument!.Syntax.GetLocation(), name));
        }
    }

    private static void CheckLoadTestBuilderCall(OperationAnalysisContext context, IInvocationOperation invocation, ModelSymbols symbols)
    {
        switch (invocation.TargetMethod.Name)
        {
            case "Scenario":
                CheckScenarioName(context, invocation.ArgumentValue("name"));
                break;
            case "Threshold":
                CheckThreshold(context, invocation, symbols);
                break;
            case "UserMix":
                var duration = invocation.ArgumentValue("duration");
                if (Constants.DurationMilliseconds(duration, symbols.TimeSpan) is { } milliseconds && milliseconds < 1000)
                {
                    context.ReportDiagnostic(Diagnostic.Create(Descriptors.InvalidDuration, duration!.Syntax.GetLocation(), "The user mix's duration", Constants.FormatDuration(milliseconds), "at least 1s"));
                }

                var totalVus = invocation.ArgumentValue("totalVus");
                if (Constants.Integer(totalVus) is { } vus && vus <= 0)
                {
                    context.ReportDiagnostic(Diagnostic.Create(Descriptors.InvalidExecutorParameter, totalVus!.Syntax.GetLocation(), "The user mix's total VUs", Texts.Number(vus), "use at least 1"));
                }

                break;
        }
    }

    private static void CheckScenarioName(OperationAnalysisContext context, IOperation? argument)
    {
        if (Constants.String(argument) is { } name && !ScenarioNamePattern.IsMatch(name))
        {
            context.ReportDiagnostic(Diagnostic.Create(Descriptors.InvalidScenarioName, argument!.Syntax.GetLocation(), name));
        }
    }

    private static void CheckMetricName(OperationAnalysisContext context, IOperation? argument)
    {
        if (Constants.String(argument) is not { } name)
        {
            return;
        }

        if (BuiltInMetricNames.Contains(name))
        {
            context.ReportDiagnostic(Diagnostic.Create(Descriptors.MetricShadowsBuiltIn, argument!.Syntax.GetLocation(), name));
        }
        else if (!MetricNamePattern.IsMatch(name))
        {
            context.ReportDiagnostic(Diagnostic.Create(Descriptors.InvalidMetricName, argument!.Syntax.GetLocation(), name));
        }
    }

    private static void CheckPoolName(OperationAnalysisContext context, IOperation? argument)
    {
        if (Constants.String(argument) is { } name && !PoolNamePattern.IsMatch(name))
        {
            context.ReportDiagnostic(Diagnostic.Create(Descriptors.InvalidPoolName, argument!.Syntax.GetLocation(), name));
        }
    }

    private static void CheckThreshold(OperationAnalysisContext context, IInvocationOperation invocation, ModelSymbols symbols)
    {
        var delay = invocation.ArgumentValue("delayAbortEval");
        var abort = invocation.ArgumentValue("abortOnFail");
        if (delay is not null && !Constants.IsNull(delay) && (abort is null || Constants.Boolean(abort) == false))
        {
            context.ReportDiagnostic(Diagnostic.Create(Descriptors.DelayWithoutAbort, delay.Syntax.GetLocation(), ConditionText(invocation)));
        }

        if (Constants.DurationMilliseconds(delay, symbols.TimeSpan) is { } delayMilliseconds && delayMilliseconds < 0)
        {
            context.ReportDiagnostic(Diagnostic.Create(Descriptors.InvalidDuration, delay!.Syntax.GetLocation(), "The abort evaluation delay", Constants.FormatDuration(delayMilliseconds), "a duration of 0s or more"));
        }

        if (invocation.ArgumentValue("condition") is IBinaryOperation { RightOperand: { } bound } && Constants.Number(bound) is { } value && (double.IsNaN(value) || double.IsInfinity(value)))
        {
            context.ReportDiagnostic(Diagnostic.Create(Descriptors.InvalidThresholdValue, bound.Syntax.GetLocation(), ConditionText(invocation), value.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }
    }

    private static void CheckMetricNarrowing(OperationAnalysisContext context, IInvocationOperation invocation, ModelSymbols symbols)
    {
        if (invocation.TargetMethod.Name == "P")
        {
            var argument = invocation.ArgumentValue("percentile");
            if (Constants.Number(argument) is { } percentile && (percentile < 0 || percentile > 100 || double.IsNaN(percentile)))
            {
                var metric = MetricReference.Read(invocation.Instance, symbols, context.CancellationToken);
                context.ReportDiagnostic(Diagnostic.Create(Descriptors.InvalidPercentile, argument!.Syntax.GetLocation(), metric?.Name ?? invocation.Instance?.Syntax.ToString(), Texts.Number(percentile)));
            }

            return;
        }

        if (TagFilter.Read(invocation) is { Tag: { } tag, Value: { } value } filter && value.IndexOf(',') >= 0)
        {
            context.ReportDiagnostic(Diagnostic.Create(Descriptors.ThresholdTagValueHasComma, filter.Location, tag, value));
        }
    }

    private static string ConditionText(IInvocationOperation thresholdCall) =>
        thresholdCall.ArgumentValue("condition")?.Syntax.ToString() ?? "threshold";

    /// <summary>The rules that need a whole load-test chain.</summary>
    private sealed class ChainRules
    {
        private readonly OperationAnalysisContext _context;
        private readonly LoadTestChain _chain;
        private readonly ModelSymbols _symbols;
        private readonly PoolDataFiles _poolFiles;
        private readonly CancellationToken _cancellationToken;

        public ChainRules(OperationAnalysisContext context, LoadTestChain chain, ModelSymbols symbols, PoolDataFiles poolFiles)
        {
            _context = context;
            _chain = chain;
            _symbols = symbols;
            _poolFiles = poolFiles;
            _cancellationToken = context.CancellationToken;
        }

        public void Run()
        {
            var settings = AnalyzerSettings.For(_context.Options, _chain.Create.Syntax.SyntaxTree);
            CheckScenarioSet();
            foreach (var scenario in _chain.Scenarios)
            {
                CheckEmptyFlow(scenario);
                CheckPoolSize(scenario);
                CheckThinkTime(scenario);
                CheckArrivalRate(scenario, settings);
            }

            CheckPeakVus(settings);
            CheckThresholdTags();
            CheckMetrics();
        }

        private void Report(DiagnosticDescriptor descriptor, Location location, params object?[] arguments) =>
            _context.ReportDiagnostic(Diagnostic.Create(descriptor, location, arguments));

        private void CheckScenarioSet()
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var scenario in _chain.Scenarios)
            {
                if (scenario.Name is { } name && !seen.Add(name))
                {
                    Report(Descriptors.DuplicateScenarioName, scenario.ReportLocation, name);
                }
            }

            if (_chain.IsComplete && _chain.Scenarios.Count == 0 && !_chain.HasOpaqueScenarios)
            {
                Report(Descriptors.NoScenarios, _chain.NameArgument?.Syntax.GetLocation() ?? _chain.Create.NameLocation(), _chain.Name ?? "(computed name)");
            }
        }

        private void CheckEmptyFlow(ScenarioInfo scenario)
        {
            if (scenario.Configuration.IsOpaque)
            {
                return;
            }

            if (scenario.Flow is null || (!scenario.Flow.Calls.IsOpaque && scenario.Flow.Steps.Count == 0))
            {
                Report(Descriptors.EmptyFlow, scenario.ReportLocation, scenario.DisplayName);
            }
        }

        private void CheckPoolSize(ScenarioInfo scenario)
        {
            if (scenario.Pool is null || scenario.Executor is null || scenario.WithUsersCall is null)
            {
                return;
            }

            long? demand;
            string reason;
            switch (scenario.Selection)
            {
                case "UniquePerVu":
                    demand = scenario.Executor.PeakVus;
                    reason = "one per VU at its peak of " + Texts.Number(demand ?? 0) + " VUs";
                    break;
                case "UniquePerIteration":
                    demand = scenario.Executor.TotalIterations;
                    reason = "one per iteration, " + Texts.Number(demand ?? 0) + " iterations";
                    break;
                default:
                    return;
            }

            var (poolName, size) = ReadPool(scenario.Pool);
            if (demand is { } needed && size is { } entries && needed > entries)
            {
                Report(Descriptors.PoolTooSmall, scenario.Pool.Syntax.GetLocation(), poolName, Texts.Number(entries), scenario.DisplayName, Texts.Number(needed), reason);
            }
        }

        private (string Name, long? Size) ReadPool(IOperation pool)
        {
            var steps = FactoryCalls.Resolve(pool, _cancellationToken);
            var fallbackName = pool.ReferencedSymbol()?.Name ?? pool.Syntax.ToString();
            if (steps is null || steps.Count == 0)
            {
                return (fallbackName, null);
            }

            var factory = steps[0];
            var name = factory.At(0) as string ?? fallbackName;
            var withCount = steps.LastOrDefault(s => s.Name == "WithCount");
            if (withCount is not null)
            {
                return (name, ToLong(withCount.At(0)));
            }

            return factory.Name switch
            {
                "Generate" => (name, ToLong(factory.At(1))),
                "FromJsonFile" when factory.At(1) is string path => (name, _poolFiles.CountEntries(path, _cancellationToken)),
                _ => (name, null),
            };
        }

        private void CheckThinkTime(ScenarioInfo scenario)
        {
            if (scenario.Executor is not { LoopsForDuration: true } || scenario.Flow is not { IsOpaque: false } flow)
            {
                return;
            }

            var steps = flow.AllSteps().ToList();
            var pauses = steps.Any(s => s is ThinkTimeStepInfo pause && pause.MaxMilliseconds is not 0
                || s is WebSocketStepInfo socket && socket.HoldOpenMilliseconds is not 0);
            if (!pauses && steps.OfType<RequestInfo>().Any())
            {
                Report(Descriptors.NoThinkTime, scenario.ReportLocation, scenario.DisplayName);
            }
        }

        private void CheckArrivalRate(ScenarioInfo scenario, AnalyzerSettings settings)
        {
            if (scenario.Executor is not { IsArrivalRate: true, PeakRatePerSecond: { } rate, AllowedVus: { } allowed } executor || rate <= 0)
            {
                return;
            }

            var iteration = settings.ExpectedIterationMilliseconds ?? EstimateIterationMilliseconds(scenario.Flow);
            if (iteration is not { } milliseconds)
            {
                return;
            }

            var needed = (long)Math.Ceiling(rate * milliseconds / 1000);
            if (needed > allowed)
            {
                Report(
                    Descriptors.ArrivalRateUnderProvisioned,
                    executor.Invocation.NameLocation(),
                    scenario.DisplayName,
                    Texts.Number(rate),
                    Constants.FormatDuration(milliseconds),
                    Texts.Number(needed),
                    Texts.Number(allowed));
            }
        }

        /// <summary>
        /// Estimates one iteration the way the emitter does: 100 ms per request, plus the mean of each think time,
        /// plus how long WebSocket sessions stay open. Unknown when the flow cannot be fully seen.
        /// </summary>
        private static double? EstimateIterationMilliseconds(FlowInfo? flow)
        {
            if (flow is null || flow.IsOpaque)
            {
                return null;
            }

            double total = 0;
            foreach (var step in flow.AllSteps())
            {
                switch (step)
                {
                    case RequestInfo:
                        total += 100;
                        break;
                    case ThinkTimeStepInfo pause:
                        if (pause.MinMilliseconds is not { } min || pause.MaxMilliseconds is not { } max)
                        {
                            return null;
                        }

                        total += (min + max) / 2;
                        break;
                    case WebSocketStepInfo socket:
                        if (socket.HoldOpenMilliseconds is not { } hold)
                        {
                            return null;
                        }

                        total += hold;
                        break;
                }
            }

            return total > 0 ? total : null;
        }

        private void CheckPeakVus(AnalyzerSettings settings)
        {
            long peak = 0;
            foreach (var scenario in _chain.Scenarios)
            {
                peak += Math.Max(0, scenario.Executor?.PeakVus ?? 0);
            }

            if (peak > settings.MaxVusPerGenerator)
            {
                Report(
                    Descriptors.PeakVusAboveGeneratorLimit,
                    _chain.NameArgument?.Syntax.GetLocation() ?? _chain.Create.NameLocation(),
                    _chain.Name ?? "(computed name)",
                    Texts.Number(peak),
                    Texts.Number(settings.MaxVusPerGenerator));
            }
        }

        private void CheckThresholdTags()
        {
            foreach (var threshold in _chain.Thresholds)
            {
                foreach (var filter in threshold.Filters)
                {
                    if (filter.Tag is null || filter.Value is null)
                    {
                        continue;
                    }

                    var produced = ProducedValues(filter.Tag);
                    if (produced is not null && !produced.Contains(filter.Value))
                    {
                        Report(
                            Descriptors.ThresholdTagValueNeverProduced,
                            filter.Location,
                            threshold.DisplayText,
                            filter.Tag,
                            filter.Value,
                            Texts.QuotedList(produced));
                    }
                }
            }
        }

        /// <summary>Gets every value a tag takes in this load test, or <see langword="null"/> when that cannot be known.</summary>
        private HashSet<string>? ProducedValues(string tag)
        {
            switch (tag)
            {
                case "scenario":
                    if (!_chain.IsComplete || _chain.HasOpaqueScenarios || _chain.Scenarios.Any(s => s.Name is null))
                    {
                        return null;
                    }

                    return new HashSet<string>(_chain.Scenarios.Select(s => s.Name!), StringComparer.Ordinal);
                case "name":
                    if (!_chain.IsFullyVisible)
                    {
                        return null;
                    }

                    var names = new HashSet<string>(StringComparer.Ordinal);
                    foreach (var step in _chain.AllFlows().SelectMany(f => f.AllSteps()))
                    {
                        string? name;
                        if (step is RequestInfo request)
                        {
                            // A request's own "name" tag overrides the generated one.
                            if (request.Configuration.Named("Tag").Any(t => Constants.String(t.ArgumentValue("name")) is "name" or null))
                            {
                                return null;
                            }

                            name = request.EffectiveName;
                        }
                        else if (step is WebSocketStepInfo socket)
                        {
                            var named = socket.Configuration.Last("Named");
                            name = named is null ? Constants.String(socket.Invocation.ArgumentValue("path")) : Constants.String(named.ArgumentValue("name"));
                        }
                        else
                        {
                            continue;
                        }

                        if (name is null)
                        {
                            return null;
                        }

                        names.Add(name);
                    }

                    return names;
                case "group":
                    if (!_chain.IsFullyVisible)
                    {
                        return null;
                    }

                    var groups = new HashSet<string>(StringComparer.Ordinal);
                    foreach (var flow in _chain.AllFlows())
                    {
                        if (!CollectGroups(flow, string.Empty, groups))
                        {
                            return null;
                        }
                    }

                    return groups;
                case "method":
                    if (!_chain.IsFullyVisible)
                    {
                        return null;
                    }

                    var methods = new HashSet<string>(StringComparer.Ordinal);
                    foreach (var request in _chain.AllFlows().SelectMany(f => f.AllRequests()))
                    {
                        if (request.Method is null)
                        {
                            return null;
                        }

                        methods.Add(request.Method);
                    }

                    return methods;
                case "expected_response":
                    return new HashSet<string>(StringComparer.Ordinal) { "true", "false" };
                default:
                    return null;
            }
        }

        private static bool CollectGroups(FlowInfo flow, string prefix, HashSet<string> groups)
        {
            foreach (var step in flow.Steps)
            {
                if (step is GroupStepInfo group)
                {
                    if (group.Name is null)
                    {
                        return false;
                    }

                    var path = prefix + "::" + group.Name;
                    groups.Add(path);
                    if (!CollectGroups(group.Body, path, groups))
                    {
                        return false;
                    }
                }
                else
                {
                    foreach (var child in step.Children)
                    {
                        if (!CollectGroups(child, prefix, groups))
                        {
                            return false;
                        }
                    }
                }
            }

            return true;
        }

        private void CheckMetrics()
        {
            var recorded = new List<MetricReference>();
            foreach (var step in _chain.AllFlows().SelectMany(f => f.AllSteps()))
            {
                switch (step)
                {
                    case RequestInfo request:
                        foreach (var call in request.Configuration.Calls.Where(c => c.TargetMethod.Name is "RecordFailureIn" or "RecordSuccessIn" or "RecordDurationIn" or "CountIn"))
                        {
                            AddMetric(recorded, call.ArgumentValue("metric"));
                        }

                        break;
                    case RecordStepInfo record:
                        AddMetric(recorded, record.Metric);
                        break;
                    case TimedStepInfo timed:
                        AddMetric(recorded, timed.Metric);
                        break;
                }
            }

            var declared = new List<MetricReference>();
            foreach (var metric in _chain.DeclaredMetrics)
            {
                AddMetric(declared, metric);
            }

            var watched = _chain.Thresholds.Where(t => t.Metric is { IsBuiltIn: false }).ToList();
            if (_chain.IsFullyVisible)
            {
                foreach (var threshold in watched)
                {
                    var metric = threshold.Metric!;
                    if ((metric.Name is not null || metric.Symbol is not null) && !recorded.Any(r => r.IsSameMetricAs(metric)))
                    {
                        Report(Descriptors.MetricNeverRecorded, metric.Location, metric.Name ?? metric.Symbol!.Name);
                    }
                }
            }

            // One name, two metric types: k6 refuses the script.
            var all = recorded.Concat(declared).Concat(watched.Select(t => t.Metric!)).Where(m => m.Name is not null && m.Kind is not null && !m.IsBuiltIn).ToList();
            var reported = new HashSet<string>(StringComparer.Ordinal);
            foreach (var group in all.GroupBy(m => m.Name!, StringComparer.Ordinal))
            {
                var first = group.First();
                var other = group.FirstOrDefault(m => m.Kind != first.Kind);
                if (other is not null && reported.Add(group.Key))
                {
                    Report(Descriptors.DuplicateMetricName, other.Location, group.Key, first.Kind, other.Kind);
                }
            }
        }

        private void AddMetric(List<MetricReference> metrics, IOperation? expression)
        {
            if (MetricReference.Read(expression, _symbols, _cancellationToken) is { } metric)
            {
                metrics.Add(metric);
            }
        }

        private static long? ToLong(object? value) => value switch
        {
            int i => i,
            long l => l,
            short s => s,
            _ => null,
        };
    }
}
