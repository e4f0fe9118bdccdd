using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace K6Scenarios.Analyzers.Infrastructure;

/// <summary>One call of a factory chain, such as <c>WithCount(10000)</c> in <c>UserPool.FromJsonFile(...).WithCount(10000)</c>.</summary>
internal sealed class FactoryStep
{
    public FactoryStep(string name, IReadOnlyList<object?> arguments, IReadOnlyList<string?> parameterNames, Location location)
    {
        Name = name;
        Arguments = arguments;
        ParameterNames = parameterNames;
        Location = location;
    }

    /// <summary>Gets the method name, or <c>.ctor</c> for an object creation.</summary>
    public string Name { get; }

    /// <summary>
    /// Gets the constant arguments in order: strings, numbers, <see langword="bool"/>s, and <c>object?[]</c> for tuples and arrays;
    /// <see langword="null"/> where an argument is not a constant.
    /// </summary>
    public IReadOnlyList<object?> Arguments { get; }

    /// <summary>Gets the parameter names, where known (from symbols; named arguments in syntax).</summary>
    public IReadOnlyList<string?> ParameterNames { get; }

    /// <summary>Gets where the call is written.</summary>
    public Location Location { get; }

    /// <summary>Gets the constant argument at a position, or <see langword="null"/>.</summary>
    public object? At(int index) => index < Arguments.Count ? Arguments[index] : null;
}

/// <summary>
/// Follows a value back to the factory calls that built it, through <c>static readonly</c> fields, get-only properties
/// and locals: <c>Users</c> becomes <c>UserPool.Generate("users", 10_000, ...)</c>. In the same file it asks the semantic
/// model; across files it reads the declaration's syntax alone (the value's type is already known from its symbol).
/// </summary>
internal static class FactoryCalls
{
    private const int MaxDepth = 4;

    /// <summary>Gets the calls that built a value, innermost first, or <see langword="null"/> when they cannot be seen.</summary>
    public static IReadOnlyList<FactoryStep>? Resolve(ExpressionSyntax? value, Semantics semantics) =>
        value is null ? null : Resolve(value, 0, semantics);

    /// <summary>Gets the calls that built the value of a field, property or local.</summary>
    public static IReadOnlyList<FactoryStep>? Resolve(ISymbol symbol, Semantics semantics) =>
        semantics.FactoryCallsOf(symbol, s => FromDeclaration(s, 0, semantics));

    private static IReadOnlyList<FactoryStep>? Resolve(ExpressionSyntax value, int depth, Semantics semantics)
    {
        if (depth > MaxDepth)
        {
            return null;
        }

        var expression = Semantics.Unwrap(value);
        switch (expression)
        {
            case InvocationExpressionSyntax invocation:
                var method = semantics.MethodOf(invocation);
                if (method is null)
                {
                    return null;
                }

                var steps = new List<FactoryStep>();
                var call = new Call(invocation, method);
                if (!method.IsStatic && call.Receiver is { } receiver)
                {
                    var inner = Resolve(receiver, depth + 1, semantics);
                    if (inner is null)
                    {
                        return null;
                    }

                    steps.AddRange(inner);
                }

                steps.Add(FromArguments(call, semantics));
                return steps;
            case BaseObjectCreationExpressionSyntax creation:
                return new[] { FromSyntaxArguments(".ctor", creation.ArgumentList, creation.GetLocation()) };
            default:
                var symbol = semantics.ReferencedSymbol(expression);
                return symbol is null ? null : semantics.FactoryCallsOf(symbol, s => FromDeclaration(s, depth, semantics));
        }
    }

    private static IReadOnlyList<FactoryStep>? FromDeclaration(ISymbol symbol, int depth, Semantics semantics)
    {
        // Only values that cannot change after initialization: readonly fields, get-only properties, locals.
        var stable = symbol switch
        {
            IFieldSymbol field => field.IsReadOnly || field.IsConst,
            IPropertySymbol property => property.SetMethod is null,
            ILocalSymbol => true,
            _ => false,
        };
        if (!stable || symbol.DeclaringSyntaxReferences.Length != 1)
        {
            return null;
        }

        var declaration = symbol.DeclaringSyntaxReferences[0].GetSyntax(semantics.CancellationToken);
        var initializer = declaration switch
        {
            VariableDeclaratorSyntax variable => variable.Initializer?.Value,
            PropertyDeclarationSyntax property => property.Initializer?.Value ?? property.ExpressionBody?.Expression,
            _ => null,
        };
        if (initializer is null)
        {
            return null;
        }

        return initializer.SyntaxTree == semantics.Model.SyntaxTree ? Resolve(initializer, depth + 1, semantics) : FromSyntax(initializer);
    }

