using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using K6Scenarios.Diagnostics;
using K6Scenarios.Model;
using K6Scenarios.OpenApi;

namespace K6Scenarios.Emitter.OpenApi;

/// <summary>
/// Checks a built load test against OpenAPI documents with the analyzers' rule IDs (K6S05xx). It sees computed values
/// the analyzers cannot (paths, statuses and bodies built at run time of the definition), so nothing depends on one layer.
/// </summary>
public static class OpenApiConformance
{
    /// <summary>Checks every request of a load test.</summary>
    /// <param name="loadTest">The load test.</param>
    /// <param name="sources">The documents.</param>
    /// <returns>The diagnostics, in model order.</returns>
    public static IReadOnlyList<ModelDiagnostic> Check(LoadTest loadTest, IReadOnlyList<OpenApiSource> sources)
    {
        ArgumentNullException.ThrowIfNull(loadTest);
        ArgumentNullException.ThrowIfNull(sources);
        var diagnostics = new List<ModelDiagnostic>();
        if (sources.All(s => s.Document is null))
        {
            return diagnostics;
        }

        var setupCaptures = loadTest.Setup.Count > 0 && StepWalker.Walk(loadTest.Setup).OfType<HttpRequestStep>().Any(r => r.Captures.Count > 0);
        CheckFlow(loadTest, loadTest.Setup, "setup", capturedBefore: false, sources, diagnostics);
        foreach (var scenario in loadTest.Scenarios)
        {
            CheckFlow(loadTest, scenario.Flow, "scenarios." + scenario.Name + ".flow", setupCaptures, sources, diagnostics);
        }

        CheckFlow(loadTest, loadTest.Teardown, "teardown", setupCaptures, sources, diagnostics);
        return diagnostics;
    }

    /// <summary>Finds the operation a request calls, if a document describes its base URL.</summary>
    /// <param name="loadTest">The load test.</param>
    /// <param name="request">The request.</param>
    /// <param name="sources">The documents.</param>
    /// <returns>The operation, or <see langword="null"/>.</returns>
    public static OpenApiOperation? FindOperation(LoadTest loadTest, HttpRequestStep request, IReadOnlyList<OpenApiSource> sources)
    {
        ArgumentNullException.ThrowIfNull(loadTest);
        ArgumentNullException.ThrowIfNull(request);
        var document = DocumentFor(loadTest, request, sources);
        return document?.FindOperation(request.Method.ToString().ToUpperInvariant(), request.Path);
    }

    private static void CheckFlow(LoadTest loadTest, IReadOnlyList<Step> flow, string path, bool capturedBefore, IReadOnlyList<OpenApiSource> sources, List<ModelDiagnostic> diagnostics)
    {
        var captured = capturedBefore;
        foreach (var (step, stepPath) in Walk(flow, path))
        {
            if (step is HttpRequestStep request)
            {
                CheckRequest(loadTest, request, stepPath, captured, sources, diagnostics);
                captured |= request.Captures.Count > 0;
            }
        }
    }

    private static IEnumerable<(Step Step, string Path)> Walk(IReadOnlyList<Step> steps, string path)
    {
        for (var i = 0; i < steps.Count; i++)
        {
            var step = steps[i];
            var stepPath = path + "[" + i.ToString(CultureInfo.InvariantCulture) + "]";
            yield return (step, stepPath);
            var nested = step switch
            {
                GroupStep group => Walk(group.Steps, stepPath + ".steps"),
                TimedStep timed => Walk(timed.Steps, stepPath + ".steps"),
                ConditionalStep conditional => Walk(conditional.Then, stepPath + ".then").Concat(Walk(conditional.Else, stepPath + ".else")),
                _ => [],
            };
            foreach (var inner in nested)
            {
                yield return inner;
            }
        }
    }

    private static OpenApiDocument? DocumentFor(LoadTest loadTest, HttpRequestStep request, IReadOnlyList<OpenApiSource> sources)
    {
        var variable = (request.BaseUrl ?? loadTest.DefaultBaseUrl)?.EnvironmentVariable;
        var matching = sources.FirstOrDefault(s => s.Document is not null && s.BaseUrlVariable is not null && s.BaseUrlVariable == variable);
        if (matching is not null)
        {
            return matching.Document;
        }

        var general = sources.Where(s => s.Document is not null && s.BaseUrlVariable is null).ToArray();
        return general.Length == 1 ? general[0].Document : null;
    }

