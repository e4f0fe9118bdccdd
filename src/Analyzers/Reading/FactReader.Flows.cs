using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using K6Scenarios.Analyzers.Infrastructure;
using K6Scenarios.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace K6Scenarios.Analyzers.Reading;

/// <summary>Flows, requests, metrics, pools and thresholds.</summary>
internal sealed partial class FactReader
{
    // What setup captures reaches every flow; each top-level flow adds what it captures, in order.
    private readonly List<IOperation> _setupCaptures = new();
    private List<IOperation> _captures = new();
    private IAnonymousFunctionOperation? _topFlowLambda;

    private FlowFacts ReadFlow(IOperation? configure, FlowKind kind, string description)
    {
        var lambda = configure.AsLambda();
        var previousCaptures = _captures;
        var previousLambda = _topFlowLambda;
        var isTop = _topFlowLambda is null;
        if (isTop)
        {
            _captures = kind == FlowKind.Setup ? _setupCaptures : new List<IOperation>(_setupCaptures);
            _topFlowLambda = lambda;
        }

        try
        {
            var calls = BuilderCalls.Collect(configure, _symbols.FlowBuilder);
            var flow = ReadFlowCalls(calls.Calls, kind, description);
            flow.IsComplete = !calls.IsOpaque;
            return flow;
        }
        finally
        {
            if (isTop)
            {
                _captures = previousCaptures;
                _topFlowLambda = previousLambda;
            }
        }
    }

    private FlowFacts ReadFlowCalls(IReadOnlyList<IInvocationOperation> calls, FlowKind kind, string description)
    {
        var flow = new FlowFacts(kind, description);
        foreach (var call in calls)
        {
            _cancellationToken.ThrowIfCancellationRequested();
            var site = ArgumentReader.NameSiteOf(call);
            switch (call.TargetMethod.Name)
            {
                case "Get" or "Post" or "Put" or "Patch" or "Delete" or "Request":
                    flow.Steps.Add(ReadRequest(call));
                    break;
                case "Group":
                    var name = call.ArgumentValue("name");
                    flow.Steps.Add(new GroupFacts(ArgumentReader.String(name, site), ReadFlow(call.ArgumentValue("configure"), kind, description), name is null ? site : ArgumentReader.SiteOf(name)));
                    break;
                case "ThinkTime":
                    var single = call.ArgumentValue("duration");
                    var min = single ?? call.ArgumentValue("min");
                    var max = single ?? call.ArgumentValue("max");
                    flow.Steps.Add(new ThinkTimeFacts(_arguments.Duration(min, site), _arguments.Duration(max, site), site));
                    break;
                case "When":
                    var otherwise = call.ArgumentValue("otherwise");
                    flow.Steps.Add(new ConditionalFacts(
                        ReadFlow(call.ArgumentValue("then"), kind, description),
                        otherwise is null || Constants.IsNull(otherwise) ? new FlowFacts(kind, description) : ReadFlow(otherwise, kind, description),
                        site));
                    break;
                case "Record":
                    flow.Steps.Add(new RecordFacts(ReadMetric(call.ArgumentValue("metric")), site));
                    break;
                case "Timed":
                    flow.Steps.Add(new TimedFacts(ReadMetric(call.ArgumentValue("metric")), ReadFlow(call.ArgumentValue("configure"), kind, description), site));
                    break;
                case "WebSocket":
                    flow.Steps.Add(ReadWebSocket(call));
                    break;
                default:
                    flow.IsComplete = false;
                    break;
            }
        }

        return flow;
    }

