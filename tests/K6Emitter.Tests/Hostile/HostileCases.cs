using System.Collections.Generic;
using System.Linq;

namespace K6Scenarios.Testing.Hostile;

/// <summary>The seeded assignment of hostile strings to slots: every atom in every slot, every other string in two.</summary>
public static class HostileCases
{
    /// <summary>Builds the cases of <paramref name="stringCount"/> strings, numbered from 1, in a fixed order.</summary>
    /// <param name="stringCount">How many strings (atoms included).</param>
    /// <returns>The cases.</returns>
    public static IReadOnlyList<HostileCase> Build(int stringCount)
    {
        var strings = HostileStrings.Generate(stringCount);
        var atoms = new HashSet<string>(HostileStrings.Atoms, System.StringComparer.Ordinal);
        var slots = HostileSlot.All;
        var perTest = slots.Where(s => !s.Alone).ToArray();
        var random = new HostileStrings.SplitMix(HostileStrings.Seed ^ 0xCA5E);
        var cases = new List<HostileCase>();
        var number = 1;
        foreach (var text in strings)
        {
            IEnumerable<HostileSlot> chosen;
            if (atoms.Contains(text))
            {
                chosen = slots;
            }
            else
            {
                // Two slots of the flow or the test; one string in ten also names, describes or tags a whole test.
                var first = perTest[random.Next(perTest.Length)];
                var second = perTest[random.Next(perTest.Length)];
                chosen = random.Next(10) == 0 ? [first, second, slots.Where(s => s.Alone).ElementAt(random.Next(slots.Count(s => s.Alone)))] : [first, second];
            }

            foreach (var slot in chosen.Distinct())
            {
                cases.Add(new HostileCase(slot, text, number++));
            }
        }

        return cases;
    }
}
