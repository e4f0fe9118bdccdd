using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using K6Scenarios.Diagnostics;
using K6Scenarios.Rules;

namespace K6Scenarios.Model.Validation;

/// <summary>
/// K6S0118: every free-text user string of the model, judged by the rule of its slot (<see cref="TextSlots"/>) before
/// any JavaScript is written. Literal parts of values are judged; so are environment defaults, which a run sends
/// when the variable is not set. What a run captures from responses is beyond the model's sight.
/// </summary>
internal static class TextRules
{
    public static void Check(ValidationContext context)
    {
        var test = context.Test;
        var sink = new Sink(context);
        sink.Text(TextSlots.Text, "Description", test.Description, "description", test.DefinedAt);
        var outputs = Safe.List(test.Outputs);
        for (var i = 0; i < outputs.Count; i++)
        {
            sink.Text(TextSlots.Text, "Output", outputs[i], "outputs[" + Safe.Text(i) + "]", test.DefinedAt);
        }

        CheckOptions(sink, test.Options, test.DefinedAt);
        foreach (var scenario in context.Scenarios)
        {
            var path = ValidationContext.PathOf(scenario);
            var location = context.LocationOf(scenario);
            foreach (var variable in Safe.Pairs(scenario.Environment))
            {
                sink.Text(TextSlots.Text, "Scenario environment value of " + Safe.Quote(variable.Key), variable.Value, path + ".env", location);
            }

            foreach (var tag in Safe.Pairs(scenario.Tags))
            {
                sink.Text(TextSlots.Text, "Tag value of " + Safe.Quote(tag.Key), tag.Value, path + ".tags", location);
            }
        }

        foreach (var site in context.AllSites)
        {
            CheckStep(sink, site);
        }

        foreach (var pool in PoolRules.CollectPools(context))
        {
            var path = "pools." + pool.Name;
            foreach (var field in Safe.List(pool.Fields))
            {
                sink.Text(TextSlots.Text, "Pool field name", field, path, pool.DefinedAt);
            }

            foreach (var (field, template) in Safe.Pairs(pool.GeneratedFields))
            {
                sink.Value(TextSlots.Text, "Pool field " + Safe.Quote(field) + " template", template, path, pool.DefinedAt);
            }
        }
    }

    private static void CheckOptions(Sink sink, K6Options? options, SourceLocation? location)
    {
        if (options is null)
        {
            return;
        }

        sink.Text(TextSlots.HeaderValue, "User agent", options.UserAgent, "options.userAgent", location);
        foreach (var tag in Safe.Pairs(options.Tags))
        {
            sink.Text(TextSlots.Text, "Tag value of " + Safe.Quote(tag.Key), tag.Value, "options.tags", location);
        }

        foreach (var host in Safe.Pairs(options.Hosts))
        {
            sink.Text(TextSlots.Text, "Host override name", host.Key, "options.hosts", location);
            sink.Text(TextSlots.Text, "Host override address", host.Value, "options.hosts", location);
        }

        if (options.Cloud is { } cloud)
        {
            sink.Text(TextSlots.Text, "Cloud test name", cloud.Name, "options.cloud.name", location);
            foreach (var zone in Safe.List(cloud.Distribution))
            {
                sink.Text(TextSlots.Text, "Cloud load-zone label", zone.Label, "options.cloud.distribution", location);
                sink.Text(TextSlots.Text, "Cloud load zone", zone.LoadZone, "options.cloud.distribution", location);
            }
        }
    }

    private static void CheckStep(Sink sink, StepSite site)
    {
        var path = site.Path;
        var location = site.Location;
        var of = " of " + site.Description;
        switch (site.Step)
        {
            case GroupStep group:
                sink.Text(TextSlots.Text, "Group name", group.Name, path, location);
                break;
            case HttpRequestStep request:
                sink.Text(TextSlots.Path, "Path" + of, request.Path, path + ".path", location);
                sink.Text(TextSlots.Text, "Request name" + of, request.Name, path + ".name", location);
                foreach (var parameter in Safe.Pairs(request.PathParameters))
                {
                    sink.Value(TextSlots.Text, "Path parameter " + Safe.Quote(parameter.Key) + of, parameter.Value, path + ".pathParameters", location);
                }

                foreach (var query in Safe.Pairs(request.Query))
                {
                    sink.Text(TextSlots.Text, "Query parameter name" + of, query.Key, path + ".query", location);
                    sink.Value(TextSlots.Text, "Query parameter " + Safe.Quote(query.Key) + of, query.Value, path + ".query", location);
                }

                CheckHeaders(sink, request.Headers, of, path, location);
                CheckBody(sink, request.Body, of, path + ".body", location);
                foreach (var tag in Safe.Pairs(request.Tags))
                {
                    sink.Text(TextSlots.Text, "Tag value of " + Safe.Quote(tag.Key) + of, tag.Value, path + ".tags", location);
                }

                CheckChecks(sink, request, of, path + ".checks", location);
                foreach (var capture in Safe.List(request.Captures))
                {
                    var source = capture.Source switch
                    {
                        JsonCaptureSource json => json.Path,
                        HeaderCaptureSource header => header.Name,
                        RegexCaptureSource regex => regex.Pattern,
                        _ => null,
                    };
                    sink.Text(TextSlots.Text, "Capture source" + of, source, path + ".captures", location);
                }

                break;
            case WebSocketStep socket:
                sink.Text(TextSlots.Path, "Path" + of, socket.Path, path + ".path", location);
                sink.Text(TextSlots.Text, "Name" + of, socket.Name, path + ".name", location);
                CheckHeaders(sink, socket.Headers, of, path, location);
                foreach (var message in Safe.List(socket.Messages))
                {
                    if (message.Text is not null)
                    {
                        sink.Value(TextSlots.Text, "Message" + of, message.Text, path + ".messages", location);
                    }

                    if (message.Json is not null)
                    {
                        CheckJson(sink, message.Json, "Message" + of, path + ".messages", location);
                    }
                }

                break;
            case ConditionalStep { Condition: EqualsCondition condition }:
                sink.Value(TextSlots.Text, "Condition", condition.Left, path, location);
                sink.Value(TextSlots.Text, "Condition", condition.Right, path, location);
                break;
        }
    }

