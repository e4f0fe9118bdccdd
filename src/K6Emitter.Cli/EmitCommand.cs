using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.IO;
using System.Linq;
using System.Reflection;
using K6Scenarios.Diagnostics;
using K6Scenarios.Emitter;
using K6Scenarios.Emitter.OpenApi;
using K6Scenarios.Emitter.Discovery;

namespace K6Scenarios.Cli;

/// <summary>
/// <c>emit</c>: load the assembly, discover its load tests, emit each, write the ones that succeeded, report everything.
/// </summary>
/// <remarks>
/// Partial failure: every load test is emitted before anything is written; the ones without errors are written
/// (each file atomically), the ones with errors are reported and their earlier scripts removed, so the folder
/// never holds a script that no longer matches its C# definition. Any error makes the exit code 1.
/// </remarks>
internal sealed class EmitCommand
{
    public const int Success = 0;
    public const int Failure = 1;
    public const int UsageMistake = 2;

    private readonly EmitSettings _settings;
    private readonly TextWriter _out;
    private readonly DiagnosticFormatter _formatter;

    public EmitCommand(EmitSettings settings, TextWriter output)
    {
        _settings = settings ?? throw new ArgumentNullException(nameof(settings));
        _out = output ?? throw new ArgumentNullException(nameof(output));
        _formatter = new DiagnosticFormatter(settings.ProjectFile, settings.PathMap);
    }

    public int Run()
    {
        var diagnostics = new List<ModelDiagnostic>();
        var definitions = new List<LoadTestDefinition>();
        if (_settings.AssemblyPath is { } assemblyPath)
        {
            if (!File.Exists(assemblyPath))
            {
                Report(new ModelDiagnostic(DiagnosticCatalog.DefinitionNotUsable, string.Empty, null, assemblyPath,
                    "the file does not exist; build the project first, or pass the path of the built .dll"));
                return Failure;
            }

            Assembly assembly;
            try
            {
                assembly = UserAssemblyLoader.Load(assemblyPath);
            }
            catch (Exception e) when (e is BadImageFormatException or FileLoadException or FileNotFoundException or IOException)
            {
                Report(new ModelDiagnostic(DiagnosticCatalog.DefinitionNotUsable, string.Empty, null, assemblyPath,
                    "it cannot be loaded (" + e.Message + "); pass a .NET assembly built for this runtime, run with its deps.json"));
                return Failure;
            }

            var discovery = LoadTestDiscovery.Discover(assembly);
            // A project whose load tests are all scenario files defines none in C#, and that is fine.
            var allowEmpty = _settings.AllowEmpty || _settings.ScenarioFiles.Count > 0;
            diagnostics.AddRange(discovery.Diagnostics.Where(d => !(allowEmpty && d.Id == DiagnosticCatalog.NoLoadTestsFound.Id)));
            definitions.AddRange(discovery.LoadTests);
        }

        var fromScenarioFiles = new HashSet<LoadTestDefinition>();
        if (_settings.ScenarioFiles.Count > 0 && !TryReadScenarioFiles(definitions, fromScenarioFiles, diagnostics))
        {
            return Failure;
        }

        definitions = RemoveDuplicateNames(definitions, diagnostics);
        var emitter = new K6ScriptEmitter(new EmitterOptions
        {
            BaseDirectory = _settings.BaseDirectory,
            PeakVusPerGenerator = _settings.MaxVusPerGenerator,
            OpenApiDocuments = _settings.OpenApiDocuments.Select(d => OpenApiSource.Load(d.Key, d.Value)).ToArray(),
        });
        diagnostics.AddRange(OpenApiSource.Problems(emitter.Options.OpenApiDocuments));
        var succeeded = new List<EmittedLoadTest>();
        var failed = new List<string>();
        foreach (var definition in definitions)
        {
            var result = EmitOne(emitter, definition);
            diagnostics.AddRange(result.Diagnostics);
            if (result.Output is not null && !result.Diagnostics.Any(d => Adjust(d).IsError))
            {
                // Beside scripts from scenario files goes the schema their "# yaml-language-server: $schema=" comment names.
                succeeded.Add(fromScenarioFiles.Contains(definition) ? WithSchema(result.Output) : result.Output);
            }
            else
            {
                failed.Add(definition.LoadTest.Name);
            }
        }

        var written = OutputFolder.Write(_settings.OutputDirectory, succeeded, ReadPreviousList(_settings.ListFile));
        diagnostics.AddRange(written.Diagnostics);

        // The analyzers ran the same rules while compiling: what they reported is not reported twice. Errors are
        // always reported (an analyzer error stops the compile, so one here is the emit step's own finding).
        var analyzerLog = AnalyzerLog.Read(_settings.AnalyzerLog);
        foreach (var diagnostic in diagnostics.Select(Adjust))
        {
            if (!diagnostic.IsError && analyzerLog.Reported(diagnostic, diagnostic.Location is { } location ? _formatter.UnmapPath(location.FilePath) : null))
            {
                continue;
            }

            Report(diagnostic);
        }

        foreach (var file in written.Files.Where(f => f.IsScript))
        {
            _out.WriteLine((file.Changed ? "k6 script: " : "k6 script (unchanged): ") + file.FullPath);
        }

        foreach (var stale in written.Removed)
        {
            _out.WriteLine("removed stale file: " + stale);
        }

        if (_settings.ListFile is not null && !TryWriteListFile(_settings.ListFile, written.Owned, out var listProblem))
        {
            diagnostics.Add(listProblem);
            Report(listProblem);
        }

        var errors = diagnostics.Count(d => Adjust(d).IsError);
        _out.WriteLine(Summary(succeeded.Count, failed.Count, written, errors));
        return errors > 0 ? Failure : Success;
    }

