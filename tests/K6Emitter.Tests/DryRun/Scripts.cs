using System.Collections.Generic;
using System.Linq;
using K6Scenarios.Emitter.DryRun;

namespace K6Scenarios.Emitter.Tests.DryRun;

/// <summary>Runs scripts through the validator and finds the problems tests assert on.</summary>
internal static class Scripts
{
    public const string Name = "test.js";

    public static readonly IReadOnlyDictionary<string, string> Env = new Dictionary<string, string>
    {
        ["BASE_URL"] = "https://api.example.test",
        ["WS_URL"] = "wss://ws.example.test/socket",
    };

    public static DryRunResult Validate(
        string script,
        IReadOnlyDictionary<string, string>? files = null,
        IReadOnlyList<StubResponse>? responses = null,
        K6DryRunner? validator = null) =>
        (validator ?? new K6DryRunner()).Run(new DryRunInput(Name, script)
        {
            Environment = Env,
            Files = files ?? new Dictionary<string, string>(),
            Responses = responses ?? [],
        });

    /// <summary>The only problem whose message contains the text; fails with every problem listed otherwise.</summary>
    public static ScriptProblem Single(DryRunResult result, string messagePart)
    {
        var matches = result.Problems.Where(p => p.Message.Contains(messagePart, System.StringComparison.Ordinal)).ToList();
        Assert.True(matches.Count == 1, $"expected one problem containing \"{messagePart}\", got {matches.Count}:\n{Describe(result)}");
        return matches[0];
    }

    public static string Describe(DryRunResult result) =>
        string.Join("\n", result.Problems.Select(p => $"  [{p.Phase}] {p.Line}:{p.Column} {p.Message}"));

    /// <summary>The 1-based line of the first line of the script containing the text.</summary>
    public static int LineOf(string script, string text)
    {
        var lines = script.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].Contains(text, System.StringComparison.Ordinal))
            {
                return i + 1;
            }
        }

        Assert.Fail($"the script has no line containing \"{text}\"");
        return 0;
    }

    /// <summary>The 1-based column where the text starts on its line.</summary>
    public static int ColumnOf(string script, string text)
    {
        var line = script.Split('\n')[LineOf(script, text) - 1];
        return line.IndexOf(text, System.StringComparison.Ordinal) + 1;
    }
}
