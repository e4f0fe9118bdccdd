using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace K6Scenarios.Testing.RealK6;

/// <summary>A finished <c>k6 run</c>: the process and, when k6 got as far as writing it, the summary export.</summary>
/// <param name="Process">What the process did.</param>
/// <param name="Summary">The parsed <c>--summary-export</c>, or <see langword="null"/> when k6 wrote none.</param>
public sealed record K6RunResult(K6ProcessResult Process, K6Summary? Summary)
{
    /// <summary>Gets the summary, or throws with k6's output when there is none.</summary>
    /// <returns>The summary.</returns>
    public K6Summary RequireSummary() => Summary ?? throw new InvalidOperationException(
        "k6 wrote no summary (exit " + Process.ExitCode + (Process.TimedOut ? ", timed out" : string.Empty) + "):" + Environment.NewLine + Process.StandardError + Process.StandardOutput);
}

/// <summary>A <c>k6 run --paused</c>: k6 checked the whole configuration and initialized its VUs, or it refused.</summary>
/// <param name="Accepted">Whether k6 reached "paused before run" (or was still waiting at the time limit).</param>
/// <param name="Process">What the process did; when refused, its exit code (104: bad configuration) and log.</param>
public sealed record K6PausedRunResult(bool Accepted, K6ProcessResult Process);

/// <summary>The k6 commands the tests use, with hermetic settings: nothing leaves 127.0.0.1, no system environment in <c>__ENV</c>.</summary>
public static class K6Cli
{
    // k6's lib.ExecutionStatus: 4 is "paused before run", reached once every VU is initialized.
    private const int PausedBeforeRun = 4;

    private static readonly HttpClient StatusClient = new() { Timeout = TimeSpan.FromSeconds(2) };

    /// <summary>Runs <c>k6 run</c> and parses its summary export.</summary>
    /// <param name="script">The script file.</param>
    /// <param name="environment">The <c>-e NAME=value</c> pairs (the script's header lists what it reads).</param>
    /// <param name="timeout">When the run is killed; keep the script's own duration well below it.</param>
    /// <param name="extraArguments">More arguments before the script (<c>--tag</c>, <c>--execution-segment</c>, ...).</param>
    /// <param name="cancellationToken">Kills the run early.</param>
    /// <returns>The process and its summary.</returns>
    public static async Task<K6RunResult> RunAsync(string script, IReadOnlyDictionary<string, string>? environment, TimeSpan timeout, IReadOnlyList<string>? extraArguments = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(script);
        var folder = Path.GetDirectoryName(Path.GetFullPath(script))!;
        var export = Path.Combine(folder, Path.GetFileNameWithoutExtension(script) + ".summary-" + Guid.NewGuid().ToString("N") + ".json");
        var arguments = new List<string> { "run", "--quiet", "--no-color", "--include-system-env-vars=false", "--address", string.Empty, "--summary-export", export };
        arguments.AddRange(EnvironmentArguments(environment));
        arguments.AddRange(extraArguments ?? []);
        arguments.Add(Path.GetFileName(script));
        var process = await K6Process.RunAsync(arguments, folder, timeout, cancellationToken: cancellationToken).ConfigureAwait(false);
        try
        {
            return new K6RunResult(process, File.Exists(export) ? K6Summary.Parse(await File.ReadAllTextAsync(export, cancellationToken).ConfigureAwait(false)) : null);
        }
        finally
        {
            File.Delete(export);
        }
    }

    /// <summary>Runs <c>k6 inspect --execution-requirements</c>.</summary>
    /// <param name="script">The script file.</param>
    /// <param name="environment">The <c>-e NAME=value</c> pairs.</param>
    /// <param name="cancellationToken">Kills it early.</param>
    /// <returns>What it did; <see cref="K6ProcessResult.Warnings"/> lists what it warned about.</returns>
    public static Task<K6ProcessResult> InspectAsync(string script, IReadOnlyDictionary<string, string>? environment, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(script);
        var arguments = new List<string> { "inspect", "--execution-requirements" };
        arguments.AddRange(EnvironmentArguments(environment));
        arguments.Add(Path.GetFileName(script));
        return K6Process.RunAsync(arguments, Path.GetDirectoryName(Path.GetFullPath(script))!, TimeSpan.FromSeconds(60), cancellationToken: cancellationToken);
    }

