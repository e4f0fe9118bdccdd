using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;

namespace K6Scenarios.Benchmarks.Analyzers;

/// <summary>
/// <c>generate &lt;folder&gt; [load-tests] [operations]</c> writes the analyzer benchmark's project (defaults 1,000 and
/// 200) referencing this repository's model and analyzers; <c>telemetry [runs]</c> compiles it in process and prints
/// each analyzer's execution time; <c>document [runs] [load-tests]</c> times one file as the editor analyzes it;
/// <c>files [runs]</c> times the analyzers file by file on one thread; <c>allocations [runs] [types]</c> measures what they
/// allocate beyond the binding they share with other analyzers; <c>warm [runs]</c> measures their CPU beyond it in a warm
/// process; anything else goes to BenchmarkDotNet.
/// </summary>
public static class Program
{
    /// <summary>Runs the command.</summary>
    /// <param name="args">The arguments.</param>
    /// <returns>The exit code: 0, or 2 for a usage mistake.</returns>
    public static int Main(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args.FirstOrDefault() == "telemetry")
        {
            return Telemetry(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 5);
        }

        if (args.FirstOrDefault() == "document")
        {
            return Document(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 5, args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 100);
        }

        if (args.FirstOrDefault() == "files")
        {
            return Files(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 5);
        }

        if (args.FirstOrDefault() == "allocations")
        {
            return Allocations(args.Length > 1 && args[1] != "types" ? int.Parse(args[1], CultureInfo.InvariantCulture) : 3, args.Contains("types"));
        }

        if (args.FirstOrDefault() == "warm")
        {
            return Warm(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 20);
        }

