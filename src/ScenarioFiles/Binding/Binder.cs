using System;
using System.Collections;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Linq;
using System.Reflection;
using System.Text.Json.Serialization;
using K6Scenarios.Diagnostics;
using K6Scenarios.ScenarioFiles.Format;
using K6Scenarios.ScenarioFiles.Yaml;

namespace K6Scenarios.ScenarioFiles.Binding;

/// <summary>
/// Binds YAML nodes to the <see cref="Format"/> types, enforcing the attributes the JSON Schema is generated from:
/// unknown keys, wrong types and forms, required keys, exclusive keys. Every problem is a diagnostic at the node's line
/// and column; binding goes on after a problem, so one pass reports them all.
/// </summary>
internal sealed class Binder
{
    private static readonly ConcurrentDictionary<Type, ElementShape> Shapes = new();
    private static readonly ConcurrentDictionary<(PropertyInfo, Type), Attribute?> Attributes = new();
    private static readonly ConcurrentDictionary<string, System.Text.RegularExpressions.Regex> Patterns = new(StringComparer.Ordinal);
    private readonly string _file;
    private readonly List<ModelDiagnostic> _diagnostics;

    public Binder(string file, List<ModelDiagnostic> diagnostics)
    {
        _file = file;
        _diagnostics = diagnostics;
    }

    public T? Bind<T>(Node node)
        where T : FileElement => BindValue(node, typeof(T), null, ShapeOf(typeof(T)).Name) as T;

    public SourceLocation LocationOf(Node node) => SourceLocation.At(_file, node.Line, node.Column);

    private object? BindValue(Node node, Type type, PropertyInfo? property, string what)
    {
        var target = Nullable.GetUnderlyingType(type) ?? type;
        if (target == typeof(object))
        {
            if (AttributeOf<ScalarValueAttribute>(property) is not null && node.Kind != NodeKind.Scalar)
            {
                return Wrong(node, what, "text, a number or a Boolean");
            }

            return node;
        }

        if (target == typeof(string))
        {
            if (node.Kind != NodeKind.Scalar)
            {
                return Wrong(node, what, "text");
            }

            if (node.Text.Length == 0 && AttributeOf<RequiredAttribute>(property) is not null)
            {
                return Wrong(node, what, "non-empty text");
            }

            return CheckText(node, property, what) ? node.Text : null;
        }

        if (target == typeof(int) || target == typeof(long) || target == typeof(double))
        {
            return BindNumber(node, target, property, what);
        }

        if (target == typeof(bool))
        {
            if (node.Kind == NodeKind.Scalar && node.IsPlain && node.Text is "true" or "True" or "TRUE" or "false" or "False" or "FALSE")
            {
                return node.Text.Equals("true", StringComparison.OrdinalIgnoreCase);
            }

            return Wrong(node, what, "true or false");
        }

        if (target.IsGenericType && target.GetGenericTypeDefinition() == typeof(List<>))
        {
            return BindList(node, target, property, what);
        }

        if (target.IsGenericType && target.GetGenericTypeDefinition() == typeof(Dictionary<,>))
        {
            return BindMap(node, target, property, what);
        }

        if (typeof(FileElement).IsAssignableFrom(target))
        {
            return BindElement(node, target, what);
        }

        throw new InvalidOperationException("The scenario-file format has a property of unsupported type " + target.Name + ".");
    }

    private object? BindNumber(Node node, Type target, PropertyInfo? property, string what)
    {
        var expected = target == typeof(double) ? "a number" : "a whole number";
        var range = AttributeOf<RangeAttribute>(property);
        if (range is not null)
        {
            expected += target == typeof(double)
                ? " from " + Convert.ToString(range.Minimum, CultureInfo.InvariantCulture) + " to " + Convert.ToString(range.Maximum, CultureInfo.InvariantCulture)
                : Convert.ToInt64(range.Maximum, CultureInfo.InvariantCulture) >= int.MaxValue ? " of at least " + Convert.ToString(range.Minimum, CultureInfo.InvariantCulture) : " from " + Convert.ToString(range.Minimum, CultureInfo.InvariantCulture) + " to " + Convert.ToString(range.Maximum, CultureInfo.InvariantCulture);
        }

        if (node.Kind != NodeKind.Scalar || !node.IsPlain)
        {
            return Wrong(node, what, expected);
        }

