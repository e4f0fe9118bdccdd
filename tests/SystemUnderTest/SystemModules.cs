using System.Collections.Generic;
using K6Scenarios.Testing.SystemUnderTest.Systems;

namespace K6Scenarios.Testing.SystemUnderTest;

/// <summary>The systems every server serves.</summary>
public static class SystemModules
{
    /// <summary>Gets new instances of the seed systems (each server keeps its own state).</summary>
    /// <returns>Evospin, Velure, Vineyard and EasyMO's two services.</returns>
    public static IReadOnlyList<ISystemModule> BuiltIn() =>
    [
        new EvospinSystem(),
        new VelureSystem(),
        new VineyardSystem(),
        new EasyMoVoiceBridge(),
        new EasyMoVideoOrchestrator(),
    ];
}
