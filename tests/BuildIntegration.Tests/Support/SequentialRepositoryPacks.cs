namespace BuildIntegration.Tests.Support;

/// <summary>
/// The tests that pack src/Package from the repository. Each pack builds the same projects into the same folders
/// (src/*/bin/Debug), so two at once race for the same output files (seen in CI: "The process cannot access the file
/// '...K6Scenarios.Cli.runtimeconfig.json' because it is being used by another process"). One collection runs them one
/// after the other.
/// </summary>
[CollectionDefinition(Name)]
public sealed class SequentialRepositoryPacks
{
    /// <summary>The collection's name.</summary>
    public const string Name = "Packs the repository's package";
}
