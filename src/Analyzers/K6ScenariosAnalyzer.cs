using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using K6Scenarios.Analyzers.Infrastructure;
using K6Scenarios.Analyzers.OpenApiSupport;
using K6Scenarios.Analyzers.Reading;
using K6Scenarios.Diagnostics;
using K6Scenarios.OpenApi;
using K6Scenarios.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace K6Scenarios.Analyzers;

/// <summary>
/// The one K6Scenarios analyzer: each <c>LoadTest.Create(...)</c> chain, each builder fragment outside a chain, and each
/// pool and custom metric declaration is read once into the rule core's facts, and every rule runs on them. The rules
/// are the ones model validation runs at emit time (src/Rules); this class only reads and reports.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class K6ScenariosAnalyzer : K6DiagnosticAnalyzer
{
    // Each text is read once per compilation, and each content once per process (OpenApiReadCache).
    private static readonly SourceTextValueProvider<OpenApiReadResult> DocumentReader = new(OpenApiReadCache.Shared.Read);

    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => Descriptors.All;

    private protected override void OnCompilationStart(CompilationStartAnalysisContext context, ModelSymbols symbols)
    {
        var poolFiles = PoolDataFiles.Create(context.Options.AdditionalFiles, text => context.TryGetValue(text, PoolDataFiles.EntryCounter, out var count) ? count : null);
        var loaded = OpenApiDocumentSet.Load(context.Options, text => context.TryGetValue(text, DocumentReader, out var result) ? result : null, context.CancellationToken);
        var documents = loaded.Documents.Count == 0 ? null : new ApiDocuments(loaded.Documents.Select(d => new ApiDocument(d.File.Path, d.Result, d.BaseUrlVariable, d)).ToArray());
        var options = context.Options;

        // A fragment's top is a method of one of these builders: other calls on a name (Users.Field, TimeSpan.FromSeconds)
        // are not asked about at all.
        var fragmentMethods = new HashSet<string>(
            new[] { symbols.ScenarioBuilder, symbols.FlowBuilder, symbols.RequestBuilder }.SelectMany(t => t?.MemberNames ?? Enumerable.Empty<string>()),
            System.StringComparer.Ordinal);

        // One walk of each tree's syntax picks the candidates from the invoked names alone: most invocations of a
        // compilation are not ours, and the per-node callbacks of a syntax-node action cost more than the walk. Only the
        // candidates are asked about, and only through look-ups in the bound tree, never operation trees.
        context.RegisterSemanticModelAction(modelContext => Guarded(
            modelContext.ReportDiagnostic,
            Location.None,
            nameof(K6ScenariosAnalyzer),
            () => AnalyzeTree(modelContext, symbols, poolFiles, documents, options, fragmentMethods)));
        if (documents is not null)
        {
            context.RegisterCompilationEndAction(end => Guarded(
                end.ReportDiagnostic,
                Location.None,
                nameof(K6ScenariosAnalyzer),
                () => RuleEngine.CheckDocuments(new RuleSettings { Documents = documents }, new Sink(end.ReportDiagnostic))));
        }
    }

    private static void AnalyzeTree(SemanticModelAnalysisContext context, ModelSymbols symbols, PoolDataFiles poolFiles, ApiDocuments? documents, AnalyzerOptions options, HashSet<string> fragmentMethods)
    {
        var root = context.SemanticModel.SyntaxTree.GetRoot(context.CancellationToken);
        var semantics = new Semantics(context.SemanticModel, symbols, context.CancellationToken);
        var sink = new Sink(context.ReportDiagnostic);
        RuleSettings? settings = null;

        // The one walk of the tree also collects the names it declares locally (so that the reader resolves every other
        // name once per type declaration) and each lambda's own level (so that reading a lambda is not a walk of it).
        var index = SyntaxIndex.Of(root, context.CancellationToken);
        semantics.Index = index;
        var candidates = new List<(Candidate Kind, InvocationExpressionSyntax Target, InvocationExpressionSyntax Top)>();
        foreach (var syntax in index.Invocations)
        {
            var (kind, target) = CandidateOf(syntax);
            if (kind == Candidate.None || (kind == Candidate.Fragment && !fragmentMethods.Contains(InvokedName(target) ?? string.Empty)))
            {
                continue;
            }

            candidates.Add((kind, target, syntax));
        }

        foreach (var (kind, target, top) in candidates)
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            Guarded(
                context.ReportDiagnostic,
                top.GetLocation(),
                nameof(K6ScenariosAnalyzer),
                () => Analyze(kind, target, semantics, poolFiles, settings ??= Settings(options, root, documents), sink));
        }
    }

    private static void Analyze(Candidate kind, InvocationExpressionSyntax target, Semantics semantics, PoolDataFiles poolFiles, RuleSettings settings, Sink sink)
    {
        var symbols = semantics.Symbols;
        var method = kind switch
        {
            Candidate.Create => semantics.StaticMethodOf(target, symbols.LoadTest),
            Candidate.Pool when symbols.UserPool is { } pool => semantics.StaticMethodOf(target, pool),
            Candidate.Metric when symbols.CustomMetric is { } metric => semantics.StaticMethodOf(target, metric),
            _ => semantics.MethodOf(target),
        };
        if (method is null)
        {
            return;
        }

        var call = new Call(target, method);
        var type = method.ContainingType;
        switch (kind)
        {
            case Candidate.Create when method.IsStatic && SymbolEqualityComparer.Default.Equals(type, symbols.LoadTest):
                // Analyzed at the top of the chain, so every finding lies inside the chain.
                RuleEngine.CheckTest(new FactReader(semantics, poolFiles).ReadChain(call), settings, sink);
                break;
            case Candidate.Pool when method.IsStatic && SymbolEqualityComparer.Default.Equals(type, symbols.UserPool):
                RuleEngine.CheckPool(new FactReader(semantics, poolFiles).ReadPoolDeclaration(call), settings, sink);
                break;
            case Candidate.Metric when method.IsStatic && SymbolEqualityComparer.Default.Equals(type, symbols.CustomMetric):
                RuleEngine.CheckMetricDeclaration(new FactReader(semantics, poolFiles).ReadMetricDeclaration(call), settings, sink);
                break;
            case Candidate.Fragment when !method.IsStatic && type is not null && IsFragmentBuilder(type, symbols) && IsFragmentTop(call, semantics):
                if (new FactReader(semantics, poolFiles).ReadFragment(call) is { } fragment)
                {
                    RuleEngine.CheckTest(fragment, settings, sink);
                }

                break;
        }
    }

    /// <summary>What an invocation may be, judged from its syntax alone.</summary>
    private enum Candidate
    {
        None,
        Create,
        Pool,
        Metric,
        Fragment,
    }

    private static string? InvokedName(InvocationExpressionSyntax syntax) => syntax.Expression switch
    {
        MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
        IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
        _ => null,
    };

    /// <summary>
    /// Judges an invocation from its syntax: a pool or metric factory; the top of a fluent chain that starts with
    /// <c>Create(...)</c> (the chain is read from its top, so findings fall inside the analyzed node); or the top of a
    /// fragment, a chain on a name (a helper's parameter or a local) that no enclosing chain reads.
    /// </summary>
    private static (Candidate Kind, InvocationExpressionSyntax Target) CandidateOf(InvocationExpressionSyntax syntax)
    {
        var name = InvokedName(syntax);
        switch (name)
        {
            case null:
                return (Candidate.None, syntax);
            case "Generate" or "FromJsonFile" or "FromCsvFile":
                return (Candidate.Pool, syntax);
            case "Counter" or "Gauge" or "Rate" or "Trend":
                return (Candidate.Metric, syntax);
        }

        // Only the top of a chain: nothing is called on its result.
        if (syntax.Parent is MemberAccessExpressionSyntax { Parent: InvocationExpressionSyntax } access && access.Expression == syntax)
        {
            return (Candidate.None, syntax);
        }

        var innermost = syntax;
        ExpressionSyntax receiver = syntax;
        while (receiver is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax member } call)
        {
            innermost = call;
            receiver = member.Expression;
        }

        if (InvokedName(innermost) == "Create")
        {
            return (Candidate.Create, innermost);
        }

        return receiver is IdentifierNameSyntax identifier && syntax.Expression is MemberAccessExpressionSyntax && !IsBuilderLambdaParameter(identifier)
            ? (Candidate.Fragment, syntax)
            : (Candidate.None, syntax);
    }

    /// <summary>Gets whether a name is the parameter of a lambda passed to a method named like one of our builder methods.</summary>
    private static bool IsBuilderLambdaParameter(IdentifierNameSyntax identifier)
    {
        var name = identifier.Identifier.ValueText;
        for (SyntaxNode? node = identifier.Parent; node is not null; node = node.Parent)
        {
            // Tested by kind: this runs up from every chain's receiver.
            string? parameter;
            switch ((SyntaxKind)node.RawKind)
            {
                case SyntaxKind.SimpleLambdaExpression:
                    parameter = ((SimpleLambdaExpressionSyntax)node).Parameter.Identifier.ValueText;
                    break;
                case SyntaxKind.ParenthesizedLambdaExpression when ((ParenthesizedLambdaExpressionSyntax)node).ParameterList.Parameters is { Count: 1 } parameters:
                    parameter = parameters[0].Identifier.ValueText;
                    break;
                case SyntaxKind.LocalFunctionStatement:
                case SyntaxKind.MethodDeclaration:
                case SyntaxKind.ConstructorDeclaration:
                case SyntaxKind.DestructorDeclaration:
                case SyntaxKind.OperatorDeclaration:
                case SyntaxKind.ConversionOperatorDeclaration:
                case SyntaxKind.PropertyDeclaration:
                case SyntaxKind.IndexerDeclaration:
                case SyntaxKind.EventDeclaration:
                case SyntaxKind.FieldDeclaration:
                case SyntaxKind.EventFieldDeclaration:
                case SyntaxKind.EnumMemberDeclaration:
                case SyntaxKind.GlobalStatement:
                case SyntaxKind.IncompleteMember:
                    // A member's (or a local function's) own parameters: no builder lambda around the name counts.
                    return false;
                default:
                    // Any other member declaration (a type, a namespace) is past every member, and so past every lambda.
                    if (SyntaxFacts.IsTypeDeclaration((SyntaxKind)node.RawKind) || node.RawKind is (int)SyntaxKind.NamespaceDeclaration or (int)SyntaxKind.FileScopedNamespaceDeclaration)
                    {
                        return false;
                    }

                    continue;
            }

            if (parameter != name)
            {
                continue;
            }

            return node.Parent is ArgumentSyntax { Parent: ArgumentListSyntax { Parent: InvocationExpressionSyntax owner } }
                && InvokedName(owner) is { } method && BuilderMethodsTakingBuilders.Contains(method);
        }

        return false;
    }

    /// <summary>The model's builder methods that take a configuration lambda of another builder.</summary>
    private static readonly HashSet<string> BuilderMethodsTakingBuilders = new(System.StringComparer.Ordinal)
    {
        "Scenario", "UserMix", "UserType", "Setup", "Teardown", "Flow", "RampingVus", "RampingArrivalRate",
        "Get", "Post", "Put", "Patch", "Delete", "Request", "Group", "When", "Timed", "WebSocket", "MultipartBody", "Profile",
    };

    private static bool IsFragmentBuilder(INamedTypeSymbol type, ModelSymbols symbols) =>
        SymbolEqualityComparer.Default.Equals(type, symbols.ScenarioBuilder)
        || SymbolEqualityComparer.Default.Equals(type, symbols.FlowBuilder)
        || SymbolEqualityComparer.Default.Equals(type, symbols.RequestBuilder);

    /// <summary>
    /// Gets whether a builder call ends a fluent fragment that no enclosing chain reads: its receiver is not the
    /// parameter of a lambda passed to a model builder (those are read with the chain that passes them).
    /// </summary>
    private static bool IsFragmentTop(Call top, Semantics semantics)
    {
        var type = top.Method.ContainingType;
        var root = top.Receiver;
        while (root is InvocationExpressionSyntax invocation && semantics.MethodOf(invocation) is { IsStatic: false } method
            && SymbolEqualityComparer.Default.Equals(method.ContainingType, type) && new Call(invocation, method).Receiver is { } receiver)
        {
            root = receiver;
        }

        if (root is null || semantics.SymbolOf(root) is not IParameterSymbol { ContainingSymbol: IMethodSymbol { MethodKind: MethodKind.AnonymousFunction } })
        {
            return true;
        }

        // The lambda's parameter: read with the chain when the lambda is an argument of a model builder call.
        var lambda = root.FirstAncestorOrSelf<AnonymousFunctionExpressionSyntax>();
        return !(Semantics.ParentSkippingWrappers(lambda!) is ArgumentSyntax { Parent: ArgumentListSyntax { Parent: InvocationExpressionSyntax owner } }
            && IsModelBuilder(semantics.MethodOf(owner)?.ContainingType, semantics.Symbols));
    }

    private static bool IsModelBuilder(INamedTypeSymbol? type, ModelSymbols symbols) =>
        type is not null && (IsFragmentBuilder(type, symbols)
            || SymbolEqualityComparer.Default.Equals(type, symbols.LoadTestBuilder)
            || SymbolEqualityComparer.Default.Equals(type, symbols.UserMixBuilder)
            || SymbolEqualityComparer.Default.Equals(type, symbols.WebSocketBuilder)
            || SymbolEqualityComparer.Default.Equals(type, symbols.StagesBuilder));

    private static RuleSettings Settings(AnalyzerOptions options, SyntaxNode syntax, ApiDocuments? documents)
    {
        var settings = AnalyzerSettings.For(options, syntax.SyntaxTree);
        return new RuleSettings
        {
            PeakVusPerGenerator = settings.MaxVusPerGenerator,
            ExpectedIterationDuration = settings.ExpectedIterationMilliseconds is { } milliseconds ? System.TimeSpan.FromMilliseconds(milliseconds) : null,
            Documents = documents,
        };
    }

    /// <summary>Turns the rule core's findings into Roslyn diagnostics at the syntax the facts were read from.</summary>
    private sealed class Sink : IRuleSink
    {
        private readonly System.Action<Diagnostic> _report;

        public Sink(System.Action<Diagnostic> report) => _report = report;

        public void Report(RuleDescriptor rule, Site site, object?[] arguments, IReadOnlyDictionary<string, string?>? properties)
        {
            var location = site.Location switch
            {
                SyntaxNode node => node.GetLocation(),
                Location syntax => syntax,
                DocumentPosition position => LocationIn(position),
                _ => Location.None,
            };
            var bag = properties is null || properties.Count == 0 ? null : properties.ToImmutableDictionary();
            // Each message is one line of build output: a user's text in it shows its line breaks escaped (as in ModelDiagnostic).
            _report(Diagnostic.Create(Descriptors.For(rule), location, bag, TextCharacters.LineSafe(arguments)));
        }

        private static Location LocationIn(DocumentPosition position)
        {
            if (position.Document.Location is not LoadedDocument document)
            {
                return Location.None;
            }

            var text = document.Text;
            if (text is null || text.Lines.Count == 0)
            {
                return Location.Create(document.File.Path, default, default);
            }

            var lineIndex = System.Math.Max(0, System.Math.Min(position.Line - 1, text.Lines.Count - 1));
            var textLine = text.Lines[lineIndex];
            var start = System.Math.Min(textLine.Start + System.Math.Max(0, position.Column - 1), textLine.End);
            var span = TextSpan.FromBounds(start, textLine.End);
            return Location.Create(document.File.Path, span, text.Lines.GetLinePositionSpan(span));
        }
    }
}
