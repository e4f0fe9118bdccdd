using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using K6Scenarios.Emitter.JavaScript;
using K6Scenarios.Model;

namespace K6Scenarios.Emitter.Emission;

/// <summary>HTTP requests: the call, its checks, captures and metric samples, in a block of their own.</summary>
internal sealed partial class ScriptGenerator
{
    private void WriteRequest(ScriptBuilder js, HttpRequestStep request, ValueWriter values, IReadOnlyDictionary<string, string> variables)
    {
        _usesHttp = true;
        var call = HttpCall(request, values);
        var checks = CheckEntries(request, values);
        var needsPassed = request.Samples.Any(s => s.Kind is MetricSampleKind.FailureRate or MetricSampleKind.SuccessRate);
        js.Line("// " + JsString.Comment(request.DisplayName));
        js.Block("{", () =>
        {
            js.Block("const res = " + call.Function + "(" + call.Arguments + "{", () =>
            {
                foreach (var parameter in call.Parameters)
                {
                    js.Line(parameter + ",");
                }
            }, "});");

            if (checks.Count > 0)
            {
                _k6Imports.Add("check");
                js.Block((needsPassed ? "const passed = " : string.Empty) + "check(res, {", () =>
                {
                    foreach (var (name, predicate) in checks)
                    {
                        js.Line(JsString.QuotedKey(name) + ": " + predicate + ",");
                    }
                }, "});");
            }
            else if (needsPassed)
            {
                js.Line("const passed = " + ExpectedStatusTest(request) + ";");
            }

            foreach (var sample in request.Samples)
            {
                var metric = _names.MetricIdentifier(sample.Metric.Name);
                js.Line(sample.Kind switch
                {
                    MetricSampleKind.FailureRate => metric + ".add(!passed);",
                    MetricSampleKind.SuccessRate => metric + ".add(passed);",
                    MetricSampleKind.Duration => metric + ".add(res.timings.duration);",
                    _ => metric + ".add(1);",
                });
            }

            foreach (var capture in request.Captures)
            {
                WriteCapture(js, request, capture, variables);
            }
        });
    }

    private (string Function, string Arguments, List<string> Parameters) HttpCall(HttpRequestStep request, ValueWriter values)
    {
        var baseUrl = request.BaseUrl ?? _test.DefaultBaseUrl ?? throw new EmissionException(request.DisplayName + " has no base URL");
        var url = Url(request, values, _names.Environment[baseUrl.EnvironmentVariable]);
        var headers = request.Headers.Select(h => (Key: h.Key, Value: values.Text(h.Value))).ToList();
        string? body = null;
        switch (request.Body)
        {
            case JsonBody json:
                body = "JSON.stringify(" + values.Json(json.Content) + ")";
                if (!headers.Any(h => string.Equals(h.Key, "Content-Type", StringComparison.OrdinalIgnoreCase)))
                {
                    headers.Insert(0, ("Content-Type", JsString.Quote("application/json")));
                }

                break;
            case FormBody form:
                // k6 sends a plain object form-encoded.
                body = "{ " + string.Join(", ", form.Fields.Select(f => JsString.Key(f.Key) + ": " + values.Expression(f.Value))) + " }";
                break;
            case MultipartBody multipart:
                body = "{ " + string.Join(", ", multipart.Parts.Select(p => JsString.Key(p.Name) + ": " + MultipartValue(p, values))) + " }";
                break;
            case TextBody text:
                body = values.Text(text.Text);
                if (!headers.Any(h => string.Equals(h.Key, "Content-Type", StringComparison.OrdinalIgnoreCase)))
                {
                    headers.Insert(0, ("Content-Type", JsString.Quote(text.ContentType)));
                }

                break;
        }

        var parameters = new List<string>();
        if (headers.Count > 0)
        {
            parameters.Add("headers: { " + string.Join(", ", headers.Select(h => JsString.Key(h.Key) + ": " + h.Value)) + " }");
        }

        var tags = new List<string> { "name: " + JsString.Quote(request.EffectiveName) };
        tags.AddRange(request.Tags.Select(t => JsString.Key(t.Key) + ": " + JsString.Quote(t.Value)));
        parameters.Add("tags: { " + string.Join(", ", tags) + " }");
        if (request.Timeout is { } timeout)
        {
            parameters.Add("timeout: " + JsString.Quote(Formatting.Duration(timeout)));
        }

        if (request.MaxRedirects is { } redirects)
        {
            parameters.Add("redirects: " + redirects.ToString(CultureInfo.InvariantCulture));
        }

        if (_test.Options.DiscardResponseBodies && ReadsBody(request))
        {
            // discardResponseBodies drops bodies; this request checks or captures its body, so it keeps it.
            parameters.Add("responseType: 'text'");
        }

        if (ExpectedStatusesArgument(request) is { } expected)
        {
            parameters.Add("responseCallback: http.expectedStatuses(" + expected + ")");
        }

        var function = request.Method switch
        {
            HttpMethod.Get => "http.get",
            HttpMethod.Head => "http.head",
            HttpMethod.Post => "http.post",
            HttpMethod.Put => "http.put",
            HttpMethod.Patch => "http.patch",
            HttpMethod.Delete => "http.del",
            _ => "http.options",
        };
        var takesBody = request.Method is not (HttpMethod.Get or HttpMethod.Head);
        if (body is not null && !takesBody)
        {
            throw new EmissionException(request.DisplayName + " cannot send a body with " + function + "()");
        }

        var arguments = url + ", " + (takesBody ? (body ?? "null") + ", " : string.Empty);
        return (function, arguments, parameters);
    }

