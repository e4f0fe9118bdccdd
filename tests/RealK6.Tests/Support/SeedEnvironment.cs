using System.Collections.Generic;
using K6Scenarios.Testing.SystemUnderTest;
using K6Scenarios.Testing.SystemUnderTest.Systems;

namespace K6Scenarios.RealK6.Tests.Support;

/// <summary>The <c>-e</c> values that point the seed scripts at the local system under test.</summary>
internal static class SeedEnvironment
{
    public const string VelurePassword = "velure-load-test-password";
    public const string VineyardPassword = "vineyard-load-test-password";

    /// <summary>Every variable any seed script reads, pointed at <paramref name="server"/>.</summary>
    /// <param name="server">The running server.</param>
    /// <returns>The environment.</returns>
    public static Dictionary<string, string> For(SystemUnderTestServer server) => new()
    {
        ["EVOSPIN_API_URL"] = server.UrlOf(EvospinSystem.Prefix),
        ["EVOSPIN_WS_URL"] = server.WebSocketUrlOf(EvospinSystem.Prefix),
        ["EVOSPIN_USER_PASSWORD"] = server.Options.EvospinPassword,
        ["VELURE_API_URL"] = server.UrlOf(VelureSystem.Prefix),
        ["VELURE_TEST_PASSWORD"] = VelurePassword,
        ["VINEYARD_API_URL"] = server.UrlOf(VineyardSystem.Prefix),
        ["VINEYARD_TEST_PASSWORD"] = VineyardPassword,
        ["VOICE_BRIDGE_URL"] = server.UrlOf(EasyMoVoiceBridge.Prefix),
        ["VIDEO_ORCHESTRATOR_URL"] = server.UrlOf(EasyMoVideoOrchestrator.Prefix),
    };
}
