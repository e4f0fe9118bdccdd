using System.Text.RegularExpressions;

namespace K6Scenarios.Model.Validation;

/// <summary>Tag-key naming, shared by scenario, request, option and threshold tags.</summary>
internal static partial class TagRules
{
    /// <summary>What K6S0114 tells the user about tag keys.</summary>
    public const string KeyAdvice = "use letters, digits, '_', '-' and '.', starting with a letter or '_', so thresholds can select it";

    /// <summary>
    /// Gets whether a tag key is usable everywhere, thresholds included: k6 splits threshold keys on ',' and ':'
    /// and trims spaces, so those characters (and braces) would break the selector.
    /// </summary>
    public static bool IsTagKey(string? key) => key is not null && TagKeyPattern().IsMatch(key);

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_.-]*$", RegexOptions.CultureInvariant)]
    private static partial Regex TagKeyPattern();
}
