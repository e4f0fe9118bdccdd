using System;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using K6Scenarios.Emitter.Tests.Support;
using K6Scenarios.Model;

namespace K6Scenarios.Emitter.Tests.Emission;

public sealed class DataFileTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("k6s-data-").FullName;

    private EmitResult EmitWith(UserPool pool) => Emit.Unvalidated(
        Emit.With(s => s.WithUsers(pool, PoolSelection.RoundRobin).Flow(f => f.Get("/me", r => r.Header("X-User", pool.Field("email")).ExpectStatus(200)).ThinkTime(TimeSpan.FromSeconds(1)))),
        _directory);

    [Fact]
    public void Csv_pools_become_json_beside_the_script()
    {
        File.WriteAllText(Path.Combine(_directory, "users.csv"), "email,password\r\n\"a,1@x.test\",\"p\"\"q\"\nb@x.test,r\n");
        var result = EmitWith(UserPool.FromCsvFile("users", "users.csv", ["email", "password"]));
        Assert.True(result.Succeeded);
        var file = Assert.Single(result.Output!.Files);
        Assert.Equal("unit.users.json", file.RelativePath);
        var entries = JsonDocument.Parse(file.Content).RootElement.EnumerateArray().ToArray();
        Assert.Equal("a,1@x.test", entries[0].GetProperty("email").GetString());
        Assert.Equal("p\"q", entries[0].GetProperty("password").GetString());
        Assert.Equal("b@x.test", entries[1].GetProperty("email").GetString());
    }

    [Fact]
    public void Json_pools_are_copied_byte_for_byte()
    {
        var bytes = Encoding.UTF8.GetBytes("[ {\"email\": \"a@x.test\"} ]\n");
        File.WriteAllBytes(Path.Combine(_directory, "users.json"), bytes);
        var result = EmitWith(UserPool.FromJsonFile("users", "users.json", ["email"]));
        Assert.Equal(bytes, Assert.Single(result.Output!.Files).Content.ToArray());
    }

    [Theory]
    [InlineData("users.json", "{\"email\":\"a\"}", "JSON array of objects")]
    [InlineData("users.json", "[{\"mail\":\"a\"}]", "entry 1 has no field 'email'")]
    [InlineData("users.json", "[{\"email\":", "not valid JSON")]
    [InlineData("users.csv", "mail\nx\n", "entry 1 has no field 'email'")]
    [InlineData("users.csv", "email,password\nx\n", "row 2 has 1 fields but the header has 2")]
    public void Malformed_pool_files_are_diagnosed_and_nothing_is_emitted(string file, string content, string expected)
    {
        File.WriteAllText(Path.Combine(_directory, file), content);
        var pool = file.EndsWith(".csv", StringComparison.Ordinal)
            ? UserPool.FromCsvFile("users", file, ["email"])
            : UserPool.FromJsonFile("users", file, ["email"]);
        var result = EmitWith(pool);
        Assert.False(result.Succeeded);
        Assert.Null(result.Output);
        var diagnostic = Assert.Single(result.Diagnostics, d => d.Id == "K6S0304");
        Assert.Contains(expected, diagnostic.Message, StringComparison.Ordinal);
        Assert.Equal("pools.users", diagnostic.Path);
        Assert.EndsWith("DataFileTests.cs", diagnostic.Location!.FilePath, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_pool_file_names_the_path_and_where_relative_paths_resolve()
    {
        var result = EmitWith(UserPool.FromJsonFile("users", "missing.json", ["email"]));
        var diagnostic = Assert.Single(result.Diagnostics, d => d.Id == "K6S0304");
        Assert.Contains(Path.Combine(_directory, "missing.json"), diagnostic.Message, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
