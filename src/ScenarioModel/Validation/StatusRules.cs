using System.Collections.Generic;
using System.Linq;

namespace K6Scenarios.Model.Validation;

/// <summary>HTTP status ranges.</summary>
internal static class StatusRules
{
    public static bool IsHttpStatus(int status) => status is >= 100 and <= 599;

    /// <summary>Gets the statuses a request checks or expects, each once, in the order written.</summary>
    public static IEnumerable<int> Statuses(HttpRequestStep request) =>
        Safe.List(request.Checks).OfType<StatusCheck>().SelectMany(check => Safe.Numbers(check.Statuses))
            .Concat(Safe.Numbers(request.ExpectedStatuses))
            .Distinct();
}
