using System;
using System.Collections.Generic;
using System.Linq;
using K6Scenarios.Emitter.JavaScript;
using K6Scenarios.Model;

namespace K6Scenarios.Emitter.Emission;

/// <summary>The exported functions: setup, one per scenario, teardown; and the steps inside them.</summary>
internal sealed partial class ScriptGenerator
{
    private void WriteFunctions(ScriptBuilder js)
    {
        FindSharedSteps();
        WriteSharedFunctions(js);
        if (_test.Setup.Count > 0)
        {
            js.Region("setup", null, () => WriteSetup(js));
        }

        foreach (var scenario in _test.Scenarios)
        {
            if (_names.ScenarioFunctions[scenario.Name] is var function && WrittenFunctions.Add(function))
            {
                js.Region("scenarios." + scenario.Name, scenario.DefinedAt, () => WriteScenario(js, scenario, function));
            }
        }

        if (_test.Teardown.Count > 0)
        {
            js.Region("teardown", null, () => WriteTeardown(js));
        }
    }

    private HashSet<string> WrittenFunctions { get; } = new(StringComparer.Ordinal);

    private void WriteSetup(ScriptBuilder js)
    {
        var scope = new IdentifierScope(_names.Scope);
        var variables = DeclareVariables(scope, _setupVariables, fromSetup: []);
        js.Block("export " + Async(_test.Setup) + "function setup() {", () =>
        {
            ReadSecrets(js, _test.Setup);
            WriteDeclarations(js, variables, _setupVariables, fromSetup: false);
            var values = new ValueWriter(_names, variables, new Dictionary<string, string>());
            WriteSteps(js, _test.Setup, values, variables, "setup", scope);
            var returned = variables.Select(v => v.Key == v.Value && !JsString.IsPrototypeMember(v.Key) ? v.Key : JsString.Key(v.Key) + ": " + v.Value);
            js.Line("return { " + string.Join(", ", returned) + " };");
        });
        js.Line();
    }

    private void WriteTeardown(ScriptBuilder js)
    {
        var scope = new IdentifierScope(_names.Scope);
        var captured = CapturedVariables(_test.Teardown).ToArray();
        var variables = DeclareVariables(scope, captured, _setupVariables);
        js.Block("export " + Async(_test.Teardown) + "function teardown(" + (UsesSetupData(_test.Teardown, captured) ? "data" : string.Empty) + ") {", () =>
        {
            ReadSecrets(js, _test.Teardown);
            WriteDeclarations(js, variables, captured, fromSetup: true);
            var values = new ValueWriter(_names, variables, new Dictionary<string, string>());
            WriteSteps(js, _test.Teardown, values, variables, "teardown", scope);
        });
        js.Line();
    }

