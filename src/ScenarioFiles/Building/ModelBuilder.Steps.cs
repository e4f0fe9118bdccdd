using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Capture = K6Scenarios.Model.Capture;
using K6Scenarios.Diagnostics;
using K6Scenarios.Model;
using K6Scenarios.ScenarioFiles.Format;
using K6Scenarios.ScenarioFiles.Yaml;

namespace K6Scenarios.ScenarioFiles.Building;

/// <summary>Steps and thresholds.</summary>
internal sealed partial class ModelBuilder
{
    private Step[] Steps(List<StepFile>? steps)
    {
        var built = new List<Step>();
        foreach (var step in steps ?? [])
        {
            if (BuildStep(step) is { } model)
            {
                built.Add(model);
            }
        }

        return built.ToArray();
    }

    private Step? BuildStep(StepFile step) => step switch
    {
        RequestStepFile request => BuildRequest(request),
        GroupStepFile group => new GroupStep { Name = group.Group ?? string.Empty, Steps = Steps(group.Steps), DefinedAt = group.Location },
        ThinkStepFile think => BuildThink(think),
        WhenStepFile conditional => BuildWhen(conditional),
        WebSocketStepFile socket => BuildWebSocket(socket),
        TimedStepFile timed => timed.Timed is { } name && ResolveMetric<TrendMetric>(name, timed.At("timed"), "'timed' of a timed step", "trend") is { } trend
            ? new TimedStep { Metric = trend, Steps = Steps(timed.Steps), DefinedAt = timed.Location }
            : null,
        RecordStepFile record => BuildRecord(record),
        _ => null,
    };

    private ThinkTimeStep? BuildThink(ThinkStepFile think)
    {
        if (think.Think is not { } time || Duration(time.Min, time, "min") is not { } min)
        {
            return null;
        }

        var max = time.Max is null ? min : Duration(time.Max, time, "max") ?? min;
        return new ThinkTimeStep { Min = min, Max = max, DefinedAt = think.Location };
    }

    private ConditionalStep? BuildWhen(WhenStepFile when)
    {
        if (when.When is not { } condition)
        {
            return null;
        }

        Condition? built = null;
        if (condition.Captured is { } name)
        {
            if (_scope.Variables.TryGetValue(name, out var variable))
            {
                built = Condition.IsCaptured(variable);
            }
            else
            {
                UnknownName("Variable", name, condition.At("captured"), _scope.Variables.Keys, "a capture of an earlier request");
            }
        }
        else if (condition.EqualsValues is { } values)
        {
            if (values.Count != 2)
            {
                Report(DiagnosticCatalog.ScenarioFileWrongValue, condition.At("equals"), "'equals' of a condition", "a list of two values to compare", values.Count.ToString(CultureInfo.InvariantCulture) + " values");
            }
            else if (_values.Scalar((Node)values[0]) is { } left && _values.Scalar((Node)values[1]) is { } right)
            {
                built = Condition.AreEqual(left, right);
            }
        }
        else if (condition.Chance is { } chance)
        {
            built = Condition.Chance(chance);
        }

        return built is null
            ? null
            : new ConditionalStep { Condition = built, Then = Steps(when.Then), Else = Steps(when.Else), DefinedAt = when.Location };
    }

    private RecordMetricStep? BuildRecord(RecordStepFile record)
    {
        if (record.Record is not { } name || ResolveMetric(name, record.At("record")) is not { } metric)
        {
            return null;
        }

        var value = record.Value is Node node ? _values.Scalar(node) : 1;
        return value is null ? null : new RecordMetricStep { Metric = metric, Value = value, DefinedAt = record.Location };
    }

    private WebSocketStep? BuildWebSocket(WebSocketStepFile socket)
    {
        var messages = new List<WebSocketMessage>();
        foreach (var message in socket.Send ?? [])
        {
            if (message.Text is Node text && _values.Scalar(text) is { } value)
            {
                messages.Add(new WebSocketMessage(value, null));
            }
            else if (message.Json is Node json && _values.Json(json) is { } template)
            {
                messages.Add(new WebSocketMessage(null, template));
            }
        }

        return new WebSocketStep
        {
            BaseUrl = socket.BaseUrl is { } baseUrl ? ResolveBaseUrl(baseUrl, socket.At("baseUrl")) : null,
            Path = socket.WebSocket ?? "/",
            Headers = ValuePairs(socket.Headers),
            Messages = messages,
            HoldOpen = Duration(socket.HoldOpen, socket, "holdOpen") ?? TimeSpan.FromSeconds(1),
            ExpectMessage = socket.ExpectMessage ?? false,
            Name = socket.Name,
            DefinedAt = socket.Location,
        };
    }

