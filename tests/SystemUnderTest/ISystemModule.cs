using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace K6Scenarios.Testing.SystemUnderTest;

/// <summary>
/// One system of the seeds (or any endpoints a test needs), served under <c>/{<see cref="PathPrefix"/>}</c> of the
/// shared server. Add a system by writing one class and listing it in <see cref="SystemModules.BuiltIn"/>, or pass
/// test-specific modules in <see cref="SystemUnderTestOptions.AdditionalModules"/>.
/// </summary>
public interface ISystemModule
{
    /// <summary>Gets the first path segment of every endpoint of this system (letters, digits and '-').</summary>
    string PathPrefix { get; }

    /// <summary>Registers services the endpoints need (rate limiter policies, for instance).</summary>
    /// <param name="services">The server's services.</param>
    /// <param name="options">The server's settings.</param>
    void ConfigureServices(IServiceCollection services, SystemUnderTestOptions options);

    /// <summary>Maps the system's endpoints.</summary>
    /// <param name="routes">The route group of <c>/{PathPrefix}</c>.</param>
    /// <param name="options">The server's settings.</param>
    void Map(RouteGroupBuilder routes, SystemUnderTestOptions options);
}
