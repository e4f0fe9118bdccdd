using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using K6Scenarios.Diagnostics;
using K6Scenarios.OpenApi;

namespace K6Scenarios.Rules;

/// <summary>
/// K6S0502: the seed-000 bug. A check or expected status the operation does not document (200 on a sign-in that
/// answers 201) fails every iteration; the finding carries the documented success statuses for the code fix.
/// </summary>
internal sealed class StatusNotDocumentedRule : Rule
{
    /// <inheritdoc />
    public override RuleDescriptor Descriptor => DiagnosticCatalog.StatusNotDocumented;

    /// <inheritdoc />
    public override void CheckStep(StepFacts step, StepContext where, RuleContext context)
    {
        if (step is not RequestFacts { IsComplete: true } request || context.MatchOf(request)?.Operation is not { } operation || !HasExplicitResponses(operation))
        {
            return;
        }

        Dictionary<string, string?>? properties = null;
        var reported = new HashSet<long>();
        foreach (var status in request.Statuses)
        {
            if (status.TryGet(out var value) && NamePatterns.IsHttpStatus(value) && !operation.DocumentsStatus((int)value) && reported.Add(value))
            {
                properties ??= Properties(operation.DocumentedSuccessStatuses);
                Report(context, status.Site, properties, request.Description, RuleText.Number(value), string.Join(", ", operation.ResponseKeys.Where(k => k != "default")));
            }
        }
    }

    /// <summary>The load test's own expected statuses apply to the requests that set none of their own.</summary>
    public override void CheckTest(RuleContext context)
    {
        var test = context.Test;
        if (test.ExpectedStatuses.Count == 0 || !test.IsComplete || context.Settings.Documents is null)
        {
            return;
        }

        var operations = new List<OpenApiOperation>();
        foreach (var walked in StepWalk.All(test))
        {
            if (walked.Step is not RequestFacts request || request.HasOwnStatuses)
            {
                continue;
            }

            if (!request.IsComplete || context.MatchOf(request)?.Operation is not { } operation)
            {
                return;
            }

            operations.Add(operation);
        }

        if (operations.Count == 0)
        {
            return;
        }

        foreach (var status in test.ExpectedStatuses)
        {
            if (status.TryGet(out var value) && NamePatterns.IsHttpStatus(value) && !operations.Any(o => o.DocumentsStatus((int)value) || !HasExplicitResponses(o)))
            {
                var documented = operations.SelectMany(o => o.ResponseKeys).Where(k => k != "default").Distinct(StringComparer.Ordinal).OrderBy(k => k, StringComparer.Ordinal);
                var successes = operations.SelectMany(o => o.DocumentedSuccessStatuses).Distinct().OrderBy(s => s).ToList();
                Report(context, status.Site, Properties(successes), "The load test's expected statuses", RuleText.Number(value), string.Join(", ", documented));
            }
        }
    }

    private static bool HasExplicitResponses(OpenApiOperation operation) => operation.ResponseKeys.Any(k => k != "default");

    private static Dictionary<string, string?> Properties(IEnumerable<int> successes) =>
        new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            [RuleProperties.DocumentedStatuses] = string.Join(",", successes.Select(s => s.ToString(CultureInfo.InvariantCulture))),
        };
}
