using System;
using System.Linq;
using K6Scenarios.Diagnostics;

namespace K6Scenarios.Rules;

/// <summary>K6S0506: a JSON body without a property the request schema requires is refused by a validating API.</summary>
internal sealed class MissingRequiredBodyPropertyRule : Rule
{
    /// <inheritdoc />
    public override RuleDescriptor Descriptor => DiagnosticCatalog.MissingRequiredBodyProperty;

    /// <inheritdoc />
    public override void CheckStep(StepFacts step, StepContext where, RuleContext context)
    {
        if (step is not RequestFacts { Body: { Kind: BodyKind.Json, IsJsonObject: true, IsComplete: true } body } request
            || body.Fields.Any(f => !f.Name.IsKnown)
            || context.MatchOf(request)?.Operation?.JsonRequestBody is not { IsComposite: false } schema)
        {
            return;
        }

        foreach (var required in schema.Required)
        {
            if (!body.Fields.Any(f => string.Equals(f.Name.Value, required, StringComparison.Ordinal)))
            {
                Report(context, body.ContentSite ?? body.Site, request.Description, required);
            }
        }
    }
}
