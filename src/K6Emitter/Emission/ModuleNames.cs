using System;
using System.Collections.Generic;
using System.Linq;
using K6Scenarios.Emitter.JavaScript;
using K6Scenarios.Model;

namespace K6Scenarios.Emitter.Emission;

/// <summary>An environment variable the script reads, with its default or as required.</summary>
internal sealed record EnvironmentRead(string Name, string Identifier, string? DefaultValue, bool IsSecret)
{
    /// <summary>
    /// Gets whether a scenario sets the variable in its <c>env</c>: k6 applies scenario variables to <c>__ENV</c> only
    /// while the scenario's iterations run, not in the init context, so such a variable is read where it is used
    /// (<see cref="Identifier"/> is then the read itself) instead of once in init.
    /// </summary>
    public bool ReadWhereUsed { get; init; }
}

/// <summary>The module-level names of one script, allocated in a fixed order so output is stable.</summary>
internal sealed class ModuleNames
{
    private static readonly string[] ImportedNames =
    [
        "http", "check", "group", "sleep", "fail", "exec", "SharedArray", "Counter", "Gauge", "Rate", "Trend",
        "WebSocket", "setTimeout", "options", "setup", "teardown", "handleSummary", "open", "__ENV", "__VU", "__ITER",
        "console", "JSON", "Math", "Date", "String", "Array", "Object", "encodeURIComponent", "requiredEnv", "jsonField",
        "regexGroup", "uniqueIndex", "data", "res", "passed", "socket", "started", "received", "secrets", "readSecrets",
        "secretsRead", "secret", "pace", "iterationStart", "error", "profiles", "LOAD_PROFILE", "envOr",
    ];

    private readonly HashSet<string> _setByScenarios = new(StringComparer.Ordinal);

    private ModuleNames(IdentifierScope scope) => Scope = scope;

    public IdentifierScope Scope { get; }

    /// <summary>Gets the environment variables by name, in order of first use.</summary>
    public List<EnvironmentRead> EnvironmentReads { get; } = [];

    /// <summary>Gets the secrets, in order of first use; they are read from k6's secret source, not from <c>__ENV</c>.</summary>
    public IEnumerable<EnvironmentRead> Secrets => EnvironmentReads.Where(e => e.IsSecret);

    /// <summary>Gets the environment variables read from <c>__ENV</c>, in order of first use.</summary>
    public IEnumerable<EnvironmentRead> Settings => EnvironmentReads.Where(e => !e.IsSecret);

    /// <summary>Gets the identifier of each environment variable.</summary>
    public Dictionary<string, string> Environment { get; } = new(StringComparer.Ordinal);

    /// <summary>Gets the pools by name, in order of first use, with their identifiers.</summary>
    public List<(UserPool Pool, string Identifier)> Pools { get; } = [];

    /// <summary>Gets the custom metrics by name, in order of first use, with their identifiers.</summary>
    public List<(Metric Metric, string Identifier)> Metrics { get; } = [];

    /// <summary>Gets the exported function of each scenario.</summary>
    public Dictionary<string, string> ScenarioFunctions { get; } = new(StringComparer.Ordinal);

    /// <summary>Gets files sent in multipart bodies: source path, identifier, script-relative path.</summary>
    public List<(string SourcePath, string Identifier, string RelativePath)> Files { get; } = [];

    public string PoolIdentifier(string poolName) => Pools.First(p => p.Pool.Name == poolName).Identifier;

    public string MetricIdentifier(string metricName) => Metrics.First(m => m.Metric.Name == metricName).Identifier;

