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
    public IMethodSymbol? BuilderMethodOf(InvocationExpressionSyntax invocation, string name, INamedTypeSymbol builderType) =>
        SingleOverloadOf(invocation, name, builderType, isStatic: false) ?? MethodOf(invocation);

    /// <summary>
    /// Gets the method of a call on a type's name (<c>LoadTest.Create(...)</c>, <c>UserPool.Generate(...)</c>) when the
    /// receiver names <paramref name="type"/> and one of its public static overloads of that name fits the arguments (see
    /// <see cref="BuilderMethodOf"/>); the compiler is asked otherwise. Returns <see langword="null"/> when the receiver
    /// is a name that means something else.
    /// </summary>
    public IMethodSymbol? StaticMethodOf(InvocationExpressionSyntax invocation, INamedTypeSymbol type)
    {
        if (invocation.Expression is MemberAccessExpressionSyntax { Name: IdentifierNameSyntax name } member
            && member.IsKind(SyntaxKind.SimpleMemberAccessExpression)
            && ResolvedOnce(member.Expression) is { } receiver)
        {
            return SymbolEqualityComparer.Default.Equals(receiver, type)
                ? SingleOverloadOf(invocation, name.Identifier.ValueText, type, isStatic: true) ?? MethodOf(invocation)
                : null;
        }

        return MethodOf(invocation);
    }

    private static IMethodSymbol? SingleOverloadOf(InvocationExpressionSyntax invocation, string name, INamedTypeSymbol type, bool isStatic)
    {
        var arguments = invocation.ArgumentList;
        var count = arguments.Arguments.Count;
        IMethodSymbol? single = null;
        foreach (var overload in OverloadsOf(type, name))
        {
            // The overload's shape is read once per type, so most overloads are ruled out without the symbol API.
            if (overload.IsStatic == isStatic && overload.Allows(count) && overload.Accepts(arguments))
            {
                if (single is not null)
                {
                    return null;
                }

                single = overload.Method;
            }
        }

        return single;
    }

    // The public ordinary methods of each model type by name, generic ones left to the compiler; weak, so that a
    // compilation's symbols are not kept alive.
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<INamedTypeSymbol, Dictionary<string, Overload[]>> Overloads = new();

    private static Overload[] OverloadsOf(INamedTypeSymbol type, string name)
    {
        var byName = Overloads.GetValue(type, t =>
        {
            var methods = new Dictionary<string, Overload[]>(System.StringComparer.Ordinal);
            foreach (var memberName in t.MemberNames)
            {
                var overloads = new List<Overload>();
                foreach (var member in t.GetMembers(memberName))
                {
                    if (member is IMethodSymbol { DeclaredAccessibility: Accessibility.Public, MethodKind: MethodKind.Ordinary, IsGenericMethod: false } method)
                    {
                        overloads.Add(new Overload(method));
                    }
                }

                methods[memberName] = overloads.ToArray();
            }

            return methods;
        });
        return byName.TryGetValue(name, out var found) ? found : System.Array.Empty<Overload>();
    }

    // A method, the argument counts its parameter list allows, and what the syntax-only conversion test needs of each
    // parameter's type, read once per type: matching a call then asks the symbol API nothing.
    private sealed class Overload
    {
        private readonly int _required;
        private readonly bool _hasParams;
        private readonly string[] _names;
        private readonly TypeShape[] _shapes;

        public Overload(IMethodSymbol method)
        {
            Method = method;
            IsStatic = method.IsStatic;
            var parameters = method.Parameters;
            _names = new string[parameters.Length];
            _shapes = new TypeShape[parameters.Length];
            for (var i = 0; i < parameters.Length; i++)
            {
                var parameter = parameters[i];
                _names[i] = parameter.Name;
                // An argument in the params position is an item (a literal or a lambda is never the array itself).
                _shapes[i] = ShapeOf(parameter.IsParams && parameter.Type is IArrayTypeSymbol array ? array.ElementType : parameter.Type);
                if (!parameter.IsOptional && !parameter.IsParams)
                {
                    _required++;
                }
            }

            _hasParams = parameters.Length > 0 && parameters[parameters.Length - 1].IsParams;
        }

        public IMethodSymbol Method { get; }

        public bool IsStatic { get; }

        public bool Allows(int argumentCount) => argumentCount >= _required && (_hasParams || argumentCount <= _names.Length);

        // Whether an argument list, whose count the overload allows, fits its parameters by names and kinds of value.
        public bool Accepts(ArgumentListSyntax arguments)
        {
            var list = arguments.Arguments;
            for (var i = 0; i < list.Count; i++)
            {
                var argument = list[i];
                if (!argument.RefKindKeyword.IsKind(SyntaxKind.None))
                {
                    return false;
                }

                int index;
                if (argument.NameColon is { } nameColon)
                {
                    index = System.Array.IndexOf(_names, nameColon.Name.Identifier.ValueText);
                    if (index < 0)
                    {
                        return false;
                    }
                }
                else
                {
                    index = i < _names.Length ? i : _names.Length - 1;
                }

                if (!MayConvert(argument.Expression, _shapes[index]))
                {
                    return false;
                }
            }

            return true;
        }
    }

    // The kinds of parameter type MayConvert tells apart.
    [System.Flags]
    private enum TypeShape
    {
        None = 0,
        ValueType = 1,
        String = 2,
        Array = 4,
        Delegate = 8,
        Enum = 16,
        Number = 32,
    }

    private static TypeShape ShapeOf(ITypeSymbol type) =>
        (type.IsValueType ? TypeShape.ValueType : TypeShape.None)
        | (type.SpecialType == SpecialType.System_String ? TypeShape.String : TypeShape.None)
        | (type.TypeKind == TypeKind.Array ? TypeShape.Array : TypeShape.None)
        | (type.TypeKind == TypeKind.Delegate ? TypeShape.Delegate : TypeShape.None)
        | (type.TypeKind == TypeKind.Enum ? TypeShape.Enum : TypeShape.None)
        | (IsNumber(type) ? TypeShape.Number : TypeShape.None);

    // Whether an argument can convert to a parameter's type, judged from its syntax where the answer is certain (a lambda
    // never to a value type, a string or an array; a string literal never to a number, an enum or a delegate; a number
    // other than 0 never to a string, an enum or a delegate), and assumed otherwise. This tells ExpectStatus(201) from
    // ExpectStatus(HttpStatusCode.Created) and Get("/x", r => ...) from Get(baseUrl, "/x") without asking the compiler.
    private static bool MayConvert(ExpressionSyntax argument, TypeShape type)
    {
        var value = argument;
        while (value is ParenthesizedExpressionSyntax parenthesized)
        {
            value = parenthesized.Expression;
        }

        switch ((SyntaxKind)value.RawKind)
        {
            case SyntaxKind.SimpleLambdaExpression:
            case SyntaxKind.ParenthesizedLambdaExpression:
            case SyntaxKind.AnonymousMethodExpression:
                // A lambda also converts to object, Delegate and Expression by its natural type (C# 10).
                return (type & (TypeShape.ValueType | TypeShape.String | TypeShape.Array)) == 0;
            case SyntaxKind.StringLiteralExpression:
                return (type & (TypeShape.Delegate | TypeShape.Enum | TypeShape.Number)) == 0;
            case SyntaxKind.NumericLiteralExpression:
                return IsZero(((LiteralExpressionSyntax)value).Token.Value) || (type & (TypeShape.Delegate | TypeShape.Enum | TypeShape.String)) == 0;
            default:
                return true;
        }
    }

    // The constant 0 of any integral type also converts to every enum.
    private static bool IsZero(object? value) => value is 0 or 0L or 0U or 0UL;

    private static bool IsNumber(ITypeSymbol type) => type.SpecialType is SpecialType.System_SByte or SpecialType.System_Byte or SpecialType.System_Int16
        or SpecialType.System_UInt16 or SpecialType.System_Int32 or SpecialType.System_UInt32 or SpecialType.System_Int64 or SpecialType.System_UInt64
        or SpecialType.System_Single or SpecialType.System_Double or SpecialType.System_Decimal or SpecialType.System_Char;

    /// <summary>Gets the method an invocation binds to (the only candidate when the code does not compile), or <see langword="null"/>.</summary>
    public IMethodSymbol? MethodOf(InvocationExpressionSyntax invocation)
    {
        var info = Model.GetSymbolInfo(invocation, CancellationToken);
        return info.Symbol as IMethodSymbol ?? (info.CandidateSymbols.Length == 1 ? info.CandidateSymbols[0] as IMethodSymbol : null);
    }

    /// <summary>Gets the symbol an expression binds to, or <see langword="null"/>.</summary>
    public ISymbol? SymbolOf(ExpressionSyntax expression) =>
        NameKeyOf(expression) is { } key ? SymbolOfName(expression, key) : Model.GetSymbolInfo(expression, CancellationToken).Symbol;

    /// <summary>Gets the type of an expression before any conversion, or <see langword="null"/>.</summary>
    public ITypeSymbol? TypeOf(ExpressionSyntax expression)
    {
        // A name the tree resolves once (a field, a property, a type) has that symbol's type wherever it is written.
        if (ResolvedOnce(expression) is { } symbol)
        {
            switch (symbol)
            {
                case IFieldSymbol field:
                    return field.Type;
                case IPropertySymbol { IsIndexer: false } property:
                    return property.Type;
                case ITypeSymbol type:
                    return type;
            }
        }

        return Model.GetTypeInfo(expression, CancellationToken).Type;
    }

    private SyntaxIndex? _index;
    private Dictionary<SyntaxNode, FunctionLevel>? _levelsElsewhere;

    /// <summary>
    /// Gets or sets the one walk of the tree being read (see <see cref="SyntaxIndex"/>): the analyzer sets the one it
    /// made to find its candidates; otherwise the tree is walked when first needed.
    /// </summary>
    public SyntaxIndex Index
    {
        get => _index ??= SyntaxIndex.Of(Model.SyntaxTree.GetRoot(CancellationToken), CancellationToken);
        set => _index = value;
    }

    /// <summary>
    /// Gets the names that code in this tree declares for itself (parameters, locals, pattern and range variables, local
    /// functions, type parameters): any other name is resolved once per type declaration.
    /// </summary>
    public HashSet<string> LocalNames => Index.LocalNames;

    /// <summary>Gets the own level of an anonymous function (see <see cref="FunctionLevel"/>), from the tree's walk.</summary>
    public FunctionLevel LevelOf(AnonymousFunctionExpressionSyntax function)
    {
        if (function.SyntaxTree == Model.SyntaxTree && Index.LevelOf(function) is { } level)
        {
            return level;
        }

        // A function in another tree (a declaration the reader followed): walked by itself, once.
        _levelsElsewhere ??= new Dictionary<SyntaxNode, FunctionLevel>();
        if (!_levelsElsewhere.TryGetValue(function, out level))
        {
            level = SyntaxIndex.Of(function, CancellationToken).LevelOf(function)!;
            _levelsElsewhere[function] = level;
        }

        return level;
    }

    // What each name written in a type declaration binds to (Token, PoolSelection.UniquePerVu), asked once per type
    // declaration: a name no code in the tree declares locally means the same member or type everywhere in the
    // declaration (same containing types, same usings). A chain names the same few fields in every request, and each
    // question to the compiler first walks up to the member's bound tree.
    private readonly Dictionary<NameKey, ISymbol> _names = new();

    // The symbol of a name that means the same throughout its type declaration (and is remembered as such), or null
    // for any other expression: then what it means depends on where it is written.
    private ISymbol? ResolvedOnce(ExpressionSyntax expression) =>
        NameKeyOf(expression) is { } key && SymbolOfName(expression, key) is { } symbol && _names.ContainsKey(key) ? symbol : null;

    private ISymbol? SymbolOfName(ExpressionSyntax expression, NameKey key)
    {
        if (_names.TryGetValue(key, out var known))
        {
            return known;
        }

        var symbol = Model.GetSymbolInfo(expression, CancellationToken).Symbol;
        if (symbol is not null && MeansTheSameEverywhere(symbol, expression, key))
        {
            _names[key] = symbol;
        }

        return symbol;
    }

    // A name that is both a member and that member's type (Color Color) binds to one or the other depending on what is
    // accessed on it: such names, and anything that is not a member, type or namespace, are asked about every time.
    private bool MeansTheSameEverywhere(ISymbol symbol, ExpressionSyntax expression, NameKey key)
    {
        var name = expression is MemberAccessExpressionSyntax member ? member.Name.Identifier.ValueText : key.Text;
        switch (symbol)
        {
            case IFieldSymbol field:
                return field.Type.Name != name;
            case IPropertySymbol property:
                return !property.IsIndexer && property.Type.Name != name;
            case INamespaceSymbol:
                return true;
            case INamedTypeSymbol:
                return expression is MemberAccessExpressionSyntax || !ValueMemberInScope(name, key.Scope);
            default:
                return false;
        }
    }

    // Whether a field, property or event of this name is a member of an enclosing type (or one it inherits), which a
    // type of the same name would share its name with.
    private bool ValueMemberInScope(string name, SyntaxNode scope)
    {
        for (var type = Model.GetDeclaredSymbol(scope, CancellationToken) as INamedTypeSymbol; type is not null; type = type.ContainingType)
        {
            for (var current = type; current is not null; current = current.BaseType)
            {
                foreach (var member in current.GetMembers(name))
                {
                    if (member is IFieldSymbol or IPropertySymbol or IEventSymbol)
                    {
                        return true;
                    }
                }
            }
        }

        return false;
    }

    /// <summary>
    /// Gets the key of a name that means the same wherever its type declaration writes it: an identifier or a dotted name
    /// of identifiers (<c>PoolSelection.UniquePerVu</c>) used as a value, not called, starting with a name that no code in
    /// the tree declares locally; <see langword="null"/> for anything else.
    /// </summary>
    private NameKey? NameKeyOf(ExpressionSyntax expression)
    {
        if (!IsValueContext(expression))
        {
            return null;
        }

        string text;
        switch (expression)
        {
            case IdentifierNameSyntax identifier:
                text = identifier.Identifier.ValueText;
                if (LocalNames.Contains(text) || IsImplicitName(text))
                {
                    return null;
                }

                break;
            case MemberAccessExpressionSyntax member when member.IsKind(SyntaxKind.SimpleMemberAccessExpression) && member.Name is IdentifierNameSyntax:
                var builder = new System.Text.StringBuilder(member.Name.Identifier.ValueText);
                ExpressionSyntax current = member.Expression;
                while (current is MemberAccessExpressionSyntax inner && inner.IsKind(SyntaxKind.SimpleMemberAccessExpression) && inner.Name is IdentifierNameSyntax)
                {
                    builder.Insert(0, '.').Insert(0, inner.Name.Identifier.ValueText);
                    current = inner.Expression;
                }

                if (current is not IdentifierNameSyntax first || LocalNames.Contains(first.Identifier.ValueText) || IsImplicitName(first.Identifier.ValueText))
                {
                    return null;
                }

                // The leftmost name must itself mean the same everywhere (it is asked about once, and Color Color is
                // excluded there).
                if (NameKeyOf(first) is not { } firstKey)
                {
                    return null;
                }

                SymbolOfName(first, firstKey);
                if (!_names.ContainsKey(firstKey))
                {
                    return null;
                }

                text = builder.Insert(0, '.').Insert(0, first.Identifier.ValueText).ToString();
                break;
            default:
                return null;
        }

        // The innermost type declaration (tested by kind: this runs for every name the reader asks about).
        var scope = expression.Parent;
        while (scope is not null && !SyntaxFacts.IsTypeDeclaration((SyntaxKind)scope.RawKind))
        {
            scope = scope.Parent;
        }

        return scope is null ? null : new NameKey(scope, text);
    }

    // Names the compiler gives a meaning of its own in some places: a setter's value, a property's field, discards.
    private static bool IsImplicitName(string name) => name is "value" or "field" or "_";

    // Whether an expression is written where a value is read (an argument, a receiver, an operand), not where a type, a
    // called method or a member's name is expected.
    private static bool IsValueContext(ExpressionSyntax expression)
    {
        switch (expression.Parent)
        {
            case ArgumentSyntax argument:
                return argument.Expression == expression
                    && !(argument.Parent?.Parent is InvocationExpressionSyntax { Expression: IdentifierNameSyntax { Identifier.ValueText: "nameof" } });
            case MemberAccessExpressionSyntax member:
                return member.Expression == expression;
            case BinaryExpressionSyntax binary:
                return binary.Left == expression || !(binary.IsKind(SyntaxKind.IsExpression) || binary.IsKind(SyntaxKind.AsExpression));
            case CastExpressionSyntax cast:
                return cast.Expression == expression;
            case InterpolationSyntax:
            case ParenthesizedExpressionSyntax:
            case PrefixUnaryExpressionSyntax:
            case PostfixUnaryExpressionSyntax:
            case ConditionalExpressionSyntax:
            case AnonymousObjectMemberDeclaratorSyntax:
            case InitializerExpressionSyntax:
            case EqualsValueClauseSyntax:
            case ArrowExpressionClauseSyntax:
            case ReturnStatementSyntax:
            case ExpressionElementSyntax:
                return true;
            default:
                return false;
        }
    }

    private readonly struct NameKey : System.IEquatable<NameKey>
    {
        public NameKey(SyntaxNode scope, string text)
        {
            Scope = scope;
            Text = text;
        }

        public SyntaxNode Scope { get; }

        public string Text { get; }

        public bool Equals(NameKey other) => Scope == other.Scope && Text == other.Text;

        public override bool Equals(object? obj) => obj is NameKey other && Equals(other);

        public override int GetHashCode() => (Scope.GetHashCode() * 397) ^ System.StringComparer.Ordinal.GetHashCode(Text);
    }

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

        // A name resolved once for the tree: a constant field's value, and no value for any other member or type.
        if (ResolvedOnce(value) is { } symbol)
        {
            return symbol is IFieldSymbol { HasConstantValue: true } constant ? new Optional<object?>(constant.ConstantValue) : default;
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

    /// <summary>Gets whether a local or parameter can be named at a node of the tree being read (the name binds to it there).</summary>
    public bool IsInScopeAt(ISymbol symbol, SyntaxNode node)
    {
        if (node.SyntaxTree != Model.SyntaxTree)
        {
            return false;
        }

        foreach (var found in Model.LookupSymbols(node.SpanStart, name: symbol.Name))
        {
            if (SymbolEqualityComparer.Default.Equals(found, symbol))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Skips parentheses and casts, as the compiler's conversions would (<c>(object)x</c> is still <c>x</c>).</summary>
    public static ExpressionSyntax Unwrap(ExpressionSyntax expression)
    {
        // Tested by kind, not type: this runs for nearly every expression the reader looks at.
        var current = expression;
        while (true)
        {
            switch ((SyntaxKind)current.RawKind)
            {
                case SyntaxKind.ParenthesizedExpression:
                    current = ((ParenthesizedExpressionSyntax)current).Expression;
                    break;
                case SyntaxKind.CastExpression:
                    current = ((CastExpressionSyntax)current).Expression;
                    break;
                case SyntaxKind.SuppressNullableWarningExpression:
                    current = ((PostfixUnaryExpressionSyntax)current).Operand;
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
        while (parent?.RawKind is (int)SyntaxKind.ParenthesizedExpression or (int)SyntaxKind.CastExpression or (int)SyntaxKind.SuppressNullableWarningExpression)
        {
            parent = parent.Parent;
        }

        return parent;
    }
}
