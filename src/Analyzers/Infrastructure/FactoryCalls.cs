using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

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
/// and locals: <c>Users</c> becomes <c>UserPool.Generate("users", 10_000, ...)</c>. In the same file it reads operations;
/// across files it reads the declaration's syntax (the value's type is already known from its symbol).
/// </summary>
internal static class FactoryCalls
{
    private const int MaxDepth = 4;

    /// <summary>Gets the calls that built a value, innermost first, or <see langword="null"/> when they cannot be seen.</summary>
    public static IReadOnlyList<FactoryStep>? Resolve(IOperation? value, CancellationToken cancellationToken) =>
        value is null ? null : Resolve(value, 0, cancellationToken);

    private static IReadOnlyList<FactoryStep>? Resolve(IOperation value, int depth, CancellationToken cancellationToken)
    {
        if (depth > MaxDepth)
        {
            return null;
        }

        var operation = value.WalkDownConversions();
        switch (operation)
        {
            case IInvocationOperation invocation:
                var steps = new List<FactoryStep>();
                if (invocation.Instance is not null)
                {
                    var inner = Resolve(invocation.Instance, depth + 1, cancellationToken);
                    if (inner is null)
                    {
                        return null;
                    }

                    steps.AddRange(inner);
                }

                steps.Add(FromArguments(invocation.TargetMethod.Name, invocation.Arguments, invocation.NameLocation()));
                return steps;
            case IObjectCreationOperation creation:
                return new[] { FromArguments(".ctor", creation.Arguments, creation.Syntax.GetLocation()) };
            default:
                var symbol = operation.ReferencedSymbol();
                return symbol is null ? null : FromDeclaration(symbol, operation.SemanticModel, depth, cancellationToken);
        }
    }

    private static IReadOnlyList<FactoryStep>? FromDeclaration(ISymbol symbol, SemanticModel? model, int depth, CancellationToken cancellationToken)
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

        var declaration = symbol.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken);
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

        if (model is not null && initializer.SyntaxTree == model.SyntaxTree)
        {
            var initializerOperation = model.GetOperation(initializer, cancellationToken);
            return initializerOperation is null ? null : Resolve(initializerOperation, depth + 1, cancellationToken);
        }

        return FromSyntax(initializer);
    }

    private static FactoryStep FromArguments(string name, IEnumerable<IArgumentOperation> arguments, Location location)
    {
        var values = new List<object?>();
        var names = new List<string?>();
        foreach (var argument in arguments)
        {
            if (argument.ArgumentKind == ArgumentKind.ParamArray && argument.Value.WalkDownConversions() is IArrayCreationOperation { Initializer: { } items })
            {
                // Spread params so that Generate("users", 10, ("email", ...)) reads like its syntax.
                foreach (var item in items.ElementValues)
                {
                    values.Add(ConstantOf(item));
                    names.Add(argument.Parameter?.Name);
                }

                continue;
            }

            values.Add(argument.ArgumentKind == ArgumentKind.DefaultValue ? null : ConstantOf(argument.Value));
            names.Add(argument.Parameter?.Name);
        }

        return new FactoryStep(name, values, names, location);
    }

    private static object? ConstantOf(IOperation operation)
    {
        var value = operation.WalkDownConversions();
        if (value.ConstantValue.HasValue)
        {
            return value.ConstantValue.Value;
        }

        switch (value)
        {
            case ITupleOperation tuple:
                var elements = new object?[tuple.Elements.Length];
                for (var i = 0; i < elements.Length; i++)
                {
                    elements[i] = ConstantOf(tuple.Elements[i]);
                }

                return elements;
            case IArrayCreationOperation { Initializer: { } initializer }:
                var items = new object?[initializer.ElementValues.Length];
                for (var i = 0; i < items.Length; i++)
                {
                    items[i] = ConstantOf(initializer.ElementValues[i]);
                }

                return items;
            default:
                return null;
        }
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
