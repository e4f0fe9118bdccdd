namespace BuildIntegration.Tests.Support;

/// <summary>
/// The package packed once from src/Package into a temporary folder, with a version no cache has seen, for the tests
/// of <see cref="RepositoryPackageTests"/>. Packing builds the repository's projects into src/*/bin/Debug, so two packs
/// at once raced for the same output files (seen in CI: "The process cannot access the file
/// '...K6Scenarios.Cli.runtimeconfig.json' because it is being used by another process"); one pack for all of them
/// also saves a build. PackageVersion only names the package, so the repository's builds stay up to date.
/// </summary>
public sealed class RepositoryPackage : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "k6scenarios-tests", "packed-" + Guid.NewGuid().ToString("N")[..12]);

    /// <summary>Packs the package.</summary>
    public RepositoryPackage()
    {
        Version = "0.1.0-test." + Guid.NewGuid().ToString("N")[..12];
        Folder = Path.Combine(_root, "packages");
        var pack = DotnetCommand.Run(RepositoryRoot(), "pack", Path.Combine("src", "Package", "Package.csproj"), "-c", "Debug", "-o", Folder, "-p:PackageVersion=" + Version);
        if (pack.ExitCode != 0)
        {
            throw new InvalidOperationException(pack.ToString());
        }
    }

    /// <summary>Gets the package's version.</summary>
    public string Version { get; }

    /// <summary>Gets the folder that holds the .nupkg, for a project's nuget.config.</summary>
    public string Folder { get; }

    /// <summary>Gets the path of the .nupkg.</summary>
    public string PackagePath => Path.Combine(Folder, "K6Scenarios." + Version + ".nupkg");

    /// <inheritdoc />
    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Scenarios.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("The repository root (with Scenarios.sln) is not above " + AppContext.BaseDirectory);
    }
}

/// <summary>The tests that use the packed package: one pack, and the tests one after the other.</summary>
[CollectionDefinition(Name)]
public sealed class RepositoryPackageTests : ICollectionFixture<RepositoryPackage>
{
    /// <summary>The collection's name.</summary>
    public const string Name = "The repository's package, packed once";
}
