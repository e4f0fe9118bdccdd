using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Threading;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace K6Scenarios.Benchmarks.Analyzers;

/// <summary>
/// The generated project compiled in process: binding and diagnostics alone, then the same with the K6Scenarios
/// analyzers, side by side. Complements bench/analyzer-cost.sh (the real compiler and the SDK's analyzers) with a
/// quieter measurement, and is the one to profile (<c>--profiler EP</c>). Needs <c>generate</c> and a build of the
/// generated project first (the script does both); the folder comes from <c>K6BENCH_ANALYZER_PROJECT</c>.
/// </summary>
[MemoryDiagnoser]
public class InProcessAnalyzerBenchmarks
{
    private ImmutableArray<SyntaxTree> _trees;
    private ImmutableArray<MetadataReference> _references;
    private ImmutableArray<DiagnosticAnalyzer> _analyzers;
    private AnalyzerOptions _options = null!;
    private string _openApiPath = null!;
    private string _openApiContent = null!;

    /// <summary>Parses the generated sources and loads the model and analyzer assemblies the build produced.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var folder = ProjectFolder();
        var parse = new CSharpParseOptions(LanguageVersion.Latest);
        _trees = Directory.GetFiles(Path.Combine(folder, "LoadTests"), "*.cs").OrderBy(f => f, StringComparer.Ordinal)
            .Select(f => CSharpSyntaxTree.ParseText(SourceText.From(File.ReadAllText(f)), parse, f))
            .ToImmutableArray();

        // The running runtime's assemblies stand in for the reference pack: same API surface for this code.
        var platform = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
        _references = platform.Where(p => p.EndsWith(".dll", StringComparison.Ordinal))
            .Append(FindBuilt(folder, "K6Scenarios.Model.dll"))
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
            .ToImmutableArray();