    private HttpRequestStep? BuildRequest(RequestStepFile request)
    {
        var (method, path) = request switch
        {
            { Get: { } p } => (HttpMethod.Get, p),
            { Post: { } p } => (HttpMethod.Post, p),
            { Put: { } p } => (HttpMethod.Put, p),
            { Patch: { } p } => (HttpMethod.Patch, p),
            { Delete: { } p } => (HttpMethod.Delete, p),
            { Head: { } p } => (HttpMethod.Head, p),
            { Options: { } p } => (HttpMethod.Options, p),
            _ => (HttpMethod.Get, (string?)null),
        };
        if (path is null)
        {
            return null;
        }

        var headers = ValuePairs(request.Headers).ToList();
        if (request.Bearer is Node bearer && _values.Scalar(bearer) is { } token)
        {
            // As RequestBuilder.BearerToken: "Bearer " + token.
            headers.Add(new("Authorization", "Bearer " + token));
        }

        var checks = new List<Check>();
        var expected = new List<int>();
        if (request.Expect is { Count: > 0 } expect)
        {
            // As RequestBuilder.ExpectStatus: a status check, and the statuses count as expected.
            checks.Add(new StatusCheck(expect.ToArray()));
            expected.AddRange(expect.Distinct());
        }

        expected.AddRange((request.AlsoExpected ?? []).Where(s => !expected.Contains(s)).Distinct());
        foreach (var check in request.Checks ?? [])
        {
            if (BuildCheck(check) is { } built)
            {
                checks.Add(built);
            }
        }

        var captures = new List<Capture>();
        foreach (var (name, capture) in request.Capture ?? [])
        {
            CaptureSource? source = capture switch
            {
                { Json: { Length: > 0 } json } => CaptureSource.Json(json),
                { Header: { Length: > 0 } header } => CaptureSource.Header(header),
                { Regex: { Length: > 0 } regex } => CaptureSource.Regex(regex),
                _ => null,
            };
            if (source is not null && _scope.Variables.TryGetValue(name, out var variable))
            {
                captures.Add(new Capture(variable, source));
            }
        }

        var samples = new List<MetricSample>();
        AddSample<RateMetric>(samples, request, "recordFailureIn", request.RecordFailureIn, MetricSampleKind.FailureRate, "rate");
        AddSample<RateMetric>(samples, request, "recordSuccessIn", request.RecordSuccessIn, MetricSampleKind.SuccessRate, "rate");
        AddSample<TrendMetric>(samples, request, "recordDurationIn", request.RecordDurationIn, MetricSampleKind.Duration, "trend");
        AddSample<CounterMetric>(samples, request, "countIn", request.CountIn, MetricSampleKind.Count, "counter");

        return new HttpRequestStep
        {
            Method = method,
            BaseUrl = request.BaseUrl is { } baseUrl ? ResolveBaseUrl(baseUrl, request.At("baseUrl")) : null,
            Path = path,
            PathParameters = ValuePairs(request.PathParams),
            Query = ValuePairs(request.Query),
            Headers = headers,
            Body = BuildBody(request),
            Name = request.Name,
            Timeout = Duration(request.Timeout, request, "timeout"),
            ExpectedStatuses = expected,
            Checks = checks,
            Captures = captures,
            Tags = Pairs(request.Tags),
            Samples = samples,
            MaxRedirects = request.Redirects,
            ExampleResponse = request.RespondsLike is Node example ? JsonText(example) : null,
            DefinedAt = request.Location,
        };
    }

    private void AddSample<T>(List<MetricSample> samples, RequestStepFile request, string key, string? name, MetricSampleKind kind, string type)
        where T : Metric
    {
        if (name is not null && ResolveMetric<T>(name, request.At(key), "'" + key + "' of a request step", type) is { } metric)
        {
            samples.Add(new MetricSample(metric, kind));
        }
    }