    private static void CheckRequest(LoadTest loadTest, HttpRequestStep request, string path, bool capturedBefore, IReadOnlyList<OpenApiSource> sources, List<ModelDiagnostic> diagnostics)
    {
        var document = DocumentFor(loadTest, request, sources);
        if (document is null)
        {
            return;
        }

        var location = request.DefinedAt;
        var method = request.Method.ToString().ToUpperInvariant();
        var operations = document.FindOperationsForPath(request.Path);
        if (operations.Count == 0)
        {
            var closest = Closest(request.Path, document.PathTemplates);
            diagnostics.Add(new ModelDiagnostic(DiagnosticCatalog.PathNotDocumented, path, location, request.DisplayName, request.Path, closest is null ? string.Empty : "; did you mean '" + closest + "'?"));
            return;
        }

        var operation = document.FindOperation(method, request.Path);
        if (operation is null)
        {
            diagnostics.Add(new ModelDiagnostic(DiagnosticCatalog.MethodNotDocumented, path, location, request.DisplayName, request.Path, method, string.Join(", ", operations.Select(o => o.Method))));
            return;
        }

        var statuses = request.Checks.OfType<StatusCheck>().SelectMany(c => c.Statuses).Concat(request.ExpectedStatuses).Distinct();
        foreach (var status in statuses.Where(s => !operation.DocumentsStatus(s)))
        {
            var documented = operation.DocumentedStatuses.Count > 0 ? string.Join(", ", operation.DocumentedStatuses) : string.Join(", ", operation.ResponseKeys);
            diagnostics.Add(new ModelDiagnostic(DiagnosticCatalog.StatusNotDocumented, path, location, request.DisplayName, status, documented));
        }

        if (request.Body is JsonBody { Content: JsonObjectTemplate body } && operation.JsonRequestBody is { IsComposite: false, Properties.Count: > 0 } schema)
        {
            var names = body.Properties.Select(p => p.Key).ToArray();
            foreach (var unknown in names.Where(n => schema.FindProperty(n) is null))
            {
                var closest = Closest(unknown, schema.Properties.Select(p => p.Key).ToArray());
                diagnostics.Add(new ModelDiagnostic(DiagnosticCatalog.UnknownBodyProperty, path, location, request.DisplayName, unknown, closest is null ? string.Empty : "; did you mean '" + closest + "'?"));
            }

            foreach (var missing in schema.Required.Where(r => !names.Contains(r, StringComparer.Ordinal)))
            {
                diagnostics.Add(new ModelDiagnostic(DiagnosticCatalog.MissingRequiredBodyProperty, path, location, request.DisplayName, missing));
            }
        }

        if (operation.RequiresAuthentication && !capturedBefore && !SendsCredentials(request, operation))
        {
            diagnostics.Add(new ModelDiagnostic(DiagnosticCatalog.MissingAuthorization, path, location, request.DisplayName, string.Join(" or ", operation.SecuritySchemeDescriptions)));
        }
    }

    private static bool SendsCredentials(HttpRequestStep request, OpenApiOperation operation)
    {
        var headers = operation.SecuritySchemes.Select(s => s.HeaderName).OfType<string>().Append("Authorization");
        if (operation.SecuritySchemes.Any(s => s.HeaderName is null))
        {
            // Cookie and query credentials travel without a header (k6's cookie jar), so silence rather than guess.
            return true;
        }

        return request.Headers.Any(h => headers.Contains(h.Key, StringComparer.OrdinalIgnoreCase));
    }

    private static string? Closest(string value, IReadOnlyList<string> candidates)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in candidates)
        {
            var distance = Distance(value.ToUpperInvariant(), candidate.ToUpperInvariant());
            if (distance < bestDistance)
            {
                (best, bestDistance) = (candidate, distance);
            }
        }

        return best is not null && bestDistance <= Math.Max(2, value.Length / 3) ? best : null;
    }

    private static int Distance(string a, string b)
    {
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var current = new int[b.Length + 1];
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            }

            previous = current;
        }

        return previous[b.Length];
    }
}
