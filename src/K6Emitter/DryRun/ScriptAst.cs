using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Acornima.Ast;

namespace K6Scenarios.Emitter.DryRun;

/// <summary>
/// What the validator reads from the parsed script without running it: the module imports, and where a value of the
/// <c>options</c> literal is written, so that a problem in the evaluated options points at its line.
/// </summary>
internal sealed class ScriptAst
{
    private readonly Acornima.Ast.Program _program;
    private Dictionary<string, Node>? _topLevelConstants;
    private List<string>? _literalTexts;

    public ScriptAst(Acornima.Ast.Program program) => _program = program;

    /// <summary>An import of a module, with the names taken from it and where it is written.</summary>
    public readonly record struct ModuleImport(string Specifier, IReadOnlyList<(string Name, Node Node)> Names, Node Node);

    /// <summary>
    /// Gets the text of every string literal and template-literal piece the script writes, so that a value can be told
    /// apart from one built from a missing value: <c>'null'</c> written as such is a literal, <c>`Bearer ${token}`</c>
    /// that reads <c>Bearer undefined</c> is not.
    /// </summary>
    public IReadOnlyList<string> LiteralTexts()
    {
        if (_literalTexts is not null)
        {
            return _literalTexts;
        }

        var texts = new List<string>();
        var pending = new Stack<Node>();
        pending.Push(_program);
        while (pending.Count > 0)
        {
            var node = pending.Pop();
            switch (node)
            {
                case StringLiteral literal:
                    texts.Add(literal.Value);
                    break;
                case TemplateElement element when element.Value.Cooked is { } cooked:
                    texts.Add(cooked);
                    break;
            }

            foreach (var child in node.ChildNodes)
            {
                pending.Push(child);
            }
        }

        return _literalTexts = texts;
    }

    /// <summary>Gets the static imports and re-exports of the script, in source order.</summary>
    public IEnumerable<ModuleImport> Imports()
    {
        foreach (var statement in _program.Body)
        {
            switch (statement)
            {
                case ImportDeclaration import:
                    var names = new List<(string, Node)>();
                    foreach (var specifier in import.Specifiers)
                    {
                        switch (specifier)
                        {
                            case ImportSpecifier named:
                                names.Add((NameOf(named.Imported), named));
                                break;
                            case ImportDefaultSpecifier:
                                names.Add(("default", specifier));
                                break;
                            case ImportNamespaceSpecifier:
                                names.Add(("*", specifier));
                                break;
                        }
                    }

                    yield return new(import.Source.Value, names, import);
                    break;
                case ExportNamedDeclaration { Source: { } source } reexport:
                    var reexported = new List<(string, Node)>();
                    foreach (var specifier in reexport.Specifiers)
                    {
                        reexported.Add((NameOf(specifier.Local), specifier));
                    }

                    yield return new(source.Value, reexported, reexport);
                    break;
                case ExportAllDeclaration all:
                    yield return new(all.Source.Value, [("*", all)], all);
                    break;
            }
        }
    }

    /// <summary>Finds where the value at a path inside the <c>options</c> export is written (the nearest written ancestor).</summary>
    /// <param name="path">Property names from the options object down; array indexes as numbers.</param>
    public (int Line, int Column)? LocateOption(IReadOnlyList<string> path)
    {
        var declaration = FindOptionsDeclaration();
        if (declaration is null)
        {
            return null;
        }

        Node located = declaration;
        Node? value = Resolve(declaration.Init);
        foreach (var segment in path)
        {
            Node? next = null;
            switch (value)
            {
                case ObjectExpression obj:
                    foreach (var member in obj.Properties)
                    {
                        if (member is Property { Computed: false } property && KeyOf(property.Key) == segment)
                        {
                            located = property;
                            next = property.Value;
                        }
                    }

                    break;
                case ArrayExpression array when int.TryParse(segment, NumberStyles.None, CultureInfo.InvariantCulture, out var index)
                                                && index < array.Elements.Count && array.Elements[index] is { } element:
                    located = element;
                    next = element;
                    break;
            }

            if (next is null)
            {
                break;
            }

            value = Resolve(next);
        }

        return (located.Location.Start.Line, located.Location.Start.Column + 1);
    }

    /// <summary>Finds where an exported function is declared (<c>export function name</c> or <c>export const name = ...</c>).</summary>
    public (int Line, int Column)? LocateFunction(string name)
    {
        foreach (var statement in _program.Body)
        {
            Node? found = statement switch
            {
                ExportNamedDeclaration { Declaration: FunctionDeclaration { Id.Name: var id } } when id == name => statement,
                ExportNamedDeclaration { Declaration: VariableDeclaration variables } =>
                    variables.Declarations.FirstOrDefault(d => d.Id is Identifier identifier && identifier.Name == name),
                FunctionDeclaration { Id.Name: var id } when id == name => statement,
                _ => null,
            };
            if (found is not null)
            {
                return (found.Location.Start.Line, found.Location.Start.Column + 1);
            }
        }

        return null;
    }

    /// <summary>The name an import or export specifier names (an identifier, or a string such as <c>'a-b'</c>).</summary>
    public static string NameOf(Expression expression) => expression switch
    {
        Identifier identifier => identifier.Name,
        StringLiteral literal => literal.Value,
        _ => expression.ToString() ?? string.Empty,
    };

    private static string? KeyOf(Node key) => key switch
    {
        Identifier identifier => identifier.Name,
        StringLiteral literal => literal.Value,
        NumericLiteral number => number.Value.ToString(CultureInfo.InvariantCulture),
        _ => null,
    };

    private VariableDeclarator? FindOptionsDeclaration()
    {
        var exportedLocalName = "options";
        foreach (var statement in _program.Body)
        {
            switch (statement)
            {
                case ExportNamedDeclaration { Declaration: VariableDeclaration exported }:
                    foreach (var declarator in exported.Declarations)
                    {
                        if (declarator.Id is Identifier { Name: "options" })
                        {
                            return declarator;
                        }
                    }

                    break;
                case ExportNamedDeclaration { Source: null } list:
                    foreach (var specifier in list.Specifiers)
                    {
                        if (NameOf(specifier.Exported) == "options")
                        {
                            exportedLocalName = NameOf(specifier.Local);
                        }
                    }

                    break;
            }
        }

        return TopLevelConstants().TryGetValue(exportedLocalName, out var node) ? node as VariableDeclarator : null;
    }

    // Follows `scenarios: { signin: signinScenario }` to `const signinScenario = { ... }`.
    private Node? Resolve(Node? node)
    {
        for (var hops = 0; node is Identifier identifier && hops < 8; hops++)
        {
            node = TopLevelConstants().TryGetValue(identifier.Name, out var declarator) ? ((VariableDeclarator)declarator).Init : null;
        }

        return node;
    }

    private Dictionary<string, Node> TopLevelConstants()
    {
        if (_topLevelConstants is not null)
        {
            return _topLevelConstants;
        }

        _topLevelConstants = new Dictionary<string, Node>(StringComparer.Ordinal);
        foreach (var statement in _program.Body)
        {
            var declaration = statement switch
            {
                VariableDeclaration variables => variables,
                ExportNamedDeclaration { Declaration: VariableDeclaration exported } => exported,
                _ => null,
            };
            if (declaration is null)
            {
                continue;
            }

            foreach (var declarator in declaration.Declarations)
            {
                if (declarator.Id is Identifier identifier)
                {
                    _topLevelConstants.TryAdd(identifier.Name, declarator);
                }
            }
        }

        return _topLevelConstants;
    }
}
