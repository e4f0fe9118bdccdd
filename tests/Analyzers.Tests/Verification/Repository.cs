using System;
using System.IO;

namespace K6Scenarios.Analyzers.Tests.Verification;

/// <summary>Finds files of this repository from the test's output folder.</summary>
internal static class Repository
{
    public static string Root { get; } = FindRoot();

    public static string PathOf(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Scenarios.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Scenarios.sln not found above " + AppContext.BaseDirectory);
    }
}
