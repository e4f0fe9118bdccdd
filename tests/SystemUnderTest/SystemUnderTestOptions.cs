using System.Collections.Generic;

namespace K6Scenarios.Testing.SystemUnderTest;

/// <summary>Settings of a <see cref="SystemUnderTestServer"/>.</summary>
public sealed record SystemUnderTestOptions
{
    /// <summary>The password every seeded Evospin user signs in with (the seed seeded 10,000 users sharing one).</summary>
    public const string DefaultEvospinPassword = "evospin-seeded-password";

    /// <summary>Gets the password of Evospin's seeded users; any e-mail address with this password signs in.</summary>
    public string EvospinPassword { get; init; } = DefaultEvospinPassword;

    /// <summary>
    /// Gets the password of Vineyard accounts that exist before the test (any username), or <see langword="null"/> when
    /// only registered users log in. Load tests that log in without registering (samples/Mistakes) need it.
    /// </summary>
    public string? VineyardSeededPassword { get; init; }

    /// <summary>
    /// Gets how many <c>/api/*</c> requests each EasyMO service accepts per second before it answers 429, as the
    /// seed's rate limiting does. The default is high enough that short runs never meet it.
    /// </summary>
    public int EasyMoRequestsPerSecond { get; init; } = 10_000;

    /// <summary>
    /// Gets the most requests the server answers in its lifetime; later requests get 503. A bound, so that a
    /// runaway script cannot load the machine for long.
    /// </summary>
    public long MaxRequests { get; init; } = 2_000_000;

    /// <summary>Gets more systems to serve next to the built-in ones (test-specific endpoints).</summary>
    public IReadOnlyList<ISystemModule> AdditionalModules { get; init; } = [];
}
