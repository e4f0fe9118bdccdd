using System;
using K6Scenarios.Diagnostics;

namespace K6Scenarios.Rules;

/// <summary>K6S0411: paths are written relative to the base URL, starting with '/'.</summary>
internal sealed class InvalidPathRule : Rule
{
    /// <inheritdoc />
    public override RuleDescriptor Descriptor => DiagnosticCatalog.InvalidPath;

    /// <inheritdoc />
    public override void CheckStep(StepFacts step, StepContext where, RuleContext context)
    {
        var path = step switch
        {
            RequestFacts request => request.Path,
            WebSocketFacts socket => socket.Path,
            _ => Fact<string>.Unknown(Site.None),
        };
        if (path.TryGet(out var value) && (value.Length == 0 || value[0] != '/' || value.IndexOf("://", StringComparison.Ordinal) >= 0))
        {
            Report(context, path.Site, step.Description, TextCharacters.Escape(value));
        }
    }
}
