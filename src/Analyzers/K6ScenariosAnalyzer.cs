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
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
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
    // Each content is parsed once per compiler process; the path only names the document in the reader's warnings.
    private static readonly SourceTextValueProvider<OpenApiReadResult> DocumentReader = new(text => OpenApiReader.Read(text.ToString(), "openapi"));

    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => Descriptors.All;

    private protected override void OnCompilationStart(CompilationStartAnalysisContext context, ModelSymbols symbols)
    {
        var poolFiles = PoolDataFiles.Create(context.Options.AdditionalFiles, text => context.TryGetValue(text, PoolDataFiles.EntryCounter, out var count) ? count : null);
        var loaded = OpenApiDocumentSet.Load(context.Options, text => context.TryGetValue(text, DocumentReader, out var result) ? result : null, context.CancellationToken);
        var documents = loaded.Documents.Count == 0 ? null : new ApiDocuments(loaded.Documents.Select(d => new ApiDocument(d.File.Path, d.Result, d.BaseUrlVariable, d)).ToArray());
        var options = context.Options;
        context.RegisterOperationAction(
            operationContext => Guarded(
                operationContext.ReportDiagnostic,
                operationContext.Operation.Syntax.GetLocation(),
                nameof(K6ScenariosAnalyzer),
                () => Analyze(operationContext, (IInvocationOperation)operationContext.Operation, symbols, poolFiles, documents, options)),
            OperationKind.Invocation);
        if (documents is not null)
        {
            context.RegisterCompilationEndAction(end => Guarded(
                end.ReportDiagnostic,
                Location.None,
                nameof(K6ScenariosAnalyzer),
                () => RuleEngine.CheckDocuments(new RuleSettings { Documents = documents }, new Sink(end.ReportDiagnostic))));
        }
    }

    private static void Analyze(OperationAnalysisContext context, IInvocationOperation invocation, ModelSymbols symbols, PoolDataFiles poolFiles, ApiDocuments? documents, AnalyzerOptions options)
    {
        var method = invocation.TargetMethod;
        var type = method.ContainingType;
        if (type is null)
        {
            return;
        }

        if (method.IsStatic)
        {
            if (method.Name == "Create" && SymbolEqualityComparer.Default.Equals(type, symbols.LoadTest))
            {
                var reader = new FactReader(symbols, poolFiles, context.CancellationToken);
                RuleEngine.CheckTest(reader.ReadChain(invocation), Settings(options, invocation, documents), new Sink(context.ReportDiagnostic));
            }
            else if (SymbolEqualityComparer.Default.Equals(type, symbols.UserPool) && method.Name is "Generate" or "FromJsonFile" or "FromCsvFile")
            {
                var reader = new FactReader(symbols, poolFiles, context.CancellationToken);
                RuleEngine.CheckPool(reader.ReadPoolDeclaration(invocation), Settings(options, invocation, documents), new Sink(context.ReportDiagnostic));
            }
            else if (SymbolEqualityComparer.Default.Equals(type, symbols.CustomMetric) && method.Name is "Counter" or "Gauge" or "Rate" or "Trend")
            {
                RuleEngine.CheckMetricDeclaration(FactReader.ReadMetricDeclaration(invocation), Settings(options, invocation, documents), new Sink(context.ReportDiagnostic));
            }

            return;
        }

        if (IsFragmentBuilder(type, symbols) && IsFragmentTop(invocation, symbols))
        {
            var reader = new FactReader(symbols, poolFiles, context.CancellationToken);
            if (reader.ReadFragment(invocation) is { } fragment)
            {
                RuleEngine.CheckTest(fragment, Settings(options, invocation, documents), new Sink(context.ReportDiagnostic));
            }
        }
    }

    private static bool IsFragmentBuilder(INamedTypeSymbol type, ModelSymbols symbols) =>
        SymbolEqualityComparer.Default.Equals(type, symbols.ScenarioBuilder)
        || SymbolEqualityComparer.Default.Equals(type, symbols.FlowBuilder)
        || SymbolEqualityComparer.Default.Equals(type, symbols.RequestBuilder);

    /// <summary>
    /// Gets whether a builder call ends a fluent fragment that no enclosing chain reads: its receiver is not the
    /// parameter of a lambda passed to a model builder (those are read with the chain that passes them).
    /// </summary>
    private static bool IsFragmentTop(IInvocationOperation invocation, ModelSymbols symbols)
    {
        var type = invocation.TargetMethod.ContainingType;
        if (invocation.ParentSkippingConversions() is IInvocationOperation next && next.Instance is not null
            && ReferenceEquals(next.Instance.WalkDownConversions(), invocation) && SymbolEqualityComparer.Default.Equals(next.TargetMethod.ContainingType, type))
        {
            return false;
        }

        IOperation? root = invocation;
        while (root is IInvocationOperation call && SymbolEqualityComparer.Default.Equals(call.TargetMethod.ContainingType, type) && call.Instance is not null)
        {
            root = call.Instance.WalkDownConversions();
        }

        if (root is not IParameterReferenceOperation { Parameter.ContainingSymbol: IMethodSymbol { MethodKind: MethodKind.AnonymousFunction } })
        {
            return true;
        }

        // The lambda's parameter: read with the chain when the lambda is an argument of a model builder call.
        for (var current = root.Parent; current is not null; current = current.Parent)
        {
            if (current is IAnonymousFunctionOperation lambda)
            {
                var argument = lambda.Parent is IDelegateCreationOperation creation ? creation.Parent : lambda.Parent;
                return !(argument is IArgumentOperation { Parent: IInvocationOperation owner } && IsModelBuilder(owner.TargetMethod.ContainingType, symbols));
            }
        }

        return true;
    }

    private static bool IsModelBuilder(INamedTypeSymbol? type, ModelSymbols symbols) =>
        type is not null && (IsFragmentBuilder(type, symbols)
            || SymbolEqualityComparer.Default.Equals(type, symbols.LoadTestBuilder)
            || SymbolEqualityComparer.Default.Equals(type, symbols.UserMixBuilder)
            || SymbolEqualityComparer.Default.Equals(type, symbols.WebSocketBuilder)
            || SymbolEqualityComparer.Default.Equals(type, symbols.StagesBuilder));

    private static RuleSettings Settings(AnalyzerOptions options, IInvocationOperation invocation, ApiDocuments? documents)
    {
        var settings = AnalyzerSettings.For(options, invocation.Syntax.SyntaxTree);
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
                Location syntax => syntax,
                DocumentPosition position => LocationIn(position),
                _ => Location.None,
            };
            var bag = properties is null || properties.Count == 0 ? null : properties.ToImmutableDictionary();
            _report(Diagnostic.Create(Descriptors.For(rule), location, bag, arguments));
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
