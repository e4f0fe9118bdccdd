using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using K6Scenarios.Emitter.DryRun;
using K6Scenarios.Model;
using K6Scenarios.Model.Validation;

namespace K6Scenarios.Emitter.Emission;

/// <summary>
/// Shapes the responses the dry run answers with. A request's example response (<c>RespondsLike</c>) is used as it is,
/// so a capture or check of a field the real response lacks fails before anything is written; without an example,
/// the stub has what the request's checks and captures read.
/// </summary>
internal static class StubResponses
{
    public static IReadOnlyList<StubResponse> For(LoadTest test, Rules.ApiDocuments? documents)
    {
        var stubs = new List<StubResponse>();
        foreach (var request in test.AllSteps().OfType<HttpRequestStep>())
        {
            var method = request.Method.ToString().ToUpperInvariant();
            if (stubs.Any(s => s.Method == method && s.Name == request.EffectiveName))
            {
                continue;
            }

            var status = request.Checks.OfType<StatusCheck>().SelectMany(c => c.Statuses).Concat(request.ExpectedStatuses).DefaultIfEmpty(200).First();
            var headers = new SortedDictionary<string, string>(StringComparer.Ordinal) { ["Content-Type"] = "application/json" };
            foreach (var header in request.Checks.OfType<HeaderCheck>())
            {
                headers[header.HeaderName] = header.Expected ?? "stub";
            }

            foreach (var capture in request.Captures.Select(c => c.Source).OfType<HeaderCaptureSource>())
            {
                headers[capture.Name] = "stub";
            }

            var documented = request.ExampleResponse is null && documents is not null
                ? Rules.OperationMatch.Find(method, request.Path, ModelFacts.BaseUrlOf(request.BaseUrl ?? test.DefaultBaseUrl), documents)?.Operation?.JsonResponseSchema(status)?.ExampleJson()
                : null;
            stubs.Add(new StubResponse(method, request.EffectiveName, status, request.ExampleResponse ?? documented ?? SynthesizeBody(request), headers));
        }

        return stubs;
    }

    private static string SynthesizeBody(HttpRequestStep request)
    {
        var contains = request.Checks.OfType<BodyContainsCheck>().Select(c => c.Text).ToList();
        var regexes = request.Captures.Select(c => c.Source).OfType<RegexCaptureSource>().Select(r => SampleFor(r.Pattern)).ToList();
        var root = new JsonObject();
        foreach (var check in request.Checks)
        {
            switch (check)
            {
                case BodyFieldPresentCheck present:
                    Set(root, present.JsonPath, JsonValue.Create("stub"));
                    break;
                case BodyFieldEqualsCheck { Expected: LiteralValue literal } equals:
                    Set(root, equals.JsonPath, literal.Constant switch
                    {
                        string s => JsonValue.Create(s),
                        bool b => JsonValue.Create(b),
                        _ => JsonValue.Create(Convert.ToDouble(literal.Constant, CultureInfo.InvariantCulture)),
                    });
                    break;
                case BodyFieldEqualsCheck equals:
                    Set(root, equals.JsonPath, JsonValue.Create("stub"));
                    break;
            }
        }

        foreach (var capture in request.Captures.Select(c => c.Source).OfType<JsonCaptureSource>())
        {
            Set(root, capture.Path, JsonValue.Create("stub"));
        }

        if (contains.Count > 0 || regexes.Count > 0)
        {
            // A body that must contain text or match a pattern is answered as text holding all of it.
            return string.Join("\n", contains.Concat(regexes).Prepend(root.ToJsonString()));
        }

        return root.ToJsonString();
    }

    /// <summary>Sets a value at a gjson-style path (<c>data.items.0.id</c>, <c>items.#</c>), creating objects and arrays on the way.</summary>
    private static void Set(JsonObject root, string path, JsonNode value)
    {
        var segments = path.Split('.');
        JsonNode current = root;
        for (var i = 0; i < segments.Length; i++)
        {
            var segment = segments[i];
            var last = i == segments.Length - 1;
            var next = last ? null : segments[i + 1];
            JsonNode Create() => last ? value.DeepClone() : next == "#" || int.TryParse(next, NumberStyles.None, CultureInfo.InvariantCulture, out _) ? new JsonArray() : new JsonObject();

            if (segment == "#")
            {
                if (current is JsonArray countable && countable.Count == 0)
                {
                    countable.Add(new JsonObject());
                }

                return;
            }

            if (current is JsonArray array && int.TryParse(segment, NumberStyles.None, CultureInfo.InvariantCulture, out var index))
            {
                while (array.Count <= index)
                {
                    array.Add(last ? value.DeepClone() : Create());
                }

                current = array[index]!;
                continue;
            }

            if (current is not JsonObject obj)
            {
                return;
            }

            if (!obj.TryGetPropertyValue(segment, out var child) || child is null || last)
            {
                child = Create();
                obj[segment] = child;
            }

            current = child;
        }
    }

    /// <summary>Builds text that a simple capture pattern matches: literal parts kept, the group filled with a sample.</summary>
    private static string SampleFor(string pattern)
    {
        var open = pattern.IndexOf('(', StringComparison.Ordinal);
        var close = open < 0 ? -1 : pattern.IndexOf(')', open);
        if (open < 0 || close < 0)
        {
            return Unescape(pattern);
        }

        var group = pattern[(open + 1)..close];
        var sample = group.Contains("\\d", StringComparison.Ordinal) || group.Contains("0-9", StringComparison.Ordinal) ? "1" : "stub";
        return Unescape(pattern[..open]) + sample + Unescape(pattern[(close + 1)..]);
    }

    private static string Unescape(string literal)
    {
        var text = Regex.Replace(literal, @"\\(.)", "$1", RegexOptions.CultureInvariant);
        return text.TrimStart('^').TrimEnd('$');
    }
}
