using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace K6Scenarios.Model;

/// <summary>
/// A value a step sends: a literal, an environment variable, a secret, a field of the selected pool entry,
/// a variable captured from an earlier response, a value of the execution context, or a concatenation of these.
/// Strings and numbers convert implicitly, and <c>+</c> concatenates: <c>"Bearer " + token</c>.
/// </summary>
public abstract class Value
{
    private protected Value()
    {
    }

    /// <summary>Gets the unique suffix of the current iteration across a distributed run: <c>{vu id in test}-{iteration in test}</c>.</summary>
    public static Value UniqueSuffix { get; } = new ExecutionValue(ExecutionValueKind.UniqueSuffix);

    /// <summary>Gets the VU's number, unique across a distributed run (<c>exec.vu.idInTest</c>).</summary>
    public static Value VuIdInTest { get; } = new ExecutionValue(ExecutionValueKind.VuIdInTest);

    /// <summary>Gets the iteration's number in its scenario, unique across a distributed run (<c>exec.scenario.iterationInTest</c>).</summary>
    public static Value IterationInTest { get; } = new ExecutionValue(ExecutionValueKind.IterationInTest);

    /// <summary>Converts a string into a literal value.</summary>
    /// <param name="text">The text.</param>
    public static implicit operator Value(string text) => new LiteralValue(text ?? throw new ArgumentNullException(nameof(text)));

    /// <summary>Converts an integer into a literal value.</summary>
    /// <param name="number">The number.</param>
    public static implicit operator Value(int number) => new LiteralValue(number);

    /// <summary>Converts an integer into a literal value.</summary>
    /// <param name="number">The number.</param>
    public static implicit operator Value(long number) => new LiteralValue(number);

    /// <summary>Converts a number into a literal value.</summary>
    /// <param name="number">The number, which must be finite.</param>
    public static implicit operator Value(double number) => new LiteralValue(number);

    /// <summary>Converts a decimal into a literal value.</summary>
    /// <param name="number">The number.</param>
    public static implicit operator Value(decimal number) => new LiteralValue(number);

    /// <summary>Converts a Boolean into a literal value.</summary>
    /// <param name="flag">The Boolean.</param>
    public static implicit operator Value(bool flag) => new LiteralValue(flag);

    /// <summary>Concatenates two values as text.</summary>
    /// <param name="left">The first part.</param>
    /// <param name="right">The second part.</param>
    /// <returns>The concatenation.</returns>
    public static Value operator +(Value left, Value right) => Concat(left, right);

    /// <summary>Creates a literal value from a string.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The value.</returns>
    public static Value FromString(string text) => text;

    /// <summary>Concatenates values as text.</summary>
    /// <param name="parts">The parts, in order.</param>
    /// <returns>The concatenation.</returns>
    public static Value Concat(params Value[] parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        var flat = new List<Value>();
        foreach (var part in parts)
        {
            ArgumentNullException.ThrowIfNull(part, nameof(parts));
            if (part is ConcatValue nested)
            {
                flat.AddRange(nested.Parts);
            }
            else
            {
                flat.Add(part);
            }
        }

        return flat.Count == 1 ? flat[0] : new ConcatValue(flat);
    }

    /// <summary>Reads an environment variable (<c>__ENV</c>) at run time, with a default when it is not set.</summary>
    /// <param name="name">The variable name.</param>
    /// <param name="defaultValue">The value used when the variable is not set; <see langword="null"/> makes it required.</param>
    /// <returns>The value.</returns>
    public static Value Env(string name, string? defaultValue = null) =>
        new EnvironmentValue(name ?? throw new ArgumentNullException(nameof(name)), defaultValue, isSecret: false);

    /// <summary>Reads a secret from an environment variable at run time. Secrets have no default and never appear in the script.</summary>
    /// <param name="name">The variable name.</param>
    /// <returns>The value.</returns>
    public static Value Secret(string name) =>
        new EnvironmentValue(name ?? throw new ArgumentNullException(nameof(name)), null, isSecret: true);

    /// <summary>Enumerates this value and the values it is made of.</summary>
    /// <returns>This value first, then its parts.</returns>
    public virtual IEnumerable<Value> Flatten()
    {
        yield return this;
    }
}

