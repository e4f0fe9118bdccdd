using System;
using K6Scenarios.Model;

namespace K6Scenarios.Emitter;

/// <summary>One-call emission, for tests and snapshot tools: <c>await Verify(test.ToK6Script(), "js")</c>.</summary>
public static class LoadTestExtensions
{
    /// <summary>Emits and validates a load test and returns its script.</summary>
    /// <param name="loadTest">The load test.</param>
    /// <param name="options">The emitter settings, or <see langword="null"/> for the defaults.</param>
    /// <returns>The script.</returns>
    /// <exception cref="LoadTestInvalidException">The load test has errors; the exception lists them.</exception>
    public static string ToK6Script(this LoadTest loadTest, EmitterOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(loadTest);
        return new K6ScriptEmitter(options).Emit(loadTest).EnsureSucceeded().Script;
    }
}
