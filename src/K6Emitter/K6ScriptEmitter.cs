using System;
using K6Scenarios.Model;

namespace K6Scenarios.Emitter;

/// <summary>
/// Compiles a <see cref="LoadTest"/> into a k6 script: validates the model, writes deterministic JavaScript,
/// gathers the data files, and validates the script with Jint. Nothing is written to disk; see <see cref="Writing.ScriptWriter"/>.
/// </summary>
public sealed class K6ScriptEmitter
{
    /// <summary>Creates an emitter.</summary>
    /// <param name="options">The settings, or <see langword="null"/> for the defaults.</param>
    public K6ScriptEmitter(EmitterOptions? options = null) => Options = options ?? new EmitterOptions();

    /// <summary>Gets the settings.</summary>
    public EmitterOptions Options { get; }

    /// <summary>Emits a load test.</summary>
    /// <param name="loadTest">The load test.</param>
    /// <returns>The script and files, or the diagnostics that prevented them.</returns>
    public EmitResult Emit(LoadTest loadTest)
    {
        ArgumentNullException.ThrowIfNull(loadTest);
        throw new NotImplementedException("Being written: " + Options);
    }
}
