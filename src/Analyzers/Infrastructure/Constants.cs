using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace K6Scenarios.Analyzers.Infrastructure;

/// <summary>
/// Reads compile-time values the way the compiler sees them: literals, <c>const</c> fields, <c>nameof</c>, constant
/// interpolations and concatenations, enum members, and <see cref="TimeSpan"/> factories over constants.
/// Everything else is unknown (<see langword="null"/>), and rules stay silent on unknown values.
/// </summary>
internal static class Constants
{
    /// <summary>Gets a constant string.</summary>
    public static string? String(ExpressionSyntax? expression, Semantics semantics) =>
        expression is not null && semantics.ConstantOf(expression) is { HasValue: true, Value: string text } ? text : null;

    /// <summary>Gets a constant whole number (enum members included), or <see langword="null"/>.</summary>
    public static long? Integer(ExpressionSyntax? expression, Semantics semantics) =>
        expression is not null && semantics.ConstantOf(expression) is { HasValue: true } constant ? ToInteger(constant.Value) : null;

    /// <summary>Gets a constant number, or <see langword="null"/>.</summary>
    public static double? Number(ExpressionSyntax? expression, Semantics semantics) =>
        expression is not null && semantics.ConstantOf(expression) is { HasValue: true } constant ? ToNumber(constant.Value) : null;

    /// <summary>Gets a constant Boolean, or <see langword="null"/>.</summary>
    public static bool? Boolean(ExpressionSyntax? expression, Semantics semantics) =>
        expression is not null && semantics.ConstantOf(expression) is { HasValue: true, Value: bool flag } ? flag : null;

    /// <summary>Gets whether an expression is the constant <see langword="null"/> (an explicit <c>null</c> argument).</summary>
    public static bool IsNull(ExpressionSyntax? expression, Semantics semantics)
    {
        if (expression is null)
        {
            return false;
        }

        var value = Semantics.Unwrap(expression);
        return value.IsKind(SyntaxKind.NullLiteralExpression)
            || (value is LiteralExpressionSyntax or DefaultExpressionSyntax && semantics.ConstantOf(value) is { HasValue: true, Value: null });
    }

    /// <summary>
    /// Gets the name of an enum member passed as a constant (<c>PoolSelection.UniquePerVu</c>), or <see langword="null"/>.
    /// </summary>
    public static string? EnumMemberName(ExpressionSyntax? expression, INamedTypeSymbol? enumType, Semantics semantics)
    {
        if (expression is null || enumType is null)
        {
            return null;
        }

        var value = Semantics.Unwrap(expression);
        if (value is MemberAccessExpressionSyntax or IdentifierNameSyntax
            && semantics.SymbolOf(value) is IFieldSymbol field && SymbolEqualityComparer.Default.Equals(field.ContainingType, enumType))
        {
            return field.Name;
        }

        var number = Integer(value, semantics);
        if (number is null)
        {
            return null;
        }

        foreach (var member in enumType.GetMembers())
        {
            if (member is IFieldSymbol { HasConstantValue: true } constant && ToInteger(constant.ConstantValue) == number)
            {
                return member.Name;
            }
        }

        return null;
    }

    /// <summary>
    /// Gets a constant duration in milliseconds: <c>TimeSpan.Zero</c>, <c>TimeSpan.FromSeconds(-1)</c>, <c>new TimeSpan(0, 1, 30)</c>,
    /// sums, differences and negations of these; <see langword="null"/> when it is not a compile-time value.
    /// </summary>
    public static double? DurationMilliseconds(ExpressionSyntax? expression, Semantics semantics)
    {
        var timeSpan = semantics.Symbols.TimeSpan;
        if (expression is null || timeSpan is null)
        {
            return null;
        }

        var value = Semantics.Unwrap(expression);
        switch (value)
        {
            case DefaultExpressionSyntax:
            case LiteralExpressionSyntax when value.IsKind(SyntaxKind.DefaultLiteralExpression):
                return IsTimeSpan(semantics.ConvertedTypeOf(value), timeSpan) ? 0 : null;
            case MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Zero" } or IdentifierNameSyntax { Identifier.ValueText: "Zero" }:
                return semantics.SymbolOf(value) is IFieldSymbol field && SymbolEqualityComparer.Default.Equals(field.ContainingType, timeSpan) ? 0 : null;
            case InvocationExpressionSyntax invocation when FromSingleArgumentFactory(invocation, timeSpan, semantics) is { } milliseconds:
                return milliseconds;
            case InvocationExpressionSyntax invocation:
                var method = semantics.MethodOf(invocation);
                return method is { IsStatic: true } && SymbolEqualityComparer.Default.Equals(method.ContainingType, timeSpan)
                    ? FromFactory(new Call(invocation, method), semantics)
                    : null;
            case BaseObjectCreationExpressionSyntax creation:
                return semantics.SymbolOf(creation) is IMethodSymbol constructor && SymbolEqualityComparer.Default.Equals(constructor.ContainingType, timeSpan)
                    ? FromConstructor(creation, constructor, semantics)
                    : null;
            case PrefixUnaryExpressionSyntax unary when unary.IsKind(SyntaxKind.UnaryMinusExpression) || unary.IsKind(SyntaxKind.UnaryPlusExpression):
                var operand = DurationMilliseconds(unary.Operand, semantics);
                return unary.IsKind(SyntaxKind.UnaryMinusExpression) ? -operand : operand;
            case BinaryExpressionSyntax binary:
                return FromBinary(binary, semantics);
            default:
                return null;
        }
    }