        if (args.FirstOrDefault() != "generate")
        {
            var config = ManualConfig.Create(DefaultConfig.Instance).AddColumn(StatisticColumn.Median);
            if (!args.Any(a => a is "--job" or "-j"))
            {
                config.AddJob(Job.Default.WithWarmupCount(2).WithIterationCount(10).AsDefault());
            }

            BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, config);
            return 0;
        }

        if (args.Length < 2)
        {
            Console.Error.WriteLine("usage: generate <folder> [load-tests=1000] [operations=200]");
            return 2;
        }

        var loadTests = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 1000;
        var operations = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 200;
        if (loadTests < 1 || operations < 6)
        {
            Console.Error.WriteLine("use at least 1 load test and 6 operations");
            return 2;
        }

        var folder = Path.GetFullPath(args[1]);
        var files = ProjectGenerator.Write(folder, RepositoryRoot(), loadTests, operations);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"wrote {folder}: {loadTests} load tests in {files.Count} files, {operations} OpenAPI operations"));
        return 0;
    }

    // Medians of in-process compiles: the compiler alone, and each K6Scenarios analyzer's own execution time.
    private static int Telemetry(int runs)
    {
        var bench = new InProcessAnalyzerBenchmarks();
        bench.Setup();
        bench.CompilerOnly();
        bench.Telemetry();
        var compile = new double[runs];
        var analyzers = new System.Collections.Generic.Dictionary<string, double[]>(StringComparer.Ordinal);
        for (var run = 0; run < runs; run++)
        {
            var start = Stopwatch.GetTimestamp();
            bench.CompilerOnly();
            compile[run] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            foreach (var (analyzer, time) in bench.Telemetry())
            {
                if (!analyzers.TryGetValue(analyzer, out var times))
                {
                    analyzers[analyzer] = times = new double[runs];
                }

                times[run] = time.TotalMilliseconds;
            }
        }

        var compileMedian = Median(compile);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"compiler alone (binding + diagnostics): {compileMedian:F0} ms (median of {runs})"));
        var total = 0.0;
        foreach (var (analyzer, times) in analyzers.OrderBy(a => a.Key, StringComparer.Ordinal))
        {
            var median = Median(times);
            total += median;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{analyzer,-24} {median,8:F0} ms  {100 * median / compileMedian,6:F1} % of the compile"));
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{"K6Scenarios analyzers",-24} {total,8:F0} ms  {100 * total / compileMedian,6:F1} % of the compile (target: under 5 %)"));
        return 0;
    }

    // One file of many load tests analyzed as the editor does it, after every change (medians of fresh compilations).
    private static int Document(int runs, int loadTests)
    {
        var bench = new InProcessAnalyzerBenchmarks();
        bench.Setup();
        var folder = Path.Combine(Path.GetTempPath(), "k6scenarios-bench", "document");
        var file = ProjectGenerator.Write(folder, RepositoryRoot(), loadTests, 200, testsPerFile: loadTests).Single();
        var binding = bench.DocumentTimes(file, runs, analyze: false).Select(t => t.TotalMilliseconds).ToArray();
        var analyzed = bench.DocumentTimes(file, runs, analyze: true).Select(t => t.TotalMilliseconds).ToArray();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"one file of {loadTests} load tests (medians of {runs} fresh compilations):"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  compiler diagnostics (binding)        {Median(binding),7:F0} ms"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  K6Scenarios analyzers (binding incl.) {Median(analyzed),7:F0} ms"));
        return 0;
    }

    // The analyzers file by file on one thread (see InProcessAnalyzerBenchmarks.FileByFileTimes).
    private static int Files(int runs)
    {
        var bench = new InProcessAnalyzerBenchmarks();
        bench.Setup();
        var times = bench.FileByFileTimes(runs).Select(t => t.TotalMilliseconds).ToArray();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"K6Scenarios analyzers file by file, one thread (driver's binding included): median {Median(times):F0} ms, min {times.Min():F0} ms ({times.Length} runs)"));
        return 0;
    }

    // What our analyzers allocate beyond the binding (see InProcessAnalyzerBenchmarks.AllocatedBytes).
    private static int Allocations(int runs, bool byType)
    {
        var bench = new InProcessAnalyzerBenchmarks();
        bench.Setup();
        var results = bench.AllocatedBytes(runs);
        var binder = Median(results.Select(r => r.BinderOnly / 1048576.0).ToArray());
        var ours = Median(results.Select(r => (r.WithOurs - r.BinderOnly) / 1048576.0).ToArray());
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"binding every method body (driver and compiler): {binder,8:F1} MB"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"K6Scenarios analyzers beyond that:              {ours,8:F1} MB (median of {runs})"));
        if (byType)
        {
            // Summed over the runs, then divided: the samples are ~100 KB apart, too coarse for one run's smaller types.
            var byTypeRuns = bench.AllocatedBytesByType(runs);
            var types = byTypeRuns.SelectMany(r => r.BinderOnly.Keys.Concat(r.WithOurs.Keys)).Distinct(StringComparer.Ordinal);
            var beyond = types.Select(t => (Type: t, Bytes: byTypeRuns.Sum(r => r.WithOurs.GetValueOrDefault(t) - r.BinderOnly.GetValueOrDefault(t)) / (double)byTypeRuns.Count))
                .OrderByDescending(t => t.Bytes).Take(25);
            Console.WriteLine("types allocated beyond the binding (sampled about every 100 KB; mean of the runs):");
            foreach (var (type, bytes) in beyond)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{bytes / 1048576.0,8:F2} MB  {type}"));
            }
        }

        return 0;
    }

    // What a warm process pays for our analyzers beyond the shared binding (see InProcessAnalyzerBenchmarks.WarmCpuTimes).
    private static int Warm(int runs)
    {
        var bench = new InProcessAnalyzerBenchmarks();
        bench.Setup();
        var results = bench.WarmCpuTimes(runs, warmup: 5);
        var binder = Median(results.Select(r => r.BinderOnly.TotalMilliseconds).ToArray());
        var with = Median(results.Select(r => r.WithOurs.TotalMilliseconds).ToArray());
        var ours = Median(results.Select(r => (r.WithOurs - r.BinderOnly).TotalMilliseconds).ToArray());
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"process CPU, binding every method body:   {binder,8:F0} ms"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"process CPU, that and K6Scenarios:        {with,8:F0} ms"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"K6Scenarios beyond the binding (pairs):   {ours,8:F0} ms (median of {runs} pairs after 5 untimed)"));
        return 0;
    }

    private static double Median(double[] values)
    {
        var sorted = values.OrderBy(v => v).ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }

    // The repository this program was built from: the first folder above it that holds Scenarios.sln.
    internal static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Scenarios.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("Run this program from its build output inside the K6Scenarios repository.");
    }
}
