using System.Collections.Immutable;
using System.Composition;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using K6Scenarios.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace K6Scenarios.CodeFixes;

/// <summary>
/// Fixes K6S0502 by expecting a status the OpenAPI document documents: one fix per documented success status
/// (seed 000 expected 200 from a sign-in that answers 201). The first fix has a constant equivalence key, so
/// Fix All replaces every undocumented status with its own operation's first documented success status.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(UseDocumentedStatusCodeFix))]
[Shared]
public sealed class UseDocumentedStatusCodeFix : CodeFixProvider
{
    /// <summary>The equivalence key of the fix that expects the first documented success status.</summary>
    public const string FirstStatusEquivalenceKey = "K6S0502.UseFirstDocumentedStatus";

    /// <summary>The prefix of the equivalence keys of the fixes that expect another documented status.</summary>
    public const string StatusEquivalenceKeyPrefix = "K6S0502.UseDocumentedStatus.";

    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create("K6S0502");

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
            if (!diagnostic.Properties.TryGetValue(RuleProperties.DocumentedStatuses, out var list) || string.IsNullOrEmpty(list)
                || root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not ExpressionSyntax expression)
            {
                continue;
            }

            var statuses = list!.Split(',')
                .Select(s => int.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var status) ? status : 0)
                .Where(s => s > 0)
                .ToList();
            for (var i = 0; i < statuses.Count; i++)
            {
                var status = statuses[i];
                var key = i == 0 ? FirstStatusEquivalenceKey : StatusEquivalenceKeyPrefix + status.ToString(CultureInfo.InvariantCulture);
                context.RegisterCodeFix(
                    CodeAction.Create(
                        "Expect documented status " + status.ToString(CultureInfo.InvariantCulture),
                        cancellationToken => ReplaceAsync(context.Document, expression, status, cancellationToken),
                        key),
                    diagnostic);
            }
        }
    }

    private static async Task<Document> ReplaceAsync(Document document, ExpressionSyntax expression, int status, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
        {
            return document;
        }

        var replacement = Replacement(expression, status, model, cancellationToken).WithTriviaFrom(expression);
        return document.WithSyntaxRoot(root.ReplaceNode(expression, replacement));
    }

    /// <summary>Writes the status the way the original was written: <c>HttpStatusCode.Created</c> for an enum member, else a number.</summary>
    private static ExpressionSyntax Replacement(ExpressionSyntax original, int status, SemanticModel model, CancellationToken cancellationToken)
    {
        var type = model.GetTypeInfo(original, cancellationToken).Type;
        if (type is INamedTypeSymbol { TypeKind: TypeKind.Enum } enumType)
        {
            var member = enumType.GetMembers().OfType<IFieldSymbol>()
                .Where(f => f.HasConstantValue && System.Convert.ToInt64(f.ConstantValue, CultureInfo.InvariantCulture) == status)
                .OrderBy(f => f.Name, System.StringComparer.Ordinal)
                .FirstOrDefault();
            if (member is not null && original is MemberAccessExpressionSyntax access)
            {
                return access.WithName(SyntaxFactory.IdentifierName(member.Name));
            }

            var enumName = SyntaxFactory.ParseTypeName(enumType.ToMinimalDisplayString(model, original.SpanStart));
            return member is not null
                ? SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, enumName, SyntaxFactory.IdentifierName(member.Name))
                : SyntaxFactory.CastExpression(enumName, Literal(status));
        }

        return Literal(status);
    }

    private static LiteralExpressionSyntax Literal(int status) =>
        SyntaxFactory.LiteralExpression(SyntaxKind.NumericLiteralExpression, SyntaxFactory.Literal(status));
}