        object? value = target == typeof(int)
            ? int.TryParse(node.Text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var i) ? i : null
            : target == typeof(long)
                ? long.TryParse(node.Text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l) ? l : null
                : double.TryParse(node.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && double.IsFinite(d) ? d : null;
        if (value is null || (range is not null && !range.IsValid(value)))
        {
            return Wrong(node, what, expected);
        }

        return value;
    }

    private bool CheckText(Node node, PropertyInfo? property, string what)
    {
        if (AttributeOf<RegularExpressionAttribute>(property) is { } pattern && !Patterns.GetOrAdd(pattern.Pattern, Compile).IsMatch(node.Text))
        {
            var form = pattern switch
            {
                K6DurationAttribute => "a k6 duration such as 90s, 1m30s or 500ms",
                TextFormAttribute text => text.Form,
                _ => "text matching " + pattern.Pattern,
            };
            Wrong(node, what, form);
            return false;
        }

        if (AttributeOf<OneOfValuesAttribute>(property) is { } values && !values.Values.Contains(node.Text, StringComparer.Ordinal))
        {
            Wrong(node, what, "one of " + string.Join(", ", values.Values), Suggest(node.Text, values.Values, "; did you mean '{0}'?"));
            return false;
        }

        return true;
    }

    private object? BindList(Node node, Type target, PropertyInfo? property, string what)
    {
        var itemType = target.GetGenericArguments()[0];
        var list = (IList)Activator.CreateInstance(target)!;
        if (node.Kind != NodeKind.Sequence)
        {
            if (AttributeOf<SingleOrListAttribute>(property) is null)
            {
                return Wrong(node, what, "a list");
            }

            AddItem(list, node, itemType, property, what);
            return list;
        }

        for (var i = 0; i < node.Items.Count; i++)
        {
            AddItem(list, node.Items[i], itemType, property, what + " item " + (i + 1).ToString(CultureInfo.InvariantCulture));
        }

        return list;
    }

    private void AddItem(IList list, Node item, Type itemType, PropertyInfo? property, string what)
    {
        if (item.IsNull)
        {
            Wrong(item, what, "a value");
            return;
        }

        if (BindValue(item, itemType, property, what) is { } value)
        {
            list.Add(value);
        }
    }

    private object? BindMap(Node node, Type target, PropertyInfo? property, string what)
    {
        if (node.Kind != NodeKind.Mapping)
        {
            return Wrong(node, what, "a mapping of names to values");
        }

        var valueType = target.GetGenericArguments()[1];
        var map = (IDictionary)Activator.CreateInstance(target, StringComparer.Ordinal)!;

        // Entries keep the file's order: Dictionary enumerates in insertion order when nothing is removed.
        foreach (var (key, value) in node.Entries)
        {
            if (value.IsNull)
            {
                Wrong(value, "'" + key.Text + "' in " + what, "a value");
                continue;
            }

            if (BindValue(value, valueType, property, "'" + key.Text + "' in " + what) is { } bound)
            {
                if (bound is FileElement element)
                {
                    element.Location ??= LocationOf(key);
                }

                map[key.Text] = bound;
            }
        }

        return map;
    }

    private object? BindElement(Node node, Type target, string what)
    {
        var shape = ShapeOf(target);
        if (shape.Kinds.Count > 0)
        {
            return BindKind(node, shape, what);
        }

        if (node.Kind == NodeKind.Scalar && shape.Shorthand is { } shorthand && !node.IsNull)
        {
            var element = (FileElement)Activator.CreateInstance(target)!;
            element.Location = LocationOf(node);
            var property = shape.Properties[shorthand];
            var value = BindValue(node, property.PropertyType, property, what);
            if (value is null)
            {
                return null;
            }

            property.SetValue(element, value);
            element.Remember(shorthand, LocationOf(node));
            return element;
        }

        if (node.Kind != NodeKind.Mapping)
        {
            return Wrong(node, what, shape.Shorthand is { } s ? shape.Name + " (a mapping, or its '" + s + "' alone)" : shape.Name + " (a mapping)");
        }

        return BindMapping(node, target, shape);
    }

    private object? BindKind(Node node, ElementShape shape, string what)
    {
        if (node.Kind != NodeKind.Mapping)
        {
            return Wrong(node, what, shape.Name + " (a mapping that starts with " + string.Join(", ", shape.Kinds.SelectMany(k => k.Keys).Take(3)) + "...)");
        }