    private static void CheckHeaders(Sink sink, IReadOnlyList<KeyValuePair<string, Value>>? headers, string of, string path, SourceLocation? location)
    {
        foreach (var header in Safe.Pairs(headers))
        {
            sink.Value(TextSlots.HeaderValue, "Header " + Safe.Quote(header.Key) + " value" + of, header.Value, path + ".headers", location);
        }
    }

    private static void CheckBody(Sink sink, RequestBody? body, string of, string path, SourceLocation? location)
    {
        switch (body)
        {
            case JsonBody json:
                CheckJson(sink, json.Content, "JSON body" + of, path, location);
                break;
            case FormBody form:
                foreach (var field in Safe.Pairs(form.Fields))
                {
                    sink.Text(TextSlots.Text, "Form field name" + of, field.Key, path, location);
                    sink.Value(TextSlots.Text, "Form field " + Safe.Quote(field.Key) + of, field.Value, path, location);
                }

                break;
            case MultipartBody multipart:
                foreach (var part in Safe.List(multipart.Parts))
                {
                    sink.Text(TextSlots.MultipartName, "Multipart part name" + of, part.Name, path, location);
                    sink.Value(TextSlots.Text, "Multipart field " + Safe.Quote(part.Name) + of, part.Value, path, location);
                    sink.Text(TextSlots.HeaderValue, "Multipart content type" + of, part.ContentType, path, location);
                }

                break;
            case TextBody text:
                sink.Value(TextSlots.Text, "Body" + of, text.Text, path, location);
                sink.Text(TextSlots.HeaderValue, "Body content type" + of, text.ContentType, path, location);
                break;
        }
    }

    private static void CheckJson(Sink sink, JsonTemplate? template, string what, string path, SourceLocation? location)
    {
        switch (template)
        {
            case JsonLeaf leaf:
                sink.Value(TextSlots.Text, what + " value", leaf.Value, path, location);
                break;
            case JsonObjectTemplate json:
                foreach (var property in Safe.Pairs(json.Properties))
                {
                    sink.Text(TextSlots.Text, what + " key", property.Key, path, location);
                    CheckJson(sink, property.Value, what, path, location);
                }

                break;
            case JsonArrayTemplate array:
                foreach (var item in Safe.List(array.Items))
                {
                    CheckJson(sink, item, what, path, location);
                }

                break;
        }
    }

    private static void CheckChecks(Sink sink, HttpRequestStep request, string of, string path, SourceLocation? location)
    {
        var checks = Safe.List(request.Checks);
        for (var i = 0; i < checks.Count; i++)
        {
            var check = checks[i];
            var at = path + "[" + Safe.Text(i) + "]";
            sink.Text(TextSlots.Text, "Check name" + of, check.Name, at, location);
            switch (check)
            {
                case BodyFieldPresentCheck present:
                    sink.Text(TextSlots.Text, "Checked body field" + of, present.JsonPath, at, location);
                    break;
                case BodyFieldEqualsCheck equals:
                    sink.Text(TextSlots.Text, "Checked body field" + of, equals.JsonPath, at, location);
                    sink.Value(TextSlots.Text, "Expected value" + of, equals.Expected, at, location);
                    break;
                case BodyContainsCheck contains:
                    sink.Text(TextSlots.Text, "Expected body text" + of, contains.Text, at, location);
                    break;
                case HeaderCheck header:
                    sink.Text(TextSlots.Text, "Checked header name" + of, header.HeaderName, at, location);
                    sink.Text(TextSlots.Text, "Expected header value" + of, header.Expected, at, location);
                    break;
            }
        }
    }

    /// <summary>Reports the first refusal of each text, once per path and text.</summary>
    private sealed class Sink(ValidationContext context)
    {
        private readonly HashSet<(string Path, string What, string Text)> _reported = [];

        public void Text(TextSlot slot, string what, string? text, string path, SourceLocation? location)
        {
            if (text is null || slot.FindRefusal(text) is not { } refusal || !_reported.Add((path, what, text)))
            {
                return;
            }

            context.Report(DiagnosticCatalog.TextNotDeliverable, path, location, what, TextCharacters.Escape(text), refusal.Character,
                refusal.Index.ToString(CultureInfo.InvariantCulture), refusal.Reason);
        }

        /// <summary>
        /// Judges a value as it is sent: its literal parts and the defaults of its environment variables in place,
        /// every other run-time part as a placeholder (<c>${value}</c>), so that white space at the ends of a literal
        /// inside a concatenation is not taken for white space at the ends of the value.
        /// </summary>
        public void Value(TextSlot slot, string what, Value? value, string path, SourceLocation? location)
        {
            if (value is null)
            {
                return;
            }

            var parts = value is ConcatValue concat ? Safe.List(concat.Parts) : [value];
            var text = string.Concat(parts.Select(part => part switch
            {
                LiteralValue literal => literal.Text,
                EnvironmentValue { DefaultValue: { } fallback } => fallback,
                _ => "${value}",
            }));
            Text(slot, what, text, path, location);
        }
    }
}
