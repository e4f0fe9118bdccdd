using System;

namespace K6Scenarios.Emitter.Emission;

/// <summary>The first line of every generated file: where the load test was defined and how to change it.</summary>
internal static class DefinitionHeader
{
    /// <summary>Gets the advice for a definition: a scenario file (<c>*.yaml</c>, <c>*.yml</c>) is edited and emitted again, C# is rebuilt.</summary>
    /// <param name="definitionName">The definition as the header names it: <c>SignInStorm in Evospin.cs</c>, <c>signin in tests.k6s.yaml</c>.</param>
    /// <returns>The advice sentence.</returns>
    public static string EditAdvice(string definitionName) =>
        definitionName.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || definitionName.EndsWith(".yml", StringComparison.OrdinalIgnoreCase)
            ? "Do not edit: change the scenario file and emit again."
            : "Do not edit: change the C# definition and rebuild.";
}
