using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using K6Scenarios.Emitter;
using K6Scenarios.Emitter.Discovery;
using K6Scenarios.Model;
using K6Scenarios.Samples.Seeds.LoadTests;

namespace K6Scenarios.Benchmarks.Emitter;

/// <summary>The inputs every benchmark shares: the seed load tests, the generated corpus and the pool files.</summary>
public static class BenchData
{
    private const string SeedPoolFile = "data/evospin-users.json";

    /// <summary>Gets the folder the generated pool files are written to (one per machine user, reused across runs).</summary>
    public static string GeneratedDataDirectory { get; } = Path.Combine(Path.GetTempPath(), "k6scenarios-bench", "data");

    /// <summary>Discovers the seed load tests the way the emit command does, from the Seeds sample assembly.</summary>
    /// <returns>The load tests, in discovery order.</returns>
    public static IReadOnlyList<LoadTest> SeedLoadTests()
    {
        var discovery = LoadTestDiscovery.Discover(typeof(Evospin).Assembly);
        if (discovery.HasErrors || discovery.LoadTests.Count == 0)
        {
            throw new InvalidOperationException("The Seeds sample's load tests cannot be discovered:" + Environment.NewLine + string.Join(Environment.NewLine, discovery.Diagnostics));
        }

        return discovery.LoadTests.Select(d => d.LoadTest).ToArray();
    }

    /// <summary>
    /// Finds the folder the seed pool paths resolve against: the build output (the Seeds project copies its data
    /// there) or, when BenchmarkDotNet runs from a generated folder, the Seeds sample itself.
    /// </summary>
    /// <returns>The base directory for the seeds' emitter.</returns>
    public static string SeedBaseDirectory()
    {
        if (File.Exists(Path.Combine(AppContext.BaseDirectory, SeedPoolFile)))
        {
            return AppContext.BaseDirectory;
        }

        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            var seeds = Path.Combine(folder.FullName, "samples", "Seeds");
            if (File.Exists(Path.Combine(seeds, SeedPoolFile)))
            {
                return seeds;
            }
        }

        throw new InvalidOperationException("Cannot find " + SeedPoolFile + " next to the benchmark or in samples/Seeds above it; build the Seeds sample first.");
    }

    /// <summary>Writes the corpus pool files and returns the folder they are in.</summary>
    /// <returns>The base directory for the corpus' emitter.</returns>
    public static string PrepareCorpusData()
    {
        LoadTestCorpus.WriteDataFiles(GeneratedDataDirectory);
        return GeneratedDataDirectory;
    }

    /// <summary>Writes a JSON pool file of <paramref name="entries"/> users and returns its name relative to <see cref="GeneratedDataDirectory"/>.</summary>
    /// <param name="entries">How many users.</param>
    /// <returns>The relative path.</returns>
    public static string PreparePoolFile(int entries)
    {
        var relative = "pool-" + entries.ToString(CultureInfo.InvariantCulture) + ".json";
        PoolFiles.WriteJson(Path.Combine(GeneratedDataDirectory, relative), entries);
        return relative;
    }

    /// <summary>
    /// Emits every load test once and fails when any does not emit: a benchmark of the error path (which stops before
    /// validation) would report flattering numbers that users never see.
    /// </summary>
    /// <param name="loadTests">The load tests.</param>
    /// <param name="options">The emitter options.</param>
    /// <returns>The emitted scripts.</returns>
    public static IReadOnlyList<EmittedLoadTest> EnsureAllEmit(IReadOnlyList<LoadTest> loadTests, EmitterOptions options)
    {
        var emitter = new K6ScriptEmitter(options);
        var emitted = new List<EmittedLoadTest>(loadTests.Count);
        var failures = new List<string>();
        foreach (var loadTest in loadTests)
        {
            var result = emitter.Emit(loadTest);
            if (result.Succeeded)
            {
                emitted.Add(result.Output!);
            }
            else
            {
                failures.Add(loadTest.Name + ": " + string.Join("; ", result.Diagnostics.Where(d => d.IsError)));
            }
        }

        if (failures.Count > 0)
        {
            throw new InvalidOperationException(failures.Count.ToString(CultureInfo.InvariantCulture) + " load test(s) do not emit, so the benchmark would measure the error path:" + Environment.NewLine + string.Join(Environment.NewLine, failures.Take(20)));
        }

        return emitted;
    }
}
