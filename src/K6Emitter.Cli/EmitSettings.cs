using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;

namespace K6Scenarios.Cli;

/// <summary>The parsed arguments of <c>emit</c>.</summary>
internal sealed record EmitSettings
{
    /// <summary>The most VUs one load generator sustains when <c>--max-vus-per-generator</c> is not given.</summary>
    public const int DefaultMaxVusPerGenerator = 1000;

    /// <summary>Gets the built assembly whose [LoadTest] members are emitted, or <see langword="null"/> for scenario files only.</summary>
    public string? AssemblyPath { get; init; }

    /// <summary>Gets the scenario files (<c>*.k6s.yaml</c>) whose load tests are emitted, in the order given.</summary>
    public IReadOnlyList<string> ScenarioFiles { get; init; } = [];

    public required string OutputDirectory { get; init; }

    public string BaseDirectory { get; init; } = Directory.GetCurrentDirectory();

    public bool WarningsAsErrors { get; init; }

    public int MaxVusPerGenerator { get; init; } = DefaultMaxVusPerGenerator;

    public string? ListFile { get; init; }

    /// <summary>Gets the file named by diagnostics that have no source location (the project file, from the build targets).</summary>
    public string? ProjectFile { get; init; }

    /// <summary>Gets the compiler's path map (<c>/src/=/_/</c>), undone on source locations so they name real files.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> PathMap { get; init; } = [];

    /// <summary>Gets the compiler's SARIF error log of this build: findings the analyzers reported there are not repeated.</summary>
    public string? AnalyzerLog { get; init; }

    /// <summary>Gets the OpenAPI documents requests are checked against: the path, and the base URL variable it describes (or null for any).</summary>
    public IReadOnlyList<KeyValuePair<string, string?>> OpenApiDocuments { get; init; } = [];

    /// <summary>Gets whether an assembly without load tests is fine (a project that only references one that has them).</summary>
    public bool AllowEmpty { get; init; }
}

/// <summary>What the command line asked for: emit, show help, or a usage mistake.</summary>
internal abstract record ParsedCommand
{
    public sealed record Emit(EmitSettings Settings) : ParsedCommand;

    public sealed record Help : ParsedCommand;

    public sealed record UsageError(string Message) : ParsedCommand;
}

/// <summary>Parses the command line. Hand-written: the tool runs under the user's deps.json, so it may depend only on what the user's project already has.</summary>
internal static class CommandLine
{
    public const string Usage = """
        Usage: K6Scenarios.Cli emit <assembly.dll> --out <dir> [options]
               K6Scenarios.Cli emit <file.k6s.yaml>... --out <dir> [options]

        Finds the [LoadTest] members of a built assembly, and the load tests of scenario
        files (*.k6s.yaml, patterns such as tests/*.k6s.yaml allowed), emits a k6 script
        for each, validates it, and writes it (with its data files) into <dir>. With
        scenario files, their JSON Schema (k6scenarios.schema.json) is written there too.

        Options:
          --out <dir>                    Folder the scripts are written to (required).
          --base-dir <dir>               Folder that relative data-file paths resolve against
                                         (default: the current directory).
          --warnings-as-errors           Report warnings as errors (exit code 1).
          --max-vus-per-generator <n>    Peak VUs one load generator sustains before K6S0602 warns
                                         (default: 1000).
          --list-file <path>             Write the list of files the tool owns in <dir>, one per line.
          --project <path>               File named by diagnostics that have no source location.
          --path-map <from=to,...>       The compiler's PathMap, undone on source locations.
          --analyzer-log <file>          The compiler's SARIF error log of this build: findings the
                                         analyzers already reported there are not reported again.
          --allow-empty                  No warning when the assembly defines no load test.
          --openapi <file>               An OpenAPI document requests are checked against (repeatable);
                                         it applies to every request when it is the only one.
          --openapi-for <VAR>=<file>     An OpenAPI document for the requests whose base URL comes
                                         from the environment variable VAR (repeatable).
          -h, --help                     Show this help.

        Output: one line per script ("k6 script: <path>"), every diagnostic in the canonical
        MSBuild form ("file(line): warning K6S0601: message [path]").
        Exit codes: 0 success (warnings allowed), 1 errors, 2 usage mistake.

        Run it under the assembly's own dependencies so its references resolve:
          dotnet exec --depsfile X.deps.json --runtimeconfig X.runtimeconfig.json
                      --additionalprobingpath ~/.nuget/packages K6Scenarios.Cli.dll emit X.dll --out k6
        """;

