using System.Collections.Generic;
using K6Scenarios.Diagnostics;
using K6Scenarios.Model;
using K6Scenarios.Model.Validation;

namespace K6Scenarios.Emitter.Emission;

/// <summary>Runs model validation with the emitter's settings.</summary>
internal static class ModelChecks
{
    public static IReadOnlyList<ModelDiagnostic> Run(LoadTest loadTest, EmitterOptions options, IReadOnlyDictionary<string, int> poolCounts) =>
        LoadTestValidator.Validate(loadTest, new ValidationSettings
        {
            PeakVusPerGenerator = options.PeakVusPerGenerator,
            ExpectedIterationDuration = options.ExpectedIterationDuration,
            KnownPoolCounts = poolCounts,
        });
}