    private RequestBody? BuildBody(RequestStepFile request)
    {
        if (request.Json is Node json)
        {
            return _values.Json(json) is { } template ? new JsonBody(template) : null;
        }

        if (request.Form is { } form)
        {
            return new FormBody(ValuePairs(form));
        }

        if (request.Text is Node text)
        {
            return _values.Scalar(text) is { } value ? new TextBody(value, request.ContentType ?? "text/plain") : null;
        }

        if (request.Multipart is { } parts)
        {
            var built = new List<MultipartPart>();
            foreach (var part in parts)
            {
                if (part.Name is null)
                {
                    continue;
                }

                if (part.File is { } file)
                {
                    built.Add(new MultipartPart(part.Name, null, System.IO.Path.GetFullPath(System.IO.Path.Combine(_directory, file)), part.ContentType ?? "application/octet-stream"));
                }
                else if (part.Value is Node value && _values.Scalar(value) is { } field)
                {
                    built.Add(new MultipartPart(part.Name, field, null, null));
                }
            }

            return new MultipartBody(built);
        }

        return null;
    }

    private Check? BuildCheck(CheckFile check)
    {
        Check? built = check switch
        {
            { BodyHas: { } path } => new BodyFieldPresentCheck(path),
            { BodyEquals: { } path, Value: Node value } => _values.Scalar(value) is { } expected ? new BodyFieldEqualsCheck(path, expected) : null,
            { BodyEquals: not null } => MissingCheckValue(check),
            { BodyContains: { } text } => new BodyContainsCheck(text),
            { Header: { } header } => new HeaderCheck(header, check.EqualsValue),
            { DurationBelow: { } limit } => Duration(limit, check, "durationBelow") is { } duration ? new DurationCheck(duration) : null,
            _ => null,
        };
        return built is null ? null : built with { Name = check.Name };
    }

    private Check? MissingCheckValue(CheckFile check)
    {
        Report(DiagnosticCatalog.ScenarioFileMissingKey, check.Location, "A bodyEquals check", "value", " (the value the field must equal)");
        return null;
    }

    private KeyValuePair<string, Value>[] ValuePairs(Dictionary<string, object>? map)
    {
        var pairs = new List<KeyValuePair<string, Value>>();
        foreach (var (key, node) in map ?? [])
        {
            if (node is Node scalar && _values.Scalar(scalar) is { } value)
            {
                pairs.Add(new(key, value));
            }
        }

        return pairs.ToArray();
    }

