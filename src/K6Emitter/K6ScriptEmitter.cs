using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using K6Scenarios.Diagnostics;
using K6Scenarios.Emitter.Emission;
using K6Scenarios.Emitter.DryRun;
using K6Scenarios.Model;

namespace K6Scenarios.Emitter;

/// <summary>
/// Compiles a <see cref="LoadTest"/> into a k6 script: validates the model, writes deterministic JavaScript,
/// gathers the data files, and validates the script with Jint. Nothing is written to disk; see <see cref="Writing.ScriptWriter"/>.
/// </summary>
public sealed class K6ScriptEmitter
{
    private readonly K6DryRunner _dryRunner = new();
    private readonly Rules.ApiDocuments? _documents;

    /// <summary>Creates an emitter.</summary>
    /// <param name="options">The settings, or <see langword="null"/> for the defaults.</param>
    public K6ScriptEmitter(EmitterOptions? options = null)
    {
        Options = options ?? new EmitterOptions();

        // Documents are matched once per emitter: look-ups are remembered across the load tests it emits.
        _documents = OpenApi.OpenApiSource.Set(Options.OpenApiDocuments ?? []);
    }

    /// <summary>Gets the settings.</summary>
    public EmitterOptions Options { get; }

    /// <summary>Emits a load test.</summary>
    /// <param name="loadTest">The load test.</param>
    /// <param name="definitionName">What the script header names as its definition; by default the C# member and file
    /// that called <see cref="LoadTest.Create"/> (<c>SignInStorm in Evospin.cs</c>), the same on every machine.</param>
    /// <returns>The script and files, or the diagnostics that prevented them.</returns>
    public EmitResult Emit(LoadTest loadTest, string? definitionName = null)
    {
        ArgumentNullException.ThrowIfNull(loadTest);
        var diagnostics = new List<ModelDiagnostic>();

        // Pool files are read first: their real sizes feed the same pool rules the analyzers apply to constants.
        var baseDirectory = Options.BaseDirectory ?? Directory.GetCurrentDirectory();
        var pools = ReadPools(loadTest, baseDirectory, diagnostics);
        diagnostics.AddRange(ModelChecks.Run(loadTest, Options, _documents, pools.ToDictionary(p => p.Key, p => p.Value.Count, StringComparer.Ordinal)));
        if (diagnostics.Any(d => d.IsError))
        {
            return new EmitResult(loadTest, null, diagnostics);
        }

        var files = new List<EmittedFile>();
        foreach (var pool in pools.Values)
        {
            files.Add(new EmittedFile(pool.RelativePath, pool.Content));
        }

        string script;
        IReadOnlyList<JavaScript.SourceRegion> regions;
        ScriptGenerator generator;
        try
        {
            generator = new ScriptGenerator(loadTest, definitionName ?? DefinitionName(loadTest), pools.ToDictionary(p => p.Key, p => p.Value.RelativePath, StringComparer.Ordinal));
            (script, regions) = generator.Generate();
        }
        catch (EmissionException e)
        {
            diagnostics.Add(new ModelDiagnostic(DiagnosticCatalog.ScriptValidationFailed, string.Empty, loadTest.DefinedAt, loadTest.Name, e.Message));
            return new EmitResult(loadTest, null, diagnostics);
        }

        var validationFiles = pools.Values.ToDictionary(p => "./" + p.RelativePath, p => p.ValidationSample, StringComparer.Ordinal);
        foreach (var (sourcePath, _, relativePath) in generator.Names.Files)
        {
            var full = Path.GetFullPath(Path.Combine(baseDirectory, sourcePath));
            byte[] bytes;
            try
            {
                bytes = File.ReadAllBytes(full);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
            {
                diagnostics.Add(new ModelDiagnostic(DiagnosticCatalog.PoolFileUnreadable, "files." + relativePath, loadTest.DefinedAt, Path.GetFileName(sourcePath), full, e.Message));
                continue;
            }

            files.Add(new EmittedFile(relativePath, bytes));
            validationFiles["./" + relativePath] = Encoding.UTF8.GetString(bytes, 0, Math.Min(bytes.Length, 4096));
        }

        if (diagnostics.Any(d => d.IsError))
        {
            return new EmitResult(loadTest, null, diagnostics);
        }

        if (Options.DryRun)
        {
            // The test as defined, then each profile: every shape the script can take is executed once.
            var environment = generator.Names.Settings
                .Where(e => e.DefaultValue is null)
                .ToDictionary(e => e.Name, e => "dry-run-" + e.Name, StringComparer.Ordinal);
            var reported = new HashSet<string>(StringComparer.Ordinal);
            foreach (var profile in loadTest.Profiles.Select(p => (string?)p.Name).Prepend(null))
            {
                var profileEnvironment = new Dictionary<string, string>(environment, StringComparer.Ordinal);
                if (profile is not null)
                {
                    profileEnvironment[RunProfile.EnvironmentVariable] = profile;
                }

                var input = new DryRunInput(loadTest.Name + ".js", script)
                {
                    Files = validationFiles,
                    Responses = StubResponses.For(loadTest, _documents),
                    Environment = profileEnvironment,
                };
                foreach (var problem in _dryRunner.Run(input).Problems)
                {
                    var diagnostic = ToDiagnostic(loadTest, problem, regions, profile);
                    if (reported.Add(diagnostic.Message))
                    {
                        diagnostics.Add(diagnostic);
                    }
                }

                if (diagnostics.Any(d => d.IsError))
                {
                    break;
                }
            }
        }

        if (loadTest.Kubernetes is { } run && !diagnostics.Any(d => d.IsError))
        {
            var (yaml, bytes) = Distribution.TestRunManifest.Write(loadTest, run, definitionName ?? DefinitionName(loadTest), script, files, generator.Names.Settings.Where(e => e.DefaultValue is null).Select(e => e.Name), generator.Names.Secrets.Select(e => e.Name));
            if (bytes > Distribution.TestRunManifest.ConfigMapLimit)
            {
                diagnostics.Add(new ModelDiagnostic(DiagnosticCatalog.ConfigMapTooLarge, "kubernetes", loadTest.DefinedAt, loadTest.Name, bytes));
            }
            else
            {
                files.Add(new EmittedFile(loadTest.Name + ".testrun.yaml", Encoding.UTF8.GetBytes(yaml)));
            }
        }

        var failed = diagnostics.Any(d => d.IsError);
        return new EmitResult(loadTest, failed ? null : new EmittedLoadTest(loadTest.Name, script, files), diagnostics);
    }

    private Dictionary<string, PoolData> ReadPools(LoadTest loadTest, string baseDirectory, List<ModelDiagnostic> diagnostics)
    {
        var pools = new Dictionary<string, PoolData>(StringComparer.Ordinal);
        var attempted = new HashSet<string>(StringComparer.Ordinal);
        var referenced = loadTest.Scenarios.Where(s => s.Users is not null).Select(s => s.Users!.Pool)
            .Concat(loadTest.AllSteps().SelectMany(StepPools));
        foreach (var pool in referenced)
        {
            if (pool.Source == PoolSourceKind.Generated || pool.FilePath is null || !attempted.Add(pool.Name))
            {
                continue;
            }

            if (DataFiles.ReadPool(loadTest, pool, baseDirectory, Options.DryRunPoolSample, diagnostics) is { } data)
            {
                pools[pool.Name] = data;
            }
        }

        return pools;
    }

    private static IEnumerable<UserPool> StepPools(Step step) =>
        ModuleNames.StepValues([step]).OfType<PoolFieldValue>().Select(f => f.Pool);

    /// <summary>Names the definition without machine-specific paths: the member and the file name only.</summary>
    private static string DefinitionName(LoadTest loadTest)
    {
        var path = loadTest.DefinedAt?.FilePath;
        var file = path is null ? null : path[(path.LastIndexOfAny(['/', '\\']) + 1)..];
        return (loadTest.DefinedBy, file) switch
        {
            ({ } member, { } name) => member + " in " + name,
            (null, { } name) => loadTest.Name + " in " + name,
            _ => loadTest.Name,
        };
    }

    private static ModelDiagnostic ToDiagnostic(LoadTest loadTest, ScriptProblem problem, IReadOnlyList<JavaScript.SourceRegion> regions, string? profile)
    {
        var region = problem.Line is { } line
            ? regions.Where(r => r.FirstLine <= line && line <= r.LastLine).OrderBy(r => r.LastLine - r.FirstLine).FirstOrDefault()
            : null;
        var where = problem.Line is { } l
            ? " (" + loadTest.Name + ".js line " + l.ToString(System.Globalization.CultureInfo.InvariantCulture) + ", " + problem.Phase + ")"
            : " (" + problem.Phase + ")";
        if (profile is not null)
        {
            where += " with " + RunProfile.EnvironmentVariable + "=" + profile;
        }

        return new ModelDiagnostic(
            DiagnosticCatalog.ScriptValidationFailed,
            region?.Path ?? string.Empty,
            region?.Location ?? loadTest.DefinedAt,
            loadTest.Name,
            problem.Message + where);
    }
}
