using K6Scenarios.Diagnostics;

namespace K6Scenarios.Rules;

/// <summary>K6S0306: a pool name names its SharedArray and data file, so it must be a plain name.</summary>
internal sealed class InvalidPoolNameRule : Rule
{
    /// <inheritdoc />
    public override RuleDescriptor Descriptor => DiagnosticCatalog.InvalidPoolName;

    /// <inheritdoc />
    public override void CheckPool(PoolFacts pool, RuleContext context)
    {
        if (pool.Name.TryGet(out var name) && !NamePatterns.IsPoolName(name))
        {
            Report(context, pool.Name.Site, TextCharacters.Escape(name));
        }
    }
}