    public static ModuleNames Allocate(LoadTest test)
    {
        var scope = new IdentifierScope();
        foreach (var name in ImportedNames)
        {
            scope.Reserve(name);
        }

        var names = new ModuleNames(scope);
        foreach (var variable in test.Scenarios.SelectMany(s => s.Environment))
        {
            names._setByScenarios.Add(variable.Key);
        }

        if (test.DefaultBaseUrl is { } defaultBase)
        {
            names.AddEnvironment(defaultBase.EnvironmentVariable, defaultBase.DefaultValue, isSecret: false);
        }

        var allSteps = test.Setup.Concat(test.Scenarios.SelectMany(s => s.Flow)).Concat(test.Teardown).ToArray();
        foreach (var step in StepWalker.Walk(allSteps))
        {
            switch (step)
            {
                case HttpRequestStep { BaseUrl: { } baseUrl }:
                    names.AddEnvironment(baseUrl.EnvironmentVariable, baseUrl.DefaultValue, isSecret: false);
                    break;
                case WebSocketStep { BaseUrl: { } wsBase }:
                    names.AddEnvironment(wsBase.EnvironmentVariable, wsBase.DefaultValue, isSecret: false);
                    break;
            }
        }

        foreach (var pool in PoolsInOrder(test))
        {
            foreach (var env in pool.GeneratedFields.SelectMany(f => f.Value.Flatten()).OfType<EnvironmentValue>())
            {
                names.AddEnvironment(env.Name, env.DefaultValue, env.IsSecret);
            }
        }

        foreach (var env in StepValues(allSteps).OfType<EnvironmentValue>())
        {
            names.AddEnvironment(env.Name, env.DefaultValue, env.IsSecret);
        }

        foreach (var pool in PoolsInOrder(test))
        {
            if (names.Pools.All(p => p.Pool.Name != pool.Name))
            {
                names.Pools.Add((pool, scope.Claim(JsIdentifiers.CamelCase(pool.Name, "pool"))));
            }
        }

        foreach (var metric in CustomMetricsInOrder(test))
        {
            if (names.Metrics.All(m => m.Metric.Name != metric.Name))
            {
                names.Metrics.Add((metric, scope.Claim(JsIdentifiers.CamelCase(metric.Name, "metric"))));
            }
        }

        foreach (var part in StepWalker.Walk(allSteps).OfType<HttpRequestStep>().Select(r => r.Body).OfType<MultipartBody>().SelectMany(b => b.Parts))
        {
            if (part.FilePath is { } path && names.Files.All(f => f.SourcePath != path))
            {
                var fileName = System.IO.Path.GetFileName(path);
                var relative = test.Name + ".files/" + fileName;
                names.Files.Add((path, scope.Claim(JsIdentifiers.CamelCase(System.IO.Path.GetFileNameWithoutExtension(path), "file") + "File"), relative));
            }
        }

        foreach (var scenario in test.Scenarios)
        {
            if (!names.ScenarioFunctions.ContainsKey(scenario.Name))
            {
                names.ScenarioFunctions[scenario.Name] = scope.Claim(JsIdentifiers.CamelCase(scenario.Name, "scenario"));
            }
        }

        return names;
    }

    /// <summary>Enumerates every value the steps send or compare, including nested ones.</summary>
    public static IEnumerable<Value> StepValues(IEnumerable<Step> steps)
    {
        foreach (var step in StepWalker.Walk(steps))
        {
            IEnumerable<Value> values = step switch
            {
                HttpRequestStep request => RequestValues(request),
                WebSocketStep socket => socket.Headers.Select(h => h.Value)
                    .Concat(socket.Messages.SelectMany(m => m.Json?.Values() ?? (m.Text is null ? [] : [m.Text]))),
                RecordMetricStep record => [record.Value],
                ConditionalStep { Condition: EqualsCondition equals } => [equals.Left, equals.Right],
                _ => [],
            };
            foreach (var value in values.SelectMany(v => v.Flatten()))
            {
                yield return value;
            }
        }
    }

    private static IEnumerable<Value> RequestValues(HttpRequestStep request)
    {
        var values = request.PathParameters.Select(p => p.Value)
            .Concat(request.Query.Select(q => q.Value))
            .Concat(request.Headers.Select(h => h.Value))
            .Concat(request.Checks.OfType<BodyFieldEqualsCheck>().Select(c => c.Expected));
        var body = request.Body switch
        {
            JsonBody json => json.Content.Values(),
            FormBody form => form.Fields.Select(f => f.Value),
            MultipartBody multipart => multipart.Parts.Where(p => p.Value is not null).Select(p => p.Value!),
            TextBody text => [text.Text],
            _ => [],
        };
        return values.Concat(body);
    }

    private static IEnumerable<UserPool> PoolsInOrder(LoadTest test) =>
        test.Scenarios.Where(s => s.Users is not null).Select(s => s.Users!.Pool)
            .Concat(StepValues(test.Setup.Concat(test.Scenarios.SelectMany(s => s.Flow)).Concat(test.Teardown)).OfType<PoolFieldValue>().Select(f => f.Pool));

    private static IEnumerable<Metric> CustomMetricsInOrder(LoadTest test)
    {
        var fromSteps = StepWalker.Walk(test.Setup.Concat(test.Scenarios.SelectMany(s => s.Flow)).Concat(test.Teardown))
            .SelectMany(step => step switch
            {
                HttpRequestStep request => request.Samples.Select(s => s.Metric),
                RecordMetricStep record => [record.Metric],
                TimedStep timed => [timed.Metric],
                _ => Array.Empty<Metric>(),
            });
        return test.Metrics.Concat(fromSteps).Concat(test.Thresholds.Select(t => t.Condition.Metric)).Where(m => !m.IsBuiltIn);
    }

    private void AddEnvironment(string name, string? defaultValue, bool isSecret)
    {
        if (Environment.ContainsKey(name))
        {
            return;
        }

        if (!isSecret && _setByScenarios.Contains(name))
        {
            var read = defaultValue is null
                ? "requiredEnv(" + JsString.Quote(name) + ")"
                : "envOr(" + JsString.Quote(name) + ", " + JsString.Quote(defaultValue) + ")";
            Environment[name] = read;
            EnvironmentReads.Add(new EnvironmentRead(name, read, defaultValue, isSecret) { ReadWhereUsed = true });
            return;
        }

        var identifier = Scope.Claim(JsIdentifiers.UpperSnake(name));
        Environment[name] = identifier;
        EnvironmentReads.Add(new EnvironmentRead(name, identifier, isSecret ? null : defaultValue, isSecret));
    }
}