    private RequestFacts ReadRequest(IInvocationOperation call)
    {
        var nameSite = ArgumentReader.NameSiteOf(call);
        var methodName = call.TargetMethod.Name;
        var method = methodName == "Request"
            ? Constants.EnumMemberName(call.ArgumentValue("method"), _symbols.HttpMethod)?.ToUpperInvariant()
            : methodName.ToUpperInvariant();
        var pathArgument = call.ArgumentValue("path");
        var path = ArgumentReader.String(pathArgument, nameSite);
        var request = new RequestFacts(method is null ? Fact<string>.Unknown(nameSite) : Fact.Of(method, nameSite), path, path.Site)
        {
            Name = path,
            BaseUrl = ReadBaseUrlArgument(call.ArgumentValue("baseUrl"), nameSite),
        };
        var configure = call.Argument("configure");
        var calls = configure is null || Constants.IsNull(configure.Value) ? BuilderCalls.None : BuilderCalls.Collect(configure.Value, _symbols.RequestBuilder);
        request.IsComplete = !calls.IsOpaque;
        request.CapturedTokenExpression = TokenCapturedEarlier();
        ReadRequestCalls(request, calls.Calls);
        foreach (var capture in calls.Calls.Where(c => c.TargetMethod.Name == "Capture"))
        {
            if (capture.ArgumentValue("variable") is { } variable)
            {
                _captures.Add(variable);
            }
        }

        return request;
    }

    private Fact<BaseUrlFacts?> ReadBaseUrlArgument(IOperation? value, Site site)
    {
        if (value is null || Constants.IsNull(value))
        {
            return Fact.Of<BaseUrlFacts?>(null, site);
        }

        return Fact.Of<BaseUrlFacts?>(BaseUrl(BaseUrlReader.FromValue(value, _cancellationToken)), ArgumentReader.SiteOf(value));
    }

    private void ReadRequestCalls(RequestFacts request, IReadOnlyList<IInvocationOperation> calls)
    {
        foreach (var call in calls)
        {
            var site = ArgumentReader.NameSiteOf(call);
            switch (call.TargetMethod.Name)
            {
                case "PathParameter":
                    request.PathParameters.Add(ArgumentReader.String(call, "name"));
                    break;
                case "Query":
                    request.Query.Add(new NamedValueFacts(ArgumentReader.String(call, "name"), _arguments.Value(call.ArgumentValue("value"), site)));
                    break;
                case "Header":
                    request.Headers.Add(new NamedValueFacts(ArgumentReader.String(call, "name"), _arguments.Value(call.ArgumentValue("value"), site)));
                    break;
                case "BearerToken":
                    // The model sends it as the Authorization header ("Bearer " + token).
                    request.Headers.Add(new NamedValueFacts(Fact.Of("Authorization", site), _arguments.Value(call.ArgumentValue("token"), site)));
                    break;
                case "JsonBody":
                    request.Body = ReadBody(BodyKind.Json, call.ArgumentValue("body"), site);
                    break;
                case "FormBody":
                    request.Body = ReadBody(BodyKind.Form, call.ArgumentValue("fields"), site);
                    break;
                case "MultipartBody":
                    request.Body = new BodyFacts(BodyKind.Multipart, site) { IsComplete = false };
                    break;
                case "TextBody":
                    request.Body = new BodyFacts(BodyKind.Text, site);
                    break;
                case "Named":
                    request.Name = ArgumentReader.String(call, "name");
                    break;
                case "Timeout":
                    request.Timeout = Optional(_arguments.Duration(call, "timeout"));
                    break;
                case "Tag":
                    request.Tags.Items.Add(new KeyValuePair<Fact<string>, Fact<string>>(ArgumentReader.String(call, "name"), ArgumentReader.String(call, "value")));
                    break;
                case "ExpectStatus":
                    request.HasOwnStatuses = true;
                    AddStatuses(request, call);
                    request.Checks.Add(new CheckFacts(Fact<string>.Unknown(site), site));
                    break;
                case "AlsoExpected":
                    request.HasOwnStatuses = true;
                    AddStatuses(request, call);
                    break;
                case "CheckBodyHas" or "CheckBodyEquals" or "CheckBodyContains" or "CheckHeader":
                    request.Checks.Add(new CheckFacts(CheckName(call), site));
                    break;
                case "CheckDuration":
                    request.Checks.Add(new CheckFacts(CheckName(call), site) { DurationLimit = Optional(_arguments.Duration(call, "limit")) });
                    break;
                case "Capture":
                    request.Captures.Add(Fact<string>.Unknown(site));
                    break;
                case "RecordFailureIn" or "RecordSuccessIn" or "RecordDurationIn" or "CountIn":
                    if (ReadMetric(call.ArgumentValue("metric")) is { } metric)
                    {
                        request.RecordedMetrics.Add(metric);
                    }

                    break;
            }
        }
    }