    // Scenario files are read only when given: an assembly-only run under a project's deps.json never loads
    // K6Scenarios.ScenarioFiles, which a project that references only the model and the emitter does not have.
    private bool TryReadScenarioFiles(List<LoadTestDefinition> definitions, HashSet<LoadTestDefinition> fromScenarioFiles, List<ModelDiagnostic> diagnostics)
    {
        try
        {
            ReadScenarioFiles(definitions, fromScenarioFiles, diagnostics);
            return true;
        }
        catch (FileNotFoundException e) when (e.FileName?.StartsWith("K6Scenarios.ScenarioFiles", StringComparison.Ordinal) == true || e.FileName?.StartsWith("YamlDotNet", StringComparison.Ordinal) == true)
        {
            Report(new ModelDiagnostic(DiagnosticCatalog.DefinitionNotUsable, string.Empty, null, _settings.ScenarioFiles[0],
                "scenario files need " + e.FileName + ", which the dependencies this command runs with do not hold; reference the K6Scenarios package"));
            return false;
        }
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private void ReadScenarioFiles(List<LoadTestDefinition> definitions, HashSet<LoadTestDefinition> fromScenarioFiles, List<ModelDiagnostic> diagnostics)
    {
        // A file with an error gives no load test, so nothing of it is written.
        foreach (var file in _settings.ScenarioFiles)
        {
            var read = ScenarioFiles.ScenarioFileLoader.Load(file);
            diagnostics.AddRange(read.Diagnostics);
            foreach (var loadTest in read.LoadTests)
            {
                var definition = new LoadTestDefinition(loadTest.Name + " in " + Path.GetFileName(file), loadTest);
                definitions.Add(definition);
                fromScenarioFiles.Add(definition);
            }
        }
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static EmittedLoadTest WithSchema(EmittedLoadTest output) =>
        new(output.Name, output.Script, [.. output.Files, new EmittedFile(ScenarioFiles.ScenarioFileSchema.FileName, System.Text.Encoding.UTF8.GetBytes(ScenarioFiles.ScenarioFileSchema.Text))]);

    // Load tests from the assembly and from scenario files share the output folder: one name, one script. Names are
    // compared ignoring case, as file systems that ignore case would let one script overwrite the other.
    private static List<LoadTestDefinition> RemoveDuplicateNames(List<LoadTestDefinition> found, List<ModelDiagnostic> diagnostics)
    {
        var usable = new List<LoadTestDefinition>();
        foreach (var group in found.GroupBy(d => d.LoadTest.Name, StringComparer.OrdinalIgnoreCase))
        {
            var same = group.ToList();
            if (same.Count == 1)
            {
                usable.Add(same[0]);
                continue;
            }

            foreach (var definition in same)
            {
                var others = string.Join(", ", same.Where(d => !ReferenceEquals(d, definition)).Select(d => d.DisplayName));
                diagnostics.Add(new ModelDiagnostic(DiagnosticCatalog.DuplicateLoadTestName, definition.DisplayName, definition.LoadTest.DefinedAt, definition.LoadTest.Name, "also by " + others));
            }
        }

        return usable;
    }

    private static EmitResult EmitOne(K6ScriptEmitter emitter, LoadTestDefinition definition)
    {
        try
        {
            // The header names the definition as snapshot tests see it (member and file), so both agree byte for byte.
            return emitter.Emit(definition.LoadTest);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A crash of the emitter is our bug, not the user's: say so, and keep emitting the other load tests.
            var diagnostic = new ModelDiagnostic(DiagnosticCatalog.EmitterFailed, definition.DisplayName, definition.LoadTest.DefinedAt,
                definition.LoadTest.Name, e.GetType().Name, e.Message);
            return new EmitResult(definition.LoadTest, null, [diagnostic]);
        }
    }

    private ModelDiagnostic Adjust(ModelDiagnostic diagnostic) =>
        _settings.WarningsAsErrors && diagnostic.Severity == RuleSeverity.Warning ? diagnostic.WithSeverity(RuleSeverity.Error) : diagnostic;

    private void Report(ModelDiagnostic diagnostic) => _out.WriteLine(_formatter.Format(diagnostic));

    private string Summary(int emitted, int failed, OutputFolder.Result written, int errors)
    {
        var changed = written.Files.Count(f => f.IsScript && f.Changed);
        var text = "K6Scenarios: " + emitted + " load test(s) emitted into " + _settings.OutputDirectory
            + " (" + changed + " script(s) written, " + (written.Files.Count(f => f.IsScript) - changed) + " unchanged)";
        if (failed > 0)
        {
            text += ", " + failed + " failed";
        }

        return errors > 0 ? text + "; " + errors + " error(s)" : text;
    }

    // The files the previous run owned: what may be removed when no load test produces them any more.
    private static string[] ReadPreviousList(string? listFile)
    {
        try
        {
            return listFile is not null && File.Exists(listFile)
                ? File.ReadAllLines(listFile).Where(l => l.Length > 0 && Path.IsPathFullyQualified(l)).ToArray()
                : [];
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return [];
        }
    }

    private static bool TryWriteListFile(string path, IEnumerable<string> files, [NotNullWhen(false)] out ModelDiagnostic? problem)
    {
        try
        {
            var directory = Path.GetDirectoryName(path);
            if (!string.IsNullOrEmpty(directory))
            {
                Directory.CreateDirectory(directory);
            }

            File.WriteAllText(path, string.Concat(files.OrderBy(f => f, StringComparer.Ordinal).Select(f => f + "\n")));
            problem = null;
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            problem = new ModelDiagnostic(DiagnosticCatalog.OutputNotWritten, string.Empty, null, path, e.Message);
            return false;
        }
    }
}
