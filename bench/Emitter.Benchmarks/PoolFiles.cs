using System.Globalization;
using System.IO;
using System.Text;

namespace K6Scenarios.Benchmarks.Emitter;

/// <summary>Writes deterministic user-pool files (one entry per line, like the seed's evospin-users.json).</summary>
public static class PoolFiles
{
    /// <summary>Writes a JSON array of <paramref name="entries"/> users with <c>email</c> and <c>password</c>.</summary>
    /// <param name="path">The file.</param>
    /// <param name="entries">How many users.</param>
    public static void WriteJson(string path, int entries)
    {
        var text = new StringBuilder(entries * 64);
        text.Append("[\n");
        for (var i = 1; i <= entries; i++)
        {
            text.Append("{\"email\":\"loadtest+").Append(i.ToString("D6", CultureInfo.InvariantCulture))
                .Append("@corpus.test\",\"password\":\"pw-").Append(i.ToString(CultureInfo.InvariantCulture)).Append("\"}")
                .Append(i < entries ? ",\n" : "\n");
        }

        text.Append("]\n");
        WriteIfChanged(path, text.ToString());
    }

    /// <summary>Writes a CSV file of <paramref name="entries"/> users with an <c>email,password</c> header.</summary>
    /// <param name="path">The file.</param>
    /// <param name="entries">How many users.</param>
    public static void WriteCsv(string path, int entries)
    {
        var text = new StringBuilder(entries * 48);
        text.Append("email,password\n");
        for (var i = 1; i <= entries; i++)
        {
            text.Append("loadtest+").Append(i.ToString("D6", CultureInfo.InvariantCulture)).Append("@corpus.test,pw-")
                .Append(i.ToString(CultureInfo.InvariantCulture)).Append('\n');
        }

        WriteIfChanged(path, text.ToString());
    }

    // Several benchmark processes may prepare the same folder; identical content is left alone.
    private static void WriteIfChanged(string path, string content)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        if (File.Exists(path) && File.ReadAllText(path) == content)
        {
            return;
        }

        var temporary = path + "." + System.Environment.ProcessId.ToString(CultureInfo.InvariantCulture) + ".tmp";
        File.WriteAllText(temporary, content);
        File.Move(temporary, path, overwrite: true);
    }
}