    /// <summary>Gets a check's name: the one given, else generated by the model from the request (not rebuilt here).</summary>
    private static Fact<string> CheckName(IInvocationOperation call)
    {
        var name = call.ArgumentValue("name");
        return name is null || Constants.IsNull(name) ? Fact<string>.Unknown(ArgumentReader.NameSiteOf(call)) : ArgumentReader.String(name, ArgumentReader.NameSiteOf(call));
    }

    private static void AddStatuses(RequestFacts request, IInvocationOperation call)
    {
        if (call.Argument("statuses").ParamsItems() is { } items)
        {
            foreach (var item in items)
            {
                request.Statuses.Add(Status(item));
            }
        }
        else
        {
            request.IsComplete = false;
        }
    }

    private BodyFacts ReadBody(BodyKind kind, IOperation? body, Site site)
    {
        var shape = BodyReader.Read(body, _symbols);
        var facts = new BodyFacts(kind, site)
        {
            ContentSite = body is null ? null : ArgumentReader.SiteOf(body),
            IsJsonObject = kind == BodyKind.Json && (shape.IsComplete || shape.Properties.Count > 0),
            IsComplete = shape.IsComplete,
        };
        foreach (var property in shape.Properties)
        {
            var field = new NamedValueFacts(Fact.Of(property.Name, ArgumentReader.SiteOf(property.Location)), _arguments.Value(property.Value, ArgumentReader.SiteOf(property.Location)));
            facts.Fields.Add(field);
            facts.Leaves.Add(field);
        }

        return facts;
    }

    private WebSocketFacts ReadWebSocket(IInvocationOperation call)
    {
        var site = ArgumentReader.NameSiteOf(call);
        var path = ArgumentReader.String(call.ArgumentValue("path"), site);
        var socket = new WebSocketFacts(path, path.Site)
        {
            BaseUrl = ReadBaseUrlArgument(call.ArgumentValue("baseUrl"), site),
            HoldOpen = Fact.Of(TimeSpan.FromSeconds(1), site),
        };
        var calls = BuilderCalls.Collect(call.ArgumentValue("configure"), _symbols.WebSocketBuilder);
        if (calls.IsOpaque)
        {
            socket.HoldOpen = Fact<TimeSpan>.Unknown(site);
            socket.Name = Fact<string>.Unknown(site);
        }

        foreach (var configuration in calls.Calls)
        {
            switch (configuration.TargetMethod.Name)
            {
                case "Header":
                    socket.Headers.Add(new NamedValueFacts(ArgumentReader.String(configuration, "name"), _arguments.Value(configuration.ArgumentValue("value"), ArgumentReader.NameSiteOf(configuration))));
                    break;
                case "HoldOpen":
                    socket.HoldOpen = _arguments.Duration(configuration, "duration");
                    break;
                case "Named":
                    socket.Name = ArgumentReader.String(configuration, "name");
                    break;
            }
        }

        return socket;
    }

    /// <summary>
    /// Gets the expression of the one variable that earlier steps of this flow, or setup, capture, when it can be written
    /// at the request (a field, a property, or a local declared outside the flow); <see langword="null"/> otherwise.
    /// </summary>
    private string? TokenCapturedEarlier()
    {
        var distinct = new List<IOperation>();
        foreach (var capture in _captures)
        {
            if (!distinct.Any(d => SameVariable(d, capture)))
            {
                distinct.Add(capture);
            }
        }

        if (distinct.Count != 1)
        {
            return null;
        }

        var variable = distinct[0].WalkDownConversions();
        var symbol = variable.ReferencedSymbol();
        var usable = symbol is IFieldSymbol or IPropertySymbol
            || (symbol is ILocalSymbol && _topFlowLambda is not null && !variable.IsInside(_topFlowLambda));
        return usable && variable.Syntax is ExpressionSyntax expression ? expression.ToString() : null;
    }

