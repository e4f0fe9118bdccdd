
namespace K6Scenarios.Model;

/// <summary>The naming rules of k6 and of the emitted files, in one place.</summary>
public static class NameRules
{
    /// <summary>Gets whether a scenario name is valid in k6 (<c>^[0-9a-zA-Z_-]+$</c>).</summary>
    /// <param name="name">The name.</param>
    /// <returns><see langword="true"/> when k6 accepts it.</returns>
    public static bool IsScenarioName(string? name) => Rules.NamePatterns.IsScenarioName(name);

    /// <summary>Gets whether a custom metric name is valid in k6 (<c>^[a-zA-Z_][a-zA-Z0-9_]{1,128}$</c>).</summary>
    /// <param name="name">The name.</param>
    /// <returns><see langword="true"/> when k6 accepts it.</returns>
    public static bool IsMetricName(string? name) => Rules.NamePatterns.IsMetricName(name);

    /// <summary>Gets whether a load-test name can name a script file on every OS.</summary>
    /// <param name="name">The name.</param>
    /// <returns><see langword="true"/> when it can.</returns>
    public static bool IsFileName(string? name) => Rules.NamePatterns.IsFileName(name);

    /// <summary>Gets whether a name is a plain identifier (letters, digits, '_', not starting with a digit).</summary>
    /// <param name="name">The name.</param>
    /// <returns><see langword="true"/> when it is.</returns>
    public static bool IsIdentifier(string? name) => Rules.NamePatterns.IsIdentifier(name);

    /// <summary>Gets whether a pool name is valid (a letter, then letters, digits, '_' and '-').</summary>
    /// <param name="name">The name.</param>
    /// <returns><see langword="true"/> when it is.</returns>
    public static bool IsPoolName(string? name) => Rules.NamePatterns.IsPoolName(name);

    /// <summary>Gets whether a header name is an HTTP token.</summary>
    /// <param name="name">The name.</param>
    /// <returns><see langword="true"/> when it is.</returns>
    public static bool IsHeaderName(string? name) => Rules.NamePatterns.IsHeaderName(name);
}
