using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace K6Scenarios.Analyzers.Infrastructure;

/// <summary>
/// One invocation as the reader sees it: its syntax, the method it binds to, and its arguments matched to that method's
/// parameters (by name for named arguments, by position otherwise, the rest of a <c>params</c> list to its parameter).
/// </summary>
internal sealed class Call
{
    private ArgumentSyntax?[]? _byParameter;
    private List<ExpressionSyntax>? _paramsItems;
    private bool _paramsExpanded;

    public Call(InvocationExpressionSyntax syntax, IMethodSymbol method)
    {
        Syntax = syntax;
        Method = method;
    }

    /// <summary>Gets the invocation.</summary>
    public InvocationExpressionSyntax Syntax { get; }

    /// <summary>Gets the method it binds to.</summary>
    public IMethodSymbol Method { get; }

    /// <summary>Gets the method's name.</summary>
    public string Name => Method.Name;

    /// <summary>Gets the expression the method is called on (<c>r</c> in <c>r.ExpectStatus(201)</c>), parentheses skipped, or <see langword="null"/>.</summary>
    public ExpressionSyntax? Receiver => Syntax.Expression is MemberAccessExpressionSyntax member ? Semantics.Unwrap(member.Expression) : null;

    /// <summary>Gets the method name as written (<c>Get</c> in <c>f.Get(...)</c>), where findings about the call are reported.</summary>
    public SyntaxNode NameNode => NameNodeOf(Syntax);

    /// <summary>Gets the position of the method name, which orders the calls of a fluent chain as they run.</summary>
    public int NamePosition => NameNode.SpanStart;

    /// <summary>Gets the method name node of an invocation, or the invocation itself.</summary>
    public static SyntaxNode NameNodeOf(InvocationExpressionSyntax syntax) => syntax.Expression switch
    {
        MemberAccessExpressionSyntax member => member.Name,
        SimpleNameSyntax name => name,
        MemberBindingExpressionSyntax binding => binding.Name,
        _ => syntax,
    };

    /// <summary>Gets the argument written for a parameter, or <see langword="null"/> when the caller left it to its default.</summary>
    public ArgumentSyntax? Argument(string parameterName)
    {
        var index = IndexOf(parameterName);
        return index < 0 ? null : Match()[index];
    }

    /// <summary>Gets the value written for a parameter, parentheses and casts skipped, or <see langword="null"/> when defaulted.</summary>
    public ExpressionSyntax? Value(string parameterName) =>
        Argument(parameterName) is { } argument ? Semantics.Unwrap(argument.Expression) : null;

    /// <summary>
    /// Gets the items of a <c>params</c> parameter (<c>ExpectStatus(200, 201)</c> or <c>new[] { 200, 201 }</c>), or
    /// <see langword="null"/> when they cannot be seen (an array variable, a collection expression) or were not given.
    /// </summary>
    public IReadOnlyList<ExpressionSyntax>? Items(string parameterName, Semantics semantics)
    {
        var index = IndexOf(parameterName);
        if (index < 0)
        {
            return null;
        }

        Match();
        if (index == Method.Parameters.Length - 1 && Method.Parameters[index].IsParams && _paramsExpanded)
        {
            return _paramsItems!;
        }

        var argument = _byParameter![index];
        if (argument is null)
        {
            // A params parameter given nothing is an empty list; any other parameter left to its default has no items.
            return Method.Parameters[index].IsParams ? Array.Empty<ExpressionSyntax>() : null;
        }

        var value = Semantics.Unwrap(argument.Expression);
        switch (value)
        {
            case ArrayCreationExpressionSyntax array:
                return array.Initializer is null ? Array.Empty<ExpressionSyntax>() : array.Initializer.Expressions;
            case ImplicitArrayCreationExpressionSyntax implicitArray:
                return implicitArray.Initializer.Expressions;
            case CollectionExpressionSyntax:
                return null;
            case LiteralExpressionSyntax:
                return new[] { value };
        }

        // One item, or the whole array in a variable.
        return semantics.TypeOf(value) is IArrayTypeSymbol ? null : new[] { value };
    }

    private int IndexOf(string parameterName)
    {
        var parameters = Method.Parameters;
        for (var i = 0; i < parameters.Length; i++)
        {
            if (parameters[i].Name == parameterName)
            {
                return i;
            }
        }

        return -1;
    }

    private ArgumentSyntax?[] Match()
    {
        if (_byParameter is not null)
        {
            return _byParameter;
        }

        var parameters = Method.Parameters;
        var matched = new ArgumentSyntax?[parameters.Length];
        var arguments = Syntax.ArgumentList.Arguments;
        var last = parameters.Length - 1;
        var hasParams = last >= 0 && parameters[last].IsParams;
        for (var i = 0; i < arguments.Count; i++)
        {
            var argument = arguments[i];
            var index = -1;
            if (argument.NameColon is { } nameColon)
            {
                index = IndexOf(nameColon.Name.Identifier.ValueText);
            }
            else if (i < last || (i == last && !hasParams))
            {
                index = i;
            }
            else if (hasParams && i >= last)
            {
                // The params parameter: several items are the expanded form; a single one may be the array itself.
                _paramsItems ??= new List<ExpressionSyntax>();
                _paramsItems.Add(Semantics.Unwrap(argument.Expression));
                matched[last] ??= argument;
                continue;
            }

            if (index >= 0)
            {
                matched[index] = argument;
            }
        }

        _paramsExpanded = _paramsItems is { Count: > 1 };
        _byParameter = matched;
        return matched;
    }
}
