using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using K6Scenarios.Diagnostics;

namespace K6Scenarios.Model.Validation;

/// <summary>
/// Flow rules (04xx, plus the pool-field rules 0301/0302 and environment names), applied step by step in run order so
/// that variables are known to be captured or not at each use.
/// </summary>
internal static partial class FlowRules
{
    /// <summary>Headers whose value is a credential.</summary>
    private static readonly string[] CredentialHeaders = ["Authorization", "Proxy-Authorization", "X-Api-Key", "Api-Key", "X-Auth-Token"];

    /// <summary>Endings of body, form and query field names that hold credentials (compared without '_' and '-').</summary>
    private static readonly string[] CredentialNameEndings = ["secret", "token", "apikey"];

    /// <summary>Parts of field names that hold credentials wherever they appear (<c>newPassword</c>, <c>password_confirm</c>).</summary>
    private static readonly string[] CredentialNameParts = ["password", "passwd"];

    public static void Check(ValidationContext context)
    {
        var setupCaptures = new HashSet<string>(StringComparer.Ordinal);
        foreach (var scope in context.Scopes)
        {
            // Setup data reaches every scenario and teardown; what a scenario captures stays in its VU.
            var captured = scope.Kind == FlowKind.Setup ? setupCaptures : new HashSet<string>(setupCaptures, StringComparer.Ordinal);
            var state = new ScopeState(captured);
            foreach (var site in scope.Sites)
            {
                CheckStructure(context, site);
                CheckValues(context, site, state);
                if (site.Step is HttpRequestStep request)
                {
                    foreach (var capture in Safe.List(request.Captures).Where(c => c.Target is not null))
                    {
                        captured.Add(capture.Target.Name);
                    }
                }
            }
        }
    }

    private static void CheckStructure(ValidationContext context, StepSite site)
    {
        switch (site.Step)
        {
            case HttpRequestStep request:
                CheckRequest(context, site, request);
                break;
            case WebSocketStep socket:
                CheckTarget(context, site, socket.BaseUrl, socket.Path);
                CheckHeaderNames(context, site, socket.Headers);
                if (socket.HoldOpen < TimeSpan.Zero)
                {
                    context.Report(DiagnosticCatalog.InvalidDuration, site.Path + ".holdOpen", site.Location,
                        site.Description + " hold-open time", Formatting.Duration(socket.HoldOpen), "a duration of 0s or more");
                }

                break;
            case GroupStep group when string.IsNullOrEmpty(group.Name) || group.Name.Contains("::", StringComparison.Ordinal):
                context.Report(DiagnosticCatalog.InvalidGroupName, site.Path, site.Location, "Group", group.Name ?? string.Empty);
                break;
            case ThinkTimeStep think when think.Min < TimeSpan.Zero || think.Max < TimeSpan.Zero || think.Min > think.Max:
                context.Report(DiagnosticCatalog.InvalidThinkTime, site.Path, site.Location, site.Description, Formatting.Duration(think.Min), Formatting.Duration(think.Max));
                break;
        }
    }

    private static void CheckRequest(ValidationContext context, StepSite site, HttpRequestStep request)
    {
        var description = site.Description;
        CheckTarget(context, site, request.BaseUrl, request.Path);
        CheckPathParameters(context, site, request);

        if (request.Body is not null && request.Method is HttpMethod.Get or HttpMethod.Head)
        {
            context.Report(DiagnosticCatalog.BodyNotAllowed, site.Path, site.Location, description, request.Method == HttpMethod.Get ? "get" : "head");
        }

        CheckHeaderNames(context, site, request.Headers);

        foreach (var status in StatusRules.Statuses(request).Where(s => !StatusRules.IsHttpStatus(s)))
        {
            context.Report(DiagnosticCatalog.InvalidStatusCode, site.Path, site.Location, description, status);
        }

        if (request.Timeout <= TimeSpan.Zero)
        {
            context.Report(DiagnosticCatalog.InvalidDuration, site.Path + ".timeout", site.Location, description + " timeout", Formatting.Duration(request.Timeout.Value), "a positive duration");
        }

        if (request.MaxRedirects < 0)
        {
            context.Report(DiagnosticCatalog.InvalidSettingValue, site.Path + ".redirects", site.Location, description + " redirects", request.MaxRedirects.Value, "use 0 (follow none) or more");
        }

        foreach (var tag in Safe.Pairs(request.Tags).Where(tag => !TagRules.IsTagKey(tag.Key)))
        {
            context.Report(DiagnosticCatalog.InvalidName, site.Path + ".tags", site.Location, "Tag key", tag.Key ?? string.Empty, TagRules.KeyAdvice);
        }

        foreach (var check in Safe.List(request.Checks))
        {
            var name = CheckName(check, request.EffectiveName);
            if (name is not null && (name.Length == 0 || name.Contains("::", StringComparison.Ordinal)))
            {
                context.Report(DiagnosticCatalog.InvalidGroupName, site.Path, site.Location, "Check", name);
            }

            if (check is DurationCheck duration && duration.Limit <= TimeSpan.Zero)
            {
                context.Report(DiagnosticCatalog.InvalidDuration, site.Path, site.Location, description + " duration check limit", Formatting.Duration(duration.Limit), "a positive duration");
            }
        }
    }

