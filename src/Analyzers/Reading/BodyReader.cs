using System.Collections.Generic;
using System.Linq;
using K6Scenarios.Analyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace K6Scenarios.Analyzers.Reading;

/// <summary>A top-level property of a JSON or form body.</summary>
internal sealed class BodyProperty
{
    public BodyProperty(string name, IOperation? value, Location location)
    {
        Name = name;
        Value = value;
        Location = location;
    }

    /// <summary>Gets the property name as sent.</summary>
    public string Name { get; }

    /// <summary>Gets the value expression, when it is written in the body.</summary>
    public IOperation? Value { get; }

    /// <summary>Gets where the property is written.</summary>
    public Location Location { get; }
}

/// <summary>The top-level properties of a body, and whether they are all known.</summary>
internal sealed class BodyShape
{
    public BodyShape(IReadOnlyList<BodyProperty> properties, bool isComplete)
    {
        Properties = properties;
        IsComplete = isComplete;
    }

    /// <summary>Gets the properties that can be seen.</summary>
    public IReadOnlyList<BodyProperty> Properties { get; }

    /// <summary>Gets whether these are all the properties sent.</summary>
    public bool IsComplete { get; }
}

/// <summary>
/// Reads the property names of a body argument the way the model serializes it (<c>JsonTemplate.From</c>): anonymous
/// objects and classes give their public properties, <c>new Dictionary&lt;string, object&gt; { ... }</c> its constant keys.
/// Anything else (a dictionary filled elsewhere, an <c>object</c>) is not complete, and rules stay silent on it.
/// </summary>
internal static class BodyReader
{
    public static BodyShape Read(IOperation? body, ModelSymbols symbols)
    {
        var empty = new BodyShape(new List<BodyProperty>(), isComplete: false);
        if (body is null)
        {
            return empty;
        }

        var value = body.WalkDownConversions();
        switch (value)
        {
            case IAnonymousObjectCreationOperation anonymous:
                var properties = new List<BodyProperty>();
                foreach (var initializer in anonymous.Initializers)
                {
                    if (initializer is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation property } assignment)
                    {
                        properties.Add(new BodyProperty(property.Property.Name, assignment.Value, assignment.Syntax.GetLocation()));
                    }
                }

                return new BodyShape(properties, isComplete: true);
            case IObjectCreationOperation creation when IsStringKeyedDictionary(creation.Type, symbols):
                return FromDictionaryInitializer(creation);
            case IObjectCreationOperation creation when IsPlainObjectType(creation.Type, symbols):
                return FromType((INamedTypeSymbol)creation.Type!, creation.Initializer, creation.Syntax.GetLocation());
            default:
                return value.Type is INamedTypeSymbol { IsAnonymousType: true } || IsPlainObjectType(value.Type, symbols)
                    ? FromType((INamedTypeSymbol)value.Type!, null, value.Syntax.GetLocation())
                    : empty;
        }
    }

    private static BodyShape FromDictionaryInitializer(IObjectCreationOperation creation)
    {
        var properties = new List<BodyProperty>();
        if (creation.Initializer is null)
        {
            return new BodyShape(properties, isComplete: false);
        }

        foreach (var element in creation.Initializer.Initializers)
        {
            switch (element)
            {
                case IInvocationOperation { TargetMethod.Name: "Add" } add when add.Arguments.Length == 2 && Constants.String(add.Arguments[0].Value) is { } key:
                    properties.Add(new BodyProperty(key, add.Arguments[1].Value, add.Syntax.GetLocation()));
                    break;
                case ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Arguments.Length: 1 } indexer } assignment when Constants.String(indexer.Arguments[0].Value) is { } indexKey:
                    properties.Add(new BodyProperty(indexKey, assignment.Value, assignment.Syntax.GetLocation()));
                    break;
                default:
                    return new BodyShape(properties, isComplete: false);
            }
        }

        return new BodyShape(properties, isComplete: true);
    }

    private static BodyShape FromType(INamedTypeSymbol type, IObjectOrCollectionInitializerOperation? initializer, Location creationLocation)
    {
        var assigned = new Dictionary<string, (IOperation Value, Location Location)>(System.StringComparer.Ordinal);
        if (initializer is not null)
        {
            foreach (var element in initializer.Initializers)
            {
                if (element is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation property } assignment)
                {
                    assigned[property.Property.Name] = (assignment.Value, assignment.Syntax.GetLocation());
                }
            }
        }

        var properties = new List<BodyProperty>();
        var seen = new HashSet<string>(System.StringComparer.Ordinal);
        for (var current = type; current is not null && current.SpecialType != SpecialType.System_Object; current = current.BaseType)
        {
            foreach (var member in current.GetMembers().OfType<IPropertySymbol>())
            {
                if (member.IsStatic || member.IsIndexer || member.DeclaredAccessibility != Accessibility.Public || member.GetMethod is null || !seen.Add(member.Name))
                {
                    continue;
                }

                properties.Add(assigned.TryGetValue(member.Name, out var set)
                    ? new BodyProperty(member.Name, set.Value, set.Location)
                    : new BodyProperty(member.Name, null, creationLocation));
            }
        }

        return new BodyShape(properties, isComplete: true);
    }

    private static bool IsStringKeyedDictionary(ITypeSymbol? type, ModelSymbols symbols) =>
        type is INamedTypeSymbol named
        && SymbolEqualityComparer.Default.Equals(named.OriginalDefinition, symbols.Dictionary)
        && named.TypeArguments.Length == 2
        && named.TypeArguments[0].SpecialType == SpecialType.System_String;

    private static bool IsPlainObjectType(ITypeSymbol? type, ModelSymbols symbols)
    {
        if (type is not INamedTypeSymbol named || named.TypeKind is not (TypeKind.Class or TypeKind.Struct) || named.SpecialType != SpecialType.None)
        {
            return false;
        }

        if (named.IsAnonymousType)
        {
            return true;
        }

        // The model turns these into leaves or arrays, not objects with properties.
        if (ModelSymbols.IsOrDerivesFrom(named, symbols.Value) || named.ContainingNamespace?.ToDisplayString() == "K6Scenarios.Model")
        {
            return false;
        }

        return !named.AllInterfaces.Any(i => SymbolEqualityComparer.Default.Equals(i, symbols.Enumerable) || i.Name == "IDictionary");
    }
}
