using System;
using System.Collections.Generic;
using System.Linq;
using K6Scenarios.Diagnostics;
using K6Scenarios.Model;

namespace K6Scenarios.Emitter;

/// <summary>Settings of <see cref="K6ScriptEmitter"/>.</summary>
public sealed record EmitterOptions
{
    /// <summary>Gets the folder that relative data-file paths (pools, multipart files) resolve against (default: the current directory).</summary>
    public string? BaseDirectory { get; init; }

    /// <summary>Gets whether the script is dry-run with Jint before it is returned (default <see langword="true"/>).</summary>
    public bool DryRun { get; init; } = true;

    /// <summary>Gets the most VUs one load generator is expected to sustain (K6S0602; default 1000, where seed 000's generator stopped).</summary>
    public int PeakVusPerGenerator { get; init; } = 1000;

    /// <summary>Gets the expected iteration time used to size arrival-rate executors (K6S0603); <see langword="null"/> estimates it from the flow.</summary>
    public TimeSpan? ExpectedIterationDuration { get; init; }

    /// <summary>
    /// Gets the OpenAPI documents requests are checked against (K6S05xx, the analyzers' rules on the built model); the
    /// dry run also answers each documented operation with an example of its response schema, so a capture of a field
    /// the API does not return fails before anything is written. Documents that could not be read are skipped; what is
    /// wrong with them (<see cref="OpenApi.OpenApiSource.Problems"/>) is for the caller to report once.
    /// </summary>
    public IReadOnlyList<OpenApi.OpenApiSource> OpenApiDocuments { get; init; } = [];

    /// <summary>Gets how many pool entries the dry run loads (the full pool is never loaded during the dry run).</summary>
    public int DryRunPoolSample { get; init; } = 3;
}

/// <summary>A file written beside the script: a pool's data, or a file sent in a multipart body.</summary>
public sealed class EmittedFile
{
    /// <summary>Creates a file.</summary>
    /// <param name="relativePath">The path relative to the script's folder, with '/' separators.</param>
    /// <param name="content">The bytes.</param>
    public EmittedFile(string relativePath, ReadOnlyMemory<byte> content)
    {
        ArgumentException.ThrowIfNullOrEmpty(relativePath);
        RelativePath = relativePath;
        Content = content;
    }

    /// <summary>Gets the path relative to the script's folder.</summary>
    public string RelativePath { get; }

    /// <summary>Gets the bytes.</summary>
    public ReadOnlyMemory<byte> Content { get; }
}

/// <summary>A load test compiled to k6: the script and the files it opens.</summary>
public sealed class EmittedLoadTest
{
    /// <summary>Creates an emitted load test.</summary>
    /// <param name="name">The load test's name.</param>
    /// <param name="script">The script text (LF line ends).</param>
    /// <param name="files">The data files the script opens.</param>
    public EmittedLoadTest(string name, string script, IReadOnlyList<EmittedFile> files)
    {
        Name = name ?? throw new ArgumentNullException(nameof(name));
        Script = script ?? throw new ArgumentNullException(nameof(script));
        Files = files ?? throw new ArgumentNullException(nameof(files));
    }

    /// <summary>Gets the load test's name.</summary>
    public string Name { get; }

    /// <summary>Gets the script's file name: <c>{name}.js</c>.</summary>
    public string ScriptFileName => Name + ".js";

    /// <summary>Gets the script.</summary>
    public string Script { get; }

    /// <summary>Gets the data files, relative to the script's folder.</summary>
    public IReadOnlyList<EmittedFile> Files { get; }
}

/// <summary>The outcome of emitting a load test: the output when there was no error, and every diagnostic.</summary>
public sealed class EmitResult
{
    /// <summary>Creates a result.</summary>
    /// <param name="loadTest">The load test.</param>
    /// <param name="output">The output, or <see langword="null"/> when an error stopped emission.</param>
    /// <param name="diagnostics">The diagnostics.</param>
    public EmitResult(LoadTest loadTest, EmittedLoadTest? output, IReadOnlyList<ModelDiagnostic> diagnostics)
    {
        LoadTest = loadTest ?? throw new ArgumentNullException(nameof(loadTest));
        Output = output;
        Diagnostics = diagnostics ?? throw new ArgumentNullException(nameof(diagnostics));
    }

    /// <summary>Gets the load test.</summary>
    public LoadTest LoadTest { get; }

    /// <summary>Gets the output, or <see langword="null"/> when an error stopped emission.</summary>
    public EmittedLoadTest? Output { get; }

    /// <summary>Gets the diagnostics: model validation, capacity heuristics and script validation.</summary>
    public IReadOnlyList<ModelDiagnostic> Diagnostics { get; }

    /// <summary>Gets whether emission succeeded (no error).</summary>
    public bool Succeeded => Output is not null && !Diagnostics.Any(d => d.IsError);

    /// <summary>Returns the output, or throws with every error when emission failed.</summary>
    /// <returns>The output.</returns>
    /// <exception cref="LoadTestInvalidException">Emission failed.</exception>
    public EmittedLoadTest EnsureSucceeded() =>
        Succeeded ? Output! : throw new LoadTestInvalidException(LoadTest.Name, Diagnostics.Where(d => d.IsError).ToArray());
}

/// <summary>Thrown by <see cref="EmitResult.EnsureSucceeded"/> when a load test cannot be emitted.</summary>
public sealed class LoadTestInvalidException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="loadTestName">The load test's name.</param>
    /// <param name="errors">The errors.</param>
    public LoadTestInvalidException(string loadTestName, IReadOnlyList<ModelDiagnostic> errors)
        : base("Load test '" + loadTestName + "' cannot be emitted:" + Environment.NewLine + string.Join(Environment.NewLine, (errors ?? []).Select(e => "  " + e)))
    {
        Errors = errors ?? [];
    }

    /// <summary>Creates the exception.</summary>
    public LoadTestInvalidException()
    {
        Errors = [];
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">The message.</param>
    public LoadTestInvalidException(string message)
        : base(message)
    {
        Errors = [];
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public LoadTestInvalidException(string message, Exception innerException)
        : base(message, innerException)
    {
        Errors = [];
    }

    /// <summary>Gets the errors.</summary>
    public IReadOnlyList<ModelDiagnostic> Errors { get; }
}
