using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace K6Scenarios.Analyzers.Infrastructure;

/// <summary>
/// What one walk of a syntax tree's nodes finds for the reader: every invocation (the candidates for a chain), the
/// names the tree declares locally (<see cref="Semantics.LocalNames"/>), and for each anonymous function the nodes of
/// its own level that reading its builder calls needs (<see cref="FunctionLevel"/>). Reading a configuration lambda is
/// then a look-up, not a second walk of its body; the walk tests each node's kind, not its type, because in a fresh
/// compiler process this code runs unoptimized and a type test is a call per candidate type.
/// </summary>
internal sealed class SyntaxIndex
{
    // MethodImplOptions.AggressiveOptimization, which netstandard2.0 does not name: the walk's per-node methods are
    // compiled optimized at their first call. They run for every node of every tree, and a fresh compiler process would
    // otherwise run them as unoptimized code for most of the compile (bench/README.md section 2).
    internal const MethodImplOptions OptimizedAtOnce = (MethodImplOptions)512;

    private readonly Dictionary<SyntaxNode, FunctionLevel> _levels = new();

    private readonly int _maxRecursionDepth;

    private SyntaxIndex(int maxRecursionDepth)
    {
        _maxRecursionDepth = maxRecursionDepth;
    }

    /// <summary>Gets the invocations of the walked syntax, in document order.</summary>
    public List<InvocationExpressionSyntax> Invocations { get; } = new();

    /// <summary>Gets the names declared locally in the walked syntax (parameters, locals, range variables, ...).</summary>
    public HashSet<string> LocalNames { get; } = new(System.StringComparer.Ordinal);

    /// <summary>Walks <paramref name="root"/> and its descendants once.</summary>
    public static SyntaxIndex Of(SyntaxNode root, CancellationToken cancellationToken) => Of(root, MaxRecursionDepth, cancellationToken);

    /// <summary>Walks <paramref name="root"/> recursing at most <paramref name="maxRecursionDepth"/> deep (tests compare the two walks).</summary>
    internal static SyntaxIndex Of(SyntaxNode root, int maxRecursionDepth, CancellationToken cancellationToken)
    {
        var index = new SyntaxIndex(maxRecursionDepth);
        index.Walk(root, cancellationToken);
        return index;
    }

    /// <summary>Gets the own level of an anonymous function of the walked syntax, or <see langword="null"/> for one outside it.</summary>
    public FunctionLevel? LevelOf(AnonymousFunctionExpressionSyntax function) => _levels.TryGetValue(function, out var level) ? level : null;

    // How deep the walk recurses before it walks a subtree without recursion: a chain of binary operators nests as deep
    // as it is long, and a thousand frames of Visit stay far inside any thread's stack.
    private const int MaxRecursionDepth = 1000;

    private void Walk(SyntaxNode root, CancellationToken cancellationToken)
    {
        // The anonymous functions around the current node, innermost last.
        var open = new List<FunctionLevel>();
        var visited = 0;
        Visit(root, open, 0, ref visited, cancellationToken);
    }

    // Recursion over the child nodes: a fifth cheaper than Roslyn's DescendantNodes iterator, which is most of the walk's
    // cost (bench/README.md section 2), and the enclosing functions are known from the call stack rather than from positions.
    [MethodImpl(SyntaxIndex.OptimizedAtOnce)]
    private void Visit(SyntaxNode node, List<FunctionLevel> open, int depth, ref int visited, CancellationToken cancellationToken)
    {
        if ((++visited & 0xFFF) == 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
        }

        var level = Index(node, open);
        if (level is not null)
        {
            open.Add(level);
        }

        VisitChildren(node, open, depth + 1, ref visited, cancellationToken);

        if (level is not null)
        {
            open.RemoveAt(open.Count - 1);
        }
    }