        var found = new List<(Type Type, Node Key)>();
        foreach (var (key, _) in node.Entries)
        {
            foreach (var kind in shape.Kinds)
            {
                if (kind.Keys.Contains(key.Text, StringComparer.Ordinal) && found.All(f => f.Type != kind.Type))
                {
                    found.Add((kind.Type, key));
                }
            }
        }

        if (found.Count == 0)
        {
            var keys = shape.Kinds.SelectMany(k => k.Keys).ToArray();
            var guess = node.Entries.Select(e => Suggest(e.Key.Text, keys, "{0}")).FirstOrDefault(g => g.Length > 0);
            _diagnostics.Add(new ModelDiagnostic(DiagnosticCatalog.ScenarioFileMissingKey, string.Empty, LocationOf(node),
                Capitalize(shape.Name), guess is { Length: > 0 } ? guess : keys[0],
                " to say what it does (one of " + string.Join(", ", keys) + ")"));
            return null;
        }

        if (found.Count > 1)
        {
            _diagnostics.Add(new ModelDiagnostic(DiagnosticCatalog.ScenarioFileConflictingKeys, string.Empty, LocationOf(found[1].Key),
                "'" + found[0].Key.Text + "' and '" + found[1].Key.Text + "' cannot both be given in one step; a step does one thing, so split it into two steps"));
            return null;
        }

        return BindMapping(node, found[0].Type, ShapeOf(found[0].Type));
    }

    private FileElement BindMapping(Node node, Type target, ElementShape shape)
    {
        var element = (FileElement)Activator.CreateInstance(target)!;
        element.Location = LocationOf(node);
        foreach (var (key, value) in node.Entries)
        {
            if (!shape.Properties.TryGetValue(key.Text, out var property))
            {
                var hint = Suggest(key.Text, shape.Properties.Keys, "; did you mean '{0}'?");
                _diagnostics.Add(new ModelDiagnostic(DiagnosticCatalog.ScenarioFileUnknownKey, string.Empty, LocationOf(key),
                    key.Text, shape.Name, hint.Length > 0 ? hint : "; its keys are " + string.Join(", ", shape.Properties.Keys)));
                continue;
            }

            if (value.IsNull)
            {
                continue;
            }

            var bound = BindValue(value, property.PropertyType, property, "'" + key.Text + "' of " + shape.Name);
            if (bound is not null)
            {
                property.SetValue(element, bound);
                element.Remember(key.Text, LocationOf(value));
            }
            else
            {
                // Written but unusable: still counts as given, so no second "missing" diagnostic follows the first.
                element.Remember(key.Text, LocationOf(value));
            }
        }

        CheckKeys(node, element, shape);
        return element;
    }

    private void CheckKeys(Node node, FileElement element, ElementShape shape)
    {
        foreach (var required in shape.Required.Where(r => !element.Has(r)))
        {
            _diagnostics.Add(new ModelDiagnostic(DiagnosticCatalog.ScenarioFileMissingKey, string.Empty, LocationOf(node), Capitalize(shape.Name), required, string.Empty));
        }

        foreach (var group in shape.ExactlyOne)
        {
            var given = group.Where(element.Has).ToArray();
            if (given.Length == 0)
            {
                _diagnostics.Add(new ModelDiagnostic(DiagnosticCatalog.ScenarioFileMissingKey, string.Empty, LocationOf(node), Capitalize(shape.Name), group[0],
                    " or one of " + string.Join(", ", group.Skip(1))));
            }
        }

        foreach (var group in shape.ExactlyOne.Concat(shape.AtMostOne))
        {
            var given = group.Where(element.Has).ToArray();
            if (given.Length > 1)
            {
                _diagnostics.Add(new ModelDiagnostic(DiagnosticCatalog.ScenarioFileConflictingKeys, string.Empty, KeyLocation(node, given[1]),
                    "'" + given[0] + "' and '" + given[1] + "' cannot both be given in " + shape.Name + "; keep one"));
            }
        }

        foreach (var (key, only) in shape.OnlyWith)
        {
            if (!element.Has(key))
            {
                continue;
            }

            if (only.Values.Length == 0)
            {
                if (!element.Has(only.Key))
                {
                    _diagnostics.Add(new ModelDiagnostic(DiagnosticCatalog.ScenarioFileConflictingKeys, string.Empty, KeyLocation(node, key),
                        "'" + key + "' of " + shape.Name + " only goes with '" + only.Key + "'; add '" + only.Key + "' or remove '" + key + "'"));
                }

                continue;
            }

            var decider = shape.Properties[only.Key].GetValue(element) as string;
            if (decider is not null && !only.Values.Contains(decider, StringComparer.Ordinal))
            {
                _diagnostics.Add(new ModelDiagnostic(DiagnosticCatalog.ScenarioFileConflictingKeys, string.Empty, KeyLocation(node, key),
                    "'" + key + "' is not a setting of " + only.Key + " " + decider + "; it goes with " + string.Join(", ", only.Values)));
            }
        }
    }

