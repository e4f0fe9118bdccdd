using System;
using System.Collections.Generic;
using System.Linq;
using K6Scenarios.Diagnostics;

namespace K6Scenarios.Model.Validation;

/// <summary>
/// Model-only user-pool rules: pools that share a name (K6S0305), generated templates that read per-VU values
/// (K6S0410) and unique-per-iteration pools shared by scenarios (K6S0307). Pool names and sizes are the rule core's.
/// </summary>
internal static class PoolRules
{
    public static void Check(ValidationContext context)
    {
        var pools = CollectPools(context);
        CheckNames(context, pools);

        // Alike declarations (UserPool.IsSameAs) are one pool: judge each once.
        var distinct = pools.Where((pool, i) => !pools.Take(i).Any(earlier => earlier.IsSameAs(pool))).ToArray();
        foreach (var pool in distinct.Where(p => p.Source == PoolSourceKind.Generated))
        {
            CheckTemplates(context, pool);
        }

        foreach (var pool in distinct)
        {
            CheckSharedPerIteration(context, pool);
        }
    }

    /// <summary>Gets every pool object the test refers to, each once, in model order.</summary>
    public static List<UserPool> CollectPools(ValidationContext context)
    {
        var pools = new List<UserPool>();
        void Add(UserPool? pool)
        {
            if (pool is not null && !pools.Any(known => ReferenceEquals(known, pool)))
            {
                pools.Add(pool);
            }
        }

        foreach (var scenario in context.Scenarios)
        {
            Add(scenario.Users?.Pool);
        }

        foreach (var site in context.AllSites)
        {
            foreach (var field in site.Values.SelectMany(v => v.Parts).OfType<PoolFieldValue>())
            {
                Add(field.Pool);
            }
        }

        return pools;
    }

    private static void CheckNames(ValidationContext context, List<UserPool> pools)
    {
        for (var i = 0; i < pools.Count; i++)
        {
            var pool = pools[i];
            // Pools with one name share one SharedArray and one data file, so two declarations would overwrite each other.
            if (pools.Take(i).Any(earlier => string.Equals(earlier.Name, pool.Name, StringComparison.Ordinal) && !earlier.IsSameAs(pool)))
            {
                context.Report(DiagnosticCatalog.DuplicatePoolName, PathOf(pool), pool.DefinedAt, pool.Name);
            }
        }
    }

    private static void CheckTemplates(ValidationContext context, UserPool pool)
    {
        const string Advice = "templates are filled once in the init context, so use literals, {n}, Value.Env or Value.Secret";
        var where = "the init context (generated pool " + Safe.Quote(pool.Name) + ")";
        foreach (var template in Safe.Pairs(pool.GeneratedFields).Where(t => t.Value is not null))
        {
            var path = PathOf(pool) + "." + template.Key;
            var subject = "Pool " + Safe.Quote(pool.Name) + " field " + Safe.Quote(template.Key);
            foreach (var part in template.Value.Flatten())
            {
                switch (part)
                {
                    case EnvironmentValue environment:
                        context.Environment.Add(environment.Name, environment.DefaultValue, path, pool.DefinedAt);
                        break;
                    case Variable variable:
                        context.Report(DiagnosticCatalog.ValueNotAvailableHere, path, pool.DefinedAt, subject, "variable " + Safe.Quote(variable.Name), where, Advice);
                        break;
                    case ExecutionValue execution:
                        context.Report(DiagnosticCatalog.ValueNotAvailableHere, path, pool.DefinedAt, subject, "Value." + execution.Kind, where, Advice);
                        break;
                    case PoolFieldValue field:
                        context.Report(DiagnosticCatalog.ValueNotAvailableHere, path, pool.DefinedAt, subject, "pool " + Safe.Quote(field.Pool?.Name), where, Advice);
                        break;
                }
            }
        }
    }

    /// <summary>Iterations are numbered per scenario, so two scenarios picking unique per iteration collide from entry 0.</summary>
    private static void CheckSharedPerIteration(ValidationContext context, UserPool pool)
    {
        var users = context.Scenarios.Where(s => Uses(s, pool, PoolSelection.UniquePerIteration)).ToArray();
        if (users.Length > 1)
        {
            var last = users[^1];
            context.Report(DiagnosticCatalog.PoolSharedPerIteration, ValidationContext.PathOf(last), context.LocationOf(last),
                string.Join(", ", users.Select(s => Safe.Quote(s.Name))), pool.Name);
        }
    }

    private static bool Uses(Scenario scenario, UserPool pool, PoolSelection selection) =>
        scenario.Users is { Pool: { } used } use && use.Selection == selection && used.IsSameAs(pool);

    private static string PathOf(UserPool pool) => "pools." + pool.Name;
}