    // An example response: text is taken as the JSON the user wrote; a mapping or list is written as JSON.
    private static string JsonText(Node node)
    {
        if (node.Kind == NodeKind.Scalar && !node.IsPlain)
        {
            return node.Text;
        }

        using var stream = new System.IO.MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            WriteJson(writer, node);
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void WriteJson(Utf8JsonWriter writer, Node node)
    {
        switch (node.Kind)
        {
            case NodeKind.Mapping:
                writer.WriteStartObject();
                foreach (var (key, value) in node.Entries)
                {
                    writer.WritePropertyName(key.Text);
                    WriteJson(writer, value);
                }

                writer.WriteEndObject();
                break;
            case NodeKind.Sequence:
                writer.WriteStartArray();
                foreach (var item in node.Items)
                {
                    WriteJson(writer, item);
                }

                writer.WriteEndArray();
                break;
            default:
                if (node.IsNull)
                {
                    writer.WriteNullValue();
                }
                else if (node.IsPlain && node.Text is "true" or "false")
                {
                    writer.WriteBooleanValue(node.Text == "true");
                }
                else if (node.IsPlain && double.TryParse(node.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number))
                {
                    writer.WriteRawValue(node.Text.TrimStart('+'));
                }
                else
                {
                    writer.WriteStringValue(node.Text);
                }

                break;
        }
    }

    private Threshold? BuildThreshold(string key, ThresholdFile entry, SourceLocation? keyLocation)
    {
        if (entry.Threshold is not { } expression)
        {
            return null;
        }

        var at = entry.At("threshold") ?? keyLocation;
        var selector = ThresholdKey().Match(key);
        if (!selector.Success)
        {
            Report(DiagnosticCatalog.ScenarioFileInvalidThreshold, entry.Location ?? keyLocation, expression, key,
                "does not name a metric the way k6 does: a metric name, then optional tags in braces, such as http_req_duration{scenario:signin}");
            return null;
        }

        var metricName = selector.Groups["metric"].Value;
        if (ResolveMetric(metricName, entry.Location ?? keyLocation) is not { } metric)
        {
            return null;
        }

        foreach (var tag in selector.Groups["tags"].Success ? selector.Groups["tags"].Value.Split(',') : [])
        {
            var colon = tag.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                Report(DiagnosticCatalog.ScenarioFileInvalidThreshold, entry.Location ?? keyLocation, expression, key, "has a tag filter '" + tag + "' without 'name:value'");
                return null;
            }

            metric = Where(metric, tag[..colon].Trim(), tag[(colon + 1)..].Trim());
        }

        var parsed = ThresholdExpression().Match(expression);
        if (!parsed.Success)
        {
            return null;
        }

        var aggregation = parsed.Groups["aggregation"].Value;
        var percentile = parsed.Groups["percentile"];
        var operand = Operand(metric, percentile.Success ? "p" : aggregation, percentile.Success ? double.Parse(percentile.Value, CultureInfo.InvariantCulture) : 0);
        if (operand is null)
        {
            var available = metric.Kind switch
            {
                MetricKind.Counter => "count, rate",
                MetricKind.Gauge => "value",
                MetricKind.Rate => "rate",
                _ => "avg, min, med, max, p(N)",
            };
            Report(DiagnosticCatalog.ScenarioFileInvalidThreshold, at, expression, key,
                "uses " + (percentile.Success ? "p(" + percentile.Value + ")" : aggregation) + ", which a " + metric.Kind + " metric does not have; a " + metric.Kind + " has " + available);
            return null;
        }

        var bound = double.Parse(parsed.Groups["value"].Value, NumberStyles.Float, CultureInfo.InvariantCulture);
        var condition = parsed.Groups["operator"].Value switch
        {
            "<" => operand < bound,
            "<=" => operand <= bound,
            ">" => operand > bound,
            ">=" => operand >= bound,
            "!=" => operand.NotEqualTo(bound),
            _ => operand.EqualTo(bound),
        };
        return new Threshold(condition, entry.AbortOnFail ?? false, Duration(entry.DelayAbortEval, entry, "delayAbortEval"), at);
    }

    private static Metric Where(Metric metric, string tag, string value) => metric switch
    {
        CounterMetric counter => counter.Where(tag, value),
        GaugeMetric gauge => gauge.Where(tag, value),
        RateMetric rate => rate.Where(tag, value),
        TrendMetric trend => trend.Where(tag, value),
        _ => metric,
    };

    // The aggregations each metric type has, exactly as the typed C# API offers them.
    private static ThresholdOperand? Operand(Metric metric, string aggregation, double percentile) => (metric, aggregation) switch
    {
        (CounterMetric counter, "count") => counter.Count,
        (CounterMetric counter, "rate") => counter.Rate,
        (GaugeMetric gauge, "value") => gauge.Value,
        (RateMetric rate, "rate") => rate.Rate,
        (TrendMetric trend, "avg") => trend.Avg,
        (TrendMetric trend, "min") => trend.Min,
        (TrendMetric trend, "med") => trend.Med,
        (TrendMetric trend, "max") => trend.Max,
        (TrendMetric trend, "p") => trend.P(percentile),
        _ => null,
    };

    [GeneratedRegex("^(?<metric>[A-Za-z_][A-Za-z0-9_.-]*)(\\{(?<tags>[^{}]+)\\})?$", RegexOptions.CultureInvariant)]
    private static partial Regex ThresholdKey();

    [GeneratedRegex("^\\s*(?<aggregation>count|rate|value|avg|min|med|max|p\\(\\s*(?<percentile>[0-9]+(\\.[0-9]+)?)\\s*\\))\\s*(?<operator><=|<|>=|>|===|==|!=)\\s*(?<value>-?[0-9]+(\\.[0-9]+)?([eE][-+]?[0-9]+)?)\\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex ThresholdExpression();
}
