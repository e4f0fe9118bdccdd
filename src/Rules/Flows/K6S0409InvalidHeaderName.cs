using System.Collections.Generic;
using K6Scenarios.Diagnostics;

namespace K6Scenarios.Rules;

/// <summary>K6S0409: a header name must be an HTTP token, or Go's HTTP client refuses the request.</summary>
internal sealed class InvalidHeaderNameRule : Rule
{
    /// <inheritdoc />
    public override RuleDescriptor Descriptor => DiagnosticCatalog.InvalidHeaderName;

    /// <inheritdoc />
    public override void CheckStep(StepFacts step, StepContext where, RuleContext context)
    {
        switch (step)
        {
            case RequestFacts request:
                Check(context, request.Description, request.Headers);
                break;
            case WebSocketFacts socket:
                Check(context, socket.Description, socket.Headers);
                break;
        }
    }

    private void Check(RuleContext context, string owner, List<NamedValueFacts> headers)
    {
        foreach (var header in headers)
        {
            if (header.Name.TryGet(out var name) && !NamePatterns.IsHeaderName(name))
            {
                Report(context, header.Name.Site, owner, TextCharacters.Escape(name));
            }
        }
    }
}
