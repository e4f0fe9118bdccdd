using System;
using System.IO;
using System.Linq;
using System.Text;
using BenchmarkDotNet.Attributes;
using K6Scenarios.ScenarioFiles;

namespace K6Scenarios.Benchmarks.Emitter;

/// <summary>
/// Reading scenario files (samples/ScenarioFiles, the seeds in YAML) into the model, and refusing the files no person
/// writes. One operation is one file read; emission of the load tests read is <see cref="SeedEmissionBenchmarks"/>'s.
/// </summary>
[MemoryDiagnoser]
public class ScenarioFileBenchmarks
{
    private (string Path, string Text)[] _samples = [];
    private string _aliasBomb = string.Empty;

    /// <summary>Reads the sample files and checks that each loads without a diagnostic.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var folder = Path.Combine(Path.GetDirectoryName(BenchData.SeedBaseDirectory().TrimEnd('/', '\\'))!, "ScenarioFiles");
        if (!Directory.Exists(folder))
        {
            folder = Path.Combine(FindRepository(), "samples", "ScenarioFiles");
        }

        _samples = Directory.GetFiles(folder, "*.k6s.yaml").Order(StringComparer.Ordinal).Select(f => (f, File.ReadAllText(f))).ToArray();
        if (_samples.Length == 0 || _samples.Any(s => !ScenarioFileLoader.Parse(s.Text, s.Path).Succeeded))
        {
            throw new InvalidOperationException("The sample scenario files in " + folder + " do not all load.");
        }

        var bomb = new StringBuilder("a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (var i = 1; i <= 9; i++)
        {
            bomb.Append('a').Append(i).Append(": &a").Append(i).Append(" [").Append(string.Join(", ", Enumerable.Repeat("*a" + (i - 1), 10))).Append("]\n");
        }

        _aliasBomb = bomb.Append("loadTests: *a9\n").ToString();
    }

    /// <summary>The four sample files: YAML, binding, the model with locations.</summary>
    /// <returns>The load tests read, so nothing is optimized away.</returns>
    [Benchmark(OperationsPerInvoke = 4)]
    public int SampleFiles()
    {
        var count = 0;
        foreach (var (path, text) in _samples)
        {
            count += ScenarioFileLoader.Parse(text, path).LoadTests.Count;
        }

        return count;
    }

    /// <summary>A billion-laughs file, refused before anything is expanded.</summary>
    /// <returns>The diagnostics, so nothing is optimized away.</returns>
    [Benchmark]
    public int AliasBomb() => ScenarioFileLoader.Parse(_aliasBomb, "/bench/bomb.k6s.yaml").Diagnostics.Count;

    private static string FindRepository()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Scenarios.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("Scenarios.sln not found above " + AppContext.BaseDirectory);
    }
}