    // The child nodes in document order. The kinds a fluent chain is made of are read through their typed children:
    // ChildNodesAndTokens also yields every token and finds each child by adding up the widths of the slots before it,
    // which was two fifths of the walk (bench/README.md section 2). Names in `name:` and `name =` are not references,
    // so those parts are not entered at all.
    [MethodImpl(SyntaxIndex.OptimizedAtOnce)]
    private void VisitChildren(SyntaxNode node, List<FunctionLevel> open, int depth, ref int visited, CancellationToken cancellationToken)
    {
        switch ((SyntaxKind)node.RawKind)
        {
            case SyntaxKind.IdentifierName:
            case SyntaxKind.StringLiteralExpression:
            case SyntaxKind.NumericLiteralExpression:
            case SyntaxKind.TrueLiteralExpression:
            case SyntaxKind.FalseLiteralExpression:
            case SyntaxKind.NullLiteralExpression:
            case SyntaxKind.PredefinedType:
                // Tokens only.
                return;
            case SyntaxKind.InvocationExpression:
                var invocation = (InvocationExpressionSyntax)node;
                VisitChild(invocation.Expression, open, depth, ref visited, cancellationToken);
                VisitChild(invocation.ArgumentList, open, depth, ref visited, cancellationToken);
                return;
            case SyntaxKind.SimpleMemberAccessExpression:
                var access = (MemberAccessExpressionSyntax)node;
                VisitChild(access.Expression, open, depth, ref visited, cancellationToken);
                VisitChild(access.Name, open, depth, ref visited, cancellationToken);
                return;
            case SyntaxKind.ArgumentList:
                VisitEach(((ArgumentListSyntax)node).Arguments, open, depth, ref visited, cancellationToken);
                return;
            case SyntaxKind.Argument:
                VisitChild(((ArgumentSyntax)node).Expression, open, depth, ref visited, cancellationToken);
                return;
            case SyntaxKind.AnonymousObjectCreationExpression:
                VisitEach(((AnonymousObjectCreationExpressionSyntax)node).Initializers, open, depth, ref visited, cancellationToken);
                return;
            case SyntaxKind.AnonymousObjectMemberDeclarator:
                VisitChild(((AnonymousObjectMemberDeclaratorSyntax)node).Expression, open, depth, ref visited, cancellationToken);
                return;
            case SyntaxKind.SimpleLambdaExpression when ((SimpleLambdaExpressionSyntax)node).AttributeLists.Count == 0:
                var lambda = (SimpleLambdaExpressionSyntax)node;
                VisitChild(lambda.Parameter, open, depth, ref visited, cancellationToken);
                VisitChild(lambda.Block, open, depth, ref visited, cancellationToken);
                VisitChild(lambda.ExpressionBody, open, depth, ref visited, cancellationToken);
                return;
        }

        foreach (var child in node.ChildNodesAndTokens())
        {
            VisitChild(child.AsNode(), open, depth, ref visited, cancellationToken);
        }
    }

    // The items of a separated list by index (each a cached child), without its separators.
    [MethodImpl(SyntaxIndex.OptimizedAtOnce)]
    private void VisitEach<TNode>(SeparatedSyntaxList<TNode> items, List<FunctionLevel> open, int depth, ref int visited, CancellationToken cancellationToken)
        where TNode : SyntaxNode
    {
        for (var i = 0; i < items.Count; i++)
        {
            VisitChild(items[i], open, depth, ref visited, cancellationToken);
        }
    }

    [MethodImpl(SyntaxIndex.OptimizedAtOnce)]
    private void VisitChild(SyntaxNode? child, List<FunctionLevel> open, int depth, ref int visited, CancellationToken cancellationToken)
    {
        if (child is null)
        {
            return;
        }

        if (depth <= _maxRecursionDepth)
        {
            Visit(child, open, depth, ref visited, cancellationToken);
        }
        else
        {
            WalkWithoutRecursion(child, open, ref visited, cancellationToken);
        }
    }