        // K6BENCH_ANALYZER_DLL compares another build of the analyzers (one per process: the assembly names are the same).
        var analyzerAssembly = Assembly.LoadFrom(Environment.GetEnvironmentVariable("K6BENCH_ANALYZER_DLL") is { Length: > 0 } other ? other : FindBuilt(folder, "K6Scenarios.Analyzers.dll"));
        _analyzers = analyzerAssembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && t.GetCustomAttributes(typeof(DiagnosticAnalyzerAttribute), false).Length > 0)
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
            .ToImmutableArray();
        _openApiPath = Path.Combine(folder, ProjectGenerator.OpenApiFileName);
        _openApiContent = File.ReadAllText(_openApiPath);
        _options = new AnalyzerOptions([new FileText(_openApiPath, SourceText.From(_openApiContent))]);

        var errors = Compile().GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).Take(5).ToList();
        if (errors.Count > 0 || _analyzers.Length == 0)
        {
            throw new InvalidOperationException("The generated project does not compile in process, or no analyzer was found: " + string.Join("; ", errors));
        }
    }

    /// <summary>Binding and compiler diagnostics of the whole project (what every build pays).</summary>
    /// <returns>The diagnostics.</returns>
    [Benchmark(Baseline = true)]
    public ImmutableArray<Diagnostic> CompilerOnly() => Compile().GetDiagnostics();

    /// <summary>The same, plus every K6Scenarios analyzer.</summary>
    /// <returns>The diagnostics.</returns>
    [Benchmark]
    public Task<ImmutableArray<Diagnostic>> CompilerAndK6Analyzers() =>
        Compile().WithAnalyzers(_analyzers, CompileOptions()).GetAllDiagnosticsAsync(CancellationToken.None);

    /// <summary>Runs the analyzers once with telemetry and returns each one's execution time.</summary>
    /// <returns>The per-analyzer times.</returns>
    public IReadOnlyList<(string Analyzer, TimeSpan Time)> Telemetry()
    {
        var options = new CompilationWithAnalyzersOptions(CompileOptions(), onAnalyzerException: null, concurrentAnalysis: true, logAnalyzerExecutionTime: true);
        var withAnalyzers = Compile().WithAnalyzers(_analyzers, options);
        // GetAllDiagnosticsAsync leaves the telemetry empty; GetAnalyzerDiagnosticsAsync records it.
        withAnalyzers.GetAnalyzerDiagnosticsAsync(CancellationToken.None).GetAwaiter().GetResult();
        return _analyzers
            .Select(a => (a.GetType().Name, withAnalyzers.GetAnalyzerTelemetryInfoAsync(a, CancellationToken.None).GetAwaiter().GetResult().ExecutionTime))
            .ToList();
    }

    /// <summary>
    /// The analyzers file by file on one thread, nothing else running: CPU time rather than the compiler's telemetry,
    /// which measures wall-clock time inside the callbacks (waits for the CPU and for the process's garbage collections
    /// included). The driver compiles each file to produce its events, so the time includes that binding; compare two
    /// builds of the analyzers (<c>K6BENCH_ANALYZER_DLL</c>), one of them returning at once, to get the analyzers' part.
    /// </summary>
    /// <param name="runs">How many times; a first run warms the JIT and is left out.</param>
    /// <returns>The time of each run, summed over the files.</returns>
    public IReadOnlyList<TimeSpan> FileByFileTimes(int runs)
    {
        var times = new List<TimeSpan>();
        for (var run = 0; run <= runs; run++)
        {
            var options = new CompilationWithAnalyzersOptions(CompileOptions(), onAnalyzerException: null, concurrentAnalysis: false, logAnalyzerExecutionTime: false);
            var withAnalyzers = Compile().WithAnalyzers(_analyzers, options);
            var total = TimeSpan.Zero;
            foreach (var tree in _trees)
            {
                var model = withAnalyzers.Compilation.GetSemanticModel(tree);
                var start = System.Diagnostics.Stopwatch.GetTimestamp();
                withAnalyzers.GetAnalyzerSemanticDiagnosticsAsync(model, filterSpan: null, CancellationToken.None).GetAwaiter().GetResult();
                total += System.Diagnostics.Stopwatch.GetElapsedTime(start);
            }

            if (run > 0)
            {
                times.Add(total);
            }
        }

        return times;
    }

    /// <summary>
    /// Bytes allocated by the whole process while the analyzers run over the project, with an analyzer that only makes
    /// the driver bind every method body (an operation-block action, as the SDK's analyzers have), and then with that
    /// one and ours: the difference is what our analyzers allocate beyond the binding a real build shares with them.
    /// In a real compile those allocations are paid in garbage collections at the compile's end, where our work runs.
    /// </summary>
    /// <param name="runs">How many times; a first run warms the JIT and is left out.</param>
    /// <returns>Per run, the bytes with the binder alone and with the binder and ours.</returns>
    public IReadOnlyList<(long BinderOnly, long WithOurs)> AllocatedBytes(int runs) =>
        BinderPairs(runs, warmup: 1, alternate: false, analyze =>
        {
            var before = GC.GetTotalAllocatedBytes(precise: true);
            analyze();
            return GC.GetTotalAllocatedBytes(precise: true) - before;
        });

    /// <summary>
    /// The types allocated by the whole process while the analyzers run over the project (the runtime's allocation
    /// samples, see <see cref="AllocationTypeListener"/>), with the binding analyzer alone and with it and ours, as in
    /// <see cref="AllocatedBytes"/>: per type, the difference is what our analyzers allocate of it.
    /// </summary>
    /// <param name="runs">How many times; a first run warms the JIT and is left out.</param>
    /// <returns>Per run, the bytes by type with the binder alone and with the binder and ours.</returns>
    public IReadOnlyList<(Dictionary<string, long> BinderOnly, Dictionary<string, long> WithOurs)> AllocatedBytesByType(int runs)
    {
        using var listener = new AllocationTypeListener();
        return BinderPairs(runs, warmup: 1, alternate: false, analyze =>
        {
            listener.TakeBytesByType();
            listener.Recording = true;
            analyze();
            listener.Recording = false;
            return listener.TakeBytesByType();
        });
    }

    /// <summary>
    /// Process CPU time of one analysis of the project with an analyzer that only makes the driver bind every method body,
    /// and of one with that analyzer and ours, run after run in one process: what a warm compiler server pays for ours
    /// beyond the binding other analyzers share with it (the compiler's methods and ours optimized by then).
    /// </summary>
    /// <param name="runs">How many pairs; the first few warm the JIT and are left out (<paramref name="warmup"/>).</param>
    /// <param name="warmup">How many pairs run first, untimed.</param>
    /// <returns>Per pair, the CPU time with the binder alone and with the binder and ours.</returns>
    public IReadOnlyList<(TimeSpan BinderOnly, TimeSpan WithOurs)> WarmCpuTimes(int runs, int warmup) =>
        BinderPairs(runs, warmup, alternate: true, analyze =>
        {
            var process = System.Diagnostics.Process.GetCurrentProcess();
            var before = process.TotalProcessorTime;
            analyze();
            process.Refresh();
            return process.TotalProcessorTime - before;
        });

    // Per run, one analysis with the binding analyzer alone and one with it and ours, each measured around the analysis
    // alone (the compilation is made before); the first runs warm up and are left out. Alternating the order keeps
    // either side from always being the one after a collection of the other's garbage.
    private List<(T BinderOnly, T WithOurs)> BinderPairs<T>(int runs, int warmup, bool alternate, Func<Action, T> measure)
    {
        var binder = new BindingAnalyzer();
        T Measure(ImmutableArray<DiagnosticAnalyzer> analyzers)
        {
            var options = new CompilationWithAnalyzersOptions(CompileOptions(), onAnalyzerException: null, concurrentAnalysis: false, logAnalyzerExecutionTime: false);
            var withAnalyzers = Compile().WithAnalyzers(analyzers, options);
            return measure(() => withAnalyzers.GetAnalyzerDiagnosticsAsync(CancellationToken.None).GetAwaiter().GetResult());
        }

        var results = new List<(T, T)>();
        for (var run = 0; run < warmup + runs; run++)
        {
            T binderOnly, withOurs;
            if (alternate && run % 2 == 1)
            {
                withOurs = Measure(_analyzers.Insert(0, binder));
                binderOnly = Measure([binder]);
            }
            else
            {
                binderOnly = Measure([binder]);
                withOurs = Measure(_analyzers.Insert(0, binder));
            }

            if (run >= warmup)
            {
                results.Add((binderOnly, withOurs));
            }
        }

        return results;
    }

    // Asks for every method body's operations and does nothing with them: the binding a build's other analyzers cause.
    // The analyzer-authoring rules are for shipped analyzers; this one only runs in this process.