    private static bool SameVariable(IOperation a, IOperation b)
    {
        var left = a.ReferencedSymbol();
        var right = b.ReferencedSymbol();
        return left is not null ? SymbolEqualityComparer.Default.Equals(left, right) : a.Syntax.ToString() == b.Syntax.ToString();
    }

    /// <summary>Reads the metric an expression denotes (narrowing calls skipped): built-in, or custom through its factory.</summary>
    private MetricFacts? ReadMetric(IOperation? expression)
    {
        if (expression is null)
        {
            return null;
        }

        var current = expression.WalkDownConversions();
        while (current is IInvocationOperation narrowing && narrowing.Instance is not null && _symbols.IsMetricMethod(narrowing.TargetMethod))
        {
            current = narrowing.Instance.WalkDownConversions();
        }

        var site = ArgumentReader.SiteOf(current);
        var typeKind = current.Type?.Name switch
        {
            "CounterMetric" => "Counter",
            "GaugeMetric" => "Gauge",
            "RateMetric" => "Rate",
            "TrendMetric" => "Trend",
            _ => null,
        };
        if (current is IPropertyReferenceOperation property && property.Instance is null && SymbolEqualityComparer.Default.Equals(property.Property.ContainingType, _symbols.K6Metrics))
        {
            var builtIn = SnakeCase(property.Property.Name);
            return new MetricFacts(Fact.Of(builtIn, site), typeKind is null ? Fact<string>.Unknown(site) : Fact.Of(typeKind, site), site) { IsCustom = false, Identity = property.Property };
        }

        var factory = FactoryCalls.Resolve(current, _cancellationToken)?.FirstOrDefault(s => s.Name is "Counter" or "Gauge" or "Rate" or "Trend");
        var kind = factory is null ? null : factory.Name == "Trend" && factory.At(1) is true ? "Trend (isTime)" : factory.Name;
        var name = factory?.At(0) as string;
        return new MetricFacts(name is null ? Fact<string>.Unknown(site) : Fact.Of(name, site), kind is null ? Fact<string>.Unknown(site) : Fact.Of(kind, site), site)
        {
            Identity = current.ReferencedSymbol(),
        };
    }

    /// <summary>Reads the pool a scenario picks users from, through the fields and factory calls that built it.</summary>
    private PoolFacts? ReadPoolReference(IOperation? pool)
    {
        if (pool is null)
        {
            return null;
        }

        var site = ArgumentReader.SiteOf(pool);
        var steps = FactoryCalls.Resolve(pool, _cancellationToken);
        var identity = (object?)pool.ReferencedSymbol();
        if (steps is null || steps.Count == 0)
        {
            return new PoolFacts(Fact<string>.Unknown(site), site) { Identity = identity, Count = Fact<long?>.Unknown(site) };
        }

        var factory = steps[0];
        var facts = new PoolFacts(factory.At(0) is string name ? Fact.Of(name, site) : Fact<string>.Unknown(site), site) { Identity = identity };
        var withCount = steps.LastOrDefault(s => s.Name == "WithCount");
        long? count = withCount is not null ? ToLong(withCount.At(0))
            : factory.Name switch
            {
                "Generate" => ToLong(factory.At(1)),
                "FromJsonFile" when factory.At(1) is string path => _poolFiles.CountEntries(path, _cancellationToken),
                _ => null,
            };
        facts.Count = count is null ? Fact<long?>.Unknown(site) : Fact.Of(count, site);
        return facts;
    }

