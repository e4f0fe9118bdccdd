using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace K6Scenarios.Analyzers.Infrastructure;

/// <summary>
/// What the reader asks the compiler about the syntax it walks: the method a call binds to, the symbol or type of an
/// expression, a constant. These are look-ups in the member's bound tree, which the compiler has built anyway; the reader
/// never asks for operation trees, whose construction cost more than all the rules together (bench/README.md section 2).
/// </summary>
internal sealed class Semantics
{
    public Semantics(SemanticModel model, ModelSymbols symbols, CancellationToken cancellationToken)
    {
        Model = model;
        Symbols = symbols;
        CancellationToken = cancellationToken;
    }

    /// <summary>Gets the semantic model of the tree being read.</summary>
    public SemanticModel Model { get; }

    /// <summary>Gets the model's symbols.</summary>
    public ModelSymbols Symbols { get; }

    /// <summary>Gets the cancellation token of the analysis.</summary>
    public CancellationToken CancellationToken { get; }

    private readonly Dictionary<ISymbol, IReadOnlyList<FactoryStep>?> _factoryCalls = new(SymbolEqualityComparer.Default);

    /// <summary>
    /// Gets the factory calls that built the value of a field, property or local (see <see cref="FactoryCalls"/>),
    /// computed once per symbol for the tree: a load test names the same pool, metric and base URL in every request.
    /// </summary>
    public IReadOnlyList<FactoryStep>? FactoryCallsOf(ISymbol symbol, System.Func<ISymbol, IReadOnlyList<FactoryStep>?> resolve)
    {
        if (!_factoryCalls.TryGetValue(symbol, out var steps))
        {
            steps = resolve(symbol);
            _factoryCalls[symbol] = steps;
        }

        return steps;
    }

    /// <summary>
    /// Gets the method a call on one of the model's builders binds to, from the builder's own overloads: when the
    /// method name and the arguments' count and names leave one overload, that is the one the compiler picks in code
    /// that compiles, and no look-up is needed; otherwise the compiler is asked.
    /// </summary>
    public IMethodSymbol? BuilderMethodOf(InvocationExpressionSyntax invocation, string name, INamedTypeSymbol builderType)
    {
        IMethodSymbol? single = null;
        foreach (var method in OverloadsOf(builderType, name))
        {
            if (Accepts(method, invocation.ArgumentList))
            {
                if (single is not null)
                {
                    return MethodOf(invocation);
                }

                single = method;
            }
        }

        return single ?? MethodOf(invocation);
    }

    // The public instance methods of each builder type by name; weak, so that a compilation's symbols are not kept alive.
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<INamedTypeSymbol, Dictionary<string, IMethodSymbol[]>> Overloads = new();

    private static IMethodSymbol[] OverloadsOf(INamedTypeSymbol type, string name)
    {
        var byName = Overloads.GetValue(type, t =>
        {
            var methods = new Dictionary<string, IMethodSymbol[]>(System.StringComparer.Ordinal);
            foreach (var memberName in t.MemberNames)
            {
                var overloads = new List<IMethodSymbol>();
                foreach (var member in t.GetMembers(memberName))
                {
                    if (member is IMethodSymbol { IsStatic: false, DeclaredAccessibility: Accessibility.Public, MethodKind: MethodKind.Ordinary } method)
                    {
                        overloads.Add(method);
                    }
                }

                methods[memberName] = overloads.ToArray();
            }

            return methods;
        });
        return byName.TryGetValue(name, out var found) ? found : System.Array.Empty<IMethodSymbol>();
    }

    // Whether an argument list fits a method's parameters by count and names alone.
    private static bool Accepts(IMethodSymbol method, ArgumentListSyntax arguments)
    {
        if (method.IsGenericMethod)
        {
            return false;
        }

        var parameters = method.Parameters;
        var hasParams = parameters.Length > 0 && parameters[parameters.Length - 1].IsParams;
        var required = 0;
        foreach (var parameter in parameters)
        {
            if (!parameter.IsOptional && !parameter.IsParams)
            {
                required++;
            }
        }

        var count = arguments.Arguments.Count;
        if (count < required || (!hasParams && count > parameters.Length))
        {
            return false;
        }

        foreach (var argument in arguments.Arguments)
        {
            if (argument.NameColon is { } nameColon && !HasParameter(parameters, nameColon.Name.Identifier.ValueText))
            {
                return false;
            }

            if (!argument.RefKindKeyword.IsKind(SyntaxKind.None))
            {
                return false;
            }
        }

        return true;
    }

