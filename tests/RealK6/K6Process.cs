using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace K6Scenarios.Testing.RealK6;

/// <summary>What one k6 process did.</summary>
/// <param name="ExitCode">Its exit code (-1 when it was killed at the time limit).</param>
/// <param name="StandardOutput">What it wrote to stdout.</param>
/// <param name="StandardError">What it wrote to stderr (k6 logs there).</param>
/// <param name="TimedOut">Whether it was killed at the time limit.</param>
/// <param name="CpuTime">The CPU time it used, when known.</param>
/// <param name="PeakWorkingSet">Its peak resident memory in bytes, when known (Linux: VmHWM).</param>
/// <param name="EndedByItself">Whether it exited on its own rather than being stopped (time limit, or a watcher that had seen enough).</param>
public sealed record K6ProcessResult(int ExitCode, string StandardOutput, string StandardError, bool TimedOut, TimeSpan? CpuTime, long? PeakWorkingSet, bool EndedByItself = true)
{
    /// <summary>Gets the lines k6 logged at warning level or above (<c>level=warning</c>, <c>level=error</c>).</summary>
    public IReadOnlyList<string> Warnings
    {
        get
        {
            var lines = new List<string>();
            foreach (var line in (StandardError + "\n" + StandardOutput).Split('\n'))
            {
                if (line.Contains("level=warning", StringComparison.Ordinal) || line.Contains("level=error", StringComparison.Ordinal) || line.Contains("level=fatal", StringComparison.Ordinal))
                {
                    lines.Add(line.TrimEnd('\r'));
                }
            }

            return lines;
        }
    }
}

/// <summary>Starts k6 processes: hermetic (no usage report, no system environment in <c>__ENV</c>), bounded in time.</summary>
public static class K6Process
{
    // Real-k6 tests in several classes run in parallel; this bounds how many k6 processes share the machine's cores.
    private static readonly SemaphoreSlim Gate = new(Math.Max(4, 2 * Environment.ProcessorCount));

    /// <summary>Runs k6 to completion or until <paramref name="timeout"/>.</summary>
    /// <param name="arguments">The arguments after the binary (<c>run</c>, <c>inspect</c>, ...).</param>
    /// <param name="workingDirectory">The folder it runs in (relative script and data paths resolve there).</param>
    /// <param name="timeout">When it is killed.</param>
    /// <param name="onStarted">Called with the process once it started, for callers that watch it (paused runs); when it
    /// returns <see langword="true"/> the process has told the caller enough and is stopped.</param>
    /// <param name="cancellationToken">Kills it early.</param>
    /// <returns>What it did.</returns>
    public static async Task<K6ProcessResult> RunAsync(IReadOnlyList<string> arguments, string workingDirectory, TimeSpan timeout, Func<Process, CancellationToken, Task<bool>>? onStarted = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        await Gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await RunUngatedAsync(arguments, workingDirectory, timeout, onStarted, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            Gate.Release();
        }
    }

