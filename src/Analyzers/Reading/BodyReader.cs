using System.Collections.Generic;
using System.Linq;
using K6Scenarios.Analyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace K6Scenarios.Analyzers.Reading;

/// <summary>A top-level property of a JSON or form body.</summary>
internal sealed class BodyProperty
{
    public BodyProperty(string name, ExpressionSyntax? value, SyntaxNode location)
    {
        Name = name;
        Value = value;
        Location = location;
    }

    /// <summary>Gets the property name as sent.</summary>
    public string Name { get; }

    /// <summary>Gets the value expression, when it is written in the body.</summary>
    public ExpressionSyntax? Value { get; }

    /// <summary>Gets where the property is written.</summary>
    public SyntaxNode Location { get; }
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
    public static BodyShape Read(ExpressionSyntax? body, Semantics semantics)
    {
        var empty = new BodyShape(new List<BodyProperty>(), isComplete: false);
        if (body is null)
        {
            return empty;
        }

        var symbols = semantics.Symbols;
        var value = Semantics.Unwrap(body);
        switch (value)
        {
            case AnonymousObjectCreationExpressionSyntax anonymous:
                var properties = new List<BodyProperty>();
                foreach (var initializer in anonymous.Initializers)
                {
                    // A member's name is written (name = value) or inferred from a name or member access, as the compiler
                    // infers it; any other member is an error (CS0746) and has no name.
                    if ((initializer.NameEquals?.Name.Identifier.ValueText ?? initializer.Expression.TryGetInferredMemberName()) is { } name)
                    {
                        properties.Add(new BodyProperty(name, initializer.Expression, initializer));
                    }
                }

                return new BodyShape(properties, isComplete: true);
            case BaseObjectCreationExpressionSyntax creation:
                var type = semantics.TypeOf(creation);
                if (IsStringKeyedDictionary(type, symbols))
                {
                    return FromDictionaryInitializer(creation, semantics);
                }

                return IsPlainObjectType(type, symbols) ? FromType((INamedTypeSymbol)type!, creation.Initializer, creation) : empty;
            default:
                var valueType = semantics.TypeOf(value);
                return valueType is INamedTypeSymbol { IsAnonymousType: true } || IsPlainObjectType(valueType, symbols)
                    ? FromType((INamedTypeSymbol)valueType!, null, value)
                    : empty;
        }
    }

    private static BodyShape FromDictionaryInitializer(BaseObjectCreationExpressionSyntax creation, Semantics semantics)
    {
        var properties = new List<BodyProperty>();
        if (creation.Initializer is null)
        {
            return new BodyShape(properties, isComplete: false);
        }

        foreach (var element in creation.Initializer.Expressions)
        {
            switch (element)
            {
                // { "key", value }: a call to Add.
                case InitializerExpressionSyntax { Expressions.Count: 2 } pair when element.IsKind(SyntaxKind.ComplexElementInitializerExpression)
                    && Constants.String(pair.Expressions[0], semantics) is { } key:
                    properties.Add(new BodyProperty(key, pair.Expressions[1], pair));
                    break;

                // ["key"] = value: the indexer.
                case AssignmentExpressionSyntax { Left: ImplicitElementAccessSyntax { ArgumentList.Arguments.Count: 1 } index } assignment
                    when assignment.IsKind(SyntaxKind.SimpleAssignmentExpression) && Constants.String(index.ArgumentList.Arguments[0].Expression, semantics) is { } indexKey:
                    properties.Add(new BodyProperty(indexKey, assignment.Right, assignment));
                    break;
                default:
                    return new BodyShape(properties, isComplete: false);
            }
        }

        return new BodyShape(properties, isComplete: true);
    }

    private static BodyShape FromType(INamedTypeSymbol type, InitializerExpressionSyntax? initializer, SyntaxNode creation)
    {
        var assigned = new Dictionary<string, (ExpressionSyntax Value, SyntaxNode Location)>(System.StringComparer.Ordinal);
        if (initializer is not null)
        {
            foreach (var element in initializer.Expressions)
            {
                if (element is AssignmentExpressionSyntax { Left: IdentifierNameSyntax property } assignment && assignment.IsKind(SyntaxKind.SimpleAssignmentExpression))
                {
                    assigned[property.Identifier.ValueText] = (assignment.Right, assignment);
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
                    : new BodyProperty(member.Name, null, creation));
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
