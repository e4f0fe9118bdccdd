using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using K6Scenarios.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;

namespace K6Scenarios.CodeFixes;

/// <summary>
/// Fixes K6S0507 by sending the token that an earlier step captured: adds <c>.BearerToken(token)</c> to the request
/// (seed 003: every authenticated call got 401). Offered only when exactly one captured variable is in scope.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AddBearerTokenCodeFix))]
[Shared]
public sealed class AddBearerTokenCodeFix : CodeFixProvider
{
    /// <summary>The equivalence key of the fix.</summary>
    public const string EquivalenceKey = "K6S0507.AddBearerToken";

    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create("K6S0507");

    /// <inheritdoc />
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc />
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            if (!diagnostic.Properties.TryGetValue(RuleProperties.CapturedVariable, out var variable) || string.IsNullOrEmpty(variable)
                || FindRequestCall(root, diagnostic) is not { } request)
            {
                continue;
            }

            context.RegisterCodeFix(
                CodeAction.Create(
                    "Send .BearerToken(" + variable + ")",
                    cancellationToken => AddBearerTokenAsync(context.Document, request, variable!, cancellationToken),
                    EquivalenceKey),
                diagnostic);
        }
    }

    private static InvocationExpressionSyntax? FindRequestCall(SyntaxNode root, Diagnostic diagnostic)
    {
        var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);

        // The diagnostic is on the path argument (or the method name) of f.Get("/path", ...).
        return node.AncestorsAndSelf().OfType<InvocationExpressionSyntax>()
            .FirstOrDefault(invocation => invocation.ArgumentList.Arguments.Any(a => a.Span.Contains(diagnostic.Location.SourceSpan))
                || (invocation.Expression is MemberAccessExpressionSyntax member && member.Name.Span.Contains(diagnostic.Location.SourceSpan)));
    }

    private static async Task<Document> AddBearerTokenAsync(Document document, InvocationExpressionSyntax request, string variable, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
        {
            return document;
        }

        var token = SyntaxFactory.ParseExpression(variable);
        var configure = request.ArgumentList.Arguments.FirstOrDefault(a =>
            a.NameColon?.Name.Identifier.ValueText == "configure" || a.Expression is LambdaExpressionSyntax);
        InvocationExpressionSyntax updated;
        if (configure?.Expression is SimpleLambdaExpressionSyntax lambda && AddToLambda(lambda, token) is { } newLambda)
        {
            updated = request.ReplaceNode(lambda, newLambda);
        }
        else if (configure is null)
        {
            var name = UnusedName(model, request.SpanStart, "r", "request", "requestBuilder");
            var parameter = SyntaxFactory.Parameter(SyntaxFactory.Identifier(name));
            var body = BearerTokenCall(SyntaxFactory.IdentifierName(name), token);
            var argument = SyntaxFactory.Argument(SyntaxFactory.SimpleLambdaExpression(parameter, body))
                .WithNameColon(SyntaxFactory.NameColon("configure"));
            updated = request.WithArgumentList(request.ArgumentList.AddArguments(argument));
        }
        else
        {
            return document;
        }

        return document.WithSyntaxRoot(root.ReplaceNode(request, updated));
    }

    private static SimpleLambdaExpressionSyntax? AddToLambda(SimpleLambdaExpressionSyntax lambda, ExpressionSyntax token)
    {
        var parameterName = lambda.Parameter.Identifier.ValueText;
        if (lambda.ExpressionBody is { } expression)
        {
            // r => r.ExpectStatus(200) becomes r => r.BearerToken(token).ExpectStatus(200): the innermost receiver is the parameter.
            var receiver = expression.DescendantNodesAndSelf()
                .OfType<IdentifierNameSyntax>()
                .FirstOrDefault(identifier => identifier.Identifier.ValueText == parameterName
                    && identifier.Parent is MemberAccessExpressionSyntax access && access.Expression == identifier);
            if (receiver is null)
            {
                return null;
            }

            return lambda.ReplaceNode(receiver, BearerTokenCall(receiver.WithoutTrivia(), token).WithTriviaFrom(receiver));
        }

        if (lambda.Block is { } block)
        {
            var statement = SyntaxFactory.ExpressionStatement(BearerTokenCall(SyntaxFactory.IdentifierName(parameterName), token)).WithAdditionalAnnotations(Formatter.Annotation);
            return lambda.WithBlock(block.WithStatements(block.Statements.Insert(0, statement)));
        }

        return null;
    }

    private static InvocationExpressionSyntax BearerTokenCall(ExpressionSyntax receiver, ExpressionSyntax token) =>
        SyntaxFactory.InvocationExpression(
            SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, receiver, SyntaxFactory.IdentifierName("BearerToken")),
            SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(token))));

    private static string UnusedName(SemanticModel model, int position, params string[] candidates)
    {
        foreach (var candidate in candidates)
        {
            if (model.LookupSymbols(position, name: candidate).IsEmpty)
            {
                return candidate;
            }
        }

        return candidates[candidates.Length - 1] + "1";
    }
}
