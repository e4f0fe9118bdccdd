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
        if (AcceptsBearerToken(operation) && request.CapturedToken?.Invoke() is { } token)
        {
            properties[RuleProperties.CapturedVariable] = token;
        }

        Report(context, request.Site, properties, request.Description, requirement);
    }

    private static bool SendsCredentials(RequestFacts request, OpenApiOperation operation)
    {
        foreach (var header in request.Headers)
        {
            if (!header.Name.TryGet(out var name) || Credentials.IsCredentialHeader(name) || header.Value.ReadsVariable || IsSchemeHeader(operation, name))
            {
                return true;
            }
        }

        foreach (var query in request.Query)
        {
            if (!query.Name.TryGet(out var name) || Credentials.IsSecretName(name) || query.Value.ReadsVariable || IsSchemeQuery(operation, name))
            {
                return true;
            }
        }

        return false;
    }

    // Whether a header is where one of the operation's security schemes expects its key.
    private static bool IsSchemeHeader(OpenApiOperation operation, string name)
    {
        foreach (var scheme in operation.SecuritySchemes)
        {
            if (scheme.HeaderName is { } header && string.Equals(header, name, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    // Whether a query parameter is where one of the operation's security schemes expects its key.
    private static bool IsSchemeQuery(OpenApiOperation operation, string name)
    {
        foreach (var scheme in operation.SecuritySchemes)
        {
            if (string.Equals(scheme.In, "query", StringComparison.OrdinalIgnoreCase) && string.Equals(scheme.ParameterName, name, StringComparison.Ordinal))
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
