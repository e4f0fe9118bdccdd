using System;

namespace K6Scenarios.Model;

/// <summary>A condition for <see cref="ConditionalStep"/>.</summary>
public abstract record Condition
{
    private protected Condition()
    {
    }

    /// <summary>Gets a condition that always holds.</summary>
    public static Condition Always { get; } = new ChanceCondition(1);

    /// <summary>Holds when a variable was captured (is neither undefined nor null).</summary>
    /// <param name="variable">The variable.</param>
    /// <returns>The condition.</returns>
    public static Condition IsCaptured(Variable variable) => new CapturedCondition(variable ?? throw new ArgumentNullException(nameof(variable)));

    /// <summary>Holds when two values are equal.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns>The condition.</returns>
    public static Condition AreEqual(Value left, Value right) => new EqualsCondition(left ?? throw new ArgumentNullException(nameof(left)), right ?? throw new ArgumentNullException(nameof(right)));

    /// <summary>Holds in a share of iterations, picked at random: <c>Chance(0.3)</c> runs the steps in about 30 % of iterations.</summary>
    /// <param name="probability">The share, from 0 to 1.</param>
    /// <returns>The condition.</returns>
    public static Condition Chance(double probability) =>
        probability is >= 0 and <= 1 ? new ChanceCondition(probability) : throw new ArgumentOutOfRangeException(nameof(probability), probability, "Use a probability from 0 to 1.");
}

/// <summary>Holds when a variable was captured.</summary>
/// <param name="Variable">The variable.</param>
public sealed record CapturedCondition(Variable Variable) : Condition;

/// <summary>Holds when two values are equal.</summary>
/// <param name="Left">The first value.</param>
/// <param name="Right">The second value.</param>
public sealed record EqualsCondition(Value Left, Value Right) : Condition;

/// <summary>Holds in a random share of iterations.</summary>
/// <param name="Probability">The share, from 0 to 1.</param>
public sealed record ChanceCondition(double Probability) : Condition;
