using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using K6Scenarios.Diagnostics;
using K6Scenarios.Emitter.JavaScript;
using K6Scenarios.Model;

namespace K6Scenarios.Emitter.Emission;

/// <summary>
/// Steps that several scenarios perform alike (a sign-in that every scenario starts with) are written once, as a
/// module function each scenario calls, the way a k6 script is written by hand: captured values are returned.
/// </summary>
internal sealed partial class ScriptGenerator
{
    private readonly Dictionary<string, SharedStep> _sharedSteps = new(StringComparer.Ordinal);

    // The text of each top-level request and group, rendered once while looking for shared steps.
    private readonly Dictionary<(string Scenario, int Index), string> _renderedSteps = [];

    /// <summary>A step written once: its function, its parameters (pool entry, variables read) and what it captures.</summary>
    private sealed record SharedStep(string Function, string Text, IReadOnlyList<string> Parameters, IReadOnlyList<string> Returns, IReadOnlyList<string> Scenarios, string Path, SourceLocation? Location, string Comment);

    /// <summary>Renders every top-level request and group of every scenario and keeps those that two scenarios write alike.</summary>
    private void FindSharedSteps()
    {
        var candidates = new Dictionary<string, (Step Step, List<string> Scenarios, string Path, IReadOnlyList<string> Parameters, IReadOnlyList<string> Returns)>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var scenario in _test.Scenarios)
        {
            var (scope, variables, entries) = ScenarioContext(scenario);
            var values = new ValueWriter(_names, variables, entries);
            for (var i = 0; i < scenario.Flow.Count; i++)
            {
                var step = scenario.Flow[i];
                if (step is not (HttpRequestStep or GroupStep))
                {
                    continue;
                }

                var path = "scenarios." + scenario.Name + ".flow[" + i.ToString(CultureInfo.InvariantCulture) + "]";
                var text = Render(step, values, variables, path, scope);
                _renderedSteps[(scenario.Name, i)] = text;
                var reads = VariablesRead([step]).ToArray();
                // Steps that read setup data (data.x) stay inline: the shared function would need the data too.
                if (reads.Any(r => !variables.TryGetValue(r, out var name) || name != r))
                {
                    continue;
                }

                var parameters = ModuleNames.StepValues([step]).OfType<PoolFieldValue>().Select(f => entries[f.Pool.Name]).Distinct(StringComparer.Ordinal)
                    .Concat(reads.Select(r => variables[r])).ToArray();
                var returns = CapturedVariables([step]).Select(c => variables[c]).ToArray();
                if (!candidates.TryGetValue(text, out var candidate))
                {
                    candidate = (step, [], path, parameters, returns);
                    candidates[text] = candidate;
                    order.Add(text);
                }

                if (!candidate.Scenarios.Contains(scenario.Name))
                {
                    candidate.Scenarios.Add(scenario.Name);
                }
            }
        }

        foreach (var text in order.Where(t => candidates[t].Scenarios.Count > 1))
        {
            var (step, scenarios, path, parameters, returns) = candidates[text];
            var (name, comment) = step switch
            {
                HttpRequestStep request => (request.Method.ToString() + " " + request.EffectiveName, request.DisplayName),
                GroupStep group => (group.Name, "group '" + group.Name + "'"),
                _ => throw new EmissionException("only requests and groups are shared"),
            };
            var function = _names.Scope.Claim(JsIdentifiers.CamelCase(name, "step"));
            _sharedSteps[text] = new SharedStep(function, text, parameters, returns, scenarios, path, step.DefinedAt, comment);
        }
    }

    private void WriteSharedFunctions(ScriptBuilder js)
    {
        foreach (var shared in _sharedSteps.Values)
        {
            js.Region(shared.Path, shared.Location, () =>
            {
                js.Line("// " + JsString.Comment(shared.Comment) + ", shared by the scenarios " + JsString.Comment(string.Join(", ", shared.Scenarios)) + ".");
                js.Block("function " + shared.Function + "(" + string.Join(", ", shared.Parameters) + ") {", () =>
                {
                    foreach (var local in shared.Returns.Where(r => !shared.Parameters.Contains(r)))
                    {
                        js.Line("let " + local + ";");
                    }

                    foreach (var line in FunctionBody(shared.Text))
                    {
                        js.Line(line);
                    }

                    if (shared.Returns.Count == 1)
                    {
                        js.Line("return " + shared.Returns[0] + ";");
                    }
                    else if (shared.Returns.Count > 1)
                    {
                        js.Line("return { " + string.Join(", ", shared.Returns) + " };");
                    }
                });
                js.Line();
            });
        }
    }

    /// <summary>
    /// The lines of a shared step as a function body: a request's own comment and block braces are dropped (the
    /// function is its scope and its comment says what it sends), a group stays as it is.
    /// </summary>
    private static IEnumerable<string> FunctionBody(string text)
    {
        var lines = text.TrimEnd('\n').Split('\n');
        if (lines.Length >= 3 && lines[0].StartsWith("// ", StringComparison.Ordinal) && lines[1] == "{" && lines[^1] == "}")
        {
            return lines[2..^1].Select(line => line.StartsWith("  ", StringComparison.Ordinal) ? line[2..] : line);
        }

        return lines;
    }

    /// <summary>Writes the call of a shared step, declaring what it returns when the caller has not yet.</summary>
    /// <param name="js">The script.</param>
    /// <param name="shared">The shared step.</param>
    /// <param name="declaration"><c>const </c> or <c>let </c> to declare what it returns, or null when the caller declared it.</param>
    private static void WriteSharedCall(ScriptBuilder js, SharedStep shared, string? declaration)
    {
        var call = shared.Function + "(" + string.Join(", ", shared.Parameters) + ")";
        js.Line(shared.Returns.Count switch
        {
            0 => call + ";",
            1 => declaration + shared.Returns[0] + " = " + call + ";",
            _ => declaration is null
                ? "({ " + string.Join(", ", shared.Returns) + " } = " + call + ");"
                : declaration + "{ " + string.Join(", ", shared.Returns) + " } = " + call + ";",
        });
    }

    /// <summary>Gets the variables steps read: sent values and captured-conditions, each once, in order.</summary>
    private static IEnumerable<string> VariablesRead(IEnumerable<Step> steps)
    {
        var list = steps as IReadOnlyCollection<Step> ?? steps.ToArray();
        return ModuleNames.StepValues(list).OfType<Variable>().Select(v => v.Name)
            .Concat(StepWalker.Walk(list).OfType<ConditionalStep>().Select(c => c.Condition).OfType<CapturedCondition>().Select(c => c.Variable.Name))
            .Distinct(StringComparer.Ordinal);
    }

    private string Render(Step step, ValueWriter values, IReadOnlyDictionary<string, string> variables, string path, IdentifierScope scope)
    {
        var builder = new ScriptBuilder();
        WriteStep(builder, step, values, variables, path, scope);
        return builder.ToString();
    }

    /// <summary>The names a scenario function uses, claimed in the same order as <see cref="WriteScenario"/> claims them.</summary>
    private (IdentifierScope Scope, Dictionary<string, string> Variables, Dictionary<string, string> Entries) ScenarioContext(Scenario scenario)
    {
        var scope = new IdentifierScope(_names.Scope);
        var captured = CapturedVariables(scenario.Flow).ToArray();
        var variables = DeclareVariables(scope, captured, _setupVariables);
        var entries = new Dictionary<string, string>(StringComparer.Ordinal);
        if (scenario.Users is { } use)
        {
            entries[use.Pool.Name] = scope.Claim(EntryName(use.Pool.Name));
        }

        return (scope, variables, entries);
    }
}