    private ThresholdFacts ReadThreshold(IInvocationOperation call)
    {
        var condition = call.ArgumentValue("condition");
        var site = condition is null ? ArgumentReader.NameSiteOf(call) : ArgumentReader.SiteOf(condition);
        var metricExpression = ThresholdConditions.OperandMetricExpression(condition, _symbols);
        var metric = ReadMetric(metricExpression);
        var filters = new List<TagFilterFacts>();
        var current = metricExpression?.WalkDownConversions();
        while (current is IInvocationOperation narrowing && narrowing.Instance is not null && _symbols.IsMetricMethod(narrowing.TargetMethod))
        {
            if (TagFilter.Read(narrowing) is { } filter)
            {
                var filterSite = ArgumentReader.SiteOf(filter.Location);
                filters.Insert(0, new TagFilterFacts(
                    filter.Tag is null ? Fact<string>.Unknown(filterSite) : Fact.Of(filter.Tag, filterSite),
                    filter.Value is null ? Fact<string>.Unknown(filterSite) : Fact.Of(filter.Value, filterSite),
                    filterSite));
            }

            current = narrowing.Instance.WalkDownConversions();
        }

        var key = metric is { Name.IsKnown: true } && filters.All(f => f.Tag.IsKnown && f.Value.IsKnown)
            ? metric.Name.Value + (filters.Count == 0 ? string.Empty : "{" + string.Join(",", filters.Select(f => f.Tag.Value + ":" + f.Value.Value)) + "}")
            : condition?.Syntax.ToString() ?? "threshold";
        var threshold = new ThresholdFacts(metric, key, site)
        {
            AbortOnFail = call.ArgumentValue("abortOnFail") is { } abort
                ? Constants.Boolean(abort) is { } flag ? Fact.Of(flag, ArgumentReader.SiteOf(abort)) : Fact<bool>.Unknown(ArgumentReader.SiteOf(abort))
                : Fact.Of(false, site),
            DelayAbortEval = _arguments.OptionalDuration(call, "delayAbortEval"),
        };
        threshold.Filters.AddRange(filters);
        ReadCondition(threshold, condition);
        return threshold;
    }

    /// <summary>Reads the aggregation and bound of <c>metric.P(95) &lt; 500</c> or <c>metric.Rate.EqualTo(0)</c>.</summary>
    private void ReadCondition(ThresholdFacts threshold, IOperation? condition)
    {
        IOperation? operand;
        IOperation? bound;
        switch (condition?.WalkDownConversions())
        {
            case IBinaryOperation binary:
                operand = binary.LeftOperand;
                bound = binary.RightOperand;
                break;
            case IInvocationOperation { TargetMethod.Name: "EqualTo" or "NotEqualTo" } comparison:
                operand = comparison.Instance;
                bound = comparison.ArgumentValue("value");
                break;
            default:
                threshold.Percentile = Fact<double?>.Unknown(threshold.Site);
                return;
        }

        if (bound is not null)
        {
            var boundSite = ArgumentReader.SiteOf(bound);
            var number = Constants.Number(bound) ?? Constants.DurationMilliseconds(bound, _symbols.TimeSpan);
            threshold.Bound = number is { } value ? Fact.Of(value, boundSite) : Fact<double>.Unknown(boundSite);
        }

        if (operand?.WalkDownConversions() is IInvocationOperation { TargetMethod.Name: "P" } percentile && _symbols.IsMetricMethod(percentile.TargetMethod))
        {
            var argument = percentile.ArgumentValue("percentile");
            var percentileSite = argument is null ? ArgumentReader.NameSiteOf(percentile) : ArgumentReader.SiteOf(argument);
            threshold.Percentile = Constants.Number(argument) is { } value ? Fact.Of<double?>(value, percentileSite) : Fact<double?>.Unknown(percentileSite);
        }
    }

    private static long? ToLong(object? value) => value switch
    {
        int i => i,
        long l => l,
        short s => s,
        _ => null,
    };

    private static string SnakeCase(string pascal)
    {
        var builder = new StringBuilder(pascal.Length + 8);
        for (var i = 0; i < pascal.Length; i++)
        {
            var c = pascal[i];
            if (char.IsUpper(c) && i > 0)
            {
                builder.Append('_');
            }

            builder.Append(char.ToLowerInvariant(c));
        }

        return builder.ToString();
    }
}
