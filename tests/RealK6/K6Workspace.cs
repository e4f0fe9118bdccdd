using System;
using System.IO;
using K6Scenarios.Emitter;

namespace K6Scenarios.Testing.RealK6;

/// <summary>A temporary folder holding emitted scripts and their data files for k6 to run; deleted on dispose.</summary>
public sealed class K6Workspace : IDisposable
{
    /// <summary>Creates an empty workspace under the system's temporary folder.</summary>
    public K6Workspace()
    {
        Folder = Path.Combine(Path.GetTempPath(), "k6scenarios-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Folder);
    }

    /// <summary>Gets the folder.</summary>
    public string Folder { get; }

    /// <summary>Writes an emitted load test: its script and every data file beside it, as <c>dotnet build</c> lays them out.</summary>
    /// <param name="emitted">The emitted load test.</param>
    /// <returns>The script's full path.</returns>
    public string Write(EmittedLoadTest emitted)
    {
        ArgumentNullException.ThrowIfNull(emitted);
        foreach (var file in emitted.Files)
        {
            var path = Path.Combine(Folder, file.RelativePath);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllBytes(path, file.Content.ToArray());
        }

        return WriteScript(emitted.ScriptFileName, emitted.Script);
    }

    /// <summary>Writes a script (hand-written or emitted) into the workspace.</summary>
    /// <param name="fileName">Its file name.</param>
    /// <param name="script">Its text.</param>
    /// <returns>Its full path.</returns>
    public string WriteScript(string fileName, string script)
    {
        var path = Path.Combine(Folder, fileName);
        File.WriteAllText(path, script);
        return path;
    }

    /// <summary>Deletes the folder.</summary>
    public void Dispose()
    {
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A k6 process killed a moment ago may still hold a file; the temporary folder is cleaned by the system.
        }
    }
}