    /// <summary>Gets the name k6 shows for a check, or <see langword="null"/> when the check is too broken to name.</summary>
    private static string? CheckName(Check check, string requestName) => check switch
    {
        { Name: { } name } => name,
        StatusCheck { Statuses: null } or BodyFieldEqualsCheck { Expected: null } => null,
        _ => check.DisplayName(requestName),
    };

    private static void CheckTarget(ValidationContext context, StepSite site, BaseUrl? baseUrl, string? path)
    {
        if (baseUrl is null && context.Test.DefaultBaseUrl is null)
        {
            context.Report(DiagnosticCatalog.MissingBaseUrl, site.Path, site.Location, site.Description);
        }

        context.Environment.AddBaseUrl(baseUrl, site.Path, site.Location);
        if (string.IsNullOrEmpty(path) || !path.StartsWith('/') || path.Contains("://", StringComparison.Ordinal))
        {
            context.Report(DiagnosticCatalog.InvalidPath, site.Path, site.Location, site.Description, path ?? string.Empty);
        }
    }

    private static void CheckPathParameters(ValidationContext context, StepSite site, HttpRequestStep request)
    {
        var placeholders = PlaceholderPattern().Matches(request.Path ?? string.Empty).Select(m => m.Groups[1].Value).Distinct(StringComparer.Ordinal).ToArray();
        var parameters = Safe.Pairs(request.PathParameters).Select(p => p.Key ?? string.Empty).Distinct(StringComparer.Ordinal).ToArray();
        foreach (var placeholder in placeholders.Where(p => !parameters.Contains(p, StringComparer.Ordinal)))
        {
            context.Report(DiagnosticCatalog.PathParameterNotFilled, site.Path, site.Location, site.Description, placeholder);
        }

        foreach (var parameter in parameters.Where(p => !placeholders.Contains(p, StringComparer.Ordinal)))
        {
            context.Report(DiagnosticCatalog.PathParameterNotInPath, site.Path, site.Location, site.Description, parameter);
        }
    }

    private static void CheckHeaderNames(ValidationContext context, StepSite site, IReadOnlyList<KeyValuePair<string, Value>>? headers)
    {
        foreach (var header in Safe.Pairs(headers).Where(h => !NameRules.IsHeaderName(h.Key)))
        {
            context.Report(DiagnosticCatalog.InvalidHeaderName, site.Path, site.Location, site.Description, header.Key ?? string.Empty);
        }
    }