    private SourceLocation KeyLocation(Node mapping, string key) =>
        mapping.Entries.Where(e => e.Key.Text == key).Select(e => LocationOf(e.Key)).FirstOrDefault() ?? LocationOf(mapping);

    private object? Wrong(Node node, string what, string expected, string hint = "")
    {
        _diagnostics.Add(new ModelDiagnostic(DiagnosticCatalog.ScenarioFileWrongValue, string.Empty, LocationOf(node), Capitalize(what), expected, node.Describe() + hint));
        return null;
    }

    private static string Capitalize(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    /// <summary>Suggests the closest known name: same letters in another case, or at most two edits away.</summary>
    internal static string Suggest(string written, IEnumerable<string> known, string format)
    {
        var best = known
            .Select(k => (Name: k, Distance: string.Equals(k, written, StringComparison.OrdinalIgnoreCase) ? 0 : Distance(written.ToUpperInvariant(), k.ToUpperInvariant())))
            .Where(c => c.Distance <= Math.Min(2, Math.Max(1, written.Length / 3)))
            .OrderBy(c => c.Distance)
            .ThenBy(c => c.Name, StringComparer.Ordinal)
            .FirstOrDefault();
        return best.Name is null ? string.Empty : string.Format(CultureInfo.InvariantCulture, format, best.Name);
    }

    private static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }

    private static System.Text.RegularExpressions.Regex Compile(string pattern) =>
        new(pattern, System.Text.RegularExpressions.RegexOptions.CultureInvariant | System.Text.RegularExpressions.RegexOptions.Compiled, TimeSpan.FromSeconds(1));

    // Reflection on attributes costs more than binding a scalar; each property's are read once.
    private static T? AttributeOf<T>(PropertyInfo? property)
        where T : Attribute =>
        property is null ? null : (T?)Attributes.GetOrAdd((property, typeof(T)), key => key.Item1.GetCustomAttribute(key.Item2));

    internal static ElementShape ShapeOf(Type type) => Shapes.GetOrAdd(type, t => new ElementShape(t));
}

/// <summary>What the format's attributes say about one element type, read once.</summary>
internal sealed class ElementShape
{
    public ElementShape(Type type)
    {
        Name = type.GetCustomAttribute<ElementNameAttribute>()?.Name ?? type.Name;
        Properties = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetCustomAttribute<JsonPropertyNameAttribute>() is not null)
            .OrderBy(p => p.MetadataToken)
            .ToDictionary(p => p.GetCustomAttribute<JsonPropertyNameAttribute>()!.Name, p => p, StringComparer.Ordinal);
        Required = Properties.Where(p => p.Value.GetCustomAttribute<RequiredAttribute>() is not null).Select(p => p.Key).ToArray();
        Shorthand = type.GetCustomAttribute<ShorthandAttribute>()?.Property;
        ExactlyOne = type.GetCustomAttributes<ExactlyOneOfAttribute>().Select(a => a.Keys).ToArray();
        AtMostOne = type.GetCustomAttributes<AtMostOneOfAttribute>().Select(a => a.Keys).ToArray();
        OnlyWith = Properties.Where(p => p.Value.GetCustomAttribute<OnlyWithAttribute>() is not null)
            .Select(p => (p.Key, p.Value.GetCustomAttribute<OnlyWithAttribute>()!)).ToArray();
        Kinds = type.GetCustomAttributes<KindAttribute>(inherit: false).ToArray();
    }

    public string Name { get; }

    public IReadOnlyDictionary<string, PropertyInfo> Properties { get; }

    public IReadOnlyList<string> Required { get; }

    public string? Shorthand { get; }

    public IReadOnlyList<string[]> ExactlyOne { get; }

    public IReadOnlyList<string[]> AtMostOne { get; }

    public IReadOnlyList<(string Key, OnlyWithAttribute Only)> OnlyWith { get; }

    public IReadOnlyList<KindAttribute> Kinds { get; }
}
