using System;
using System.IO;

namespace K6Scenarios.ScenarioFiles.Tests.Support;

/// <summary>Finds files of this repository from the test's output folder.</summary>
internal static class Repository
{
    public static string Root { get; } = FindRoot();

    public static string PathOf(params string[] parts) => Path.Combine([Root, .. parts]);

    public static string SamplesFolder => PathOf("samples", "ScenarioFiles");

    public static string CorpusFolder => PathOf("tests", "ScenarioFiles.Tests", "Corpus");

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