    // TimeSpan.FromSeconds(30) and its kind, told from the receiver's symbol alone: with one positional number every
    // overload (FromSeconds(double), and FromSeconds(long, long = 0, long = 0) since .NET 9) means that many units, so the
    // overload the compiler picks need not be asked for.
    private static double? FromSingleArgumentFactory(InvocationExpressionSyntax invocation, INamedTypeSymbol timeSpan, Semantics semantics)
    {
        if (invocation.Expression is not MemberAccessExpressionSyntax { Name: IdentifierNameSyntax name } member
            || invocation.ArgumentList.Arguments is not { Count: 1 } arguments
            || arguments[0].NameColon is not null
            || !arguments[0].RefKindKeyword.IsKind(SyntaxKind.None)
            || UnitOfFactory(name.Identifier.ValueText) is not { } unit
            || !IsTimeSpan(semantics.SymbolOf(member.Expression) as ITypeSymbol, timeSpan))
        {
            return null;
        }

        return Number(arguments[0].Expression, semantics) is { } amount ? amount * unit : null;
    }

    private static bool IsTimeSpan(ITypeSymbol? type, INamedTypeSymbol timeSpanType) =>
        SymbolEqualityComparer.Default.Equals(type, timeSpanType);

    private static double? FromFactory(Call call, Semantics semantics)
    {
        double total = 0;
        var any = false;
        var parameters = call.Method.Parameters;
        for (var i = 0; i < parameters.Length; i++)
        {
            var argument = call.Value(parameters[i].Name);
            if (argument is null)
            {
                // A defaulted part of FromSeconds(long seconds, long milliseconds = 0, ...) adds nothing.
                continue;
            }

            var amount = Number(argument, semantics);

            // The first parameter takes the method's unit.
            var unit = i == 0 ? UnitOfFactory(call.Name) : UnitOfParameter(parameters[i].Name);
            if (amount is null || unit is null)
            {
                return null;
            }

            total += amount.Value * unit.Value;
            any = true;
        }

        return any ? total : null;
    }

    private static double? FromConstructor(BaseObjectCreationExpressionSyntax creation, IMethodSymbol constructor, Semantics semantics)
    {
        var arguments = creation.ArgumentList?.Arguments ?? default;
        if (arguments.Count == 0)
        {
            return 0;
        }

        double total = 0;
        for (var i = 0; i < arguments.Count; i++)
        {
            var argument = arguments[i];
            var parameterName = argument.NameColon?.Name.Identifier.ValueText ?? (i < constructor.Parameters.Length ? constructor.Parameters[i].Name : null);
            var amount = Number(argument.Expression, semantics);
            var unit = parameterName is null ? null : UnitOfParameter(parameterName);
            if (amount is null || unit is null)
            {
                return null;
            }

            total += amount.Value * unit.Value;
        }

        return total;
    }

    private static double? FromBinary(BinaryExpressionSyntax binary, Semantics semantics)
    {
        var timeSpan = semantics.Symbols.TimeSpan!;
        switch (binary.Kind())
        {
            case SyntaxKind.AddExpression:
            case SyntaxKind.SubtractExpression:
                var left = DurationMilliseconds(binary.Left, semantics);
                var right = left is null ? null : DurationMilliseconds(binary.Right, semantics);
                return left is null || right is null ? null : binary.IsKind(SyntaxKind.AddExpression) ? left + right : left - right;
            case SyntaxKind.MultiplyExpression:
                if (!IsTimeSpan(semantics.TypeOf(binary), timeSpan))
                {
                    return null;
                }

                var span = DurationMilliseconds(binary.Left, semantics) ?? DurationMilliseconds(binary.Right, semantics);
                var factor = Number(binary.Right, semantics) ?? Number(binary.Left, semantics);
                return span is null || factor is null ? null : span * factor;
            case SyntaxKind.DivideExpression:
                if (!IsTimeSpan(semantics.TypeOf(binary), timeSpan))
                {
                    return null;
                }

                var dividend = DurationMilliseconds(binary.Left, semantics);
                var divisor = Number(binary.Right, semantics);
                return dividend is null || divisor is null or 0 ? null : dividend / divisor;
            default:
                return null;
        }
    }

    private static double? UnitOfFactory(string methodName) => methodName switch
    {
        "FromDays" => 86_400_000,
        "FromHours" => 3_600_000,
        "FromMinutes" => 60_000,
        "FromSeconds" => 1000,
        "FromMilliseconds" => 1,
        "FromMicroseconds" => 0.001,
        "FromTicks" => 0.0001,
        _ => null,
    };

    private static double? UnitOfParameter(string parameterName) => parameterName switch
    {
        "days" => 86_400_000,
        "hours" => 3_600_000,
        "minutes" => 60_000,
        "seconds" => 1000,
        "milliseconds" => 1,
        "microseconds" => 0.001,
        "ticks" => 0.0001,
        _ => null,
    };

    private static long? ToInteger(object? value) => value switch
    {
        int i => i,
        long l => l,
        short s => s,
        byte b => b,
        sbyte sb => sb,
        ushort us => us,
        uint ui => ui,
        ulong ul when ul <= long.MaxValue => (long)ul,
        char c => c,
        _ => null,
    };

    private static double? ToNumber(object? value) => value switch
    {
        double d => d,
        float f => f,
        decimal m => (double)m,
        _ => ToInteger(value),
    };
}
