using System;
using System.Threading.Tasks;
using Xunit;

namespace K6Scenarios.Testing.SystemUnderTest;

/// <summary>
/// Starts one <see cref="SystemUnderTestServer"/> for a test class (<c>IClassFixture&lt;SystemUnderTestFixture&gt;</c>)
/// or a collection, and stops it afterwards.
/// </summary>
public sealed class SystemUnderTestFixture : IAsyncLifetime
{
    private SystemUnderTestServer? _server;

    /// <summary>Gets the running server.</summary>
    public SystemUnderTestServer Server => _server ?? throw new InvalidOperationException("The fixture has not started.");

    /// <inheritdoc />
    public async Task InitializeAsync() => _server = await SystemUnderTestServer.StartAsync().ConfigureAwait(false);

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync().ConfigureAwait(false);
        }
    }
}