    private static async Task<K6ProcessResult> RunUngatedAsync(IReadOnlyList<string> arguments, string workingDirectory, TimeSpan timeout, Func<Process, CancellationToken, Task<bool>>? onStarted, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(K6Executable.Require())
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // Loopback only: no usage report, no cloud; and no K6_* settings of the developer's shell leaking in.
        foreach (var name in new List<string>(EnvironmentNames(start)))
        {
            if (name.StartsWith("K6_", StringComparison.OrdinalIgnoreCase))
            {
                start.Environment.Remove(name);
            }
        }

        start.Environment["K6_NO_USAGE_REPORT"] = "true";
        start.Environment["NO_COLOR"] = "1";

        using var process = new Process { StartInfo = start };
        var output = new StringBuilder();
        var error = new StringBuilder();
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                lock (output)
                {
                    output.Append(e.Data).Append('\n');
                }
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                lock (error)
                {
                    error.Append(e.Data).Append('\n');
                }
            }
        };

        process.Start();
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var timedOut = false;
        var endedByItself = true;
        TimeSpan? cpu = null;
        long? peak;
        var usage = new ResourceSample();
        using (var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
        {
            limit.CancelAfter(timeout);
            var sampler = SampleAsync(process, usage, limit.Token);
            try
            {
                var enough = onStarted is not null && await onStarted(process, limit.Token).ConfigureAwait(false);
                if (!enough)
                {
                    await process.WaitForExitAsync(limit.Token).ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                timedOut = true;
            }
            finally
            {
                if (!process.HasExited)
                {
                    usage.Read(process.Id);
                    TryReadCpu(process, ref cpu);
                    endedByItself = false;
                    process.Kill(entireProcessTree: true);
                }

                await process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
                await sampler.ConfigureAwait(false);
                peak = usage.PeakWorkingSet;
            }
        }

        // A process that ended by itself is reaped before its times can be read: take the last sample (every 100 ms).
        cpu ??= usage.CpuTime;

        string stdout;
        string stderr;
        lock (output)
        {
            stdout = output.ToString();
        }

        lock (error)
        {
            stderr = error.ToString();
        }

        return new K6ProcessResult(timedOut ? -1 : process.ExitCode, stdout, stderr, timedOut, cpu, peak, endedByItself);
    }

    private static IEnumerable<string> EnvironmentNames(ProcessStartInfo start) => start.Environment.Keys;

    private static void TryReadCpu(Process process, ref TimeSpan? cpu)
    {
        try
        {
            cpu = process.TotalProcessorTime;
        }
        catch (InvalidOperationException)
        {
            // The process is gone and its times with it.
        }
    }

    // Linux keeps the peak resident set (VmHWM) and the CPU times in /proc/<pid>; sample them while the process runs.
    private static async Task SampleAsync(Process process, ResourceSample usage, CancellationToken cancellationToken)
    {
        try
        {
            while (!process.HasExited && !cancellationToken.IsCancellationRequested)
            {
                usage.Read(process.Id);
                await Task.Delay(100, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
            // Sampling ends with the run.
        }
    }

    private static long? ReadHighWaterMark(int pid)
    {
        try
        {
            foreach (var line in System.IO.File.ReadLines("/proc/" + pid.ToString(System.Globalization.CultureInfo.InvariantCulture) + "/status"))
            {
                if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                {
                    var kilobytes = line["VmHWM:".Length..].Trim().Split(' ')[0];
                    return long.Parse(kilobytes, System.Globalization.CultureInfo.InvariantCulture) * 1024;
                }
            }
        }
        catch (Exception e) when (e is System.IO.IOException or UnauthorizedAccessException or FormatException)
        {
            // Not Linux, or the process just ended.
        }

        return null;
    }

    private sealed class ResourceSample
    {
        // Clock ticks per second of /proc/<pid>/stat (USER_HZ), 100 on every Linux k6 ships for.
        private const double TicksPerSecond = 100;

        public long? PeakWorkingSet { get; private set; }

        public TimeSpan? CpuTime { get; private set; }

        public void Read(int pid)
        {
            if (ReadHighWaterMark(pid) is { } peak)
            {
                PeakWorkingSet = Math.Max(PeakWorkingSet ?? 0, peak);
            }

            try
            {
                // Fields after the command name (which may hold spaces) start at state; utime and stime are the 12th and 13th.
                var stat = System.IO.File.ReadAllText("/proc/" + pid.ToString(System.Globalization.CultureInfo.InvariantCulture) + "/stat");
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                var ticks = long.Parse(fields[11], System.Globalization.CultureInfo.InvariantCulture) + long.Parse(fields[12], System.Globalization.CultureInfo.InvariantCulture);
                CpuTime = TimeSpan.FromSeconds(ticks / TicksPerSecond);
            }
            catch (Exception e) when (e is System.IO.IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException or ArgumentOutOfRangeException)
            {
                // Not Linux, or the process just ended.
            }
        }
    }
}
