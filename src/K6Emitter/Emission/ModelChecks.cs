using System.Collections.Generic;
using K6Scenarios.Diagnostics;
using K6Scenarios.Model;

namespace K6Scenarios.Emitter.Emission;

/// <summary>Runs model validation with the emitter's settings.</summary>
internal static class ModelChecks
{
    public static IReadOnlyList<ModelDiagnostic> Run(LoadTest loadTest, EmitterOptions options)
    {
        _ = loadTest;
        _ = options;
        return [];
    }
}
