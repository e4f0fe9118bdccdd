using System;
using System.Collections.Generic;
using K6Scenarios.Analyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace K6Scenarios.Analyzers.Reading;

/// <summary>
/// The calls a configuration lambda makes on its builder parameter (<c>r =&gt; r.ExpectStatus(201).Capture(...)</c>), in the
/// order they run, and whether the lambda does anything the analyzers cannot follow (passes the builder to a helper,
/// stores it, or is a method group). Rules that need the whole picture stay silent on opaque lambdas.
/// </summary>
internal sealed class BuilderCalls
{
    private static readonly BuilderCalls OpaqueEmpty = new(new List<Call>(), isOpaque: true);

    private BuilderCalls(List<Call> calls, bool isOpaque)
    {
        Calls = calls;
        IsOpaque = isOpaque;
    }

    /// <summary>Gets the calls of a configuration that was not given (nothing to configure, nothing hidden).</summary>
    public static BuilderCalls None { get; } = new(new List<Call>(), isOpaque: false);

    /// <summary>Gets the builder calls, in the order they run.</summary>
    public IReadOnlyList<Call> Calls { get; }

    /// <summary>Gets whether some of the configuration cannot be seen.</summary>
    public bool IsOpaque { get; }

    /// <summary>Gets the lambda a configuration argument is, or <see langword="null"/> (a method group, a delegate variable).</summary>
    public static LambdaExpressionSyntax? AsLambda(ExpressionSyntax? configuration) =>
        configuration is null ? null : Semantics.Unwrap(configuration) as LambdaExpressionSyntax;

    /// <summary>Collects the calls of a configuration argument on a builder type.</summary>
    public static BuilderCalls Collect(ExpressionSyntax? configuration, INamedTypeSymbol? builderType, Semantics semantics)
    {
        var lambda = AsLambda(configuration);
        var parameter = lambda is null ? null : FunctionLevel.SingleParameterName(lambda);
        if (lambda is null || parameter is null || builderType is null)
        {
            return OpaqueEmpty;
        }

        // One analyzer reads each chain once, so each lambda is read once: no cache is needed.
        return Read(lambda, parameter, builderType, semantics);
    }

    // The lambda's own level, from the tree's one walk (SyntaxIndex). Every reference to the parameter must be the
    // receiver at the root of a chain of builder calls whose result ends a statement (or is the lambda's value); a nested
    // function that refers to the parameter, and a builder call on anything else, are what the analyzers cannot follow.
    private static BuilderCalls Read(LambdaExpressionSyntax lambda, string parameter, INamedTypeSymbol builderType, Semantics semantics)
    {
        var calls = new List<Call>();
        var opaque = false;
        var level = semantics.LevelOf(lambda);
        HashSet<string>? builderMethods = null;
        foreach (var node in level.Nodes)
        {
            switch ((SyntaxKind)node.RawKind)
            {
                case SyntaxKind.IdentifierName:
                    if (!ReadChainFrom((IdentifierNameSyntax)node, builderType, calls, semantics))
                    {
                        opaque = true;
                    }

                    break;
                case SyntaxKind.InvocationExpression when !opaque:
                    // A builder method called on something other than the parameter (another builder in scope).
                    var invocation = (InvocationExpressionSyntax)node;
                    var member = (MemberAccessExpressionSyntax)invocation.Expression;
                    builderMethods ??= BuilderMethodNames(builderType);
                    if (builderMethods.Contains(member.Name.Identifier.ValueText) && !IsRootedAt(member.Expression, parameter)
                        && ModelSymbols.IsDeclaredBy(semantics.MethodOf(invocation), builderType))
                    {
                        opaque = true;
                    }

                    break;
            }
        }

        // A nested function that names the parameter: opaque unless the name means something else there (C# lets a nested
        // lambda's own parameter shadow it).
        if (!opaque && level.NestedReferences is { } mentions)
        {
            var parameterSymbol = ParameterSymbol(lambda, semantics);
            foreach (var reference in mentions)
            {
                if (parameterSymbol is null || SymbolEqualityComparer.Default.Equals(semantics.SymbolOf(reference), parameterSymbol))
                {
                    opaque = true;
                    break;
                }
            }
        }

        calls.Sort((a, b) => a.NamePosition.CompareTo(b.NamePosition));
        return new BuilderCalls(calls, opaque);
    }

    private static IParameterSymbol? ParameterSymbol(LambdaExpressionSyntax lambda, Semantics semantics)
    {
        ParameterSyntax? syntax = lambda switch
        {
            SimpleLambdaExpressionSyntax simple => simple.Parameter,
            ParenthesizedLambdaExpressionSyntax parenthesized => parenthesized.ParameterList.Parameters[0],
            _ => null,
        };
        return syntax is null ? null : semantics.Model.GetDeclaredSymbol(syntax, semantics.CancellationToken);
    }

    // Reads the chain of builder calls whose receiver root is the parameter reference; false when the reference is used
    // any other way (passed on, stored, or a chain whose result is kept).
    private static bool ReadChainFrom(IdentifierNameSyntax identifier, INamedTypeSymbol builderType, List<Call> calls, Semantics semantics)
    {
        SyntaxNode current = identifier;
        var any = false;
        while (Semantics.ParentSkippingWrappers(current) is MemberAccessExpressionSyntax member
            && Semantics.Unwrap(member.Expression) == current
            && member.Parent is InvocationExpressionSyntax invocation && invocation.Expression == member)
        {
            var method = semantics.BuilderMethodOf(invocation, member.Name.Identifier.ValueText, builderType);
            if (!ModelSymbols.IsDeclaredBy(method, builderType) || method!.IsStatic)
            {
                return false;
            }

            calls.Add(new Call(invocation, method));
            any = true;
            current = invocation;
            if (!SymbolEqualityComparer.Default.Equals(method.ReturnType.OriginalDefinition, builderType))
            {
                // A method that does not return the builder ends the chain; its value is not the builder's.
                return true;
            }
        }

        // The chain's value (the builder) may only end a statement or be the lambda's own value.
        return any && Semantics.ParentSkippingWrappers(current) switch
        {
            ExpressionStatementSyntax => true,
            ReturnStatementSyntax => true,
            ArrowExpressionClauseSyntax => true,
            LambdaExpressionSyntax owner => owner.Body is ExpressionSyntax value && Semantics.Unwrap(value) == current,
            _ => false,
        };
    }

    private static bool IsRootedAt(ExpressionSyntax receiver, string parameter)
    {
        var current = Semantics.Unwrap(receiver);
        while (current is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax member })
        {
            current = Semantics.Unwrap(member.Expression);
        }

        return current is IdentifierNameSyntax identifier && identifier.Identifier.ValueText == parameter;
    }

    // The member names of each builder type symbol; weak, so that a compilation's symbols are not kept alive.
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<INamedTypeSymbol, HashSet<string>> MemberNameSets = new();

    private static HashSet<string> BuilderMethodNames(INamedTypeSymbol builderType) =>
        MemberNameSets.GetValue(builderType, type => new HashSet<string>(type.MemberNames, StringComparer.Ordinal));
}
