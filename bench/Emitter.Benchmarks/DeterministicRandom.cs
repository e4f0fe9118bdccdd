namespace K6Scenarios.Benchmarks.Emitter;

/// <summary>
/// SplitMix64: a tiny generator whose sequence is fixed by this code, not by the runtime (System.Random's seeded
/// sequence is an implementation detail), so the corpus is the same on every machine and every .NET.
/// </summary>
internal sealed class DeterministicRandom
{
    private ulong _state;

    public DeterministicRandom(ulong seed) => _state = seed;

    /// <summary>Returns an integer from 0 to <paramref name="maxExclusive"/> - 1.</summary>
    public int Next(int maxExclusive) => (int)(NextUInt64() % (ulong)maxExclusive);

    /// <summary>Returns an integer from <paramref name="minInclusive"/> to <paramref name="maxInclusive"/>.</summary>
    public int Between(int minInclusive, int maxInclusive) => minInclusive + Next(maxInclusive - minInclusive + 1);

    /// <summary>Returns true with probability <paramref name="numerator"/> / <paramref name="denominator"/>.</summary>
    public bool Chance(int numerator, int denominator) => Next(denominator) < numerator;

    /// <summary>Picks one of <paramref name="items"/>.</summary>
    public T Pick<T>(params T[] items) => items[Next(items.Length)];

    private ulong NextUInt64()
    {
        var z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
