using System;
using System.Linq;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;

namespace K6Scenarios.Benchmarks.Emitter;

/// <summary>
/// Entry point. <c>check</c> emits the seeds and the corpus once and prints what they contain; <c>breakdown</c> times
/// each phase with a stopwatch; anything else goes to BenchmarkDotNet (<c>--filter '*'</c>, <c>--job dry</c>, ...).
/// </summary>
public static class Program
{
    /// <summary>Runs the command.</summary>
    /// <param name="args">The arguments.</param>
    /// <returns>The exit code.</returns>
    public static int Main(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        switch (args.FirstOrDefault())
        {
            case "check":
                return CorpusReport.Print(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : LoadTestCorpus.DefaultSize);
            case "breakdown":
                return PhaseBreakdown.Run(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 200);
            default:
                BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, Config(args));
                return 0;
        }
    }

    // Medians are what the README reports; a fixed, moderate iteration count keeps a full run under ten minutes.
    // A --job on the command line (dry, short) replaces this one.
    private static ManualConfig Config(string[] args)
    {
        var config = ManualConfig.Create(DefaultConfig.Instance)
            .AddColumn(StatisticColumn.Median, StatisticColumn.Min, StatisticColumn.Max);
        if (!args.Any(a => a is "--job" or "-j"))
        {
            config.AddJob(Job.Default.WithWarmupCount(3).WithIterationCount(15).AsDefault());
        }

        return config;
    }
}
