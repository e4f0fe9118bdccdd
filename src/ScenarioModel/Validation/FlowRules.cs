using System;
using System.Collections.Generic;
using System.Linq;
using K6Scenarios.Diagnostics;
using K6Scenarios.Rules;

namespace K6Scenarios.Model.Validation;

/// <summary>
/// Model-only flow rules, applied step by step in run order so that variables are known to be captured or not at
/// each use: variables (K6S0401), values outside their scope (K6S0410), base URLs (K6S0408), environment defaults
/// (K6S0412), pool fields (K6S0301, K6S0302), redirects (K6S0115) and tag keys (K6S0114). They read built values
/// (<see cref="Value"/> trees) that the analyzers do not rebuild; the structural request rules are the rule core's.
/// </summary>
internal static class FlowRules
{
    public static void Check(ValidationContext context)
    {
        var setupCaptures = new HashSet<string>(StringComparer.Ordinal);
        foreach (var scope in context.Scopes)
        {
            // Setup data reaches every scenario and teardown; what a scenario captures stays in its VU.
            var captured = scope.Kind == ScopeKind.Setup ? setupCaptures : new HashSet<string>(setupCaptures, StringComparer.Ordinal);
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
                CheckBaseUrl(context, site, request.BaseUrl);
                if (request.MaxRedirects < 0)
                {
                    context.Report(DiagnosticCatalog.InvalidSettingValue, site.Path + ".redirects", site.Location, site.Description + " redirects", request.MaxRedirects.Value, "use 0 (follow none) or more");
                }

                foreach (var tag in Safe.Pairs(request.Tags).Where(tag => !TagRules.IsTagKey(tag.Key)))
                {
                    context.Report(DiagnosticCatalog.InvalidName, site.Path + ".tags", site.Location, "Tag key", TextCharacters.Escape(tag.Key ?? string.Empty), TagRules.KeyAdvice);
                }

                break;
            case WebSocketStep socket:
                CheckBaseUrl(context, site, socket.BaseUrl);
                break;
        }
    }

    private static void CheckBaseUrl(ValidationContext context, StepSite site, BaseUrl? baseUrl)
    {
        if (baseUrl is null && context.Test.DefaultBaseUrl is null)
        {
            context.Report(DiagnosticCatalog.MissingBaseUrl, site.Path, site.Location, site.Description);
        }

        context.Environment.AddBaseUrl(baseUrl, site.Path, site.Location);
    }

    private static void CheckValues(ValidationContext context, StepSite site, ScopeState state)
    {
        var outsideScenario = site.Scope.Kind != ScopeKind.Scenario;
        var reportedHere = new HashSet<string>(StringComparer.Ordinal);
        foreach (var value in site.Values)
        {
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

    /// <summary>What one flow has captured so far, and what was already reported in it.</summary>
    private sealed class ScopeState(HashSet<string> captured)
    {
        public HashSet<string> Captured { get; } = captured;

        public HashSet<string> ReportedVariables { get; } = new(StringComparer.Ordinal);

        public HashSet<string> ReportedPools { get; } = new(StringComparer.Ordinal);
    }
}