    private string MultipartValue(MultipartPart part, ValueWriter values)
    {
        if (part.FilePath is { } path)
        {
            var file = _names.Files.First(f => f.SourcePath == path);
            return "http.file(" + file.Identifier + ", " + JsString.Quote(System.IO.Path.GetFileName(path)) + ", " + JsString.Quote(part.ContentType ?? "application/octet-stream") + ")";
        }

        return values.Text(part.Value!);
    }

    private static string Url(HttpRequestStep request, ValueWriter values, string baseIdentifier)
    {
        var builder = new StringBuilder("`${").Append(baseIdentifier).Append('}');
        var path = request.Path;
        var position = 0;

        // The placeholders the rules know (K6S0402); any other brace is literal text of the path.
        foreach (System.Text.RegularExpressions.Match placeholder in K6Scenarios.Rules.PathTemplates.Matches(path))
        {
            builder.Append(JsString.TemplateText(path[position..placeholder.Index]));
            var name = placeholder.Groups[1].Value;
            var parameter = request.PathParameters.FirstOrDefault(p => p.Key == name);
            if (parameter.Value is null)
            {
                throw new EmissionException(request.DisplayName + " has no value for path parameter {" + name + "}");
            }

            builder.Append(values.TemplatePiece(parameter.Value, Uri.EscapeDataString, encodeDynamic: true));
            position = placeholder.Index + placeholder.Length;
        }

        builder.Append(JsString.TemplateText(path[position..]));

        for (var i = 0; i < request.Query.Count; i++)
        {
            var (key, value) = request.Query[i];
            builder.Append(i == 0 && !path.Contains('?', StringComparison.Ordinal) ? '?' : '&')
                .Append(JsString.TemplateText(Uri.EscapeDataString(key)))
                .Append('=')
                .Append(values.TemplatePiece(value, Uri.EscapeDataString, encodeDynamic: true));
        }

        return builder.Append('`').ToString();
    }

    /// <summary>Gets the statuses counted as expected: those checked (plus extras), or k6's 200-399 plus extras.</summary>
    private static string? ExpectedStatusesArgument(HttpRequestStep request)
    {
        if (request.ExpectedStatuses.Count == 0)
        {
            return null;
        }

        var statuses = string.Join(", ", request.ExpectedStatuses.Select(Int));
        return request.Checks.OfType<StatusCheck>().Any() ? statuses : "{ min: 200, max: 399 }, " + statuses;
    }

