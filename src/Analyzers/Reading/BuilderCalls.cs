using System;
using System.Collections.Generic;
using System.Linq;
using K6Scenarios.Analyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace K6Scenarios.Analyzers.Reading;

/// <summary>
/// The calls a configuration lambda makes on its builder parameter (<c>r =&gt; r.ExpectStatus(201).Capture(...)</c>), in the
/// order they run, and whether the lambda does anything the analyzers cannot follow (passes the builder to a helper,
/// stores it, or is a method group). Rules that need the whole picture stay silent on opaque lambdas.
/// </summary>
internal sealed class BuilderCalls
{
    private static readonly BuilderCalls OpaqueEmpty = new(null, new List<IInvocationOperation>(), isOpaque: true);

    // The walk's stack, reused by each thread (a Read never runs inside another).
    [ThreadStatic]
    private static Stack<IOperation>? t_stack;

    private BuilderCalls(IAnonymousFunctionOperation? lambda, List<IInvocationOperation> calls, bool isOpaque)
    {
        Lambda = lambda;
        Calls = calls;
        IsOpaque = isOpaque;
    }

    /// <summary>Gets the calls of a configuration that was not given (nothing to configure, nothing hidden).</summary>
    public static BuilderCalls None { get; } = new(null, new List<IInvocationOperation>(), isOpaque: false);

    /// <summary>Gets the lambda, or <see langword="null"/> when the configuration is not a lambda.</summary>
    public IAnonymousFunctionOperation? Lambda { get; }

    /// <summary>Gets the builder calls, in the order they run.</summary>
    public IReadOnlyList<IInvocationOperation> Calls { get; }

    /// <summary>Gets whether some of the configuration cannot be seen.</summary>
    public bool IsOpaque { get; }

    /// <summary>Collects the calls of a configuration argument on a builder type.</summary>
    public static BuilderCalls Collect(IOperation? configuration, INamedTypeSymbol? builderType)
    {
        var lambda = configuration.AsLambda();
        if (lambda is null || builderType is null || lambda.Symbol.Parameters.Length != 1)
        {
            return OpaqueEmpty;
        }

        // One analyzer reads each chain once, so each lambda is read once: no cache is needed.
        return Read(lambda, builderType);
    }

    // One depth-first walk of the lambda's own level: builder calls are collected there, every use of the parameter must
    // be the receiver of one of them, and a nested lambda is only searched when it may mention the parameter at all.
    private static BuilderCalls Read(IAnonymousFunctionOperation lambda, INamedTypeSymbol builderType)
    {
        var parameter = lambda.Symbol.Parameters[0];
        var calls = new List<IInvocationOperation>();
        var opaque = false;
        var stack = t_stack ??= new Stack<IOperation>();
        stack.Clear();
        stack.Push(lambda.Body);
        while (stack.Count > 0)
        {
            var current = stack.Pop();
            switch (current)
            {
                case IAnonymousFunctionOperation nested:
                    // The nested lambda's calls belong to its own builder; any use of our parameter inside it is one we cannot follow.
                    if (!opaque && UsesParameter(nested, parameter))
                    {
                        opaque = true;
                    }

                    continue;

                case IInvocationOperation invocation when invocation.Instance is not null && ModelSymbols.IsDeclaredBy(invocation.TargetMethod, builderType):
                    if (RootOf(invocation, builderType) is IParameterReferenceOperation root && SymbolEqualityComparer.Default.Equals(root.Parameter, parameter))
                    {
                        calls.Add(invocation);
                    }
                    else
                    {
                        opaque = true;
                    }

                    if (!IsUseAccountedFor(invocation, builderType))
                    {
                        opaque = true;
                    }

                    break;

                case IParameterReferenceOperation reference when SymbolEqualityComparer.Default.Equals(reference.Parameter, parameter):
                    // An invocation parent means the reference is its receiver (arguments have an IArgumentOperation between), and a
                    // builder method called on the parameter outside nested lambdas is exactly what the case above collects.
                    if (reference.ParentSkippingConversions() is not IInvocationOperation receiverOf || !ModelSymbols.IsDeclaredBy(receiverOf.TargetMethod, builderType))
                    {
                        opaque = true;
                    }

                    break;
            }

            foreach (var child in current.ChildOperations)
            {
                stack.Push(child);
            }
        }

        calls.Sort((a, b) => a.NamePosition().CompareTo(b.NamePosition()));
        return new BuilderCalls(lambda, calls, opaque);
    }

    // Whether a nested lambda refers to the parameter. A scan of its source text for the name as a word rules out almost every
    // lambda without walking its operations; the operation walk decides when the name is there.
    private static bool UsesParameter(IAnonymousFunctionOperation nested, IParameterSymbol parameter)
    {
        return Mentions(nested.Syntax, parameter.Name) && nested.Body.DescendantsAndSelf(enterLambdas: true).Any(
            o => o is IParameterReferenceOperation reference && SymbolEqualityComparer.Default.Equals(reference.Parameter, parameter));
    }

    // Whether a name may be written in a node's text. Conservative: a Unicode escape (\u0072) or a non-ASCII neighbour counts as a mention.
    private static bool Mentions(SyntaxNode node, string name)
    {
        if (name.Length == 0)
        {
            return true;
        }

        var text = node.SyntaxTree.GetText();
        var span = node.Span;
        var end = span.End;
        for (var i = span.Start; i < end; i++)
        {
            var c = text[i];
            if (c == '\\')
            {
                return true;
            }

            if (c != name[0] || i + name.Length > end || (i > span.Start && IsAsciiIdentifierPart(text[i - 1])) || (i + name.Length < end && IsAsciiIdentifierPart(text[i + name.Length])))
            {
                continue;
            }

            var matches = true;
            for (var k = 1; k < name.Length && matches; k++)
            {
                matches = text[i + k] == name[k];
            }

            if (matches)
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsAsciiIdentifierPart(char c) => c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '_';

    /// <summary>Gets the calls to methods with a name, in order.</summary>
    public IEnumerable<IInvocationOperation> Named(string name) => Calls.Where(c => c.TargetMethod.Name == name);

    /// <summary>Gets the last call to a method with a name, or <see langword="null"/>.</summary>
    public IInvocationOperation? Last(string name) => Calls.LastOrDefault(c => c.TargetMethod.Name == name);

    private static IOperation RootOf(IInvocationOperation invocation, INamedTypeSymbol builderType)
    {
        IOperation current = invocation;
        while (current is IInvocationOperation call && ModelSymbols.IsDeclaredBy(call.TargetMethod, builderType) && call.Instance is not null)
        {
            current = call.Instance.WalkDownConversions();
        }

        return current;
    }

    private static bool IsUseAccountedFor(IInvocationOperation invocation, INamedTypeSymbol builderType)
    {
        // Builder methods return the builder; the result may only feed the next call or end the statement.
        if (!SymbolEqualityComparer.Default.Equals(invocation.Type, builderType))
        {
            return true;
        }

        return invocation.ParentSkippingConversions() switch
        {
            IInvocationOperation next => next.Instance is not null && ReferenceEquals(next.Instance.WalkDownConversions(), invocation) && ModelSymbols.IsDeclaredBy(next.TargetMethod, builderType),
            IExpressionStatementOperation => true,
            IReturnOperation => true,
            _ => false,
        };
    }
}
