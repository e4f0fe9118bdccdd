using System;
using System.IO;
using System.Linq;

namespace K6Scenarios.Testing.RealK6;

/// <summary>Finds the k6 binary the real-k6 tests run: <c>K6_PATH</c> first, then <c>PATH</c>.</summary>
public static class K6Executable
{
    /// <summary>The environment variable that names the k6 binary (or the folder holding it).</summary>
    public const string PathVariable = "K6_PATH";

    /// <summary>The start of the reason every real-k6 test gives when it is skipped; .ci/run looks for it in TRX files.</summary>
    public const string SkipReasonPrefix = "Real k6 not found";

    private static readonly Lazy<(string? Path, string? Problem)> Located = new(Locate);

    /// <summary>Gets the k6 binary, or <see langword="null"/> when there is none.</summary>
    public static string? Path => Located.Value.Path;

    /// <summary>Gets whether the tests run under CI (<c>CI=true</c>), where a missing k6 fails the tests instead of skipping them.</summary>
    public static bool InContinuousIntegration =>
        string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>Gets why real-k6 tests are skipped here, or <see langword="null"/> when they run (a <c>K6_PATH</c> that
    /// names no file fails them rather than skipping them).</summary>
    public static string? SkipReason =>
        Path is not null || Located.Value.Problem is not null || InContinuousIntegration ? null
        : SkipReasonPrefix + ": set " + PathVariable + " to the k6 binary or put k6 on PATH (K6_PATH=/path/to/k6 dotnet test).";

    /// <summary>Gets the k6 binary, or throws with what to do when there is none.</summary>
    /// <returns>Its full path.</returns>
    /// <exception cref="InvalidOperationException">No k6 was found.</exception>
    public static string Require() => Path ?? throw new InvalidOperationException(
        Located.Value.Problem ?? SkipReasonPrefix + " (CI=true, so real-k6 tests must run): set " + PathVariable + " to the k6 binary or put k6 on PATH.");

    private static (string? Path, string? Problem) Locate()
    {
        var configured = Environment.GetEnvironmentVariable(PathVariable);
        if (!string.IsNullOrWhiteSpace(configured))
        {
            // A K6_PATH that names nothing is a mistake worth failing on, not a reason to fall back silently.
            var candidate = Directory.Exists(configured) ? System.IO.Path.Combine(configured, ExecutableName) : configured;
            return File.Exists(candidate) ? (System.IO.Path.GetFullPath(candidate), null)
                : (null, PathVariable + "=" + configured + " names no k6 binary.");
        }

        var found = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(System.IO.Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(folder => System.IO.Path.Combine(folder, ExecutableName))
            .FirstOrDefault(File.Exists);
        return (found, null);
    }

    private static string ExecutableName => OperatingSystem.IsWindows() ? "k6.exe" : "k6";
}