#pragma warning disable RS1041, RS1036, RS2008
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    private sealed class BindingAnalyzer : DiagnosticAnalyzer
    {
        private static readonly DiagnosticDescriptor Unused = new("BENCH0001", "unused", "unused", "Benchmark", DiagnosticSeverity.Hidden, isEnabledByDefault: true);

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => [Unused];

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterOperationBlockAction(_ => { });
        }
    }
#pragma warning restore RS1041, RS1036, RS2008

    /// <summary>
    /// What the IDE pays on one document: the analyzers' diagnostics of a single file (binding it included), as the
    /// editor asks for them after each change, once per run on a fresh compilation.
    /// </summary>
    /// <param name="path">The C# file, compiled alone with the model.</param>
    /// <param name="runs">How many times.</param>
    /// <param name="analyze">Whether the analyzers run; without them, the compiler's own diagnostics of the file (binding).</param>
    /// <returns>The time of each run.</returns>
    public IReadOnlyList<TimeSpan> DocumentTimes(string path, int runs, bool analyze)
    {
        var tree = CSharpSyntaxTree.ParseText(SourceText.From(File.ReadAllText(path)), new CSharpParseOptions(LanguageVersion.Latest), path);
        var times = new List<TimeSpan>();
        for (var run = 0; run <= runs; run++)
        {
            var compilation = CSharpCompilation.Create("Document", [tree], _references, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
            var withAnalyzers = compilation.WithAnalyzers(_analyzers, _options);
            var start = System.Diagnostics.Stopwatch.GetTimestamp();
            var model = compilation.GetSemanticModel(tree);
            if (analyze)
            {
                withAnalyzers.GetAnalyzerSemanticDiagnosticsAsync(model, filterSpan: null, CancellationToken.None).GetAwaiter().GetResult();
            }
            else
            {
                model.GetDiagnostics();
            }

            var elapsed = System.Diagnostics.Stopwatch.GetElapsedTime(start);
            if (run > 0)
            {
                // The first run warms the JIT and is left out.
                times.Add(elapsed);
            }
        }

        return times;
    }

    internal static string ProjectFolder()
    {
        var folder = Environment.GetEnvironmentVariable("K6BENCH_ANALYZER_PROJECT")
            ?? Path.Combine(Path.GetTempPath(), "k6scenarios-bench", "analyzer-load");
        return File.Exists(Path.Combine(folder, ProjectGenerator.ProjectFileName))
            ? folder
            : throw new InvalidOperationException("No generated project in " + folder + "; run bench/analyzer-cost.sh (or generate and build it) first.");
    }

    // The assemblies the generated project's build produced, found in the repository it references.
    private static string FindBuilt(string folder, string fileName)
    {
        var project = File.ReadAllText(Path.Combine(folder, ProjectGenerator.ProjectFileName));
        var marker = "/src/ScenarioModel/ScenarioModel.csproj";
        var start = project.LastIndexOf("Include=\"", project.IndexOf(marker, StringComparison.Ordinal), StringComparison.Ordinal) + "Include=\"".Length;
        var repository = project[start..project.IndexOf(marker, StringComparison.Ordinal)];
        var candidates = Directory.GetFiles(Path.Combine(repository, "src"), fileName, SearchOption.AllDirectories)
            .Where(p => p.Contains("/bin/Release/", StringComparison.Ordinal))
            .OrderByDescending(File.GetLastWriteTimeUtc)
            .ToList();
        return candidates.Count > 0 ? candidates[0] : throw new InvalidOperationException("No Release build of " + fileName + " under " + repository + "/src; build the generated project first.");
    }

    private CSharpCompilation Compile() => CSharpCompilation.Create(
        "AnalyzerLoad",
        _trees,
        _references,
        new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, concurrentBuild: true));

    // The additional files of one compile. A compiler process, the compiler server included, reads them anew for every
    // compile, so each analysis gets texts of its own (the same content): a cache keyed by the text object would hit
    // here and never in a real build. The editor keeps one text per unchanged file, which DocumentTimes uses.
    private AnalyzerOptions CompileOptions() => new([new FileText(_openApiPath, SourceText.From(_openApiContent))]);

    private sealed class FileText(string path, SourceText text) : AdditionalText
    {
        public override string Path { get; } = path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => text;
    }
}