    /// <summary>
    /// Runs <c>k6 run --paused</c> until k6 reports "paused before run" on its REST API (configuration accepted, VUs
    /// initialized, no VU code run), or exits (refused).
    /// </summary>
    /// <param name="script">The script file.</param>
    /// <param name="environment">The <c>-e NAME=value</c> pairs.</param>
    /// <param name="timeout">How long k6 may take to get there; still waiting then counts as accepted, as k6's own docs say.</param>
    /// <param name="extraArguments">More arguments before the script.</param>
    /// <param name="cancellationToken">Kills it early.</param>
    /// <returns>Whether k6 accepted the script.</returns>
    public static async Task<K6PausedRunResult> PausedRunAsync(string script, IReadOnlyDictionary<string, string>? environment, TimeSpan timeout, IReadOnlyList<string>? extraArguments = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(script);
        for (var attempt = 0; ; attempt++)
        {
            var port = FreeLoopbackPort();
            var arguments = new List<string> { "run", "--paused", "--quiet", "--no-color", "--include-system-env-vars=false", "--summary-mode=disabled", "--address", "127.0.0.1:" + port.ToString(System.Globalization.CultureInfo.InvariantCulture) };
            arguments.AddRange(EnvironmentArguments(environment));
            arguments.AddRange(extraArguments ?? []);
            arguments.Add(Path.GetFileName(script));
            var reached = false;
            var process = await K6Process.RunAsync(
                arguments,
                Path.GetDirectoryName(Path.GetFullPath(script))!,
                timeout,
                async (running, token) => reached = await WaitForPausedAsync(running, port, token).ConfigureAwait(false),
                cancellationToken).ConfigureAwait(false);

            // Another process took the port between our probe and k6's bind: try another one. k6 then runs on without its
            // API server, so what answered on the port (and may have looked paused) was the other process.
            if (attempt < 5 && process.StandardError.Contains("address already in use", StringComparison.Ordinal))
            {
                continue;
            }

            // A k6 that exited by itself with an error refused the script, whatever answered on the port meanwhile (another
            // k6 of a parallel batch can be handed the same free port and report itself paused).
            var refused = process.EndedByItself && process.ExitCode != 0;
            return new K6PausedRunResult(!refused && (reached || process.TimedOut), process);
        }
    }

    /// <summary>Writes <c>-e NAME=value</c> arguments in a stable order.</summary>
    /// <param name="environment">The pairs.</param>
    /// <returns>The arguments.</returns>
    public static IEnumerable<string> EnvironmentArguments(IReadOnlyDictionary<string, string>? environment) =>
        (environment ?? new Dictionary<string, string>()).OrderBy(e => e.Key, StringComparer.Ordinal).SelectMany(e => new[] { "-e", e.Key + "=" + e.Value });

    /// <summary>
    /// Writes k6's file secret source, <c>secrets.txt</c> in <paramref name="folder"/> with one <c>NAME=value</c> line
    /// per secret, and returns the <c>--secret-source=file=...</c> argument that names it.
    /// </summary>
    /// <param name="folder">Where to write the file (a workspace's folder).</param>
    /// <param name="secrets">The secrets by name.</param>
    /// <returns>The argument.</returns>
    public static string WriteSecretSource(string folder, IEnumerable<KeyValuePair<string, string>> secrets)
    {
        var path = Path.Combine(folder, "secrets.txt");
        File.WriteAllText(path, string.Concat(secrets.Select(s => s.Key + "=" + s.Value + "\n")));
        return "--secret-source=file=" + path;
    }

    private static async Task<bool> WaitForPausedAsync(Process process, int port, CancellationToken cancellationToken)
    {
        var url = new Uri("http://127.0.0.1:" + port.ToString(System.Globalization.CultureInfo.InvariantCulture) + "/v1/status");
        while (!process.HasExited)
        {
            try
            {
                using var response = await StatusClient.GetAsync(url, cancellationToken).ConfigureAwait(false);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    using var status = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false));
                    var attributes = status.RootElement.GetProperty("data").GetProperty("attributes");
                    if (attributes.GetProperty("status").GetInt32() >= PausedBeforeRun && attributes.GetProperty("paused").GetBoolean())
                    {
                        return true;
                    }
                }
            }
            catch (HttpRequestException)
            {
                // The API is not listening yet.
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // One slow answer: ask again.
            }

            try
            {
                await Task.Delay(50, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return false;
            }
        }

        return false;
    }

    // Ports handed to k6 processes of this test run: the system may offer a released port again, and two paused runs of
    // a parallel batch on one port would see each other's API.
    private static readonly HashSet<int> HandedOut = [];

    private static int FreeLoopbackPort()
    {
        while (true)
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            var port = ((IPEndPoint)listener.LocalEndpoint).Port;
            lock (HandedOut)
            {
                if (HandedOut.Add(port))
                {
                    return port;
                }
            }
        }
    }
}
