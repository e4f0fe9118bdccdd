using System.Text.RegularExpressions;

namespace K6Scenarios.Model;

/// <summary>The naming rules of k6 and of the emitted files, in one place.</summary>
public static partial class NameRules
{
    /// <summary>Gets whether a scenario name is valid in k6 (<c>^[0-9a-zA-Z_-]+$</c>).</summary>
    /// <param name="name">The name.</param>
    /// <returns><see langword="true"/> when k6 accepts it.</returns>
    public static bool IsScenarioName(string? name) => name is not null && ScenarioNamePattern().IsMatch(name);

    /// <summary>Gets whether a custom metric name is valid in k6 (<c>^[a-zA-Z_][a-zA-Z0-9_]{1,128}$</c>).</summary>
    /// <param name="name">The name.</param>
    /// <returns><see langword="true"/> when k6 accepts it.</returns>
    public static bool IsMetricName(string? name) => name is not null && MetricNamePattern().IsMatch(name);

    /// <summary>Gets whether a load-test name can name a script file on every OS.</summary>
    /// <param name="name">The name.</param>
    /// <returns><see langword="true"/> when it can.</returns>
    public static bool IsFileName(string? name) => name is not null && FileNamePattern().IsMatch(name);

    /// <summary>Gets whether a name is a plain identifier (letters, digits, '_', not starting with a digit).</summary>
    /// <param name="name">The name.</param>
    /// <returns><see langword="true"/> when it is.</returns>
    public static bool IsIdentifier(string? name) => name is not null && IdentifierPattern().IsMatch(name);

    /// <summary>Gets whether a pool name is valid (a letter, then letters, digits, '_' and '-').</summary>
    /// <param name="name">The name.</param>
    /// <returns><see langword="true"/> when it is.</returns>
    public static bool IsPoolName(string? name) => name is not null && PoolNamePattern().IsMatch(name);

    /// <summary>Gets whether a header name is an HTTP token.</summary>
    /// <param name="name">The name.</param>
    /// <returns><see langword="true"/> when it is.</returns>
    public static bool IsHeaderName(string? name) => name is not null && HeaderNamePattern().IsMatch(name);

    [GeneratedRegex("^[0-9a-zA-Z_-]+$", RegexOptions.CultureInvariant)]
    private static partial Regex ScenarioNamePattern();

    [GeneratedRegex("^[a-zA-Z_][a-zA-Z0-9_]{1,128}$", RegexOptions.CultureInvariant)]
    private static partial Regex MetricNamePattern();

    [GeneratedRegex("^[0-9a-zA-Z][0-9a-zA-Z._-]{0,99}$", RegexOptions.CultureInvariant)]
    private static partial Regex FileNamePattern();

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$", RegexOptions.CultureInvariant)]
    private static partial Regex IdentifierPattern();

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_-]*$", RegexOptions.CultureInvariant)]
    private static partial Regex PoolNamePattern();

    [GeneratedRegex("^[!#$%&'*+.^_`|~0-9A-Za-z-]+$", RegexOptions.CultureInvariant)]
    private static partial Regex HeaderNamePattern();
}
