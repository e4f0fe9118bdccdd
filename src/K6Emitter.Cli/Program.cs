using System;
using System.IO;
using System.Text;
using K6Scenarios.Diagnostics;

namespace K6Scenarios.Cli;

/// <summary>The entry point: parses the command line and runs <c>emit</c>.</summary>
internal static class Program
{
    public static int Main(string[] args)
    {
        Console.OutputEncoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
        return Run(args, Console.Out, Console.Error);
    }

    /// <summary>Runs the tool with the given streams (tests call this in process).</summary>
    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        switch (CommandLine.Parse(args))
        {
            case ParsedCommand.Help:
                output.WriteLine(CommandLine.Usage);
                return EmitCommand.Success;
            case ParsedCommand.UsageError usage:
                error.WriteLine("K6Scenarios.Cli: " + usage.Message);
                error.WriteLine();
                error.WriteLine(CommandLine.Usage);
                return EmitCommand.UsageMistake;
            case ParsedCommand.Emit emit:
                return RunEmit(emit.Settings, output, error);
            default:
                throw new InvalidOperationException("Unknown command.");
        }
    }

    private static int RunEmit(EmitSettings settings, TextWriter output, TextWriter error)
    {
        try
        {
            return new EmitCommand(settings, output).Run();
        }
#pragma warning disable CA1031 // The last line of defence: a crash must still end as one diagnostic line with an ID, not an unhandled exception.
        catch (Exception e)
#pragma warning restore CA1031
        {
            var crash = new ModelDiagnostic(DiagnosticCatalog.EmitterFailed, string.Empty, null, Path.GetFileName(settings.AssemblyPath ?? (settings.ScenarioFiles.Count > 0 ? settings.ScenarioFiles[0] : "emit")), e.GetType().Name, e.Message);
            output.WriteLine(new DiagnosticFormatter(settings.ProjectFile, settings.PathMap).Format(crash));
            error.WriteLine(e.ToString());
            return EmitCommand.Failure;
        }
    }
}
