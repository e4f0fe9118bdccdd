using System.Collections.Generic;
using K6Scenarios.Testing.RealK6;
using K6Scenarios.Testing.SystemUnderTest;
using K6Scenarios.Testing.SystemUnderTest.Systems;

namespace K6Scenarios.RealK6.Tests.Support;

/// <summary>The <c>-e</c> values that point the seed scripts at the local system under test, and the secrets they read through <c>k6/secrets</c>.</summary>
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
        ["VELURE_API_URL"] = server.UrlOf(VelureSystem.Prefix),
        ["VINEYARD_API_URL"] = server.UrlOf(VineyardSystem.Prefix),
        ["VOICE_BRIDGE_URL"] = server.UrlOf(EasyMoVoiceBridge.Prefix),
        ["VIDEO_ORCHESTRATOR_URL"] = server.UrlOf(EasyMoVideoOrchestrator.Prefix),
    };

    /// <summary>Writes the seeds' secrets as k6's file secret source reads them (one NAME=value line each) and returns the argument that names it.</summary>
    /// <param name="server">The running server.</param>
    /// <param name="folder">The folder to write <c>secrets.txt</c> into.</param>
    /// <returns>The <c>--secret-source</c> argument.</returns>
    public static string SecretSource(SystemUnderTestServer server, string folder) => K6Cli.WriteSecretSource(folder, new Dictionary<string, string>
    {
        ["EVOSPIN_USER_PASSWORD"] = server.Options.EvospinPassword,
        ["VELURE_TEST_PASSWORD"] = VelurePassword,
        ["VINEYARD_TEST_PASSWORD"] = VineyardPassword,
    });
}
