using System.Collections.Generic;
using K6Scenarios.Diagnostics;
using K6Scenarios.Model;
using K6Scenarios.Model.Validation;
using K6Scenarios.Rules;

namespace K6Scenarios.Emitter.Emission;

/// <summary>Runs model validation, OpenAPI conformance included, with the emitter's settings.</summary>
internal static class ModelChecks
{
    public static IReadOnlyList<ModelDiagnostic> Run(LoadTest loadTest, EmitterOptions options, ApiDocuments? documents, IReadOnlyDictionary<string, int> poolCounts) =>
        LoadTestValidator.Validate(loadTest, new ValidationSettings
        {
            PeakVusPerGenerator = options.PeakVusPerGenerator,
            ExpectedIterationDuration = options.ExpectedIterationDuration,
            KnownPoolCounts = poolCounts,
            Documents = documents,
        });
}
