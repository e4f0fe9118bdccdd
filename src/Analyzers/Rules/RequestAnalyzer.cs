using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text.RegularExpressions;
using K6Scenarios.Analyzers.Chains;
using K6Scenarios.Analyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace K6Scenarios.Analyzers.Rules;

/// <summary>
/// Checks requests and flow steps without an OpenAPI document: path parameters, bodies on GET, group names, statuses,
/// header names, think times, and secrets written as literals.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class RequestAnalyzer : K6DiagnosticAnalyzer
{
    private static readonly Regex HeaderNamePattern = new("^[!#$%&'*+.^_`|~0-9A-Za-z-]+$", RegexOptions.CultureInvariant);
    private static readonly Regex PlaceholderPattern = new(@"\{([^{}/]+)\}", RegexOptions.CultureInvariant);

    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        Descriptors.PathParameterNotFilled,
        Descriptors.PathParameterNotInPath,
        Descriptors.BodyNotAllowed,
        Descriptors.InvalidGroupName,
        Descriptors.SecretLiteral,
        Descriptors.InvalidStatusCode,
        Descriptors.InvalidThinkTime,
        Descriptors.InvalidHeaderName,
        Descriptors.InvalidPath,
        Descriptors.AnalyzerFailed);

    /// <summary>Gets whether a header carries credentials (its value must never be a literal).</summary>
    internal static bool IsCredentialHeader(string name)
    {
        var normalized = Normalize(name);
        return normalized is "authorization" or "proxyauthorization" or "cookie"
            || normalized.Contains("apikey") || normalized.Contains("token") || normalized.Contains("secret") || normalized.Contains("session");
    }

    /// <summary>Gets whether a body field, query parameter or pool field name holds a secret.</summary>
    internal static bool IsSecretName(string name)
    {
        var normalized = Normalize(name);
        return normalized.Contains("password") || normalized.Contains("secret") || normalized.Contains("apikey")
            || normalized.EndsWith("token", StringComparison.Ordinal) || normalized is "pwd" or "passwd" or "privatekey" or "passphrase";
    }

    /// <summary>Gets the placeholder names of a path template, in order.</summary>
    internal static IReadOnlyList<string> Placeholders(string path) =>
        PlaceholderPattern.Matches(path).Cast<Match>().Select(m => m.Groups[1].Value).Distinct(StringComparer.Ordinal).ToList();

    private protected override void OnCompilationStart(CompilationStartAnalysisContext context, ModelSymbols symbols) =>
        context.RegisterOperationAction(
            operationContext => Guarded(
                operationContext.ReportDiagnostic,
                operationContext.Operation.Syntax.GetLocation(),
                nameof(RequestAnalyzer),
                () => AnalyzeInvocation(operationContext, (IInvocationOperation)operationContext.Operation, symbols)),
            OperationKind.Invocation);

    private static void AnalyzeInvocation(OperationAnalysisContext context, IInvocationOperation invocation, ModelSymbols symbols)
    {
        var method = invocation.TargetMethod;
        if (ModelSymbols.IsDeclaredBy(method, symbols.FlowBuilder))
        {
            AnalyzeFlowCall(context, invocation, symbols);
        }
        else if (ModelSymbols.IsDeclaredBy(method, symbols.RequestBuilder))
        {
            AnalyzeRequestCall(context, invocation, symbols);
        }
        else if (ModelSymbols.IsDeclaredBy(method, symbols.WebSocketBuilder) && method.Name == "Header")
        {
            CheckHeader(context, invocation, static () => "The WebSocket handshake");
        }
        else if (ModelSymbols.IsDeclaredBy(method, symbols.LoadTestBuilder) && method.Name == "ExpectedStatuses")
        {
            CheckStatuses(context, invocation.Argument("statuses"), static () => "The load test");
        }
        else if (ModelSymbols.IsDeclaredBy(method, symbols.UserPool) && method.Name == "Generate")
        {
            CheckGeneratedPoolFields(context, invocation);
        }
    }

    private static void AnalyzeFlowCall(OperationAnalysisContext context, IInvocationOperation invocation, ModelSymbols symbols)
    {
        switch (invocation.TargetMethod.Name)
        {
            case "Get" or "Post" or "Put" or "Patch" or "Delete" or "Request":
                AnalyzeRequest(context, RequestInfo.For(invocation, symbols));
                break;
            case "Group":
                var name = invocation.ArgumentValue("name");
                if (Constants.String(name) is { } groupName && (groupName.Length == 0 || groupName.IndexOf("::", StringComparison.Ordinal) >= 0))
                {
                    context.ReportDiagnostic(Diagnostic.Create(Descriptors.InvalidGroupName, name!.Syntax.GetLocation(), "Group", groupName));
                }

                break;
            case "ThinkTime":
                var pause = new ThinkTimeStepInfo(invocation, symbols);
                if (pause.MinMilliseconds is { } min && pause.MaxMilliseconds is { } max && (min < 0 || max < 0 || min > max))
                {
                    context.ReportDiagnostic(Diagnostic.Create(Descriptors.InvalidThinkTime, invocation.NameLocation(), "The think time", Constants.FormatDuration(min), Constants.FormatDuration(max)));
                }

                break;
        }
    }

    private static void AnalyzeRequest(OperationAnalysisContext context, RequestInfo request)
    {
        if (request.Path is { } path && request.PathArgument is not null)
        {
            if (!path.StartsWith("/", StringComparison.Ordinal) || path.IndexOf("://", StringComparison.Ordinal) >= 0)
            {
                context.ReportDiagnostic(Diagnostic.Create(Descriptors.InvalidPath, request.PathArgument.Syntax.GetLocation(), request.DisplayName, path));
            }

            CheckPathParameters(context, request, path);
        }

        if (request.Method is "GET" or "HEAD" && !request.Configuration.IsOpaque)
        {
            foreach (var body in request.Configuration.Calls.Where(c => c.TargetMethod.Name is "JsonBody" or "FormBody" or "MultipartBody" or "TextBody"))
            {
                context.ReportDiagnostic(Diagnostic.Create(Descriptors.BodyNotAllowed, body.NameLocation(), request.DisplayName, request.Method.ToLowerInvariant()));
            }
        }
    }

    private static void CheckPathParameters(OperationAnalysisContext context, RequestInfo request, string path)
    {
        var placeholders = Placeholders(path);
        var filled = new HashSet<string>(StringComparer.Ordinal);
        var allNamesKnown = true;
        foreach (var call in request.Configuration.Named("PathParameter"))
        {
            var nameArgument = call.ArgumentValue("name");
            if (Constants.String(nameArgument) is not { } name)
            {
                allNamesKnown = false;
                continue;
            }

            filled.Add(name);
            if (!placeholders.Contains(name))
            {
                context.ReportDiagnostic(Diagnostic.Create(Descriptors.PathParameterNotInPath, nameArgument!.Syntax.GetLocation(), request.DisplayName, name));
            }
        }

        if (request.Configuration.IsOpaque || !allNamesKnown)
        {
            return;
        }

        foreach (var placeholder in placeholders.Where(p => !filled.Contains(p)))
        {
            context.ReportDiagnostic(Diagnostic.Create(Descriptors.PathParameterNotFilled, request.PathArgument!.Syntax.GetLocation(), request.DisplayName, placeholder));
        }
    }

    private static void AnalyzeRequestCall(OperationAnalysisContext context, IInvocationOperation call, ModelSymbols symbols)
    {
        // Naming the request means reading it; only a reported problem needs the name.
        string Owner() => EnclosingRequestName(call, symbols);
        switch (call.TargetMethod.Name)
        {
            case "Header":
                CheckHeader(context, call, Owner);
                break;
            case "BearerToken":
                var token = call.ArgumentValue("token");
                if (IsLiteralText(token))
                {
                    context.ReportDiagnostic(Diagnostic.Create(Descriptors.SecretLiteral, token!.Syntax.GetLocation(), "The bearer token of " + Owner()));
                }

                break;
            case "Query":
                var queryName = Constants.String(call.ArgumentValue("name"));
                var queryValue = call.ArgumentValue("value");
                if (queryName is not null && IsSecretName(queryName) && IsLiteralText(queryValue))
                {
                    context.ReportDiagnostic(Diagnostic.Create(Descriptors.SecretLiteral, queryValue!.Syntax.GetLocation(), "Query parameter '" + queryName + "' of " + Owner()));
                }

                break;
            case "JsonBody" or "FormBody":
                var body = BodyReader.Read(call.ArgumentValue(call.TargetMethod.Name == "JsonBody" ? "body" : "fields"), symbols);
                foreach (var property in body.Properties)
                {
                    if (IsSecretName(property.Name) && IsLiteralText(property.Value))
                    {
                        context.ReportDiagnostic(Diagnostic.Create(Descriptors.SecretLiteral, property.Value!.Syntax.GetLocation(), "Body property '" + property.Name + "' of " + Owner()));
                    }
                }

                break;
            case "ExpectStatus" or "AlsoExpected":
                CheckStatuses(context, call.Argument("statuses"), Owner);
                break;
        }
    }

    private static void CheckHeader(OperationAnalysisContext context, IInvocationOperation call, Func<string> owner)
    {
        var nameArgument = call.ArgumentValue("name");
        if (Constants.String(nameArgument) is not { } name)
        {
            return;
        }

        if (!HeaderNamePattern.IsMatch(name))
        {
            context.ReportDiagnostic(Diagnostic.Create(Descriptors.InvalidHeaderName, nameArgument!.Syntax.GetLocation(), owner(), name));
        }

        var value = call.ArgumentValue("value");
        if (IsCredentialHeader(name) && IsLiteralText(value))
        {
            context.ReportDiagnostic(Diagnostic.Create(Descriptors.SecretLiteral, value!.Syntax.GetLocation(), "The " + name + " header of " + owner()));
        }
    }

    private static void CheckStatuses(OperationAnalysisContext context, IArgumentOperation? statuses, Func<string> owner)
    {
        foreach (var item in statuses.ParamsItems() ?? Array.Empty<IOperation>())
        {
            if (Constants.Integer(item) is { } status && (status < 100 || status > 599))
            {
                context.ReportDiagnostic(Diagnostic.Create(Descriptors.InvalidStatusCode, item.Syntax.GetLocation(), owner(), Texts.Number(status)));
            }
        }
    }

    private static void CheckGeneratedPoolFields(OperationAnalysisContext context, IInvocationOperation generate)
    {
        var pool = Constants.String(generate.ArgumentValue("name")) ?? "(computed name)";
        foreach (var field in generate.Argument("fields").ParamsItems() ?? Array.Empty<IOperation>())
        {
            if (field.WalkDownConversions() is ITupleOperation { Elements.Length: 2 } tuple
                && Constants.String(tuple.Elements[0]) is { } name
                && IsSecretName(name)
                && IsLiteralText(tuple.Elements[1]))
            {
                context.ReportDiagnostic(Diagnostic.Create(Descriptors.SecretLiteral, tuple.Elements[1].Syntax.GetLocation(), "Field '" + name + "' of pool '" + pool + "'"));
            }
        }
    }

    private static string EnclosingRequestName(IOperation operation, ModelSymbols symbols)
    {
        for (var current = operation.Parent; current is not null; current = current.Parent)
        {
            if (current is IInvocationOperation invocation
                && ModelSymbols.IsDeclaredBy(invocation.TargetMethod, symbols.FlowBuilder)
                && invocation.TargetMethod.Name is "Get" or "Post" or "Put" or "Patch" or "Delete" or "Request")
            {
                return RequestInfo.For(invocation, symbols).DisplayName;
            }
        }

        return "the request";
    }

    private static bool IsLiteralText(IOperation? value) => Constants.String(value) is { Length: > 0 };

    private static string Normalize(string name) =>
        new string(name.Where(char.IsLetterOrDigit).ToArray()).ToLowerInvariant();
}
