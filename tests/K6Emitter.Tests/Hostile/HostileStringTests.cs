using System;
using System.Collections.Generic;
using System.Linq;
using K6Scenarios.Model;
using K6Scenarios.Model.Validation;
using K6Scenarios.Testing.Hostile;

namespace K6Scenarios.Emitter.Tests.Hostile;

/// <summary>
/// Every user string arrives as itself or is refused: 10,000 seeded hostile strings over every user-string slot of the
/// public API. Each is refused with exactly the error IDs docs/escaping.md promises (and then nothing is emitted), or
/// emitted and accepted by the Jint dry run. tests/RealK6.Tests runs a sample against a server and compares bytes.
/// </summary>
public sealed class HostileStringTests
{
    private const int StringCount = 10_000;
    private const int BatchSize = 120;

    [Fact]
    public void The_generator_is_seeded_and_covers_every_class()
    {
        var first = HostileStrings.Generate(StringCount);
        var second = HostileStrings.Generate(StringCount);

        Assert.Equal(StringCount, first.Count);
        Assert.Equal(first, second);
        Assert.Equal(StringCount, first.Distinct(StringComparer.Ordinal).Count());
        Assert.Contains(first, HostileSlot.IsNotUtf8);
        Assert.Contains(first, s => s.Length > 2_000);
        Assert.Contains("__proto__", first);
        Assert.Contains("\u2028", first);
        Assert.Contains(first, s => s.Contains('\0', StringComparison.Ordinal) && s.Length > 1);
        Assert.Contains(first, s => s.Any(char.IsSurrogate) && !HostileSlot.IsNotUtf8(s));
    }

    [Fact]
    public void Every_string_in_every_slot_is_refused_with_its_ID_or_emitted_and_accepted_by_the_dry_run()
    {
        var cases = HostileCases.Build(StringCount);
        var problems = new List<string>();
        var accepted = new List<HostileCase>();
        var refused = 0;
        var emitter = new K6ScriptEmitter(new EmitterOptions { DryRun = false, BaseDirectory = AppContext.BaseDirectory });
        foreach (var c in cases)
        {
            var expected = c.Slot.Expected(c.Text);
            LoadTest test;
            try
            {
                test = HostileSlot.LoadTestOf([c]);
            }
            catch (ArgumentException)
            {
                Compare(c, expected, [HostileSlot.Throws], problems);
                refused++;
                continue;
            }

            var errors = new SortedSet<string>(LoadTestValidator.Validate(test).Where(d => d.IsError).Select(d => d.Id), StringComparer.Ordinal);
            Compare(c, expected, errors, problems);
            if (errors.Count == 0)
            {
                accepted.Add(c);
                continue;
            }

            refused++;
            var result = emitter.Emit(test);
            if (result.Output is not null)
            {
                problems.Add(Describe(c) + ": refused with " + string.Join(", ", errors) + " but a script was emitted");
            }
        }

        // The accepted ones, many to a load test: each script is executed once in Jint against the k6 shims.
        var dryRun = new K6ScriptEmitter(new EmitterOptions { BaseDirectory = AppContext.BaseDirectory });
        foreach (var batch in Batches(accepted))
        {
            var result = dryRun.Emit(HostileSlot.LoadTestOf(batch));
            if (result.Succeeded)
            {
                continue;
            }

            // Find the cases the dry run refuses, one at a time.
            foreach (var c in batch)
            {
                var alone = dryRun.Emit(HostileSlot.LoadTestOf([c]));
                if (!alone.Succeeded)
                {
                    problems.Add(Describe(c) + ": accepted by the model but not emitted: " + string.Join(" | ", alone.Diagnostics.Where(d => d.IsError).Select(d => d.Id + " " + d.Message)));
                }
            }
        }

        Assert.True(problems.Count == 0, problems.Count + " problem(s):" + Environment.NewLine + string.Join(Environment.NewLine, problems.Take(60)));
        Assert.True(cases.Select(c => c.Text).Distinct(StringComparer.Ordinal).Count() >= StringCount);
        Assert.All(HostileSlot.All, slot => Assert.Contains(cases, c => c.Slot == slot));
        Assert.True(accepted.Count > 0 && refused > 0, accepted.Count + " accepted, " + refused + " refused");
    }

    private static IEnumerable<List<HostileCase>> Batches(List<HostileCase> accepted)
    {
        foreach (var alone in accepted.Where(c => c.Slot.Alone))
        {
            yield return [alone];
        }

        var rest = accepted.Where(c => !c.Slot.Alone).ToList();
        for (var i = 0; i < rest.Count; i += BatchSize)
        {
            yield return rest.GetRange(i, Math.Min(BatchSize, rest.Count - i));
        }
    }

    private static void Compare(HostileCase c, SortedSet<string> expected, SortedSet<string> actual, List<string> problems)
    {
        if (!expected.SetEquals(actual))
        {
            problems.Add(Describe(c) + ": expected [" + string.Join(", ", expected) + "], got [" + string.Join(", ", actual) + "]");
        }
    }

    private static string Describe(HostileCase c) => c.Slot.Name + " #" + c.Suffix + " '" + Escape(c.Text) + "'";

    private static string Escape(string text)
    {
        var shown = text.Length > 80 ? text[..80] + "..." : text;
        return string.Concat(shown.Select(ch => ch is >= ' ' and <= '~' ? ch.ToString() : "\\u" + ((int)ch).ToString("X4", System.Globalization.CultureInfo.InvariantCulture)));
    }
}
