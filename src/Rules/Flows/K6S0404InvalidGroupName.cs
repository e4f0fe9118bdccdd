using System;
using K6Scenarios.Diagnostics;

namespace K6Scenarios.Rules;

/// <summary>K6S0404: k6 refuses empty group and check names and names with '::' (its group path separator).</summary>
internal sealed class InvalidGroupNameRule : Rule
{
    /// <inheritdoc />
    public override RuleDescriptor Descriptor => DiagnosticCatalog.InvalidGroupName;

    /// <inheritdoc />
    public override void CheckStep(StepFacts step, StepContext where, RuleContext context)
    {
        switch (step)
        {
            case GroupFacts group when group.Name.TryGet(out var name) && IsInvalid(name):
                Report(context, group.Name.Site, "Group", TextCharacters.Escape(name));
                break;
            case RequestFacts request:
                foreach (var check in request.Checks)
                {
                    if (check.Name.TryGet(out var checkName) && IsInvalid(checkName))
                    {
                        Report(context, check.Name.Site, "Check", TextCharacters.Escape(checkName));
                    }
                }

                break;
        }
    }

    private static bool IsInvalid(string name) => name.Length == 0 || name.IndexOf("::", StringComparison.Ordinal) >= 0;
}