    public static ParsedCommand Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args.Count == 0)
        {
            return new ParsedCommand.UsageError("no command given");
        }

        if (IsHelp(args[0]))
        {
            return new ParsedCommand.Help();
        }

        if (!string.Equals(args[0], "emit", StringComparison.Ordinal))
        {
            return new ParsedCommand.UsageError("unknown command '" + args[0] + "'; the only command is 'emit'");
        }

        string? assembly = null;
        var scenarioFiles = new List<string>();
        string? output = null;
        string? baseDirectory = null;
        string? listFile = null;
        string? project = null;
        string? analyzerLog = null;
        var warningsAsErrors = false;
        var allowEmpty = false;
        var maxVus = EmitSettings.DefaultMaxVusPerGenerator;
        IReadOnlyList<KeyValuePair<string, string>> pathMap = [];
        var openApi = new List<KeyValuePair<string, string?>>();

        for (var i = 1; i < args.Count; i++)
        {
            var arg = args[i];
            if (IsHelp(arg))
            {
                return new ParsedCommand.Help();
            }

            switch (arg)
            {
                case "--warnings-as-errors":
                    warningsAsErrors = true;
                    continue;
                case "--allow-empty":
                    allowEmpty = true;
                    continue;
                case "--out" or "--base-dir" or "--list-file" or "--project" or "--path-map" or "--analyzer-log" or "--max-vus-per-generator" or "--openapi" or "--openapi-for":
                    if (i + 1 >= args.Count || args[i + 1].Length == 0)
                    {
                        return new ParsedCommand.UsageError(arg + " needs a value");
                    }

                    break;
                default:
                    if (arg.StartsWith('-'))
                    {
                        return new ParsedCommand.UsageError("unknown option '" + arg + "'");
                    }

                    if (ScenarioFilePatterns.IsScenarioFile(arg))
                    {
                        // Shells without globbing (cmd, MSBuild's Exec on Windows) pass the pattern itself.
                        var matched = ScenarioFilePatterns.Expand(arg);
                        if (matched.Count == 0)
                        {
                            return new ParsedCommand.UsageError("no scenario file matches '" + arg + "'");
                        }

                        scenarioFiles.AddRange(matched.Where(f => !scenarioFiles.Contains(f, StringComparer.Ordinal)));
                        continue;
                    }

                    if (assembly is not null)
                    {
                        return new ParsedCommand.UsageError("more than one assembly given ('" + assembly + "' and '" + arg + "'); emit one assembly at a time");
                    }

                    assembly = arg;
                    continue;
            }

            var value = args[++i];
            switch (arg)
            {
                case "--out":
                    output = value;
                    break;
                case "--base-dir":
                    baseDirectory = value;
                    break;
                case "--list-file":
                    listFile = value;
                    break;
                case "--project":
                    project = value;
                    break;
                case "--path-map":
                    pathMap = ParsePathMap(value);
                    break;
                case "--analyzer-log":
                    analyzerLog = Path.GetFullPath(value);
                    break;
                case "--openapi":
                    openApi.Add(new KeyValuePair<string, string?>(Path.GetFullPath(value), null));
                    break;
                case "--openapi-for":
                    var separator = value.IndexOf('=', StringComparison.Ordinal);
                    if (separator <= 0 || separator == value.Length - 1)
                    {
                        return new ParsedCommand.UsageError("--openapi-for needs VAR=<file>, such as API_URL=openapi.yaml, not '" + value + "'");
                    }

                    // One document may describe several services: K6BaseUrl="EVOSPIN_API_URL;VINEYARD_API_URL".
                    foreach (var variable in value[..separator].Split([';', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                    {
                        openApi.Add(new KeyValuePair<string, string?>(Path.GetFullPath(value[(separator + 1)..]), variable));
                    }

                    break;
                default:
                    if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out maxVus) || maxVus <= 0)
                    {
                        return new ParsedCommand.UsageError("--max-vus-per-generator needs a positive whole number, not '" + value + "'");
                    }

                    break;
            }
        }

        if (assembly is null && scenarioFiles.Count == 0)
        {
            return new ParsedCommand.UsageError("no assembly given; pass the built .dll that defines the load tests, or scenario files (*.k6s.yaml)");
        }

        if (output is null)
        {
            return new ParsedCommand.UsageError("--out is required; pass the folder the scripts go to");
        }

        return new ParsedCommand.Emit(new EmitSettings
        {
            AssemblyPath = assembly is null ? null : Path.GetFullPath(assembly),
            ScenarioFiles = scenarioFiles,
            // "--out k6/" names the same folder as "--out k6" (the writer compares paths without a trailing separator).
            OutputDirectory = Path.TrimEndingDirectorySeparator(Path.GetFullPath(output)),
            BaseDirectory = Path.GetFullPath(baseDirectory ?? Directory.GetCurrentDirectory()),
            WarningsAsErrors = warningsAsErrors,
            MaxVusPerGenerator = maxVus,
            ListFile = listFile is null ? null : Path.GetFullPath(listFile),
            ProjectFile = project is null ? null : Path.GetFullPath(project),
            PathMap = pathMap,
            AnalyzerLog = analyzerLog,
            AllowEmpty = allowEmpty,
            OpenApiDocuments = openApi,
        });
    }

    // The compiler's syntax: "key=value,key=value"; MSBuild passes it as $(PathMap).
    private static List<KeyValuePair<string, string>> ParsePathMap(string value)
    {
        var map = new List<KeyValuePair<string, string>>();
        foreach (var entry in value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var separator = entry.IndexOf('=', StringComparison.Ordinal);
            if (separator > 0 && separator < entry.Length - 1)
            {
                map.Add(new KeyValuePair<string, string>(entry[..separator], entry[(separator + 1)..]));
            }
        }

        return map;
    }

    private static bool IsHelp(string arg) => arg is "-h" or "--help" or "-?" or "help";
}

/// <summary>Expands a scenario-file argument: a path, or a pattern with <c>*</c> and <c>?</c> in its file name.</summary>
internal static class ScenarioFilePatterns
{
    // The suffixes of ScenarioFileLoader.Extensions, checked here so that parsing never loads K6Scenarios.ScenarioFiles.
    public static bool IsScenarioFile(string path) =>
        path.EndsWith(".k6s.yaml", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".k6s.yml", StringComparison.OrdinalIgnoreCase);

    public static IReadOnlyList<string> Expand(string argument)
    {
        var full = Path.GetFullPath(argument);
        var name = Path.GetFileName(full);
        if (name.IndexOfAny(['*', '?']) < 0)
        {
            // A file that does not exist is reported when it is read (K6S1011), with its path.
            return [full];
        }

        var directory = Path.GetDirectoryName(full)!;
        return Directory.Exists(directory)
            ? Directory.GetFiles(directory, name).Where(IsScenarioFile).Order(StringComparer.Ordinal).ToArray()
            : [];
    }
}
