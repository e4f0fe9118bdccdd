using System;
using System.IO;
using System.Linq;
using System.Text;
using K6Scenarios.Emitter.Writing;

namespace K6Scenarios.Emitter.Tests.Writing;

public sealed class ScriptWriterTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "k6s-writer-" + Guid.NewGuid().ToString("N"));

    private static EmittedLoadTest Output(string body = "export const options = {};\n", string data = "[]") =>
        new("signin", ScriptWriter.GeneratedMarker + " from Tests.SignIn.\n" + body, [new EmittedFile("signin.users.json", Encoding.UTF8.GetBytes(data))]);

    [Fact]
    public void Writes_the_script_and_its_data_files_into_a_new_folder()
    {
        var report = ScriptWriter.Write(Output(), _directory);
        Assert.True(report.Succeeded);
        Assert.Equal(2, report.Written.Count);
        Assert.StartsWith(ScriptWriter.GeneratedMarker, File.ReadAllText(Path.Combine(_directory, "signin.js")), StringComparison.Ordinal);
        Assert.Equal("[]", File.ReadAllText(Path.Combine(_directory, "signin.users.json")));
        Assert.Equal("signin.users.json\n", File.ReadAllText(Path.Combine(_directory, ScriptWriter.ManifestFileName)));
        Assert.Empty(Directory.GetFiles(_directory, "*.tmp"));
    }

    [Fact]
    public void Unchanged_files_are_not_rewritten()
    {
        ScriptWriter.Write(Output(), _directory);
        var script = Path.Combine(_directory, "signin.js");
        var stamp = new DateTime(2001, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        File.SetLastWriteTimeUtc(script, stamp);
        var report = ScriptWriter.Write(Output(), _directory);
        Assert.Empty(report.Written);
        Assert.Equal(2, report.Unchanged.Count);
        Assert.Equal(stamp, File.GetLastWriteTimeUtc(script));
    }

    [Fact]
    public void Changed_generated_files_are_replaced()
    {
        ScriptWriter.Write(Output(), _directory);
        var report = ScriptWriter.Write(Output("export const options = { scenarios: {} };\n", "[{}]"), _directory);
        Assert.Equal(2, report.Written.Count);
        Assert.Contains("scenarios", File.ReadAllText(Path.Combine(_directory, "signin.js")), StringComparison.Ordinal);
    }

    [Fact]
    public void A_script_the_tool_did_not_write_is_never_overwritten_and_nothing_is_written()
    {
        Directory.CreateDirectory(_directory);
        var handWritten = Path.Combine(_directory, "signin.js");
        File.WriteAllText(handWritten, "// my own k6 script\n");
        var report = ScriptWriter.Write(Output(), _directory);
        var diagnostic = Assert.Single(report.Diagnostics);
        Assert.Equal("K6S0902", diagnostic.Id);
        Assert.Contains(handWritten, diagnostic.Message, StringComparison.Ordinal);
        Assert.Equal("// my own k6 script\n", File.ReadAllText(handWritten));
        Assert.False(File.Exists(Path.Combine(_directory, "signin.users.json")));
    }

    [Fact]
    public void A_data_file_the_tool_did_not_write_is_never_overwritten()
    {
        Directory.CreateDirectory(_directory);
        File.WriteAllText(Path.Combine(_directory, "signin.users.json"), "[\"mine\"]");
        var report = ScriptWriter.Write(Output(), _directory);
        Assert.Equal("K6S0902", Assert.Single(report.Diagnostics).Id);
        Assert.Equal("[\"mine\"]", File.ReadAllText(Path.Combine(_directory, "signin.users.json")));
        Assert.False(File.Exists(Path.Combine(_directory, "signin.js")));
    }

    [Fact]
    public void Files_outside_the_folder_are_refused()
    {
        var escaping = new EmittedLoadTest("x", ScriptWriter.GeneratedMarker + "\n", [new EmittedFile("../outside.json", Encoding.UTF8.GetBytes("[]"))]);
        var report = ScriptWriter.Write(escaping, _directory);
        Assert.Equal("K6S0906", Assert.Single(report.Diagnostics).Id);
        Assert.False(File.Exists(Path.Combine(_directory, "..", "outside.json")));
    }

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }
}
