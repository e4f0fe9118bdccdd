namespace K6Scenarios.Model.Validation;

/// <summary>Tag-key naming, shared by scenario, request, option and threshold tags.</summary>
internal static class TagRules
{
    /// <summary>What K6S0114 tells the user about tag keys.</summary>
    public const string KeyAdvice = "use letters, digits, '_', '-' and '.', starting with a letter or '_', so thresholds can select it";

    /// <summary>
    /// Gets whether a tag key is usable everywhere, thresholds included: k6 splits threshold keys on ',' and ':'
    /// and trims spaces, so those characters (and braces) would break the selector.
    /// </summary>
    public static bool IsTagKey(string? key) => Rules.NamePatterns.IsTagKey(key);
}
