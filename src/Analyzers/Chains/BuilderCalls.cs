using System.Collections.Generic;
using System.Linq;
using K6Scenarios.Analyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace K6Scenarios.Analyzers.Chains;

/// <summary>
/// The calls a configuration lambda makes on its builder parameter (<c>r =&gt; r.ExpectStatus(201).Capture(...)</c>), in the
/// order they run, and whether the lambda does anything the analyzers cannot follow (passes the builder to a helper,
/// stores it, or is a method group). Rules that need the whole picture stay silent on opaque lambdas.
/// </summary>
internal sealed class BuilderCalls
{
    private static readonly BuilderCalls OpaqueEmpty = new(null, new List<IInvocationOperation>(), isOpaque: true);

    /// <summary>Gets the calls of a configuration that was not given (nothing to configure, nothing hidden).</summary>
    public static BuilderCalls None { get; } = new(null, new List<IInvocationOperation>(), isOpaque: false);

    private BuilderCalls(IAnonymousFunctionOperation? lambda, List<IInvocationOperation> calls, bool isOpaque)
    {
        Lambda = lambda;
        Calls = calls;
        IsOpaque = isOpaque;
    }

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

        var parameter = lambda.Symbol.Parameters[0];
        var calls = new List<IInvocationOperation>();
        var opaque = false;
        foreach (var operation in lambda.Body.DescendantsAndSelf(enterLambdas: false))
        {
            if (operation is not IInvocationOperation invocation || !ModelSymbols.IsDeclaredBy(invocation.TargetMethod, builderType) || invocation.Instance is null)
            {
                continue;
            }

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
        }

        // Every use of the parameter must be the receiver of a builder call we saw.
        foreach (var operation in lambda.Body.DescendantsAndSelf(enterLambdas: true))
        {
            if (operation is IParameterReferenceOperation reference && SymbolEqualityComparer.Default.Equals(reference.Parameter, parameter))
            {
                var receiverOf = reference.ParentSkippingConversions() as IInvocationOperation;
                if (receiverOf is null || !calls.Contains(receiverOf))
                {
                    opaque = true;
                }
            }
        }

        calls.Sort((a, b) => a.NamePosition().CompareTo(b.NamePosition()));
        return new BuilderCalls(lambda, calls, opaque);
    }

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
