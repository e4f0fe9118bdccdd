using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Threading;
using K6Scenarios.Analyzers.Chains;
using K6Scenarios.Analyzers.Infrastructure;
using K6Scenarios.Analyzers.OpenApiSupport;
using K6Scenarios.OpenApi;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;

namespace K6Scenarios.Analyzers.Rules;

/// <summary>
/// Checks requests against the API's OpenAPI document (an AdditionalFile): paths, methods, expected statuses,
/// path placeholders, JSON body properties and credentials.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class OpenApiAnalyzer : K6DiagnosticAnalyzer
{
    /// <summary>The property of a K6S0502 diagnostic that lists the documented success statuses, comma-separated.</summary>
    internal const string DocumentedStatusesProperty = "DocumentedStatuses";

    /// <summary>The property of a K6S0507 diagnostic that holds the expression of the token captured earlier.</summary>
    internal const string CapturedVariableProperty = "CapturedVariable";

    // Each content is parsed once per compiler process; the path only names the document in the reader's warnings.
    private static readonly SourceTextValueProvider<OpenApiReadResult> DocumentReader = new(text => OpenApiReader.Read(text.ToString(), "openapi"));

    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        Descriptors.OpenApiDocumentInvalid,
        Descriptors.StatusNotDocumented,
        Descriptors.PathNotDocumented,
        Descriptors.MethodNotDocumented,
        Descriptors.UnknownBodyProperty,
        Descriptors.MissingRequiredBodyProperty,
        Descriptors.MissingAuthorization,
        Descriptors.OpenApiDocumentsAmbiguous,
        Descriptors.PathParameterNotDeclared,
        Descriptors.AnalyzerFailed);

    private protected override void OnCompilationStart(CompilationStartAnalysisContext context, ModelSymbols symbols)
    {
        var documents = OpenApiDocumentSet.Load(
            context.Options,
            text => context.TryGetValue(text, DocumentReader, out var result) ? result : null,
            context.CancellationToken);
        if (documents.Documents.Count == 0)
        {
            return;
        }

        context.RegisterOperationAction(
            operationContext => Guarded(
                operationContext.ReportDiagnostic,
                operationContext.Operation.Syntax.GetLocation(),
                nameof(OpenApiAnalyzer),
                () => AnalyzeInvocation(operationContext, (IInvocationOperation)operationContext.Operation, symbols, documents)),
            OperationKind.Invocation);
        context.RegisterCompilationEndAction(endContext => Guarded(
            endContext.ReportDiagnostic,
            Location.None,
            nameof(OpenApiAnalyzer),
            () => ReportDocumentProblems(endContext, documents)));
    }

    private static void ReportDocumentProblems(CompilationAnalysisContext context, OpenApiDocumentSet documents)
    {
        foreach (var document in documents.Documents)
        {
            if (document.Result.Error is { } error)
            {
                context.ReportDiagnostic(Diagnostic.Create(Descriptors.OpenApiDocumentInvalid, LocationIn(document, document.Result.Line, document.Result.Column), document.File.Path, error));
            }
        }

        var ambiguous = documents.AmbiguousDocuments;
        if (ambiguous.Count > 0)
        {
            var names = string.Join(", ", ambiguous.Select(d => FileName(d.File.Path)));
            foreach (var document in ambiguous)
            {
                context.ReportDiagnostic(Diagnostic.Create(Descriptors.OpenApiDocumentsAmbiguous, LocationIn(document, 1, 1), ambiguous.Count.ToString(CultureInfo.InvariantCulture), names));
            }
        }
    }

    private static Location LocationIn(LoadedDocument document, int line, int column)
    {
        var text = document.Text;
        if (text is null || text.Lines.Count == 0)
        {
            return Location.Create(document.File.Path, default, default);
        }

        var lineIndex = Math.Max(0, Math.Min(line - 1, text.Lines.Count - 1));
        var textLine = text.Lines[lineIndex];
        var start = Math.Min(textLine.Start + Math.Max(0, column - 1), textLine.End);
        var span = TextSpan.FromBounds(start, textLine.End);
        return Location.Create(document.File.Path, span, text.Lines.GetLinePositionSpan(span));
    }

    private static string FileName(string path) => path.Substring(Math.Max(path.LastIndexOf('/'), path.LastIndexOf('\\')) + 1);

    private static void AnalyzeInvocation(OperationAnalysisContext context, IInvocationOperation invocation, ModelSymbols symbols, OpenApiDocumentSet documents)
    {
        var method = invocation.TargetMethod;
        if (ModelSymbols.IsDeclaredBy(method, symbols.FlowBuilder) && method.Name is "Get" or "Post" or "Put" or "Patch" or "Delete" or "Request")
        {
            new RequestCheck(context, RequestInfo.For(invocation, symbols), symbols, documents).Run();
        }
        else if (ModelSymbols.IsDeclaredBy(method, symbols.LoadTestBuilder) && method.Name == "ExpectedStatuses")
        {
            CheckLoadTestExpectedStatuses(context, invocation, symbols, documents);
        }
    }

    private static void CheckLoadTestExpectedStatuses(OperationAnalysisContext context, IInvocationOperation call, ModelSymbols symbols, OpenApiDocumentSet documents)
    {
        var create = call.Instance is null ? null : FindCreateBelow(call.Instance, symbols);
        if (create is null)
        {
            return;
        }

        var chain = LoadTestChain.FromCreate(create, symbols, context.CancellationToken);
        if (!chain.IsFullyVisible)
        {
            return;
        }

        // The load test's statuses apply to requests that set none of their own.
        var operations = new List<OpenApiOperation>();
        foreach (var request in chain.AllFlows().SelectMany(f => f.AllRequests()))
        {
            if (request.Configuration.Calls.Any(c => c.TargetMethod.Name is "ExpectStatus" or "AlsoExpected"))
            {
                continue;
            }

            var match = OperationMatch.Find(request, symbols, documents, context.CancellationToken);
            if (match?.Operation is null)
            {
                return;
            }

            operations.Add(match.Operation);
        }

        if (operations.Count == 0)
        {
            return;
        }

        foreach (var item in call.Argument("statuses").ParamsItems() ?? Array.Empty<IOperation>())
        {
            if (Constants.Integer(item) is { } status && status is >= 100 and <= 599 && !operations.Any(o => o.DocumentsStatus((int)status) || !HasExplicitResponses(o)))
            {
                var documented = operations.SelectMany(o => o.ResponseKeys).Where(k => k != "default").Distinct(StringComparer.Ordinal).OrderBy(k => k, StringComparer.Ordinal);
                var successes = operations.SelectMany(o => o.DocumentedSuccessStatuses).Distinct().OrderBy(s => s);
                context.ReportDiagnostic(Diagnostic.Create(
                    Descriptors.StatusNotDocumented,
                    item.Syntax.GetLocation(),
                    ImmutableDictionary<string, string?>.Empty.Add(DocumentedStatusesProperty, string.Join(",", successes.Select(s => s.ToString(CultureInfo.InvariantCulture)))),
                    "The load test's expected statuses",
                    Texts.Number(status),
                    string.Join(", ", documented)));
            }
        }
    }

    private static IInvocationOperation? FindCreateBelow(IOperation receiver, ModelSymbols symbols)
    {
        var current = receiver.WalkDownConversions();
        while (current is IInvocationOperation call)
        {
            if (LoadTestChain.IsCreate(call, symbols))
            {
                return call;
            }

            if (call.Instance is null)
            {
                return null;
            }

            current = call.Instance.WalkDownConversions();
        }

        return null;
    }

    private static bool HasExplicitResponses(OpenApiOperation operation) =>
        operation.ResponseKeys.Any(k => k != "default");

    /// <summary>The checks of one request against the operation it calls.</summary>
    private sealed class RequestCheck
    {
        private readonly OperationAnalysisContext _context;
        private readonly RequestInfo _request;
        private readonly ModelSymbols _symbols;
        private readonly OpenApiDocumentSet _documents;

        public RequestCheck(OperationAnalysisContext context, RequestInfo request, ModelSymbols symbols, OpenApiDocumentSet documents)
        {
            _context = context;
            _request = request;
            _symbols = symbols;
            _documents = documents;
        }

        public void Run()
        {
            var match = OperationMatch.Find(_request, _symbols, _documents, _context.CancellationToken);
            if (match is null)
            {
                return;
            }

            if (match.Operation is not { } operation)
            {
                ReportUndocumented(match);
                return;
            }

            CheckStatuses(operation);
            CheckPlaceholders(operation);
            CheckBody(operation);
            CheckCredentials(operation);
        }

        private void Report(DiagnosticDescriptor descriptor, Location location, params object?[] arguments) =>
            _context.ReportDiagnostic(Diagnostic.Create(descriptor, location, arguments));

        private void ReportUndocumented(OperationMatch match)
        {
            if (match.PathOperations.Count > 0)
            {
                var methods = string.Join(", ", match.PathOperations.Select(o => o.Method).Distinct(StringComparer.Ordinal));
                Report(Descriptors.MethodNotDocumented, _request.Invocation.NameLocation(), _request.DisplayName, _request.Path, _request.Method, methods);
                return;
            }

            var candidates = match.Documents.SelectMany(d => d.PathTemplates.Concat(d.ServerBasePaths.Where(b => b.Length > 0).SelectMany(b => d.PathTemplates.Select(t => b + t))));
            var closest = Texts.Closest(_request.Path!, candidates);
            Report(Descriptors.PathNotDocumented, _request.ReportLocation, _request.DisplayName, _request.Path, closest is null ? string.Empty : "; did you mean '" + closest + "'?");
        }

        private void CheckStatuses(OpenApiOperation operation)
        {
            if (_request.Configuration.IsOpaque || !HasExplicitResponses(operation))
            {
                return;
            }

            // The message's texts are only needed for a reported status, which is rare.
            ImmutableDictionary<string, string?>? properties = null;
            string? documented = null;
            foreach (var call in _request.Configuration.Calls.Where(c => c.TargetMethod.Name is "ExpectStatus" or "AlsoExpected"))
            {
                foreach (var item in call.Argument("statuses").ParamsItems() ?? Array.Empty<IOperation>())
                {
                    if (Constants.Integer(item) is { } status && status is >= 100 and <= 599 && !operation.DocumentsStatus((int)status))
                    {
                        properties ??= ImmutableDictionary<string, string?>.Empty.Add(
                            DocumentedStatusesProperty,
                            string.Join(",", operation.DocumentedSuccessStatuses.Select(s => s.ToString(CultureInfo.InvariantCulture))));
                        documented ??= string.Join(", ", operation.ResponseKeys.Where(k => k != "default"));
                        _context.ReportDiagnostic(Diagnostic.Create(Descriptors.StatusNotDocumented, item.Syntax.GetLocation(), properties, _request.DisplayName, Texts.Number(status), documented));
                    }
                }
            }
        }

        private void CheckPlaceholders(OpenApiOperation operation)
        {
            foreach (var placeholder in RequestAnalyzer.Placeholders(_request.Path!))
            {
                if (!operation.PathParameterNames.Contains(placeholder))
                {
                    var declared = operation.PathParameterNames.Count == 0 ? "(none)" : string.Join(", ", operation.PathParameterNames.Select(n => "{" + n + "}"));
                    Report(Descriptors.PathParameterNotDeclared, _request.ReportLocation, _request.DisplayName, placeholder, operation.PathTemplate, declared);
                }
            }
        }

        private void CheckBody(OpenApiOperation operation)
        {
            var bodyCall = _request.Configuration.Last("JsonBody");
            var schema = operation.JsonRequestBody;
            if (bodyCall is null || schema is null || schema.IsComposite)
            {
                return;
            }

            var body = BodyReader.Read(bodyCall.ArgumentValue("body"), _symbols);
            var sent = new HashSet<string>(body.Properties.Select(p => p.Name), StringComparer.Ordinal);
            var declared = schema.Properties.Select(p => p.Key).ToList();
            if (declared.Count > 0)
            {
                foreach (var property in body.Properties.Where(p => schema.FindProperty(p.Name) is null))
                {
                    var unsent = declared.Where(d => !sent.Contains(d)).ToList();
                    var suggestion = unsent.FirstOrDefault(d => string.Equals(d, property.Name, StringComparison.OrdinalIgnoreCase))
                        ?? Texts.Closest(property.Name, unsent);
                    var hint = suggestion is not null
                        ? "; did you mean '" + suggestion + "'?"
                        : "; it defines " + Texts.QuotedList(declared);
                    Report(Descriptors.UnknownBodyProperty, property.Location, _request.DisplayName, property.Name, hint);
                }
            }

            if (body.IsComplete)
            {
                var location = bodyCall.ArgumentValue("body")?.Syntax.GetLocation() ?? bodyCall.NameLocation();
                foreach (var required in schema.Required.Where(r => !sent.Contains(r)))
                {
                    Report(Descriptors.MissingRequiredBodyProperty, location, _request.DisplayName, required);
                }
            }
        }

        private void CheckCredentials(OpenApiOperation operation)
        {
            if (!operation.RequiresAuthentication || _request.Configuration.IsOpaque)
            {
                return;
            }

            // Cookies travel in k6's per-VU cookie jar once a sign-in step set them; nothing to see in the request.
            if (operation.SecuritySchemes.Any(s => string.Equals(s.In, "cookie", StringComparison.OrdinalIgnoreCase)))
            {
                return;
            }

            if (SendsCredentials(operation))
            {
                return;
            }

            var requirement = operation.SecuritySchemeDescriptions.Count == 0 ? "authentication" : string.Join(" or ", operation.SecuritySchemeDescriptions);
            var properties = ImmutableDictionary<string, string?>.Empty;
            if (AcceptsBearerToken(operation) && TokenCapturedEarlier() is { } token)
            {
                properties = properties.Add(CapturedVariableProperty, token);
            }

            _context.ReportDiagnostic(Diagnostic.Create(Descriptors.MissingAuthorization, _request.ReportLocation, properties, _request.DisplayName, requirement));
        }

        private bool SendsCredentials(OpenApiOperation operation)
        {
            var schemeHeaders = operation.SecuritySchemes.Select(s => s.HeaderName).Where(h => h is not null).ToList();
            var schemeQueries = operation.SecuritySchemes.Where(s => string.Equals(s.In, "query", StringComparison.OrdinalIgnoreCase)).Select(s => s.ParameterName).ToList();
            foreach (var call in _request.Configuration.Calls)
            {
                switch (call.TargetMethod.Name)
                {
                    case "BearerToken":
                        return true;
                    case "Header":
                        var header = Constants.String(call.ArgumentValue("name"));
                        if (header is null
                            || RequestAnalyzer.IsCredentialHeader(header)
                            || schemeHeaders.Any(h => string.Equals(h, header, StringComparison.OrdinalIgnoreCase))
                            || SendsVariable(call.ArgumentValue("value")))
                        {
                            return true;
                        }

                        break;
                    case "Query":
                        var query = Constants.String(call.ArgumentValue("name"));
                        if (query is null || RequestAnalyzer.IsSecretName(query) || schemeQueries.Any(q => string.Equals(q, query, StringComparison.Ordinal)) || SendsVariable(call.ArgumentValue("value")))
                        {
                            return true;
                        }

                        break;
                }
            }

            return false;
        }

        private bool SendsVariable(IOperation? value) =>
            value is not null && value.DescendantsAndSelf(enterLambdas: true).Any(o => o.ReferencedSymbol() is { } symbol && IsVariableTyped(symbol));

        private bool IsVariableTyped(ISymbol symbol) => symbol switch
        {
            IFieldSymbol field => ModelSymbols.IsOrDerivesFrom(field.Type, _symbols.Variable),
            IPropertySymbol property => ModelSymbols.IsOrDerivesFrom(property.Type, _symbols.Variable),
            ILocalSymbol local => ModelSymbols.IsOrDerivesFrom(local.Type, _symbols.Variable),
            IParameterSymbol parameter => ModelSymbols.IsOrDerivesFrom(parameter.Type, _symbols.Variable),
            _ => false,
        };

        private static bool AcceptsBearerToken(OpenApiOperation operation) =>
            operation.SecurityRequirements.Any(requirement => requirement.Count > 0 && requirement.All(name =>
                operation.SecuritySchemes.FirstOrDefault(s => s.Name == name) is { } scheme
                && (scheme.Type is "oauth2" or "openIdConnect" || (scheme.Type == "http" && scheme.Scheme == "bearer"))));

        /// <summary>
        /// Gets the expression of the one variable that earlier steps of this flow, or the load test's setup, capture,
        /// when it can be written at the request; <see langword="null"/> when there is none or several.
        /// </summary>
        private string? TokenCapturedEarlier()
        {
            var captures = new List<IOperation>();
            IAnonymousFunctionOperation? outermostFlow = null;
            for (var current = _request.Invocation.Parent; current is not null; current = current.Parent)
            {
                if (current is IAnonymousFunctionOperation lambda && lambda.Symbol.Parameters.Length == 1
                    && SymbolEqualityComparer.Default.Equals(lambda.Symbol.Parameters[0].Type, _symbols.FlowBuilder))
                {
                    outermostFlow = lambda;
                }
            }

            var position = _request.Position;
            if (outermostFlow is not null)
            {
                captures.AddRange(CapturedVariables(outermostFlow).Where(c => c.Syntax.SpanStart < position));
            }

            if (LoadTestChain.FindEnclosingCreate(_request.Invocation, _symbols) is { } create)
            {
                var chain = LoadTestChain.FromCreate(create, _symbols, _context.CancellationToken);
                foreach (var setup in chain.Calls.Where(c => c.TargetMethod.Name == "Setup"))
                {
                    if (setup.ArgumentValue("configure").AsLambda() is { } setupLambda)
                    {
                        captures.AddRange(CapturedVariables(setupLambda));
                    }
                }
            }

            var distinct = new List<IOperation>();
            foreach (var capture in captures)
            {
                if (!distinct.Any(d => SameVariable(d, capture)))
                {
                    distinct.Add(capture);
                }
            }

            if (distinct.Count != 1)
            {
                return null;
            }

            var variable = distinct[0].WalkDownConversions();
            var symbol = variable.ReferencedSymbol();
            var usable = symbol is IFieldSymbol or IPropertySymbol
                || (symbol is ILocalSymbol && outermostFlow is not null && !variable.IsInside(outermostFlow));
            return usable && variable.Syntax is ExpressionSyntax expression ? expression.ToString() : null;
        }

        private IEnumerable<IOperation> CapturedVariables(IAnonymousFunctionOperation flow) =>
            flow.Body.DescendantsAndSelf(enterLambdas: true)
                .OfType<IInvocationOperation>()
                .Where(c => c.TargetMethod.Name == "Capture" && ModelSymbols.IsDeclaredBy(c.TargetMethod, _symbols.RequestBuilder))
                .Select(c => c.ArgumentValue("variable"))
                .Where(v => v is not null)
                .Select(v => v!);

        private static bool SameVariable(IOperation a, IOperation b)
        {
            var left = a.ReferencedSymbol();
            var right = b.ReferencedSymbol();
            return left is not null ? SymbolEqualityComparer.Default.Equals(left, right) : a.Syntax.ToString() == b.Syntax.ToString();
        }
    }
}