    // Arguments in parameter order (a defaulted one is null), with a params list spread, so that
    // Generate("users", 10, ("email", ...)) reads like its syntax.
    private static FactoryStep FromArguments(Call call, Semantics semantics)
    {
        var values = new List<object?>();
        var names = new List<string?>();
        var parameters = call.Method.Parameters;
        for (var i = 0; i < parameters.Length; i++)
        {
            var parameter = parameters[i];
            if (parameter.IsParams && call.Items(parameter.Name, semantics) is { } items)
            {
                foreach (var item in items)
                {
                    values.Add(ConstantOf(item, semantics));
                    names.Add(parameter.Name);
                }

                continue;
            }

            var argument = call.Value(parameter.Name);
            values.Add(argument is null ? null : ConstantOf(argument, semantics));
            names.Add(parameter.Name);
        }

        return new FactoryStep(call.Name, values, names, call.NameNode.GetLocation());
    }

    private static object? ConstantOf(ExpressionSyntax expression, Semantics semantics)
    {
        var value = Semantics.Unwrap(expression);
        switch (value)
        {
            case TupleExpressionSyntax tuple:
                var elements = new object?[tuple.Arguments.Count];
                for (var i = 0; i < elements.Length; i++)
                {
                    elements[i] = ConstantOf(tuple.Arguments[i].Expression, semantics);
                }

                return elements;
            case ImplicitArrayCreationExpressionSyntax array:
                return ToArray(array.Initializer.Expressions, semantics);
            case ArrayCreationExpressionSyntax { Initializer: { } initializer }:
                return ToArray(initializer.Expressions, semantics);
            case CollectionExpressionSyntax collection:
                var collected = new object?[collection.Elements.Count];
                for (var i = 0; i < collected.Length; i++)
                {
                    collected[i] = collection.Elements[i] is ExpressionElementSyntax element ? ConstantOf(element.Expression, semantics) : null;
                }

                return collected;
            default:
                var constant = semantics.ConstantOf(value);
                return constant.HasValue ? constant.Value : null;
        }
    }

    private static object?[] ToArray(SeparatedSyntaxList<ExpressionSyntax> expressions, Semantics semantics)
    {
        var values = new object?[expressions.Count];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = ConstantOf(expressions[i], semantics);
        }

        return values;
    }

    private static IReadOnlyList<FactoryStep>? FromSyntax(ExpressionSyntax expression)
    {
        switch (expression)
        {
            case InvocationExpressionSyntax invocation:
                var steps = new List<FactoryStep>();
                string name;
                if (invocation.Expression is MemberAccessExpressionSyntax member)
                {
                    name = member.Name.Identifier.ValueText;
                    if (member.Expression is InvocationExpressionSyntax or ObjectCreationExpressionSyntax or ImplicitObjectCreationExpressionSyntax)
                    {
                        var inner = FromSyntax(member.Expression);
                        if (inner is null)
                        {
                            return null;
                        }

                        steps.AddRange(inner);
                    }
                }
                else if (invocation.Expression is SimpleNameSyntax simple)
                {
                    name = simple.Identifier.ValueText;
                }
                else
                {
                    return null;
                }

                steps.Add(FromSyntaxArguments(name, invocation.ArgumentList, invocation.GetLocation()));
                return steps;
            case BaseObjectCreationExpressionSyntax creation:
                return new[] { FromSyntaxArguments(".ctor", creation.ArgumentList, creation.GetLocation()) };
            default:
                return null;
        }
    }

    private static FactoryStep FromSyntaxArguments(string name, ArgumentListSyntax? arguments, Location location)
    {
        var values = new List<object?>();
        var names = new List<string?>();
        if (arguments is not null)
        {
            foreach (var argument in arguments.Arguments)
            {
                values.Add(ConstantOfSyntax(argument.Expression));
                names.Add(argument.NameColon?.Name.Identifier.ValueText);
            }
        }

        return new FactoryStep(name, values, names, location);
    }

    private static object? ConstantOfSyntax(ExpressionSyntax expression) => expression switch
    {
        LiteralExpressionSyntax literal => literal.Token.Value,
        PrefixUnaryExpressionSyntax { OperatorToken.ValueText: "-", Operand: LiteralExpressionSyntax literal } => literal.Token.Value switch
        {
            int i => -(long)i,
            long l => -l,
            double d => -d,
            _ => null,
        },
        TupleExpressionSyntax tuple => ToArray(tuple.Arguments),
        ImplicitArrayCreationExpressionSyntax array => ToArray(array.Initializer.Expressions),
        ArrayCreationExpressionSyntax { Initializer: { } initializer } => ToArray(initializer.Expressions),
        _ => null,
    };

    private static object?[] ToArray(SeparatedSyntaxList<ArgumentSyntax> arguments)
    {
        var values = new object?[arguments.Count];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = ConstantOfSyntax(arguments[i].Expression);
        }

        return values;
    }

    private static object?[] ToArray(SeparatedSyntaxList<ExpressionSyntax> expressions)
    {
        var values = new object?[expressions.Count];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = ConstantOfSyntax(expressions[i]);
        }

        return values;
    }
}
