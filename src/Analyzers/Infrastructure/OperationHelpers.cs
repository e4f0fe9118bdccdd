using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace K6Scenarios.Analyzers.Infrastructure;

/// <summary>Small helpers over <see cref="IOperation"/> trees.</summary>
internal static class OperationHelpers
{
    /// <summary>Skips implicit and explicit conversions (an <c>int</c> becoming a <c>Value</c>, a lambda becoming a delegate).</summary>
    public static IOperation WalkDownConversions(this IOperation operation)
    {
        var current = operation;
        while (true)
        {
            switch (current)
            {
                case IConversionOperation conversion:
                    current = conversion.Operand;
                    break;
                case IDelegateCreationOperation delegateCreation:
                    current = delegateCreation.Target;
                    break;
                default:
                    return current;
            }
        }
    }

    /// <summary>Gets the parent, skipping conversions.</summary>
    public static IOperation? ParentSkippingConversions(this IOperation operation)
    {
        var parent = operation.Parent;
        while (parent is IConversionOperation or IDelegateCreationOperation)
        {
            parent = parent.Parent;
        }

        return parent;
    }

    /// <summary>Gets the argument passed for a parameter, or <see langword="null"/> when the caller left it to its default.</summary>
    public static IArgumentOperation? Argument(this IInvocationOperation invocation, string parameterName)
    {
        foreach (var argument in invocation.Arguments)
        {
            if (argument.Parameter?.Name == parameterName)
            {
                return argument.ArgumentKind == ArgumentKind.DefaultValue ? null : argument;
            }
        }

        return null;
    }

    /// <summary>Gets the value passed for a parameter, conversions skipped, or <see langword="null"/> when defaulted.</summary>
    public static IOperation? ArgumentValue(this IInvocationOperation invocation, string parameterName) =>
        invocation.Argument(parameterName)?.Value.WalkDownConversions();

    /// <summary>Gets the argument passed for a parameter of an object creation, or <see langword="null"/>.</summary>
    public static IOperation? ArgumentValue(this IObjectCreationOperation creation, string parameterName)
    {
        foreach (var argument in creation.Arguments)
        {
            if (argument.Parameter?.Name == parameterName && argument.ArgumentKind != ArgumentKind.DefaultValue)
            {
                return argument.Value.WalkDownConversions();
            }
        }

        return null;
    }

    /// <summary>Gets the lambda passed as a value, or <see langword="null"/> for a method group or a delegate variable.</summary>
    public static IAnonymousFunctionOperation? AsLambda(this IOperation? value) =>
        value?.WalkDownConversions() as IAnonymousFunctionOperation;

    /// <summary>
    /// Gets the items of a <c>params</c> argument (<c>ExpectStatus(200, 201)</c> or <c>new[] { 200, 201 }</c>),
    /// or <see langword="null"/> when they cannot be seen (an array variable).
    /// </summary>
    public static IReadOnlyList<IOperation>? ParamsItems(this IArgumentOperation? argument)
    {
        if (argument is null)
        {
            return null;
        }

        var value = argument.Value.WalkDownConversions();
        if (value is IArrayCreationOperation { Initializer: { } initializer })
        {
            return initializer.ElementValues;
        }

        if (value is IArrayCreationOperation { Initializer: null })
        {
            return System.Array.Empty<IOperation>();
        }

        // An array variable, a collection expression or broken code: the items cannot be seen.
        if (value.Type is IArrayTypeSymbol || value is IInvalidOperation)
        {
            return null;
        }

        return new[] { argument.Value };
    }

    /// <summary>Enumerates an operation and its descendants, depth first, optionally without entering lambdas.</summary>
    public static IEnumerable<IOperation> DescendantsAndSelf(this IOperation root, bool enterLambdas)
    {
        var stack = new Stack<IOperation>();
        stack.Push(root);
        while (stack.Count > 0)
        {
            var current = stack.Pop();
            yield return current;
            if (!enterLambdas && current is IAnonymousFunctionOperation && !ReferenceEquals(current, root))
            {
                continue;
            }

            // Pushed last to first, so that they come out in source order.
            foreach (var child in current.ChildOperations.Reverse())
            {
                stack.Push(child);
            }
        }
    }

    /// <summary>Gets the location of an invocation's method name (<c>Get</c> in <c>f.Get(...)</c>), or of the whole call.</summary>
    public static Location NameLocation(this IInvocationOperation invocation) =>
        invocation.Syntax is InvocationExpressionSyntax syntax
            ? syntax.Expression switch
            {
                MemberAccessExpressionSyntax member => member.Name.GetLocation(),
                SimpleNameSyntax name => name.GetLocation(),
                MemberBindingExpressionSyntax binding => binding.Name.GetLocation(),
                _ => syntax.GetLocation(),
            }
            : invocation.Syntax.GetLocation();

    /// <summary>Gets the position of an invocation's method name, which orders the calls of a fluent chain as they run.</summary>
    public static int NamePosition(this IInvocationOperation invocation) => invocation.NameLocation().SourceSpan.Start;

    /// <summary>Gets the symbol an expression refers to (field, property, local or parameter), if it is a plain reference.</summary>
    public static ISymbol? ReferencedSymbol(this IOperation operation) => operation.WalkDownConversions() switch
    {
        IFieldReferenceOperation field => field.Field,
        IPropertyReferenceOperation property when property.Arguments.Length == 0 => property.Property,
        ILocalReferenceOperation local => local.Local,
        IParameterReferenceOperation parameter => parameter.Parameter,
        _ => null,
    };

    /// <summary>Gets whether an operation lies inside <paramref name="ancestor"/>.</summary>
    public static bool IsInside(this IOperation operation, IOperation ancestor)
    {
        for (var current = operation.Parent; current is not null; current = current.Parent)
        {
            if (ReferenceEquals(current, ancestor))
            {
                return true;
            }
        }

        return false;
    }
}
