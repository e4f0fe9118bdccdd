using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using K6Scenarios.Emitter.JavaScript;
using K6Scenarios.Model;

namespace K6Scenarios.Emitter.Emission;

/// <summary>Writes model values as JavaScript expressions, in the names of one function's scope.</summary>
internal sealed class ValueWriter
{
    private readonly ModuleNames _module;
    private readonly IReadOnlyDictionary<string, string> _variables;
    private readonly IReadOnlyDictionary<string, string> _entries;

    public ValueWriter(ModuleNames module, IReadOnlyDictionary<string, string> variables, IReadOnlyDictionary<string, string> entries)
    {
        _module = module;
        _variables = variables;
        _entries = entries;
    }

    /// <summary>Writes a value as an expression of its natural type (numbers stay numbers).</summary>
    public string Expression(Value value) => value switch
    {
        LiteralValue literal => Literal(literal),
        ConcatValue concat => Template(concat.Parts),
        _ => Dynamic(value),
    };

    /// <summary>Writes a value as a string expression.</summary>
    public string Text(Value value) => value switch
    {
        LiteralValue literal => JsString.Quote(literal.Text),
        ConcatValue concat => Template(concat.Parts),
        ExecutionValue { Kind: ExecutionValueKind.UniqueSuffix } => Dynamic(value),
        _ => "String(" + Dynamic(value) + ")",
    };

    /// <summary>Writes a value as a piece of a template literal (the text between backticks).</summary>
    public string TemplatePiece(Value value, Func<string, string>? encodeLiteral = null, bool encodeDynamic = false) => value switch
    {
        LiteralValue literal => JsString.TemplateText(encodeLiteral is null ? literal.Text : encodeLiteral(literal.Text)),
        ConcatValue concat when !encodeDynamic => string.Concat(concat.Parts.Select(p => TemplatePiece(p, encodeLiteral, encodeDynamic))),
        ExecutionValue { Kind: ExecutionValueKind.UniqueSuffix } when !encodeDynamic => "${exec.vu.idInTest}-${exec.scenario.iterationInTest}",
        _ => "${" + (encodeDynamic ? "encodeURIComponent(" + Expression(value) + ")" : Expression(value)) + "}",
    };

    /// <summary>Writes a JSON template as an object literal.</summary>
    public string Json(JsonTemplate template) => template switch
    {
        JsonLeaf { Value: null } => "null",
        JsonLeaf leaf => Expression(leaf.Value),
        JsonObjectTemplate obj when obj.Properties.Count == 0 => "{}",
        JsonObjectTemplate obj => "{ " + string.Join(", ", obj.Properties.Select(p => JsString.Key(p.Key) + ": " + Json(p.Value))) + " }",
        JsonArrayTemplate array => "[" + string.Join(", ", array.Items.Select(Json)) + "]",
        _ => throw new InvalidOperationException("Unknown JSON template " + template.GetType().Name),
    };

    private static string Literal(LiteralValue literal) => literal.Constant switch
    {
        string text => JsString.Quote(text),
        bool flag => flag ? "true" : "false",
        double number => Formatting.Number(number),
        float number => Formatting.Number(number),
        decimal number => Formatting.Number((double)number),
        _ => literal.Text,
    };

    private string Template(IReadOnlyList<Value> parts)
    {
        if (parts.All(p => p is LiteralValue))
        {
            return JsString.Quote(string.Concat(parts.Select(p => ((LiteralValue)p).Text)));
        }

        var builder = new StringBuilder("`");
        foreach (var part in parts)
        {
            builder.Append(TemplatePiece(part));
        }

        return builder.Append('`').ToString();
    }

    private string Dynamic(Value value) => value switch
    {
        EnvironmentValue env => _module.Environment[env.Name],
        PoolFieldValue field => JsString.OwnMember(_entries.TryGetValue(field.Pool.Name, out var entry) ? entry : throw new EmissionException("pool '" + field.Pool.Name + "' is not selected here"), field.Field),
        Variable variable => _variables.TryGetValue(variable.Name, out var name) ? name : throw new EmissionException("variable '" + variable.Name + "' is not captured before it is used"),
        ExecutionValue { Kind: ExecutionValueKind.VuIdInTest } => "exec.vu.idInTest",
        ExecutionValue { Kind: ExecutionValueKind.IterationInTest } => "exec.scenario.iterationInTest",
        ExecutionValue { Kind: ExecutionValueKind.UniqueSuffix } => "`${exec.vu.idInTest}-${exec.scenario.iterationInTest}`",
        _ => Expression(value),
    };
}

/// <summary>A model that the emitter cannot express; model validation normally reports it first.</summary>
internal sealed class EmissionException : Exception
{
    public EmissionException(string message)
        : base(message)
    {
    }

    public EmissionException()
    {
    }

    public EmissionException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
