using System.Diagnostics;
using System.Text;

namespace BuildIntegration.Tests.Support;

/// <summary>Runs the <c>dotnet</c> CLI as a user would, and captures what it prints.</summary>
internal static class DotnetCommand
{
    // A hang must end the test rather than the CI run; no assertion depends on how long a command takes.
    private static readonly TimeSpan HangLimit = TimeSpan.FromMinutes(10);

    public static CommandResult Run(string workingDirectory, params string[] arguments)
    {
        var start = new ProcessStartInfo(DotnetHost())
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // The test host runs inside `dotnet test`, whose MSBuild variables would steer the child build to the wrong SDK
        // pieces; a user's shell has none of them.
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            start.Environment.Remove(name);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_CLI_UI_LANGUAGE"] = "en";

        var output = new StringBuilder();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!process.WaitForExit(HangLimit))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("dotnet " + string.Join(' ', arguments) + " did not finish:" + Environment.NewLine + output);
        }

        process.WaitForExit();
        lock (output)
        {
            return new CommandResult(process.ExitCode, output.ToString(), "dotnet " + string.Join(' ', arguments));
        }
    }

    private static void Append(StringBuilder output, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
        }
    }

    private static string DotnetHost()
    {
        var host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        return !string.IsNullOrEmpty(host) && File.Exists(host) ? host : "dotnet";
    }
}

/// <summary>What a command did.</summary>
internal sealed record CommandResult(int ExitCode, string Output, string Command)
{
    /// <summary>Describes the run for assertion messages.</summary>
    public override string ToString() => Command + " exited with " + ExitCode + ":" + Environment.NewLine + Output;
}
