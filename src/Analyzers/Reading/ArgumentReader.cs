using System;
using K6Scenarios.Analyzers.Infrastructure;
using K6Scenarios.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace K6Scenarios.Analyzers.Reading;

/// <summary>
/// Reads builder-call arguments into the rule core's facts: a constant is known, anything else unknown, and each fact's
/// site is the argument as written (or the method name when the argument was left to its default). A site holds the
/// syntax node; the sink makes a location of it only when a rule reports there.
/// </summary>
internal sealed class ArgumentReader
{
    private readonly Semantics _semantics;

    public ArgumentReader(Semantics semantics) => _semantics = semantics;

    /// <summary>Gets the site of a syntax node.</summary>
    public static Site SiteOf(SyntaxNode node) => new(string.Empty, node);

    /// <summary>Gets the site of an invocation's method name.</summary>
    public static Site NameSiteOf(Call call) => new(string.Empty, call.NameNode);

    /// <summary>Gets where a parameter's argument is written, or the call's name when it was defaulted.</summary>
    public static Site SiteOf(Call call, string parameter) =>
        call.Value(parameter) is { } value ? SiteOf(value) : NameSiteOf(call);

    /// <summary>Reads a string argument.</summary>
    public Fact<string> String(Call call, string parameter) => String(call.Value(parameter), NameSiteOf(call));

    /// <summary>Reads a string value.</summary>
    public Fact<string> String(ExpressionSyntax? value, Site fallback)
    {
        var site = value is null ? fallback : SiteOf(value);
        return Constants.String(value, _semantics) is { } text ? Fact.Of(text, site) : Fact<string>.Unknown(site);
    }

    /// <summary>Reads a whole-number argument; a defaulted one is <paramref name="defaultValue"/> (unknown without one).</summary>
    public Fact<long> Integer(Call call, string parameter, long? defaultValue = null)
    {
        var value = call.Value(parameter);
        if (value is null)
        {
            return defaultValue is { } known ? Fact.Of(known, NameSiteOf(call)) : Fact<long>.Unknown(NameSiteOf(call));
        }

        return Constants.Integer(value, _semantics) is { } number ? Fact.Of(number, SiteOf(value)) : Fact<long>.Unknown(SiteOf(value));
    }

    /// <summary>Reads an optional whole-number argument: defaulted or <c>null</c> is a known <see langword="null"/>.</summary>
    public Fact<long?> OptionalInteger(Call call, string parameter)
    {
        var value = call.Value(parameter);
        if (value is null || Constants.IsNull(value, _semantics))
        {
            return Fact.Of<long?>(null, value is null ? NameSiteOf(call) : SiteOf(value));
        }

        return Constants.Integer(value, _semantics) is { } number ? Fact.Of<long?>(number, SiteOf(value)) : Fact<long?>.Unknown(SiteOf(value));
    }

    /// <summary>Reads a duration argument.</summary>
    public Fact<TimeSpan> Duration(Call call, string parameter) => Duration(call.Value(parameter), NameSiteOf(call));

    /// <summary>Reads a duration value.</summary>
    public Fact<TimeSpan> Duration(ExpressionSyntax? value, Site fallback)
    {
        var site = value is null ? fallback : SiteOf(value);
        return ToTimeSpan(Constants.DurationMilliseconds(value, _semantics)) is { } duration ? Fact.Of(duration, site) : Fact<TimeSpan>.Unknown(site);
    }

    /// <summary>Reads an optional duration argument: defaulted or <c>null</c> is a known <see langword="null"/>.</summary>
    public Fact<TimeSpan?> OptionalDuration(Call call, string parameter)
    {
        var value = call.Value(parameter);
        if (value is null || Constants.IsNull(value, _semantics))
        {
            return Fact.Of<TimeSpan?>(null, value is null ? NameSiteOf(call) : SiteOf(value));
        }

        return ToTimeSpan(Constants.DurationMilliseconds(value, _semantics)) is { } duration ? Fact.Of<TimeSpan?>(duration, SiteOf(value)) : Fact<TimeSpan?>.Unknown(SiteOf(value));
    }

    /// <summary>Reads a value (<c>Value</c>): literal text or not, and whether it reads a captured variable.</summary>
    public ValueFacts Value(ExpressionSyntax? value, Site fallback)
    {
        var site = value is null ? fallback : SiteOf(value);
        if (value is null)
        {
            return new ValueFacts(Fact<bool>.Unknown(site), false, site);
        }

        // A constant is literal text the script would carry; anything else (Value.Secret, a variable, a field) is not
        // known to be one, so the secret rule stays silent on it.
        var isLiteral = Constants.String(value, _semantics) is { } text && text.Trim().Length > 0 ? Fact.Of(true, site) : Fact<bool>.Unknown(site);
        return new ValueFacts(isLiteral, ReadsVariable(value), site);
    }

    /// <summary>Gets whether an expression refers to a <c>Variable</c> (a value captured from a response).</summary>
    public bool ReadsVariable(ExpressionSyntax value)
    {
        foreach (var node in value.DescendantNodesAndSelf())
        {
            // Every reference is a simple name (alone or as the name of a member access); a literal has none, and the
            // name of a method being called is not a value.
            if (node is not IdentifierNameSyntax identifier
                || (identifier.Parent is MemberAccessExpressionSyntax member && member.Name == identifier && member.Parent is InvocationExpressionSyntax)
                || identifier.Parent is InvocationExpressionSyntax
                || identifier.Parent is NameColonSyntax or NameEqualsSyntax)
            {
                continue;
            }

            var type = _semantics.SymbolOf(identifier) switch
            {
                IFieldSymbol field => field.Type,
                IPropertySymbol property => property.Type,
                ILocalSymbol local => local.Type,
                IParameterSymbol parameter => parameter.Type,
                _ => null,
            };
            if (type is not null && ModelSymbols.IsOrDerivesFrom(type, _semantics.Symbols.Variable))
            {
                return true;
            }
        }

        return false;
    }

    private static TimeSpan? ToTimeSpan(double? milliseconds) =>
        milliseconds is { } ms && !double.IsNaN(ms) && Math.Abs(ms) < TimeSpan.MaxValue.TotalMilliseconds / 2
            ? TimeSpan.FromTicks((long)Math.Round(ms * TimeSpan.TicksPerMillisecond))
            : null;
}
