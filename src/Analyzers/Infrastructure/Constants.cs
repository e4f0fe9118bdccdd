using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace K6Scenarios.Analyzers.Infrastructure;

/// <summary>
/// Reads compile-time values the way the compiler sees them: literals, <c>const</c> fields, <c>nameof</c>, constant
/// interpolations and concatenations, enum members, and <see cref="TimeSpan"/> factories over constants.
/// Everything else is unknown (<see langword="null"/>), and rules stay silent on unknown values.
/// </summary>
internal static class Constants
{
    /// <summary>Gets a constant string.</summary>
    public static string? String(IOperation? operation) =>
        operation?.WalkDownConversions().ConstantValue is { HasValue: true, Value: string text } ? text : null;

    /// <summary>Gets a constant whole number (enum members included), or <see langword="null"/>.</summary>
    public static long? Integer(IOperation? operation)
    {
        if (operation is null)
        {
            return null;
        }

        var constant = operation.ConstantValue;
        if (!constant.HasValue)
        {
            constant = operation.WalkDownConversions().ConstantValue;
        }

        return constant.HasValue ? ToInteger(constant.Value) : null;
    }

    /// <summary>Gets a constant number, or <see langword="null"/>.</summary>
    public static double? Number(IOperation? operation)
    {
        if (operation is null)
        {
            return null;
        }

        var constant = operation.ConstantValue;
        if (!constant.HasValue)
        {
            constant = operation.WalkDownConversions().ConstantValue;
        }

        return constant.HasValue ? ToNumber(constant.Value) : null;
    }

    /// <summary>Gets a constant Boolean, or <see langword="null"/>.</summary>
    public static bool? Boolean(IOperation? operation) =>
        operation?.WalkDownConversions().ConstantValue is { HasValue: true, Value: bool flag } ? flag : null;

    /// <summary>Gets whether an operation is the constant <see langword="null"/> (an explicit <c>null</c> argument).</summary>
    public static bool IsNull(IOperation? operation) =>
        operation is not null && operation.WalkDownConversions().ConstantValue is { HasValue: true, Value: null };

    /// <summary>
    /// Gets the name of an enum member passed as a constant (<c>PoolSelection.UniquePerVu</c>), or <see langword="null"/>.
    /// </summary>
    public static string? EnumMemberName(IOperation? operation, INamedTypeSymbol? enumType)
    {
        if (operation is null || enumType is null)
        {
            return null;
        }

        if (operation.WalkDownConversions() is IFieldReferenceOperation field && SymbolEqualityComparer.Default.Equals(field.Field.ContainingType, enumType))
        {
            return field.Field.Name;
        }

        var value = Integer(operation);
        if (value is null)
        {
            return null;
        }

        foreach (var member in enumType.GetMembers())
        {
            if (member is IFieldSymbol { HasConstantValue: true } constant && ToInteger(constant.ConstantValue) == value)
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
    public static double? DurationMilliseconds(IOperation? operation, INamedTypeSymbol? timeSpanType)
    {
        if (operation is null || timeSpanType is null)
        {
            return null;
        }

        var value = operation.WalkDownConversions();
        switch (value)
        {
            case IDefaultValueOperation when IsTimeSpan(value.Type, timeSpanType):
                return 0;
            case IFieldReferenceOperation field when SymbolEqualityComparer.Default.Equals(field.Field.ContainingType, timeSpanType):
                return field.Field.Name == "Zero" ? 0 : null;
            case IInvocationOperation invocation when invocation.Instance is null && SymbolEqualityComparer.Default.Equals(invocation.TargetMethod.ContainingType, timeSpanType):
                return FromFactory(invocation);
            case IObjectCreationOperation creation when SymbolEqualityComparer.Default.Equals(creation.Type, timeSpanType):
                return FromConstructor(creation);
            case IUnaryOperation unary when IsTimeSpan(unary.Type, timeSpanType):
                var operand = DurationMilliseconds(unary.Operand, timeSpanType);
                return unary.OperatorKind switch
                {
                    UnaryOperatorKind.Minus => -operand,
                    UnaryOperatorKind.Plus => operand,
                    _ => null,
                };
            case IBinaryOperation binary when IsTimeSpan(binary.Type, timeSpanType):
                return FromBinary(binary, timeSpanType);
            default:
                return null;
        }
    }

    private static void Append(System.Text.StringBuilder builder, long amount, string unit)
    {
        if (amount != 0)
        {
            builder.Append(amount.ToString(System.Globalization.CultureInfo.InvariantCulture)).Append(unit);
        }
    }

    private static bool IsTimeSpan(ITypeSymbol? type, INamedTypeSymbol timeSpanType) =>
        SymbolEqualityComparer.Default.Equals(type, timeSpanType);

    private static double? FromFactory(IInvocationOperation invocation)
    {
        double total = 0;
        var first = true;
        foreach (var argument in invocation.Arguments)
        {
            var amount = Number(argument.Value);
            if (amount is null || argument.Parameter is null)
            {
                return null;
            }

            // The first parameter takes the method's unit (FromSeconds(long seconds, long milliseconds = 0, ...)).
            var unit = first ? UnitOfFactory(invocation.TargetMethod.Name) : UnitOfParameter(argument.Parameter.Name);
            if (unit is null)
            {
                return null;
            }

            total += amount.Value * unit.Value;
            first = false;
        }

        return first ? null : total;
    }

    private static double? FromConstructor(IObjectCreationOperation creation)
    {
        if (creation.Arguments.Length == 0)
        {
            return 0;
        }

        double total = 0;
        foreach (var argument in creation.Arguments)
        {
            var amount = Number(argument.Value);
            var unit = argument.Parameter is null ? null : UnitOfParameter(argument.Parameter.Name);
            if (amount is null || unit is null)
            {
                return null;
            }

            total += amount.Value * unit.Value;
        }

        return total;
    }

    private static double? FromBinary(IBinaryOperation binary, INamedTypeSymbol timeSpanType)
    {
        switch (binary.OperatorKind)
        {
            case BinaryOperatorKind.Add:
            case BinaryOperatorKind.Subtract:
                var left = DurationMilliseconds(binary.LeftOperand, timeSpanType);
                var right = DurationMilliseconds(binary.RightOperand, timeSpanType);
                return left is null || right is null ? null : binary.OperatorKind == BinaryOperatorKind.Add ? left + right : left - right;
            case BinaryOperatorKind.Multiply:
                var span = DurationMilliseconds(binary.LeftOperand, timeSpanType) ?? DurationMilliseconds(binary.RightOperand, timeSpanType);
                var factor = Number(binary.RightOperand) ?? Number(binary.LeftOperand);
                return span is null || factor is null ? null : span * factor;
            case BinaryOperatorKind.Divide:
                var dividend = DurationMilliseconds(binary.LeftOperand, timeSpanType);
                var divisor = Number(binary.RightOperand);
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
