using System;
using System.Collections.Generic;
using System.Linq;
using K6Scenarios.Diagnostics;

namespace K6Scenarios.Rules;

/// <summary>
/// K6S0505: the seed-003 bug. A JSON body property the request schema does not define is ignored by the API (a login
/// sending <c>username</c> where the API reads <c>email</c> fails every time), with the property it probably meant.
/// </summary>
internal sealed class UnknownBodyPropertyRule : Rule
{
    /// <inheritdoc />
    public override RuleDescriptor Descriptor => DiagnosticCatalog.UnknownBodyProperty;

    /// <inheritdoc />
    public override void CheckStep(StepFacts step, StepContext where, RuleContext context)
    {
        if (step is not RequestFacts { Body: { Kind: BodyKind.Json, IsJsonObject: true } body } request
            || context.MatchOf(request)?.Operation?.JsonRequestBody is not { IsComposite: false } schema)
        {
            return;
        }

        if (schema.Properties.Count == 0)
        {
            return;
        }

        // The lists for the message are built only once a field is not in the schema.
        List<string>? declared = null;
        HashSet<string>? sent = null;
        foreach (var field in body.Fields)
        {
            if (!field.Name.TryGet(out var name) || schema.FindProperty(name) is not null)
            {
                continue;
            }

            declared ??= schema.Properties.Select(p => p.Key).ToList();
            sent ??= new HashSet<string>(body.Fields.Where(f => f.Name.IsKnown).Select(f => f.Name.Value), StringComparer.Ordinal);
            var unsent = declared.Where(d => !sent.Contains(d)).ToList();
            var suggestion = unsent.FirstOrDefault(d => string.Equals(d, name, StringComparison.OrdinalIgnoreCase)) ?? EditDistance.Closest(name, unsent);
            var hint = suggestion is not null ? "; did you mean '" + suggestion + "'?" : "; it defines " + RuleText.QuotedList(declared);
            Report(context, field.Name.Site, request.Description, name, hint);
        }
    }
}