    private static bool HasParameter(System.Collections.Immutable.ImmutableArray<IParameterSymbol> parameters, string name)
    {
        foreach (var parameter in parameters)
        {
            if (parameter.Name == name)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Gets the method an invocation binds to (the only candidate when the code does not compile), or <see langword="null"/>.</summary>
    public IMethodSymbol? MethodOf(InvocationExpressionSyntax invocation)
    {
        var info = Model.GetSymbolInfo(invocation, CancellationToken);
        return info.Symbol as IMethodSymbol ?? (info.CandidateSymbols.Length == 1 ? info.CandidateSymbols[0] as IMethodSymbol : null);
    }

    /// <summary>Gets the symbol an expression binds to, or <see langword="null"/>.</summary>
    public ISymbol? SymbolOf(ExpressionSyntax expression) => Model.GetSymbolInfo(expression, CancellationToken).Symbol;

    /// <summary>Gets the type of an expression before any conversion, or <see langword="null"/>.</summary>
    public ITypeSymbol? TypeOf(ExpressionSyntax expression) => Model.GetTypeInfo(expression, CancellationToken).Type;

    /// <summary>Gets the type an expression is converted to where it is used, or <see langword="null"/>.</summary>
    public ITypeSymbol? ConvertedTypeOf(ExpressionSyntax expression) => Model.GetTypeInfo(expression, CancellationToken).ConvertedType;

    /// <summary>Gets the compile-time value of an expression, if it has one; a literal's is read from its token.</summary>
    public Optional<object?> ConstantOf(ExpressionSyntax expression)
    {
        var value = Unwrap(expression);
        if (value is LiteralExpressionSyntax literal && !literal.IsKind(SyntaxKind.DefaultLiteralExpression))
        {
            return new Optional<object?>(literal.Token.Value);
        }

        return Model.GetConstantValue(value, CancellationToken);
    }

    /// <summary>
    /// Gets the symbol an expression refers to when it is a plain reference to a field, a property without arguments, a
    /// local or a parameter; <see langword="null"/> otherwise.
    /// </summary>
    public ISymbol? ReferencedSymbol(ExpressionSyntax expression)
    {
        var value = Unwrap(expression);
        if (value is not (IdentifierNameSyntax or MemberAccessExpressionSyntax))
        {
            return null;
        }

        return SymbolOf(value) switch
        {
            IFieldSymbol field => field,
            IPropertySymbol { IsIndexer: false } property => property,
            ILocalSymbol local => local,
            IParameterSymbol parameter => parameter,
            _ => null,
        };
    }

    /// <summary>Skips parentheses and casts, as the compiler's conversions would (<c>(object)x</c> is still <c>x</c>).</summary>
    public static ExpressionSyntax Unwrap(ExpressionSyntax expression)
    {
        var current = expression;
        while (true)
        {
            switch (current)
            {
                case ParenthesizedExpressionSyntax parenthesized:
                    current = parenthesized.Expression;
                    break;
                case CastExpressionSyntax cast:
                    current = cast.Expression;
                    break;
                case PostfixUnaryExpressionSyntax postfix when postfix.IsKind(SyntaxKind.SuppressNullableWarningExpression):
                    current = postfix.Operand;
                    break;
                default:
                    return current;
            }
        }
    }

    /// <summary>Gets the parent of an expression, skipping parentheses, casts and <c>!</c> around it.</summary>
    public static SyntaxNode? ParentSkippingWrappers(SyntaxNode node)
    {
        var parent = node.Parent;
        while (parent is ParenthesizedExpressionSyntax or CastExpressionSyntax
            || (parent is PostfixUnaryExpressionSyntax postfix && postfix.IsKind(SyntaxKind.SuppressNullableWarningExpression)))
        {
            parent = parent.Parent;
        }

        return parent;
    }
}