    private void WriteScenario(ScriptBuilder js, Scenario scenario, string function)
    {
        var (scope, variables, entries) = ScenarioContext(scenario);
        var captured = CapturedVariables(scenario.Flow).ToArray();
        var values = new ValueWriter(_names, variables, entries);
        var path = "scenarios." + scenario.Name + ".flow";
        var paths = scenario.Flow.Select((_, i) => path + "[" + i.ToString(System.Globalization.CultureInfo.InvariantCulture) + "]").ToArray();

        // Shared steps found; a variable first set by one is declared where it is set (let token = signIn(user)).
        var shared = new SharedStep?[scenario.Flow.Count];
        var declaredAtCall = new HashSet<string>(StringComparer.Ordinal);
        var seen = new HashSet<string>(_setupVariables, StringComparer.Ordinal);
        for (var i = 0; i < scenario.Flow.Count; i++)
        {
            var step = scenario.Flow[i];
            if (_sharedSteps.Count > 0 && _renderedSteps.TryGetValue((scenario.Name, i), out var text) && _sharedSteps.TryGetValue(text, out var found))
            {
                shared[i] = found;
                var names = found.Returns.Select(r => variables.First(v => v.Value == r).Key).ToArray();
                if (names.Length > 0 && !names.Any(seen.Contains) && !found.Parameters.Intersect(found.Returns).Any())
                {
                    declaredAtCall.UnionWith(names);
                }
            }

            seen.UnionWith(VariablesRead([step]));
            seen.UnionWith(CapturedVariables([step]));
        }

        var thinkTime = GuaranteedThinkTime(scenario.Flow);
        var paced = scenario.Executor.IsClosedModel && thinkTime > TimeSpan.Zero && CanEndEarly(scenario.Flow);
        var parameter = UsesSetupData(scenario.Flow, captured) ? "data" : string.Empty;
        js.Block("export function " + function + "(" + parameter + ") {", () =>
        {
            if (ReadsSecrets(scenario.Flow, scenario.Users))
            {
                // An iteration k6 runs as an async function costs it more CPU than a plain call (bench/README.md, "Real
                // k6"), so only a VU's first iteration waits for the secrets and then runs as usual.
                js.Block("if (!secretsRead) {", () => js.Line("return readSecrets().then(() => " + function + "(" + parameter + "));"));
            }

            if (scenario.Users is { } use)
            {
                js.Line("const " + entries[use.Pool.Name] + " = " + SelectEntry(use) + ";");
            }

            WriteDeclarations(js, variables, captured.Where(c => !declaredAtCall.Contains(c)), fromSetup: true);
            void WriteFlow()
            {
                for (var i = 0; i < scenario.Flow.Count; i++)
                {
                    var step = scenario.Flow[i];
                    var index = i;
                    js.Region(paths[i], step.DefinedAt, () =>
                    {
                        if (shared[index] is { } call)
                        {
                            var names = call.Returns.Select(r => variables.First(v => v.Value == r).Key).ToArray();
                            var declare = names.Length > 0 && names.All(declaredAtCall.Contains);

                            // Set once in the whole flow: a constant, as a person would write it.
                            var once = names.All(n => StepWalker.Walk(scenario.Flow).OfType<HttpRequestStep>().SelectMany(r => r.Captures).Count(c => c.Target.Name == n) == 1);
                            WriteSharedCall(js, call, declare ? (once ? "const " : "let ") : null);
                        }
                        else
                        {
                            WriteStep(js, step, values, variables, paths[index], scope);
                        }
                    });
                }
            }

            if (!paced)
            {
                WriteFlow();
                return;
            }

            // Closed-model VUs start their next iteration at once: whatever ends this one early still waits out the think time.
            _helpers.Add("pace");
            _k6Imports.Add("sleep");
            js.Line("const iterationStart = Date.now();");
            js.Block("try {", WriteFlow, "} finally {");
            js.Line("  pace(iterationStart, " + Seconds(thinkTime) + ");");
            js.Line("}");
        });
        js.Line();
    }

    /// <summary>Gets whether an iteration can stop before its think time: a capture that finds nothing fails it, and with <c>throw</c> so does a request error.</summary>
    private bool CanEndEarly(IReadOnlyList<Step> steps) =>
        _test.Options.Throw || StepWalker.Walk(steps).OfType<HttpRequestStep>().Any(r => r.Captures.Count > 0);

    /// <summary>Gets the think time every iteration of a flow sleeps: fixed and minimum ranged pauses outside conditions.</summary>
    private static TimeSpan GuaranteedThinkTime(IEnumerable<Step> steps) => steps.Aggregate(TimeSpan.Zero, (total, step) => total + step switch
    {
        ThinkTimeStep think => think.Min,
        GroupStep group => GuaranteedThinkTime(group.Steps),
        TimedStep timed => GuaranteedThinkTime(timed.Steps),
        _ => TimeSpan.Zero,
    });

    /// <summary>Gets whether a function's steps (or the generated pool it picks from) read a secret.</summary>
    private static bool ReadsSecrets(IReadOnlyList<Step> steps, PoolUse? users) =>
        ModuleNames.StepValues(steps).Concat(users is null ? [] : users.Pool.GeneratedFields.SelectMany(f => f.Value.Flatten()))
            .OfType<EnvironmentValue>().Any(e => e.IsSecret);

    private static string Async(IReadOnlyList<Step> steps) => ReadsSecrets(steps, null) ? "async " : string.Empty;