/// <summary>Which documents apply to a request, and the operation it calls.</summary>
internal sealed class OperationMatch
{
    private OperationMatch(IReadOnlyList<OpenApiDocument> documents, OpenApiOperation? operation, IReadOnlyList<OpenApiOperation> pathOperations)
    {
        Documents = documents;
        Operation = operation;
        PathOperations = pathOperations;
    }

    /// <summary>Gets the documents that apply.</summary>
    public IReadOnlyList<OpenApiDocument> Documents { get; }

    /// <summary>Gets the operation, or <see langword="null"/> when the path or method is not documented.</summary>
    public OpenApiOperation? Operation { get; }

    /// <summary>Gets the operations of the request's path (any method).</summary>
    public IReadOnlyList<OpenApiOperation> PathOperations { get; }

    /// <summary>Matches a request, or returns <see langword="null"/> when no document applies or the request is not constant.</summary>
    public static OperationMatch? Find(RequestInfo request, ModelSymbols symbols, OpenApiDocumentSet documents, CancellationToken cancellationToken)
    {
        if (request.Method is null || request.Path is null)
        {
            return null;
        }

        BaseUrlInfo? baseUrl;
        if (request.BaseUrlArgument is not null)
        {
            baseUrl = BaseUrlReader.FromValue(request.BaseUrlArgument, cancellationToken);
        }
        else
        {
            var create = LoadTestChain.FindEnclosingCreate(request.Invocation, symbols);
            baseUrl = create is null ? null : BaseUrlReader.DefaultOfChain(create, symbols, cancellationToken);
        }

        var applicable = documents.For(baseUrl?.Variable);
        if (applicable.Count == 0)
        {
            return null;
        }

        // The path as written, then prefixed with the path of the base URL's default (http://host/api + /users).
        var paths = new List<string> { request.Path };
        if (baseUrl is not null && baseUrl.DefaultPath.Length > 0)
        {
            paths.Add(baseUrl.DefaultPath + request.Path);
        }

        foreach (var path in paths)
        {
            foreach (var document in applicable)
            {
                var pathOperations = documents.FindOperationsForPath(document, path);
                if (pathOperations.Count > 0)
                {
                    return new OperationMatch(applicable, documents.FindOperation(document, request.Method, path), pathOperations);
                }
            }
        }

        return new OperationMatch(applicable, null, Array.Empty<OpenApiOperation>());
    }
}
