using K6Scenarios.Diagnostics;

namespace K6Scenarios.Rules;

/// <summary>K6S0111: the load-test name names its script file, so it must be a file name on every OS.</summary>
internal sealed class InvalidLoadTestNameRule : Rule
{
    /// <inheritdoc />
    public override RuleDescriptor Descriptor => DiagnosticCatalog.InvalidLoadTestName;

    /// <inheritdoc />
    public override void CheckTest(RuleContext context)
    {
        if (context.Test.IsLoadTest && context.Test.Name.TryGet(out var name) && !NamePatterns.IsFileName(name))
        {
            Report(context, context.Test.Name.Site, TextCharacters.Escape(name));
        }
    }
}