    // The same walk of a deep subtree in document order, without recursion: a function on the stack encloses a node exactly
    // when the node starts before the function's end. The functions open when it starts (below `outer`) stay open.
    [MethodImpl(SyntaxIndex.OptimizedAtOnce)]
    private void WalkWithoutRecursion(SyntaxNode subtree, List<FunctionLevel> open, ref int visited, CancellationToken cancellationToken)
    {
        var outer = open.Count;
        foreach (var node in subtree.DescendantNodesAndSelf())
        {
            if ((++visited & 0xFFF) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            var position = node.FullSpan.Start;
            while (open.Count > outer && !open[open.Count - 1].Encloses(node, position))
            {
                open.RemoveAt(open.Count - 1);
            }

            if (Index(node, open) is { } level)
            {
                open.Add(level);
            }
        }

        open.RemoveRange(outer, open.Count - outer);
    }

    // Records what one node is for the reader; returns the level of an anonymous function, which encloses its descendants.
    [MethodImpl(SyntaxIndex.OptimizedAtOnce)]
    private FunctionLevel? Index(SyntaxNode node, List<FunctionLevel> open)
    {
        var owner = open.Count > 0 ? open[open.Count - 1] : null;
        switch ((SyntaxKind)node.RawKind)
        {
            case SyntaxKind.InvocationExpression:
                var invocation = (InvocationExpressionSyntax)node;
                Invocations.Add(invocation);
                if (owner is not null && owner.InBody(node.FullSpan.Start)
                    && invocation.Expression.RawKind is (int)SyntaxKind.SimpleMemberAccessExpression or (int)SyntaxKind.PointerMemberAccessExpression)
                {
                    owner.Nodes.Add(invocation);
                }

                return null;
            case SyntaxKind.IdentifierName:
                if (owner is not null)
                {
                    AddReference((IdentifierNameSyntax)node, node.FullSpan.Start, open);
                }

                return null;
            case SyntaxKind.SimpleLambdaExpression:
            case SyntaxKind.ParenthesizedLambdaExpression:
            case SyntaxKind.AnonymousMethodExpression:
                var function = (AnonymousFunctionExpressionSyntax)node;
                if (owner is not null && owner.InBody(node.FullSpan.Start))
                {
                    owner.Nodes.Add(function);
                }

                var level = new FunctionLevel(function);
                _levels[function] = level;
                return level;
            default:
                AddLocalName(node);
                return null;
        }
    }

    // A name that is the single parameter of an enclosing lambda: a reference at that lambda's own level, or a mention
    // inside one of its nested functions (which the reader cannot follow unless the name means something else there).
    [MethodImpl(SyntaxIndex.OptimizedAtOnce)]
    private static void AddReference(IdentifierNameSyntax identifier, int position, List<FunctionLevel> open)
    {
        var text = identifier.Identifier.ValueText;
        for (var depth = open.Count - 1; depth >= 0; depth--)
        {
            var level = open[depth];
            if (level.Parameter != text || IsNameOnly(identifier))
            {
                continue;
            }

            if (depth == open.Count - 1)
            {
                if (level.InBody(position))
                {
                    level.Nodes.Add(identifier);
                }
            }
            else
            {
                (level.NestedReferences ??= new List<IdentifierNameSyntax>()).Add(identifier);
            }
        }
    }

    /// <summary>
    /// Gets whether an identifier names a member or an argument (<c>x.r</c>, <c>r: 1</c>, <c>new { r = 1 }</c>) rather than
    /// referring to a variable.
    /// </summary>
    public static bool IsNameOnly(IdentifierNameSyntax identifier)
    {
        var parent = identifier.Parent;
        switch ((SyntaxKind)(parent?.RawKind ?? 0))
        {
            case SyntaxKind.SimpleMemberAccessExpression:
            case SyntaxKind.PointerMemberAccessExpression:
                return ((MemberAccessExpressionSyntax)parent!).Name == identifier;
            case SyntaxKind.MemberBindingExpression:
            case SyntaxKind.NameColon:
            case SyntaxKind.NameEquals:
                return true;
            default:
                return false;
        }
    }

    // The name a node declares for code inside a member: parameters (of methods, lambdas, local functions and primary
    // constructors), locals and constants, pattern, out and deconstruction variables, loop and catch variables, local
    // functions, type parameters and query range variables. Fields, properties and other members are not local: they
    // are what a name resolved once per type declaration may be.
    [MethodImpl(SyntaxIndex.OptimizedAtOnce)]
    private void AddLocalName(SyntaxNode node)
    {
        var identifier = (SyntaxKind)node.RawKind switch
        {
            SyntaxKind.Parameter => ((ParameterSyntax)node).Identifier,
            SyntaxKind.TypeParameter => ((TypeParameterSyntax)node).Identifier,
            SyntaxKind.VariableDeclarator when node.Parent?.Parent?.RawKind is not ((int)SyntaxKind.FieldDeclaration or (int)SyntaxKind.EventFieldDeclaration) =>
                ((VariableDeclaratorSyntax)node).Identifier,
            SyntaxKind.SingleVariableDesignation => ((SingleVariableDesignationSyntax)node).Identifier,
            SyntaxKind.ForEachStatement => ((ForEachStatementSyntax)node).Identifier,
            SyntaxKind.CatchDeclaration => ((CatchDeclarationSyntax)node).Identifier,
            SyntaxKind.LocalFunctionStatement => ((LocalFunctionStatementSyntax)node).Identifier,
            SyntaxKind.FromClause => ((FromClauseSyntax)node).Identifier,
            SyntaxKind.LetClause => ((LetClauseSyntax)node).Identifier,
            SyntaxKind.JoinClause => ((JoinClauseSyntax)node).Identifier,
            SyntaxKind.JoinIntoClause => ((JoinIntoClauseSyntax)node).Identifier,
            SyntaxKind.QueryContinuation => ((QueryContinuationSyntax)node).Identifier,
            _ => default,
        };
        if (identifier.RawKind != 0)
        {
            LocalNames.Add(identifier.ValueText);
        }
    }
}

/// <summary>
/// The own level of an anonymous function: the nodes of its body that are not inside a nested anonymous function, as far
/// as reading its builder calls needs them.
/// </summary>
internal sealed class FunctionLevel
{
    private readonly int _bodyStart;
    private readonly int _end;

