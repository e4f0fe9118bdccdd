using System.Text.RegularExpressions;

namespace K6Scenarios.Rules;

/// <summary>The naming rules of k6 and of the emitted files, in one place.</summary>
internal static class NamePatterns
{
    private static readonly Regex ScenarioName = new("^[0-9a-zA-Z_-]+\\z", RegexOptions.CultureInvariant);
    private static readonly Regex MetricName = new("^[a-zA-Z_][a-zA-Z0-9_]{1,128}\\z", RegexOptions.CultureInvariant);
    private static readonly Regex FileName = new("^[0-9a-zA-Z][0-9a-zA-Z._-]{0,99}\\z", RegexOptions.CultureInvariant);
    private static readonly Regex Identifier = new("^[A-Za-z_][A-Za-z0-9_]*\\z", RegexOptions.CultureInvariant);
    private static readonly Regex PoolName = new("^[A-Za-z][A-Za-z0-9_-]*\\z", RegexOptions.CultureInvariant);
    private static readonly Regex HeaderName = new("^[!#$%&'*+.^_`|~0-9A-Za-z-]+\\z", RegexOptions.CultureInvariant);
    private static readonly Regex TagKey = new("^[A-Za-z_][A-Za-z0-9_.-]*\\z", RegexOptions.CultureInvariant);

    /// <summary>Gets whether k6 accepts a scenario name (<c>^[0-9a-zA-Z_-]+$</c>).</summary>
    public static bool IsScenarioName(string? name) => name is not null && ScenarioName.IsMatch(name);

    /// <summary>Gets whether k6 accepts a custom metric name (<c>^[a-zA-Z_][a-zA-Z0-9_]{1,128}$</c>).</summary>
    public static bool IsMetricName(string? name) => name is not null && MetricName.IsMatch(name);

    /// <summary>Gets whether a load-test name can name a script file on every OS.</summary>
    public static bool IsFileName(string? name) => name is not null && FileName.IsMatch(name);

    /// <summary>Gets whether a name is a plain identifier.</summary>
    public static bool IsIdentifier(string? name) => name is not null && Identifier.IsMatch(name);

    /// <summary>Gets whether a pool name is valid (a letter, then letters, digits, '_' and '-').</summary>
    public static bool IsPoolName(string? name) => name is not null && PoolName.IsMatch(name);

    /// <summary>Gets whether a header name is an HTTP token.</summary>
    public static bool IsHeaderName(string? name) => name is not null && HeaderName.IsMatch(name);

    /// <summary>
    /// Gets whether a tag key is usable everywhere, thresholds included: k6 splits threshold keys on ',' and ':'
    /// and trims spaces, so those characters (and braces) would break the selector.
    /// </summary>
    public static bool IsTagKey(string? key) => key is not null && TagKey.IsMatch(key);

    /// <summary>Gets whether a status is an HTTP status.</summary>
    public static bool IsHttpStatus(long status) => status >= 100 && status <= 599;
}
