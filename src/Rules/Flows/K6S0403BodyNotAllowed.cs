using K6Scenarios.Diagnostics;

namespace K6Scenarios.Rules;

/// <summary>K6S0403: k6's <c>http.get</c> and <c>http.head</c> take no body.</summary>
internal sealed class BodyNotAllowedRule : Rule
{
    /// <inheritdoc />
    public override RuleDescriptor Descriptor => DiagnosticCatalog.BodyNotAllowed;

    /// <inheritdoc />
    public override void CheckStep(StepFacts step, StepContext where, RuleContext context)
    {
        if (step is RequestFacts { Body: { } body } request && request.Method.TryGet(out var method) && method is "GET" or "HEAD")
        {
            Report(context, body.Site, request.Description, method.ToLowerInvariant());
        }
    }
}
