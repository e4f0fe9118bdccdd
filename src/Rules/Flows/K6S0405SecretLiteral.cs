using System.Collections.Generic;
using K6Scenarios.Diagnostics;

namespace K6Scenarios.Rules;

/// <summary>
/// K6S0405: a credential written as a literal lands in the script, its archive and every log; it belongs in the
/// environment (Value.Secret).
/// </summary>
internal sealed class SecretLiteralRule : Rule
{
    /// <inheritdoc />
    public override RuleDescriptor Descriptor => DiagnosticCatalog.SecretLiteral;

    /// <inheritdoc />
    public override void CheckStep(StepFacts step, StepContext where, RuleContext context)
    {
        switch (step)
        {
            case RequestFacts request:
                CheckHeaders(context, request.Description, request.Headers);
                foreach (var query in request.Query)
                {
                    Check(context, query, request.Description, " query parameter", Credentials.IsSecretName);
                }

                if (request.Body is { } body)
                {
                    var slot = body.Kind switch
                    {
                        BodyKind.Form => " form field",
                        BodyKind.Multipart => " multipart field",
                        _ => " body field",
                    };
                    foreach (var leaf in body.Leaves)
                    {
                        Check(context, leaf, request.Description, slot, name => Credentials.IsSecretName(LastSegment(name)));
                    }
                }

                break;
            case WebSocketFacts socket:
                CheckHeaders(context, socket.Description, socket.Headers);
                break;
        }
    }

    /// <inheritdoc />
    public override void CheckPool(PoolFacts pool, RuleContext context)
    {
        foreach (var field in pool.GeneratedFields)
        {
            Check(context, field, "Pool " + RuleText.Quote(pool.DisplayName), " field", Credentials.IsSecretName);
        }
    }

    private void CheckHeaders(RuleContext context, string owner, List<NamedValueFacts> headers)
    {
        foreach (var header in headers)
        {
            Check(context, header, owner, " header", Credentials.IsCredentialHeader);
        }
    }

    // The slot's name ("POST /login body field 'password'") is joined only for a report.
    private void Check(RuleContext context, NamedValueFacts value, string owner, string slot, System.Func<string, bool> holdsSecret)
    {
        if (value.Name.TryGet(out var name) && holdsSecret(name) && value.Value.IsLiteralText.TryGet(out var literal) && literal)
        {
            Report(context, value.Value.Site, owner + slot + " " + RuleText.Quote(name));
        }
    }

    private static string LastSegment(string path)
    {
        var dot = path.LastIndexOf('.');
        return dot < 0 ? path : path.Substring(dot + 1);
    }
}