    private static string ExpectedStatusTest(HttpRequestStep request)
    {
        var checkedStatuses = request.Checks.OfType<StatusCheck>().SelectMany(c => c.Statuses).Distinct().ToArray();
        if (checkedStatuses.Length > 0)
        {
            return StatusPredicate("res", checkedStatuses);
        }

        return "res.status >= 200 && res.status < 400";
    }

    private static string StatusPredicate(string response, IReadOnlyList<int> statuses) =>
        statuses.Count == 1
            ? response + ".status === " + Int(statuses[0])
            : "[" + string.Join(", ", statuses.Select(Int)) + "].includes(" + response + ".status)";

    private List<(string Name, string Predicate)> CheckEntries(HttpRequestStep request, ValueWriter values)
    {
        var entries = new List<(string Name, string Predicate)>();
        foreach (var check in request.Checks)
        {
            var predicate = check switch
            {
                StatusCheck status => "(r) => " + StatusPredicate("r", status.Statuses),
                BodyFieldPresentCheck present => UseHelper("jsonField", "(r) => jsonField(r, " + JsString.Quote(present.JsonPath) + ") !== undefined"),
                BodyFieldEqualsCheck equals => UseHelper("jsonField", "(r) => jsonField(r, " + JsString.Quote(equals.JsonPath) + ") === " + values.Expression(equals.Expected)),
                BodyContainsCheck contains => "(r) => typeof r.body === 'string' && r.body.includes(" + JsString.Quote(contains.Text) + ")",
                HeaderCheck { Expected: null } header => "(r) => " + JsString.OwnMember("r.headers", header.HeaderName) + " !== undefined",
                HeaderCheck header => "(r) => " + JsString.OwnMember("r.headers", header.HeaderName) + " === " + JsString.Quote(header.Expected!),
                DurationCheck duration => "(r) => r.timings.duration < " + Formatting.Number(duration.Limit.TotalMilliseconds),
                _ => throw new EmissionException("check " + check.GetType().Name + " is not supported"),
            };

            // Names are keys of one object literal: a repeated name would silently replace the earlier check.
            var name = check.DisplayName(request.EffectiveName);
            var unique = name;
            for (var n = 2; entries.Any(e => e.Name == unique); n++)
            {
                unique = name + " (" + Int(n) + ")";
            }

            entries.Add((unique, predicate));
        }

        return entries;
    }

    private void WriteCapture(ScriptBuilder js, HttpRequestStep request, Capture capture, IReadOnlyDictionary<string, string> variables)
    {
        _k6Imports.Add("fail");
        var target = variables[capture.Target.Name];
        var (read, where) = capture.Source switch
        {
            JsonCaptureSource json => (UseHelper("jsonField", "jsonField(res, " + JsString.Quote(json.Path) + ")"), "body field " + json.Path),
            HeaderCaptureSource header => (JsString.OwnMember("res.headers", header.Name), "header " + header.Name),
            RegexCaptureSource regex => (UseHelper("regexGroup", "regexGroup(res, " + JsString.Quote(regex.Pattern) + ")"), "pattern " + regex.Pattern),
            _ => throw new EmissionException("capture " + capture.Source.GetType().Name + " is not supported"),
        };
        js.Line(target + " = " + read + ";");

        // Later steps depend on the value: without it they would only produce errors, so the iteration stops here.
        js.Block("if (" + target + " === undefined || " + target + " === null) {", () =>
            js.Line("fail(`" + JsString.TemplateText(request.DisplayName + ": no " + where + " to capture into " + capture.Target.Name) + " (status ${res.status})`);"));
    }

    private string UseHelper(string helper, string code)
    {
        _helpers.Add(helper);
        return code;
    }

    private static bool ReadsBody(HttpRequestStep request) =>
        request.Checks.Any(c => c is BodyFieldPresentCheck or BodyFieldEqualsCheck or BodyContainsCheck) ||
        request.Captures.Any(c => c.Source is JsonCaptureSource or RegexCaptureSource);
}
