using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using K6Scenarios.RealK6.Tests.Support;

namespace K6Scenarios.RealK6.Tests.Differential;

/// <summary>
/// Where our validator is deliberately stricter than k6: each rule says what k6 lets run and why we refuse it.
/// Model validation refusals carry a rule ID whose page under docs/rules documents it. A refusal that no rule
/// explains fails the differential test.
/// </summary>
internal static partial class DeliberateRules
{
    private static readonly (Regex OurProblem, string Why)[] Rules =
    [
        (new(@"is (the bare number .*|'[^']*', a bare number that) k6 reads as milliseconds"),
            "bare-number durations: k6 reads 30 or '30' as 30 ms, almost never what was meant (shared/K6.md: emit strings); we require a unit"),
        (new(@"must be a whole number, got '[^']*' \(a string\)"),
            "numeric strings for counts: k6 decodes '3' as 3, we require numbers as the emitter writes them, so a template slip such as '${n}' is caught"),
        (new(@": '[^']*' must be a string \(k6 fails to read null\)"),
            "null tag and env values: k6 drops them without a word; the model only writes strings"),
        (new(@"the dry run cannot execute 'k6/(ws|net/grpc|experimental/(csv|fs|streams))'"),
            "modules the dry run does not simulate: the emitter never imports them (k6/websockets replaces k6/ws), so a script that does was not written by us"),
        (new(@"a SharedArray named '[^']*' already exists"),
            "two SharedArrays with one name: k6 silently gives the second the first one's data"),
        (new(@"^threshold '__proto__':"),
            "a '__proto__' key sets the object's prototype (shared/K6.md), so k6 never sees that threshold at all"),
        (new(@"^unknown option '(Scenarios|ext|paused)'"),
            "option keys k6 tolerates silently: Go's JSON decoding matches 'Scenarios' to scenarios ignoring case, 'ext' is ignored since v2.0 and 'paused' makes every run wait for a resume; the emitter writes none of them"),
        (new(@"^threshold '[^']*': write '(threshold|abortOnFail|delayAbortEval)' rather than"),
            "threshold object keys in another case: k6 matches them ignoring case, we require the documented spelling"),
        (new(@"^options\.thresholds must be an object of metric to expressions, got null"),
            "thresholds: null runs with no thresholds at all; the emitter always writes an object"),
        (new(@"^sleep\(\) takes a number of seconds, got"),
            "sleep('1') and sleep(-1): k6 coerces or clamps them; a think time that is not a non-negative number is a mistake in the script"),
    ];

    /// <summary>Explains why we refuse a case k6 runs.</summary>
    /// <param name="refused">The case.</param>
    /// <returns>The reasons, or <see langword="null"/> when some refusal has none.</returns>
    public static string? Explain(DifferentialCase refused)
    {
        ArgumentNullException.ThrowIfNull(refused);
        var reasons = refused.OurProblems.Select(Reason).ToList();
        return reasons.Any(r => r is null) ? null : string.Join("; ", reasons.Distinct(StringComparer.Ordinal));
    }

    private static string? Reason(string problem)
    {
        // Model validation: a rule with an ID is documented by its page (docs/rules/K6Snnnn.md, checked by the rules tests).
        var id = RuleId().Match(problem);
        if (id.Success && File.Exists(Path.Combine(CompiledLoadTests.RepositoryRoot(), "docs", "rules", id.Groups[1].Value + ".md")))
        {
            return "documented model rule " + id.Groups[1].Value + " (docs/rules/" + id.Groups[1].Value + ".md)";
        }

        return Rules.FirstOrDefault(r => r.OurProblem.IsMatch(problem)).Why;
    }

    [GeneratedRegex(@"^(K6S\d{4}): ")]
    private static partial Regex RuleId();
}
