using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using K6Scenarios.Diagnostics;
using K6Scenarios.Model;
using K6Scenarios.ScenarioFiles.Yaml;

namespace K6Scenarios.ScenarioFiles.Building;

/// <summary>
/// Turns YAML scalars into model <see cref="Value"/>s. Plain numbers and Booleans stay numbers and Booleans; text may hold
/// references: <c>${token}</c> (a captured variable), <c>${users.email}</c> (a pool field), <c>${env.NAME}</c> or
/// <c>${env.NAME:-default}</c>, <c>${secret.NAME}</c>, <c>${exec.vuIdInTest}</c>, <c>${exec.iterationInTest}</c>,
/// <c>${exec.uniqueSuffix}</c>; <c>$${</c> writes a literal <c>${</c>.
/// </summary>
internal sealed class ValueReader
{
    private readonly LoadTestScope _scope;
    private readonly Func<Node, SourceLocation> _locate;
    private readonly List<ModelDiagnostic> _diagnostics;

    public ValueReader(LoadTestScope scope, Func<Node, SourceLocation> locate, List<ModelDiagnostic> diagnostics)
    {
        _scope = scope;
        _locate = locate;
        _diagnostics = diagnostics;
    }

    /// <summary>Reads a scalar as a value: numbers as <see cref="int"/> when they fit (as C# literals convert), else <see cref="long"/> or <see cref="double"/>.</summary>
    public Value? Scalar(Node node) => Scalar(node, jsonNumbers: false);

    /// <summary>Reads any YAML value as a JSON template (a body or a message).</summary>
    public JsonTemplate? Json(Node node)
    {
        switch (node.Kind)
        {
            case NodeKind.Mapping:
                var properties = new List<KeyValuePair<string, JsonTemplate>>();
                foreach (var (key, value) in node.Entries)
                {
                    if (Json(value) is { } template)
                    {
                        properties.Add(new(key.Text, template));
                    }
                }

                return new JsonObjectTemplate(properties);
            case NodeKind.Sequence:
                var items = new List<JsonTemplate>();
                foreach (var item in node.Items)
                {
                    if (Json(item) is { } template)
                    {
                        items.Add(template);
                    }
                }

                return new JsonArrayTemplate(items);
            default:
                if (node.IsNull)
                {
                    return new JsonLeaf(null);
                }

                return Scalar(node, jsonNumbers: true) is { } leaf ? new JsonLeaf(leaf) : null;
        }
    }

    // C#'s JsonTemplate.From keeps integers as long; other values take their literal's type (int first).
    private Value? Scalar(Node node, bool jsonNumbers)
    {
        if (node.IsPlain)
        {
            if (node.Text is "true" or "True" or "TRUE")
            {
                return true;
            }

            if (node.Text is "false" or "False" or "FALSE")
            {
                return false;
            }

            if (long.TryParse(node.Text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var whole))
            {
                return jsonNumbers || whole is < int.MinValue or > int.MaxValue ? (Value)whole : (int)whole;
            }

            if (LooksNumeric(node.Text) && double.TryParse(node.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number))
            {
                return number;
            }
        }

        return Template(node);
    }

    private static bool LooksNumeric(string text) =>
        text.Length > 0 && (char.IsAsciiDigit(text[0]) || ((text[0] is '-' or '+' or '.') && text.Length > 1)) && text.All(c => char.IsAsciiDigit(c) || c is '.' or 'e' or 'E' or '-' or '+');

    private Value? Template(Node node)
    {
        var text = node.Text;
        var parts = new List<Value>();
        var literal = new System.Text.StringBuilder();
        var i = 0;
        while (i < text.Length)
        {
            if (text[i] == '$' && i + 2 < text.Length && text[i + 1] == '$' && text[i + 2] == '{')
            {
                literal.Append("${");
                i += 3;
                continue;
            }

            if (text[i] == '$' && i + 1 < text.Length && text[i + 1] == '{')
            {
                var end = text.IndexOf('}', i + 2);
                if (end < 0)
                {
                    Problem(DiagnosticCatalog.ScenarioFileWrongValue, node, "The value '" + text + "'", "text whose references are closed (${name})", "an unclosed '${'");
                    return null;
                }

                if (literal.Length > 0)
                {
                    parts.Add(literal.ToString());
                    literal.Clear();
                }

                if (Reference(node, text[(i + 2)..end].Trim()) is not { } reference)
                {
                    return null;
                }

                parts.Add(reference);
                i = end + 1;
                continue;
            }

            literal.Append(text[i]);
            i++;
        }

        if (literal.Length > 0 || parts.Count == 0)
        {
            parts.Add(literal.ToString());
        }

        return parts.Count == 1 ? parts[0] : Value.Concat(parts.ToArray());
    }

    private Value? Reference(Node node, string reference)
    {
        var dot = reference.IndexOf('.', StringComparison.Ordinal);
        var head = dot < 0 ? reference : reference[..dot];
        var rest = dot < 0 ? string.Empty : reference[(dot + 1)..];
        switch (head)
        {
            case "env" when rest.Length > 0:
                var fallback = rest.IndexOf(":-", StringComparison.Ordinal);
                var name = fallback < 0 ? rest : rest[..fallback];
                return ValidEnvironmentName(node, name) ? Value.Env(name, fallback < 0 ? null : rest[(fallback + 2)..]) : null;
            case "secret" when rest.Length > 0:
                return ValidEnvironmentName(node, rest) ? Value.Secret(rest) : null;
            case "exec":
                return rest switch
                {
                    "vuIdInTest" => Value.VuIdInTest,
                    "iterationInTest" => Value.IterationInTest,
                    "uniqueSuffix" => Value.UniqueSuffix,
                    _ => Unknown(node, "Execution value", rest, "; use exec.vuIdInTest, exec.iterationInTest or exec.uniqueSuffix"),
                };
        }

        if (dot >= 0)
        {
            if (!_scope.Pools.TryGetValue(head, out var pool))
            {
                return Unknown(node, "Pool", head, _scope.Pools.Count == 0 ? "; declare it under pools" : "; the pools are " + string.Join(", ", _scope.Pools.Keys));
            }

            return rest.Length == 0 ? Unknown(node, "Field of pool " + head, rest, string.Empty) : pool.Field(rest);
        }

        if (_scope.Variables.TryGetValue(reference, out var variable))
        {
            return variable;
        }

        var hint = Binding.Binder.Suggest(reference, _scope.Variables.Keys, "; did you mean '{0}'?");
        return Unknown(node, "Variable", reference, hint.Length > 0 ? hint : "; capture it first (capture: { " + reference + ": { json: path } }), or write env., secret., exec. or pool.field");
    }

    private bool ValidEnvironmentName(Node node, string name)
    {
        if (NameRules.IsIdentifier(name))
        {
            return true;
        }

        Problem(DiagnosticCatalog.ScenarioFileWrongValue, node, "The environment variable '" + name + "'", "a name of letters, digits and '_'", "'" + name + "'");
        return false;
    }

    private Value? Unknown(Node node, string kind, string name, string hint)
    {
        Problem(DiagnosticCatalog.ScenarioFileUnknownName, node, kind, name, hint);
        return null;
    }

    private void Problem(RuleDescriptor rule, Node node, params object?[] arguments) =>
        _diagnostics.Add(new ModelDiagnostic(rule, string.Empty, _locate(node), arguments));
}
