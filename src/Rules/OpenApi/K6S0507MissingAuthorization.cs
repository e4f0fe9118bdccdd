using System;
using System.Collections.Generic;
using System.Linq;
using K6Scenarios.Diagnostics;
using K6Scenarios.OpenApi;

namespace K6Scenarios.Rules;

/// <summary>
/// K6S0507: a secured operation called without credentials answers 401 every time. A token captured earlier but not
/// sent is the usual cause, so the finding names it for the code fix. Cookie schemes travel in k6's cookie jar and
/// are not judged.
/// </summary>
internal sealed class MissingAuthorizationRule : Rule
{
    /// <inheritdoc />
    public override RuleDescriptor Descriptor => DiagnosticCatalog.MissingAuthorization;

    /// <inheritdoc />
    public override void CheckStep(StepFacts step, StepContext where, RuleContext context)
    {
        if (step is not RequestFacts { IsComplete: true } request
            || context.MatchOf(request)?.Operation is not { RequiresAuthentication: true } operation
            || operation.SecuritySchemes.Any(s => string.Equals(s.In, "cookie", StringComparison.OrdinalIgnoreCase))
            || SendsCredentials(request, operation))
        {
            return;
        }

        var requirement = operation.SecuritySchemeDescriptions.Count == 0 ? "authentication" : string.Join(" or ", operation.SecuritySchemeDescriptions);
        var properties = new Dictionary<string, string?>(StringComparer.Ordinal);
        if (AcceptsBearerToken(operation) && request.CapturedTokenExpression is { } token)
        {
            properties[RuleProperties.CapturedVariable] = token;
        }

        Report(context, request.Site, properties, request.Description, requirement);
    }

    private static bool SendsCredentials(RequestFacts request, OpenApiOperation operation)
    {
        var schemeHeaders = operation.SecuritySchemes.Select(s => s.HeaderName).Where(h => h is not null).ToList();
        var schemeQueries = operation.SecuritySchemes.Where(s => string.Equals(s.In, "query", StringComparison.OrdinalIgnoreCase)).Select(s => s.ParameterName).ToList();
        foreach (var header in request.Headers)
        {
            if (!header.Name.TryGet(out var name) || Credentials.IsCredentialHeader(name)
                || schemeHeaders.Any(h => string.Equals(h, name, StringComparison.OrdinalIgnoreCase)) || header.Value.ReadsVariable)
            {
                return true;
            }
        }

        foreach (var query in request.Query)
        {
            if (!query.Name.TryGet(out var name) || Credentials.IsSecretName(name)
                || schemeQueries.Any(q => string.Equals(q, name, StringComparison.Ordinal)) || query.Value.ReadsVariable)
            {
                return true;
            }
        }

        return false;
    }

    private static bool AcceptsBearerToken(OpenApiOperation operation) =>
        operation.SecurityRequirements.Any(requirement => requirement.Count > 0 && requirement.All(name =>
            operation.SecuritySchemes.FirstOrDefault(s => s.Name == name) is { } scheme
            && (scheme.Type is "oauth2" or "openIdConnect" || (scheme.Type == "http" && scheme.Scheme == "bearer"))));
}
