using System;
using System.ComponentModel.DataAnnotations;

namespace K6Scenarios.ScenarioFiles.Format;

// The attributes below describe the scenario-file format once: the loader enforces them while binding YAML, and the
// JSON Schema generator (NJsonSchema) turns the same attributes into schema keywords, so the two cannot drift.

/// <summary>Names the element in messages: <c>a scenario</c>, <c>a request step</c>.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class ElementNameAttribute : Attribute
{
    /// <summary>Creates the attribute.</summary>
    /// <param name="name">The element, with its article.</param>
    public ElementNameAttribute(string name) => Name = name;

    /// <summary>Gets the element, with its article.</summary>
    public string Name { get; }
}

/// <summary>A k6 duration: whole or decimal amounts with units, largest first or not (<c>90s</c>, <c>1m30s</c>, <c>1.5s</c>, <c>500ms</c>, <c>1h</c>, <c>1d</c>).</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class K6DurationAttribute : RegularExpressionAttribute
{
    /// <summary>The grammar of a duration.</summary>
    public const string DurationPattern = "^([0-9]+(\\.[0-9]+)?(ms|s|m|h|d))+$";

    /// <summary>Creates the attribute.</summary>
    public K6DurationAttribute()
        : base(DurationPattern)
    {
    }
}

/// <summary>A text that must match a pattern; <see cref="Form"/> says what it is in messages.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class TextFormAttribute : RegularExpressionAttribute
{
    /// <summary>Creates the attribute.</summary>
    /// <param name="pattern">The pattern.</param>
    /// <param name="form">What the text is: <c>a k6 threshold expression such as p(95) &lt; 500</c>.</param>
    public TextFormAttribute(string pattern, string form)
        : base(pattern) => Form = form;

    /// <summary>Gets what the text is, for messages.</summary>
    public string Form { get; }
}

/// <summary>The values a text may take.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class OneOfValuesAttribute : Attribute
{
    /// <summary>Creates the attribute.</summary>
    /// <param name="values">The values.</param>
    public OneOfValuesAttribute(params string[] values) => Values = values;

    /// <summary>Gets the values.</summary>
    public string[] Values { get; }
}

/// <summary>A list that may also be written as its one item (<c>expect: 201</c> for <c>expect: [201]</c>).</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class SingleOrListAttribute : Attribute
{
}

/// <summary>A value sent at run time: text with <c>${...}</c> references, a number or a Boolean.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class ScalarValueAttribute : Attribute
{
}

/// <summary>Any YAML value (a JSON body): mappings, lists and scalars whose texts may hold <c>${...}</c> references.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class AnyValueAttribute : Attribute
{
}

/// <summary>An element that may be written as a scalar, which then sets <see cref="Property"/>.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class ShorthandAttribute : Attribute
{
    /// <summary>Creates the attribute.</summary>
    /// <param name="property">The key a scalar sets.</param>
    public ShorthandAttribute(string property) => Property = property;

    /// <summary>Gets the key a scalar sets.</summary>
    public string Property { get; }
}

/// <summary>Exactly one of the keys must be given.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false, AllowMultiple = true)]
public sealed class ExactlyOneOfAttribute : Attribute
{
    /// <summary>Creates the attribute.</summary>
    /// <param name="keys">The keys.</param>
    public ExactlyOneOfAttribute(params string[] keys) => Keys = keys;

    /// <summary>Gets the keys.</summary>
    public string[] Keys { get; }
}

/// <summary>At most one of the keys may be given.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false, AllowMultiple = true)]
public sealed class AtMostOneOfAttribute : Attribute
{
    /// <summary>Creates the attribute.</summary>
    /// <param name="keys">The keys.</param>
    public AtMostOneOfAttribute(params string[] keys) => Keys = keys;

    /// <summary>Gets the keys.</summary>
    public string[] Keys { get; }
}

/// <summary>A key that only some values of another key allow (<c>stages</c> only for the ramping executors).</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class OnlyWithAttribute : Attribute
{
    /// <summary>Creates the attribute.</summary>
    /// <param name="key">The deciding key (<c>executor</c>).</param>
    /// <param name="values">The values of that key that allow this one.</param>
    public OnlyWithAttribute(string key, params string[] values)
    {
        Key = key;
        Values = values;
    }

    /// <summary>Gets the deciding key.</summary>
    public string Key { get; }

    /// <summary>Gets the values that allow this key.</summary>
    public string[] Values { get; }
}

/// <summary>An abstract element written as one of several kinds, told apart by a key only that kind has.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false, AllowMultiple = true)]
public sealed class KindAttribute : Attribute
{
    /// <summary>Creates the attribute.</summary>
    /// <param name="type">The kind's type.</param>
    /// <param name="keys">The keys that select it (any one of them).</param>
    public KindAttribute(Type type, params string[] keys)
    {
        Type = type;
        Keys = keys;
    }

    /// <summary>Gets the kind's type.</summary>
    public Type Type { get; }

    /// <summary>Gets the keys that select it.</summary>
    public string[] Keys { get; }
}