    // setup() and teardown() run once per test, so they simply await the secrets.
    private static void ReadSecrets(ScriptBuilder js, IReadOnlyList<Step> steps)
    {
        if (ReadsSecrets(steps, null))
        {
            js.Line("await readSecrets();");
        }
    }

    private static Dictionary<string, string> DeclareVariables(IdentifierScope scope, IEnumerable<string> captured, IEnumerable<string> fromSetup)
    {
        var variables = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in captured)
        {
            variables[name] = scope.Claim(name);
        }

        foreach (var name in fromSetup.Where(n => !variables.ContainsKey(n)))
        {
            variables[name] = JsString.OwnMember("data", name);
        }

        return variables;
    }

    private void WriteDeclarations(ScriptBuilder js, Dictionary<string, string> variables, IEnumerable<string> captured, bool fromSetup)
    {
        foreach (var name in captured)
        {
            var initial = fromSetup && _setupVariables.Contains(name) ? " = " + JsString.OwnMember("data", name) : string.Empty;
            js.Line("let " + variables[name] + initial + ";");
        }
    }

    private bool UsesSetupData(IReadOnlyList<Step> steps, IReadOnlyCollection<string> captured) =>
        VariablesRead(steps).Any(_setupVariables.Contains) ||
        captured.Any(_setupVariables.Contains);

    private string SelectEntry(PoolUse use)
    {
        var pool = _names.PoolIdentifier(use.Pool.Name);
        var name = JsString.Quote(use.Pool.Name);
        var index = use.Selection switch
        {
            PoolSelection.UniquePerVu => "uniqueIndex(" + pool + ".length, exec.vu.idInTest - 1, " + name + ")",
            PoolSelection.UniquePerIteration => "uniqueIndex(" + pool + ".length, exec.scenario.iterationInTest, " + name + ")",
            PoolSelection.RoundRobin => "exec.scenario.iterationInTest % " + pool + ".length",
            _ => "Math.floor(Math.random() * " + pool + ".length)",
        };
        if (use.Selection is PoolSelection.UniquePerVu or PoolSelection.UniquePerIteration)
        {
            _helpers.Add("uniqueIndex");
        }

        _usesExec |= use.Selection != PoolSelection.Random;

        // Generated pools compute an entry from its number; file pools are SharedArrays.
        return use.Pool.Source == PoolSourceKind.Generated ? pool + ".at(" + index + ")" : pool + "[" + index + "]";
    }

    private static string EntryName(string poolName)
    {
        var plural = JsIdentifiers.CamelCase(poolName, "pool");
        return plural.Length > 1 && plural.EndsWith('s') ? plural[..^1] : plural + "Entry";
    }

    private void WriteSteps(ScriptBuilder js, IReadOnlyList<Step> steps, ValueWriter values, IReadOnlyDictionary<string, string> variables, string path, IdentifierScope scope)
    {
        for (var i = 0; i < steps.Count; i++)
        {
            var step = steps[i];
            var stepPath = path + "[" + i.ToString(System.Globalization.CultureInfo.InvariantCulture) + "]";
            js.Region(stepPath, step.DefinedAt, () => WriteStep(js, step, values, variables, stepPath, scope));
        }
    }

    private void WriteStep(ScriptBuilder js, Step step, ValueWriter values, IReadOnlyDictionary<string, string> variables, string path, IdentifierScope scope)
    {
        switch (step)
        {
            case HttpRequestStep request:
                WriteRequest(js, request, values, variables);
                break;
            case GroupStep group:
                _k6Imports.Add("group");
                js.Block("group(" + JsString.Quote(group.Name) + ", () => {", () => WriteSteps(js, group.Steps, values, variables, path + ".steps", scope), "});");
                break;
            case ThinkTimeStep think:
                _k6Imports.Add("sleep");
                js.Line(think.Max > think.Min
                    ? "sleep(" + Seconds(think.Min) + " + Math.random() * " + Seconds(think.Max - think.Min) + ");"
                    : "sleep(" + Seconds(think.Min) + ");");
                break;
            case ConditionalStep conditional:
                js.Block("if (" + ConditionExpression(conditional.Condition, values, variables) + ") {", () => WriteSteps(js, conditional.Then, values, variables, path + ".then", scope));
                if (conditional.Else.Count > 0)
                {
                    // Reopen the block as an else branch: the closing brace above becomes "} else {".
                    js.RemoveLastLine();
                    js.Block("} else {", () => WriteSteps(js, conditional.Else, values, variables, path + ".else", scope));
                }

                break;
            case RecordMetricStep record:
                js.Line(_names.MetricIdentifier(record.Metric.Name) + ".add(" + values.Expression(record.Value) + ");");
                break;
            case TimedStep timed:
                js.Block("{", () =>
                {
                    js.Line("const started = Date.now();");
                    WriteSteps(js, timed.Steps, values, variables, path + ".steps", scope);
                    js.Line(_names.MetricIdentifier(timed.Metric.Name) + ".add(Date.now() - started);");
                });
                break;
            case WebSocketStep socket:
                WriteWebSocket(js, socket, values);
                break;
            default:
                throw new EmissionException("step " + step.GetType().Name + " is not supported");
        }
    }

    private static string ConditionExpression(Condition condition, ValueWriter values, IReadOnlyDictionary<string, string> variables) => condition switch
    {
        CapturedCondition captured => variables.TryGetValue(captured.Variable.Name, out var name)
            ? name + " !== undefined && " + name + " !== null"
            : throw new EmissionException("variable '" + captured.Variable.Name + "' is not captured before it is tested"),
        EqualsCondition equals => values.Expression(equals.Left) + " === " + values.Expression(equals.Right),
        ChanceCondition { Probability: >= 1 } => "true",
        ChanceCondition chance => "Math.random() < " + Formatting.Number(chance.Probability),
        _ => throw new EmissionException("condition " + condition.GetType().Name + " is not supported"),
    };

    private void WriteWebSocket(ScriptBuilder js, WebSocketStep socket, ValueWriter values)
    {
        _usesWebSocket = true;
        _usesTimers = true;
        var baseUrl = socket.BaseUrl ?? _test.DefaultBaseUrl ?? throw new EmissionException("the WebSocket session has no base URL");
        var url = "`${" + _names.Environment[baseUrl.EnvironmentVariable] + "}" + JsString.TemplateText(socket.Path) + "`";
        var parameters = new List<string>();
        if (socket.Headers.Count > 0)
        {
            parameters.Add("headers: { " + string.Join(", ", socket.Headers.Select(h => JsString.Key(h.Key) + ": " + values.Text(h.Value))) + " }");
        }

        parameters.Add("tags: { name: " + JsString.Quote(socket.EffectiveName) + " }");
        js.Line("// WebSocket " + JsString.Comment(socket.EffectiveName) + ": the iteration ends when the socket closes.");
        js.Block("{", () =>
        {
            js.Line("const socket = new WebSocket(" + url + ", null, { " + string.Join(", ", parameters) + " });");
            if (socket.ExpectMessage)
            {
                js.Line("let received = 0;");
            }

            js.Block("socket.onopen = () => {", () =>
            {
                foreach (var message in socket.Messages)
                {
                    js.Line("socket.send(" + (message.Json is { } json ? "JSON.stringify(" + values.Json(json) + ")" : values.Text(message.Text!)) + ");");
                }

                js.Line("setTimeout(() => socket.close(), " + Formatting.Number(Math.Round(socket.HoldOpen.TotalMilliseconds)) + ");");
            }, "};");
            if (socket.ExpectMessage)
            {
                _k6Imports.Add("check");
                js.Block("socket.onmessage = () => {", () => js.Line("received += 1;"), "};");
                js.Block("socket.onclose = () => {", () =>
                    js.Line("check(received, { " + JsString.QuotedKey(socket.EffectiveName + " received a message") + ": (count) => count > 0 });"), "};");
            }

            js.Block("socket.onerror = (event) => {", () =>
                js.Line("console.error(" + JsString.Quote(socket.EffectiveName + ": ") + " + event.error);"), "};");
        });
    }
}
