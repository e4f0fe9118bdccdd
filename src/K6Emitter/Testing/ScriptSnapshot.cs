using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Text;
using K6Scenarios.Model;

namespace K6Scenarios.Emitter.Testing;

/// <summary>
/// Snapshot tests of emitted scripts, with Verify's conventions: the approved script is <c>{Type}.{Method}.verified.js</c>
/// beside the test file; a mismatch writes <c>{Type}.{Method}.received.js</c> there and fails; setting the environment
/// variable <c>K6SCENARIOS_ACCEPT=true</c> (never honoured when <c>CI=true</c>) accepts received scripts.
/// <c>{Type}</c> is the test file's name, which by convention is the test class's name.
/// </summary>
public static class ScriptSnapshot
{
    /// <summary>The environment variable that accepts received scripts as verified.</summary>
    public const string AcceptVariable = "K6SCENARIOS_ACCEPT";

    /// <summary>Emits a load test and compares its script with the verified snapshot.</summary>
    /// <param name="loadTest">The load test.</param>
    /// <param name="options">The emitter settings (set <see cref="EmitterOptions.BaseDirectory"/> when pools read files).</param>
    /// <param name="sourceFile">Filled by the compiler: the test file, beside which snapshots live.</param>
    /// <param name="testMethod">Filled by the compiler: the test method.</param>
    /// <exception cref="SnapshotMismatchException">The script differs from the verified one, or none is verified yet.</exception>
    public static void Verify(LoadTest loadTest, EmitterOptions? options = null, [CallerFilePath] string sourceFile = "", [CallerMemberName] string testMethod = "")
    {
        ArgumentNullException.ThrowIfNull(loadTest);
        VerifyText(loadTest.ToK6Script(options), sourceFile, testMethod);
    }

    /// <summary>Compares a script with the verified snapshot.</summary>
    /// <param name="script">The script.</param>
    /// <param name="sourceFile">Filled by the compiler: the test file, beside which snapshots live.</param>
    /// <param name="testMethod">Filled by the compiler: the test method.</param>
    /// <exception cref="SnapshotMismatchException">The script differs from the verified one, or none is verified yet.</exception>
    public static void VerifyText(string script, [CallerFilePath] string sourceFile = "", [CallerMemberName] string testMethod = "")
    {
        ArgumentNullException.ThrowIfNull(script);
        if (string.IsNullOrEmpty(sourceFile) || string.IsNullOrEmpty(testMethod))
        {
            throw new ArgumentException("The snapshot needs the test's file and method; let the compiler fill them in.", nameof(sourceFile));
        }

        sourceFile = ResolveSourceFile(sourceFile);
        var directory = Path.GetDirectoryName(sourceFile)!;
        var stem = Path.Combine(directory, Path.GetFileNameWithoutExtension(sourceFile) + "." + testMethod);
        var verifiedPath = stem + ".verified.js";
        var receivedPath = stem + ".received.js";
        var received = Normalize(script);
        var verified = File.Exists(verifiedPath) ? Normalize(File.ReadAllText(verifiedPath, Encoding.UTF8)) : null;

        if (verified == received)
        {
            File.Delete(receivedPath);
            return;
        }

        if (ShouldAccept())
        {
            File.WriteAllText(verifiedPath, received, new UTF8Encoding(false));
            File.Delete(receivedPath);
            return;
        }

        File.WriteAllText(receivedPath, received, new UTF8Encoding(false));
        throw new SnapshotMismatchException(verified is null
            ? "No verified snapshot yet: review " + receivedPath + " and rename it to " + Path.GetFileName(verifiedPath) + ", or run with " + AcceptVariable + "=true."
            : "The script differs from " + verifiedPath + " " + FirstDifference(verified, received) + ". Review " + receivedPath + "; accept it by renaming it or by running with " + AcceptVariable + "=true.");
    }

    /// <summary>
    /// Finds a source file named by <c>[CallerFilePath]</c> on disk. Deterministic CI builds map source paths
    /// (<c>/_/tests/MyTests.cs</c>); the tests run from the build output, which lies inside the repository, so the
    /// file is looked up under each folder above it, longest relative path first.
    /// </summary>
    /// <param name="callerFilePath">The path the compiler recorded.</param>
    /// <returns>The file on disk, or the path unchanged when it exists or cannot be found.</returns>
    public static string ResolveSourceFile(string callerFilePath)
    {
        ArgumentNullException.ThrowIfNull(callerFilePath);
        if (File.Exists(callerFilePath))
        {
            return callerFilePath;
        }

        var segments = callerFilePath.Split(['/', '\\'], StringSplitOptions.RemoveEmptyEntries);
        for (var skip = 1; skip < segments.Length; skip++)
        {
            var relative = Path.Combine(segments[skip..]);
            for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
            {
                var candidate = Path.Combine(folder.FullName, relative);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        return callerFilePath;
    }

    private static bool ShouldAccept() =>
        string.Equals(Environment.GetEnvironmentVariable(AcceptVariable), "true", StringComparison.OrdinalIgnoreCase) &&
        !string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    private static string Normalize(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal);

    private static string FirstDifference(string verified, string received)
    {
        var expectedLines = verified.Split('\n');
        var actualLines = received.Split('\n');
        var index = Enumerable.Range(0, Math.Min(expectedLines.Length, actualLines.Length)).FirstOrDefault(i => expectedLines[i] != actualLines[i], -1);
        if (index < 0)
        {
            index = Math.Min(expectedLines.Length, actualLines.Length);
        }

        var line = (index + 1).ToString(CultureInfo.InvariantCulture);
        var expected = index < expectedLines.Length ? expectedLines[index] : "(end of file)";
        var actual = index < actualLines.Length ? actualLines[index] : "(end of file)";
        return "at line " + line + ": expected `" + expected.Trim() + "`, got `" + actual.Trim() + "`";
    }
}

/// <summary>Thrown when an emitted script differs from its verified snapshot.</summary>
public sealed class SnapshotMismatchException : Exception
{
    /// <summary>Creates the exception.</summary>
    public SnapshotMismatchException()
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What differs and how to accept it.</param>
    public SnapshotMismatchException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public SnapshotMismatchException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
