using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using K6Scenarios.Analyzers.Infrastructure;
using K6Scenarios.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace K6Scenarios.Analyzers.Reading;

/// <summary>Flows, requests, metrics, pools and thresholds.</summary>
internal sealed partial class FactReader
{
    // What setup captures reaches every flow; each top-level flow adds what it captures, in order.
    private readonly List<ExpressionSyntax> _setupCaptures = new();
    private List<ExpressionSyntax> _captures = new();
    private bool _inFlow;

    private FlowFacts ReadFlow(ExpressionSyntax? configure, FlowKind kind, string description)
    {
        var previousCaptures = _captures;
        var isTop = !_inFlow;
        if (isTop)
        {
            _captures = kind == FlowKind.Setup ? _setupCaptures : new List<ExpressionSyntax>(_setupCaptures);
            _inFlow = true;
        }

        try
        {
            var calls = BuilderCalls.Collect(configure, _symbols.FlowBuilder, _semantics);
            var flow = ReadFlowCalls(calls.Calls, kind, description);
            flow.IsComplete = !calls.IsOpaque;
            return flow;
        }
        finally
        {
            if (isTop)
            {
                _captures = previousCaptures;
                _inFlow = false;
            }
        }
    }

    private FlowFacts ReadFlowCalls(IReadOnlyList<Call> calls, FlowKind kind, string description)
    {
        var flow = new FlowFacts(kind, description);
        foreach (var call in calls)
        {
            _cancellationToken.ThrowIfCancellationRequested();
            var site = ArgumentReader.NameSiteOf(call);
            switch (call.Name)
            {
                case "Get" or "Post" or "Put" or "Patch" or "Delete" or "Request":
                    flow.Steps.Add(ReadRequest(call));
                    break;
                case "Group":
                    var name = call.Value("name");
                    flow.Steps.Add(new GroupFacts(_arguments.String(name, site), ReadFlow(call.Value("configure"), kind, description), name is null ? site : ArgumentReader.SiteOf(name)));
                    break;
                case "ThinkTime":
                    var single = call.Value("duration");
                    var min = single ?? call.Value("min");
                    var max = single ?? call.Value("max");
                    flow.Steps.Add(new ThinkTimeFacts(_arguments.Duration(min, site), _arguments.Duration(max, site), site));
                    break;
                case "When":
                    var otherwise = call.Value("otherwise");
                    flow.Steps.Add(new ConditionalFacts(
                        ReadFlow(call.Value("then"), kind, description),
                        otherwise is null || Constants.IsNull(otherwise, _semantics) ? new FlowFacts(kind, description) : ReadFlow(otherwise, kind, description),
                        site));
                    break;
                case "Record":
                    flow.Steps.Add(new RecordFacts(ReadMetric(call.Value("metric")), site));
                    break;
                case "Timed":
                    flow.Steps.Add(new TimedFacts(ReadMetric(call.Value("metric")), ReadFlow(call.Value("configure"), kind, description), site));
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

    private RequestFacts ReadRequest(Call call)
    {
        var nameSite = ArgumentReader.NameSiteOf(call);
        var methodName = call.Name;
        var method = methodName == "Request"
            ? Constants.EnumMemberName(call.Value("method"), _symbols.HttpMethod, _semantics)?.ToUpperInvariant()
            : methodName.ToUpperInvariant();
        var pathArgument = call.Value("path");
        var path = _arguments.String(pathArgument, nameSite);
        var request = new RequestFacts(method is null ? Fact<string>.Unknown(nameSite) : Fact.Of(method, nameSite), path, path.Site)
        {
            Name = path,
            BaseUrl = ReadBaseUrlArgument(call.Value("baseUrl"), nameSite),
        };
        var configure = call.Value("configure");
        var calls = configure is null || Constants.IsNull(configure, _semantics) ? BuilderCalls.None : BuilderCalls.Collect(configure, _symbols.RequestBuilder, _semantics);
        request.IsComplete = !calls.IsOpaque;
        // The flow's captures so far: the list only grows while the flow is read, so its first items stay these.
        var captures = _captures;
        var captured = captures.Count;
        request.CapturedToken = captured == 0 ? null : () => TokenCapturedEarlier(captures, captured, call);
        ReadRequestCalls(request, calls.Calls);
        foreach (var capture in calls.Calls.Where(c => c.Name == "Capture"))
        {
            if (capture.Value("variable") is { } variable)
            {
                _captures.Add(variable);
            }
        }

        return request;
    }

    private Fact<BaseUrlFacts?> ReadBaseUrlArgument(ExpressionSyntax? value, Site site)
    {
        if (value is null || Constants.IsNull(value, _semantics))
        {
            return Fact.Of<BaseUrlFacts?>(null, site);
        }

        return Fact.Of<BaseUrlFacts?>(BaseUrl(BaseUrlReader.FromValue(value, _semantics)), ArgumentReader.SiteOf(value));
    }

    private void ReadRequestCalls(RequestFacts request, IReadOnlyList<Call> calls)
    {
        foreach (var call in calls)
        {
            var site = ArgumentReader.NameSiteOf(call);
            switch (call.Name)
            {
                case "PathParameter":
                    request.PathParameters.Add(_arguments.String(call, "name"));
                    break;
                case "Query":
                    request.Query.Add(new NamedValueFacts(_arguments.String(call, "name"), _arguments.Value(call.Value("value"), site)));
                    break;
                case "Header":
                    request.Headers.Add(new NamedValueFacts(_arguments.String(call, "name"), _arguments.Value(call.Value("value"), site)));
                    break;
                case "BearerToken":
                    // The model sends it as the Authorization header ("Bearer " + token).
                    request.Headers.Add(new NamedValueFacts(Fact.Of("Authorization", site), _arguments.Value(call.Value("token"), site)));
                    break;
                case "JsonBody":
                    request.Body = ReadBody(BodyKind.Json, call.Value("body"), site);
                    break;
                case "FormBody":
                    request.Body = ReadBody(BodyKind.Form, call.Value("fields"), site);
                    break;
                case "MultipartBody":
                    request.Body = new BodyFacts(BodyKind.Multipart, site) { IsComplete = false };
                    break;
                case "TextBody":
                    request.Body = new BodyFacts(BodyKind.Text, site);
                    break;
                case "Named":
                    request.Name = _arguments.String(call, "name");
                    break;
                case "Timeout":
                    request.Timeout = Optional(_arguments.Duration(call, "timeout"));
                    break;
                case "Tag":
                    request.Tags.Items.Add(new KeyValuePair<Fact<string>, Fact<string>>(_arguments.String(call, "name"), _arguments.String(call, "value")));
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
                    if (ReadMetric(call.Value("metric")) is { } metric)
                    {
                        request.RecordedMetrics.Add(metric);
                    }

                    break;
            }
        }
    }

    /// <summary>Gets a check's name: the one given, else generated by the model from the request (not rebuilt here).</summary>
    private Fact<string> CheckName(Call call)
    {
        var name = call.Value("name");
        return name is null || Constants.IsNull(name, _semantics) ? Fact<string>.Unknown(ArgumentReader.NameSiteOf(call)) : _arguments.String(name, ArgumentReader.NameSiteOf(call));
    }

    private void AddStatuses(RequestFacts request, Call call)
    {
        if (call.Items("statuses", _semantics) is { } items)
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

    private BodyFacts ReadBody(BodyKind kind, ExpressionSyntax? body, Site site)
    {
        var shape = BodyReader.Read(body, _semantics);
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

    private WebSocketFacts ReadWebSocket(Call call)
    {
        var site = ArgumentReader.NameSiteOf(call);
        var path = _arguments.String(call.Value("path"), site);
        var socket = new WebSocketFacts(path, path.Site)
        {
            BaseUrl = ReadBaseUrlArgument(call.Value("baseUrl"), site),
            HoldOpen = Fact.Of(TimeSpan.FromSeconds(1), site),
        };
        var calls = BuilderCalls.Collect(call.Value("configure"), _symbols.WebSocketBuilder, _semantics);
        if (calls.IsOpaque)
        {
            socket.HoldOpen = Fact<TimeSpan>.Unknown(site);
            socket.Name = Fact<string>.Unknown(site);
        }

        foreach (var configuration in calls.Calls)
        {
            switch (configuration.Name)
            {
                case "Header":
                    socket.Headers.Add(new NamedValueFacts(_arguments.String(configuration, "name"), _arguments.Value(configuration.Value("value"), ArgumentReader.NameSiteOf(configuration))));
                    break;
                case "HoldOpen":
                    socket.HoldOpen = _arguments.Duration(configuration, "duration");
                    break;
                case "Named":
                    socket.Name = _arguments.String(configuration, "name");
                    break;
            }
        }

        return socket;
    }

    /// <summary>
    /// Gets the expression of the one variable that earlier steps of this flow, or setup, capture, when it can be written
    /// at the request (a field, a property, or a local or parameter in scope there); <see langword="null"/> otherwise.
    /// </summary>
    private string? TokenCapturedEarlier(List<ExpressionSyntax> captures, int count, Call request)
    {
        var distinct = new List<ExpressionSyntax>();
        for (var i = 0; i < count; i++)
        {
            var capture = captures[i];
            if (!distinct.Any(d => SameVariable(d, capture)))
            {
                distinct.Add(capture);
            }
        }

        if (distinct.Count != 1)
        {
            return null;
        }

        var variable = Semantics.Unwrap(distinct[0]);
        var symbol = _semantics.ReferencedSymbol(variable);
        // A local or a parameter names the variable only where it is in scope: not one declared inside another request's
        // lambda, or in setup's. Asked only for those: a field or a property means the same everywhere.
        var usable = symbol switch
        {
            IFieldSymbol or IPropertySymbol => true,
            ILocalSymbol or IParameterSymbol => _semantics.IsInScopeAt(symbol, request.Syntax),
            _ => false,
        };
        return usable ? variable.ToString() : null;
    }

    private bool SameVariable(ExpressionSyntax a, ExpressionSyntax b)
    {
        var left = _semantics.ReferencedSymbol(a);
        var right = _semantics.ReferencedSymbol(b);
        return left is not null ? SymbolEqualityComparer.Default.Equals(left, right) : Semantics.Unwrap(a).ToString() == Semantics.Unwrap(b).ToString();
    }

    /// <summary>Reads the metric an expression denotes (narrowing calls skipped): built-in, or custom through its factory.</summary>
    private MetricFacts? ReadMetric(ExpressionSyntax? expression)
    {
        if (expression is null)
        {
            return null;
        }

        var current = SkipNarrowing(expression);
        var site = ArgumentReader.SiteOf(current);
        var symbol = _semantics.ReferencedSymbol(current);
        var type = symbol switch
        {
            IFieldSymbol field => field.Type,
            IPropertySymbol property => property.Type,
            ILocalSymbol local => local.Type,
            IParameterSymbol parameter => parameter.Type,
            _ => _semantics.TypeOf(current),
        };
        var typeKind = type?.Name switch
        {
            "CounterMetric" => "Counter",
            "GaugeMetric" => "Gauge",
            "RateMetric" => "Rate",
            "TrendMetric" => "Trend",
            _ => null,
        };
        if (symbol is IPropertySymbol { IsStatic: true } builtInProperty && SymbolEqualityComparer.Default.Equals(builtInProperty.ContainingType, _symbols.K6Metrics))
        {
            var builtIn = SnakeCase(builtInProperty.Name);
            return new MetricFacts(Fact.Of(builtIn, site), typeKind is null ? Fact<string>.Unknown(site) : Fact.Of(typeKind, site), site) { IsCustom = false, Identity = builtInProperty };
        }

        var steps = symbol is null ? FactoryCalls.Resolve(current, _semantics) : FactoryCalls.Resolve(symbol, _semantics);
        var factory = steps?.FirstOrDefault(s => s.Name is "Counter" or "Gauge" or "Rate" or "Trend");
        var kind = factory is null ? null : factory.Name == "Trend" && factory.At(1) is true ? "Trend (isTime)" : factory.Name;
        var name = factory?.At(0) as string;
        return new MetricFacts(name is null ? Fact<string>.Unknown(site) : Fact.Of(name, site), kind is null ? Fact<string>.Unknown(site) : Fact.Of(kind, site), site)
        {
            Identity = symbol,
        };
    }

    // The metric under its narrowing calls (ForScenario, Where, ...), and each narrowing call, outermost first.
    private ExpressionSyntax SkipNarrowing(ExpressionSyntax expression, List<Call>? narrowing = null)
    {
        var current = Semantics.Unwrap(expression);
        while (current is InvocationExpressionSyntax invocation && _semantics.MethodOf(invocation) is { IsStatic: false } method && _symbols.IsMetricMethod(method)
            && new Call(invocation, method) is { Receiver: { } receiver } call)
        {
            narrowing?.Add(call);
            current = receiver;
        }

        return current;
    }

    /// <summary>Reads the pool a scenario picks users from, through the fields and factory calls that built it.</summary>
    private PoolFacts? ReadPoolReference(ExpressionSyntax? pool)
    {
        if (pool is null)
        {
            return null;
        }

        var site = ArgumentReader.SiteOf(pool);
        var steps = FactoryCalls.Resolve(pool, _semantics);
        var identity = (object?)_semantics.ReferencedSymbol(pool);
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

    private ThresholdFacts ReadThreshold(Call call)
    {
        var condition = call.Value("condition");
        var site = condition is null ? ArgumentReader.NameSiteOf(call) : ArgumentReader.SiteOf(condition);
        var parts = ThresholdCondition.Read(condition, _semantics);
        var metric = ReadMetric(parts?.Metric);
        var filters = new List<TagFilterFacts>();
        var narrowing = new List<Call>();
        if (parts?.Metric is { } metricExpression)
        {
            SkipNarrowing(metricExpression, narrowing);
        }

        foreach (var narrowed in narrowing)
        {
            if (TagFilter.Read(narrowed, _semantics) is { } filter)
            {
                var filterSite = new Site(string.Empty, filter.Location);
                filters.Insert(0, new TagFilterFacts(
                    filter.Tag is null ? Fact<string>.Unknown(filterSite) : Fact.Of(filter.Tag, filterSite),
                    filter.Value is null ? Fact<string>.Unknown(filterSite) : Fact.Of(filter.Value, filterSite),
                    filterSite));
            }
        }

        var key = metric is { Name.IsKnown: true } && filters.All(f => f.Tag.IsKnown && f.Value.IsKnown)
            ? metric.Name.Value + (filters.Count == 0 ? string.Empty : "{" + string.Join(",", filters.Select(f => f.Tag.Value + ":" + f.Value.Value)) + "}")
            : condition?.ToString() ?? "threshold";
        var abort = call.Value("abortOnFail");
        var threshold = new ThresholdFacts(metric, key, site)
        {
            AbortOnFail = abort is not null
                ? Constants.Boolean(abort, _semantics) is { } flag ? Fact.Of(flag, ArgumentReader.SiteOf(abort)) : Fact<bool>.Unknown(ArgumentReader.SiteOf(abort))
                : Fact.Of(false, site),
            DelayAbortEval = _arguments.OptionalDuration(call, "delayAbortEval"),
        };
        threshold.Filters.AddRange(filters);
        ReadCondition(threshold, parts);
        return threshold;
    }

    /// <summary>Reads the aggregation and bound of <c>metric.P(95) &lt; 500</c> or <c>metric.Rate.EqualTo(0)</c>.</summary>
    private void ReadCondition(ThresholdFacts threshold, ThresholdCondition? parts)
    {
        if (parts is null)
        {
            threshold.Percentile = Fact<double?>.Unknown(threshold.Site);
            return;
        }

        if (parts.Bound is { } bound)
        {
            var boundSite = ArgumentReader.SiteOf(bound);
            var number = Constants.Number(bound, _semantics) ?? Constants.DurationMilliseconds(bound, _semantics);
            threshold.Bound = number is { } value ? Fact.Of(value, boundSite) : Fact<double>.Unknown(boundSite);
        }

        if (parts.Percentile is { } percentile)
        {
            var argument = percentile.Value("percentile");
            var percentileSite = argument is null ? ArgumentReader.NameSiteOf(percentile) : ArgumentReader.SiteOf(argument);
            threshold.Percentile = Constants.Number(argument, _semantics) is { } value ? Fact.Of<double?>(value, percentileSite) : Fact<double?>.Unknown(percentileSite);
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