/// <summary>A constant: text, a number or a Boolean.</summary>
public sealed class LiteralValue : Value
{
    internal LiteralValue(object constant)
    {
        if (constant is double d && (double.IsNaN(d) || double.IsInfinity(d)))
        {
            throw new ArgumentOutOfRangeException(nameof(constant), "A literal number must be finite.");
        }

        Constant = constant;
    }

    /// <summary>Gets the constant: a <see cref="string"/>, <see cref="bool"/>, or a number.</summary>
    public object Constant { get; }

    /// <summary>Gets whether the constant is text.</summary>
    public bool IsText => Constant is string;

    /// <summary>Gets the constant as invariant text, the way JavaScript would print it.</summary>
    public string Text => Constant switch
    {
        string s => s,
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => Constant.ToString() ?? string.Empty,
    };

    /// <inheritdoc />
    public override string ToString() => Text;
}

/// <summary>An environment variable read at run time.</summary>
public sealed class EnvironmentValue : Value
{
    internal EnvironmentValue(string name, string? defaultValue, bool isSecret)
    {
        Name = name;
        DefaultValue = defaultValue;
        IsSecret = isSecret;
    }

    /// <summary>Gets the variable name.</summary>
    public string Name { get; }

    /// <summary>Gets the default, or <see langword="null"/> when the variable is required.</summary>
    public string? DefaultValue { get; }

    /// <summary>Gets whether the value is a secret.</summary>
    public bool IsSecret { get; }

    /// <inheritdoc />
    public override string ToString() => "env " + Name;
}

/// <summary>A field of the entry that the scenario selected from a user pool.</summary>
public sealed class PoolFieldValue : Value
{
    internal PoolFieldValue(UserPool pool, string field)
    {
        Pool = pool;
        Field = field;
    }

    /// <summary>Gets the pool.</summary>
    public UserPool Pool { get; }

    /// <summary>Gets the field name.</summary>
    public string Field { get; }

    /// <inheritdoc />
    public override string ToString() => Pool.Name + "." + Field;
}

/// <summary>Values of the k6 execution context.</summary>
public enum ExecutionValueKind
{
    /// <summary><c>exec.vu.idInTest</c>.</summary>
    VuIdInTest,

    /// <summary><c>exec.scenario.iterationInTest</c>.</summary>
    IterationInTest,

    /// <summary><c>{exec.vu.idInTest}-{exec.scenario.iterationInTest}</c>.</summary>
    UniqueSuffix,
}

/// <summary>A value of the k6 execution context.</summary>
public sealed class ExecutionValue : Value
{
    internal ExecutionValue(ExecutionValueKind kind) => Kind = kind;

    /// <summary>Gets which value.</summary>
    public ExecutionValueKind Kind { get; }

    /// <inheritdoc />
    public override string ToString() => Kind.ToString();
}

/// <summary>Text made of several values.</summary>
public sealed class ConcatValue : Value
{
    internal ConcatValue(IReadOnlyList<Value> parts) => Parts = parts;

    /// <summary>Gets the parts, in order.</summary>
    public IReadOnlyList<Value> Parts { get; }

    /// <inheritdoc />
    public override IEnumerable<Value> Flatten() => new Value[] { this }.Concat(Parts.SelectMany(p => p.Flatten()));

    /// <inheritdoc />
    public override string ToString() => string.Concat(Parts.Select(p => p.ToString()));
}

/// <summary>
/// A variable that a step captures from a response (<see cref="RequestBuilder.Capture(Variable, CaptureSource)"/>)
/// and later steps send. Variables captured in setup reach every scenario through k6's setup data.
/// </summary>
public sealed class Variable : Value
{
    /// <summary>Creates a variable.</summary>
    /// <param name="name">The name, which must be a valid identifier (letters, digits, '_', not starting with a digit).</param>
    public Variable(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (!NameRules.IsIdentifier(name))
        {
            throw new ArgumentException("A variable name must start with a letter or '_' and hold only letters, digits and '_'.", nameof(name));
        }

        Name = name;
    }

    /// <summary>Gets the name.</summary>
    public string Name { get; }

    /// <inheritdoc />
    public override string ToString() => Name;
}
