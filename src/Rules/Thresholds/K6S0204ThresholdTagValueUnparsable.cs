using K6Scenarios.Diagnostics;

namespace K6Scenarios.Rules;

/// <summary>
/// K6S0204: a tag value k6's threshold selector parser cannot carry. k6 splits selectors on ',', trims white space and
/// quotes from the ends of a value, and the emitted selector is one JavaScript string, so a value with a comma, a
/// quote, a line break, leading or trailing white space or a lone surrogate selects no sample (or k6 refuses the selector) and the threshold
/// watches an empty sub-metric (or k6 refuses the selector).
/// </summary>
internal sealed class ThresholdTagValueUnparsableRule : Rule
{
    /// <inheritdoc />
    public override RuleDescriptor Descriptor => DiagnosticCatalog.ThresholdTagValueUnparsable;

    /// <summary>Gets the index of the first character of a tag value a threshold selector cannot carry, or -1.</summary>
    /// <param name="value">The tag value.</param>
    /// <returns>The index, or -1 when k6 can select the value.</returns>
    public static int IndexOfUnparsable(string value)
    {
        // An empty value is K6S0114's (model validation reports it with the other threshold tag names).
        if (value.Length == 0)
        {
            return -1;
        }

        if (char.IsWhiteSpace(value[0]))
        {
            return 0;
        }

        var surrogate = TextCharacters.IndexOfLoneSurrogate(value);
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (i == surrogate || c == ',' || c == '\'' || c == '"' || TextCharacters.IsLineBreak(c))
            {
                return i;
            }
        }

        return value.Length > 0 && char.IsWhiteSpace(value[value.Length - 1]) ? value.Length - 1 : -1;
    }

    /// <inheritdoc />
    public override void CheckThreshold(ThresholdFacts threshold, RuleContext context)
    {
        foreach (var filter in threshold.Filters)
        {
            if (filter.Tag.TryGet(out var tag) && filter.Value.TryGet(out var value) && IndexOfUnparsable(value) is var index && index >= 0)
            {
                Report(context, filter.Site, tag, TextCharacters.Escape(value), TextCharacters.Describe(value, index));
            }
        }
    }
}