    private static void CheckValues(ValidationContext context, StepSite site, ScopeState state)
    {
        var outsideScenario = site.Scope.Kind != FlowKind.Scenario;
        var reportedHere = new HashSet<string>(StringComparer.Ordinal);
        foreach (var value in site.Values)
        {
            if (IsCredentialSlot(value) && IsLiteralText(value.Value))
            {
                context.Report(DiagnosticCatalog.SecretLiteral, site.Path, site.Location, site.Description + " " + value.Describe());
            }

            foreach (var part in value.Parts)
            {
                switch (part)
                {
                    case Variable variable when !state.Captured.Contains(variable.Name) && state.ReportedVariables.Add(variable.Name):
                        context.Report(DiagnosticCatalog.VariableNotCaptured, site.Path, site.Location, site.Description, variable.Name);
                        break;
                    case EnvironmentValue environment:
                        context.Environment.Add(environment.Name, environment.DefaultValue, site.Path, site.Location);
                        break;
                    case ExecutionValue { Kind: ExecutionValueKind.IterationInTest or ExecutionValueKind.UniqueSuffix } execution when outsideScenario && reportedHere.Add("exec:" + execution.Kind):
                        context.Report(DiagnosticCatalog.ValueNotAvailableHere, site.Path, site.Location, site.Description, "Value." + execution.Kind, site.Scope.Description,
                            "k6's exec.scenario throws outside scenarios, so use a literal or Value.Env");
                        break;
                    case PoolFieldValue { Pool: not null } field when outsideScenario:
                        if (reportedHere.Add("pool:" + field.Pool.Name))
                        {
                            context.Report(DiagnosticCatalog.ValueNotAvailableHere, site.Path, site.Location, site.Description, "pool " + Safe.Quote(field.Pool.Name), site.Scope.Description,
                                "pools pick an entry per scenario VU or iteration, so move the step into a scenario that uses .WithUsers(...)");
                        }

                        break;
                    case PoolFieldValue { Pool: not null } field:
                        CheckPoolField(context, site, field, state, reportedHere);
                        break;
                }
            }
        }
    }

    private static void CheckPoolField(ValidationContext context, StepSite site, PoolFieldValue field, ScopeState state, HashSet<string> reportedHere)
    {
        var pool = field.Pool;
        var fields = Safe.List(pool.Fields);
        if (!fields.Contains(field.Field, StringComparer.Ordinal) && reportedHere.Add("field:" + pool.Name + "." + field.Field))
        {
            context.Report(DiagnosticCatalog.UnknownPoolField, site.Path, site.Location, pool.Name, field.Field, Safe.Join(fields));
        }

        var scenario = site.Scope.Scenario!;
        var selected = scenario.Users?.Pool;
        if ((selected is null || !selected.IsSameAs(pool)) && state.ReportedPools.Add(pool.Name))
        {
            context.Report(DiagnosticCatalog.PoolNotSelected, site.Path, site.Location, ValidationContext.NameOf(scenario), pool.Name);
        }
    }

    private static bool IsCredentialSlot(SiteValue value)
    {
        switch (value.Role)
        {
            case ValueRole.Header:
                return CredentialHeaders.Contains(value.Name, StringComparer.OrdinalIgnoreCase);
            case ValueRole.JsonField or ValueRole.FormField or ValueRole.MultipartField or ValueRole.Query:
                var key = value.Key.Replace("_", string.Empty, StringComparison.Ordinal).Replace("-", string.Empty, StringComparison.Ordinal).ToUpperInvariant();
                return CredentialNameParts.Any(part => key.Contains(part.ToUpperInvariant(), StringComparison.Ordinal))
                    || CredentialNameEndings.Any(ending => key.EndsWith(ending.ToUpperInvariant(), StringComparison.Ordinal));
            default:
                return false;
        }
    }

    /// <summary>Gets whether a value is fixed text written into the script (no environment, variable or pool part).</summary>
    private static bool IsLiteralText(Value value)
    {
        var parts = value.Flatten().Where(part => part is not ConcatValue).ToArray();
        return parts.All(part => part is LiteralValue)
            && parts.Any(part => part is LiteralValue { IsText: true } literal && !string.IsNullOrWhiteSpace(literal.Text));
    }

    [GeneratedRegex(@"\{([^{}]*)\}", RegexOptions.CultureInvariant)]
    private static partial Regex PlaceholderPattern();

    /// <summary>What one flow has captured so far, and what was already reported in it.</summary>
    private sealed class ScopeState(HashSet<string> captured)
    {
        public HashSet<string> Captured { get; } = captured;

        public HashSet<string> ReportedVariables { get; } = new(StringComparer.Ordinal);

        public HashSet<string> ReportedPools { get; } = new(StringComparer.Ordinal);
    }
}