    /// <summary>Initializes the level of <paramref name="function"/>.</summary>
    public FunctionLevel(AnonymousFunctionExpressionSyntax function)
    {
        Function = function;
        Parameter = SingleParameterName(function);
        // A body is always there in parsed code (a missing node in unfinished code); a hand-made node may lack one.
        _bodyStart = function.Body is { } body ? body.FullSpan.Start : function.FullSpan.End;
        _end = function.FullSpan.End;
    }

    /// <summary>Gets the name of a lambda's single parameter, or <see langword="null"/> (several parameters, an anonymous method).</summary>
    public static string? SingleParameterName(AnonymousFunctionExpressionSyntax function) => function switch
    {
        SimpleLambdaExpressionSyntax simple => simple.Parameter.Identifier.ValueText,
        ParenthesizedLambdaExpressionSyntax { ParameterList.Parameters.Count: 1 } parenthesized => parenthesized.ParameterList.Parameters[0].Identifier.ValueText,
        _ => null,
    };

    /// <summary>Gets the anonymous function.</summary>
    public AnonymousFunctionExpressionSyntax Function { get; }

    /// <summary>Gets the name of its single parameter, or <see langword="null"/>.</summary>
    public string? Parameter { get; }

    /// <summary>
    /// Gets the nodes of its own level, in document order: references to its parameter (<see cref="IdentifierNameSyntax"/>,
    /// not names of members or arguments), invocations of a member access, and the anonymous functions nested directly in it.
    /// </summary>
    public List<SyntaxNode> Nodes { get; } = new();

    /// <summary>Gets the names like its parameter written inside its nested functions, or <see langword="null"/> if there are none.</summary>
    public List<IdentifierNameSyntax>? NestedReferences { get; set; }

    /// <summary>Gets whether a position lies in the function's body (not its parameter list or return type).</summary>
    [MethodImpl(SyntaxIndex.OptimizedAtOnce)]
    public bool InBody(int position) => position >= _bodyStart;

    /// <summary>Gets whether the function encloses a node that the walk reaches after it.</summary>
    [MethodImpl(SyntaxIndex.OptimizedAtOnce)]
    public bool Encloses(SyntaxNode node, int position) =>
        position < _end
        // An empty node (a missing name in unfinished code) can start at the function's very end and still be inside it.
        || (position == _end && node.FullSpan.Length == 0 && IsAncestorOf(node));

    private bool IsAncestorOf(SyntaxNode node)
    {
        for (var current = node.Parent; current is not null; current = current.Parent)
        {
            if (current == Function)
            {
                return true;
            }
        }

        return false;
    }
}
