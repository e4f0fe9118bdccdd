using BuildIntegration.Tests.Support;
using K6Scenarios.Cli;
using K6Scenarios.Emitter.Writing;

namespace BuildIntegration.Tests.Cli;

/// <summary>The emit command, run in process on compiled fixture assemblies.</summary>
public sealed class EmitCommandTests : IDisposable
{
    private const string TwoLoadTests = """
        using System;
        using K6Scenarios.Model;

        public static class Definitions
        {
            [LoadTest] public static LoadTest Browse => LoadTest.Create("browse")
                .BaseUrl("BASE_URL", "http://localhost")
                .Scenario("browse", s => s.SharedIterations(2, 10).Flow(f => f.Get("/products", r => r.ExpectStatus(200))));

            [LoadTest] public static LoadTest Checkout => LoadTest.Create("checkout")
                .BaseUrl("BASE_URL", "http://localhost")
                .Scenario("checkout", s => s.SharedIterations(2, 10).Flow(f => f.Post("/orders", r => r.JsonBody(new { sku = "A1" }).ExpectStatus(201))));
        }
        """;

    private readonly string _work = Path.Combine(Path.GetTempPath(), "k6scenarios-tests", "cli-" + Guid.NewGuid().ToString("N"));

    private string Output => Path.Combine(_work, "k6");

    private string ListFile => Path.Combine(_work, "obj", "k6scenarios.files.txt");

    private string ProjectFile => Path.Combine(_work, "Tests.csproj");

    public void Dispose()
    {
        if (Directory.Exists(_work))
        {
            Directory.Delete(_work, recursive: true);
        }
    }

    [Fact]
    public void Help_prints_the_usage_and_succeeds()
    {
        var run = Run("--help");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Usage: K6Scenarios.Cli emit <assembly.dll> --out <dir>", run.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new string[0], "no command given")]
    [InlineData(new[] { "compile", "x.dll" }, "unknown command 'compile'")]
    [InlineData(new[] { "emit", "x.dll" }, "--out is required")]
    [InlineData(new[] { "emit", "--out", "k6" }, "no assembly given")]
    [InlineData(new[] { "emit", "x.dll", "--out", "k6", "--max-vus-per-generator", "0" }, "--max-vus-per-generator needs a positive whole number")]
    [InlineData(new[] { "emit", "x.dll", "--out", "k6", "--verbose" }, "unknown option '--verbose'")]
    [InlineData(new[] { "emit", "x.dll", "--out" }, "--out needs a value")]
    [InlineData(new[] { "emit", "x.dll", "--out", "k6", "--openapi-for", "openapi.yaml" }, "--openapi-for needs VAR=<file>")]
    public void A_usage_mistake_exits_2_with_the_reason_and_the_usage(string[] args, string reason)
    {
        var run = Run(args);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(reason, run.Error, StringComparison.Ordinal);
        Assert.Contains("Usage:", run.Error, StringComparison.Ordinal);
        Assert.Empty(run.Output);
    }

    [Fact]
    public void A_missing_assembly_is_one_canonical_error_naming_the_project()
    {
        var run = Run("emit", Path.Combine(_work, "Missing.dll"), "--out", Output, "--project", ProjectFile);

        Assert.Equal(1, run.ExitCode);
        var line = Assert.Single(run.Lines, l => l.Contains(" error ", StringComparison.Ordinal));
        Assert.StartsWith(ProjectFile + ": error K6S0905: ", line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Output + run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Emits_every_load_test_lists_the_files_and_leaves_unchanged_files_alone_on_the_next_run()
    {
        using var fixture = FixtureAssembly.Compile(TwoLoadTests);

        var first = Emit(fixture);

        Assert.Equal(0, first.ExitCode);
        var browse = Path.Combine(Output, "browse.js");
        var checkout = Path.Combine(Output, "checkout.js");
        Assert.Contains("k6 script: " + browse, first.Lines);
        Assert.Contains("k6 script: " + checkout, first.Lines);
        Assert.StartsWith(ScriptWriter.GeneratedMarker, File.ReadAllText(browse), StringComparison.Ordinal);
        Assert.Equal(new[] { browse, checkout }.Order(StringComparer.Ordinal), File.ReadAllLines(ListFile));

        var writtenAt = File.GetLastWriteTimeUtc(browse);
        var second = Emit(fixture);

        Assert.Equal(0, second.ExitCode);
        Assert.Contains("k6 script (unchanged): " + browse, second.Lines);
        Assert.Equal(writtenAt, File.GetLastWriteTimeUtc(browse));
    }

    [Fact]
    public void A_failing_load_test_is_reported_with_file_and_line_while_the_others_are_written()
    {
        using var fixture = FixtureAssembly.Compile("""
            using System;
            using K6Scenarios.Model;

            public static class Definitions
            {
                [LoadTest] public static LoadTest Browse => LoadTest.Create("browse")
                    .BaseUrl("BASE_URL", "http://localhost")
                    .Scenario("browse", s => s.SharedIterations(2, 10).Flow(f => f.Get("/products")));

                [LoadTest] public static LoadTest Twice => LoadTest.Create("twice")
                    .BaseUrl("BASE_URL", "http://localhost")
                    .Scenario("same", s => s.SharedIterations(2, 10).Flow(f => f.Get("/a")))
                    .Scenario("same", s => s.SharedIterations(2, 10).Flow(f => f.Get("/b"))); // here: second
            }
            """);

        var run = Emit(fixture);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains(run.Lines, l => l.StartsWith(fixture.SourcePath + "(" + fixture.LineOf("// here: second") + "): error K6S0102: ", StringComparison.Ordinal));
        Assert.True(File.Exists(Path.Combine(Output, "browse.js")));
        Assert.False(File.Exists(Path.Combine(Output, "twice.js")));
    }

    [Fact]
    public void A_script_whose_load_test_is_gone_is_removed_on_the_next_run()
    {
        using (var before = FixtureAssembly.Compile(TwoLoadTests))
        {
            Assert.Equal(0, Emit(before).ExitCode);
        }

        using var after = FixtureAssembly.Compile(TwoLoadTests.Replace("[LoadTest] public static LoadTest Checkout", "public static LoadTest Checkout", StringComparison.Ordinal));
        var run = Emit(after);

        Assert.Equal(0, run.ExitCode);
        Assert.False(File.Exists(Path.Combine(Output, "checkout.js")));
        Assert.True(File.Exists(Path.Combine(Output, "browse.js")));
        Assert.Contains("removed stale file: " + Path.Combine(Output, "checkout.js"), run.Lines);
        Assert.DoesNotContain(Path.Combine(Output, "checkout.js"), File.ReadAllLines(ListFile));
    }

    [Fact]
    public void A_file_the_tool_did_not_write_is_never_overwritten()
    {
        using var fixture = FixtureAssembly.Compile(TwoLoadTests);
        Directory.CreateDirectory(Output);
        var mine = Path.Combine(Output, "browse.js");
        File.WriteAllText(mine, "// my own script\n");

        var run = Emit(fixture);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains(run.Lines, l => l.Contains("error K6S0902: ", StringComparison.Ordinal) && l.Contains(mine, StringComparison.Ordinal));
        Assert.Equal("// my own script\n", File.ReadAllText(mine));
        Assert.True(File.Exists(Path.Combine(Output, "checkout.js")));
    }

    [Fact]
    public void Warnings_are_written_as_warnings_or_as_errors_with_warnings_as_errors()
    {
        // A closed-model scenario without think time: K6S0601, a warning.
        using var fixture = FixtureAssembly.Compile("""
            using System;
            using K6Scenarios.Model;

            public static class Definitions
            {
                [LoadTest] public static LoadTest Hammer => LoadTest.Create("hammer")
                    .BaseUrl("BASE_URL", "http://localhost")
                    .Scenario("hammer", s => s.ConstantVus(10, TimeSpan.FromMinutes(1)).Flow(f => f.Get("/")));
            }
            """);

        var lenient = Emit(fixture);
        Assert.Equal(0, lenient.ExitCode);
        Assert.Contains(lenient.Lines, l => l.Contains(": warning K6S0601: ", StringComparison.Ordinal));
        Assert.True(File.Exists(Path.Combine(Output, "hammer.js")));

        var strict = Emit(fixture, "--warnings-as-errors");
        Assert.Equal(1, strict.ExitCode);
        Assert.Contains(strict.Lines, l => l.Contains(": error K6S0601: ", StringComparison.Ordinal));
        Assert.False(File.Exists(Path.Combine(Output, "hammer.js")));
    }

    [Fact]
    public void An_assembly_without_load_tests_warns_unless_empty_is_allowed()
    {
        using var fixture = FixtureAssembly.Compile("public static class Nothing { }");

        var warned = Emit(fixture);
        var allowed = Emit(fixture, "--allow-empty");

        Assert.Equal(0, warned.ExitCode);
        Assert.Contains(warned.Lines, l => l.StartsWith(ProjectFile + ": warning K6S0903: ", StringComparison.Ordinal));
        Assert.Equal(0, allowed.ExitCode);
        Assert.DoesNotContain(allowed.Lines, l => l.Contains("K6S0903", StringComparison.Ordinal));
    }

    [Fact]
    public void Locations_under_a_compiler_path_map_name_the_real_file()
    {
        var formatter = new DiagnosticFormatter("Tests.csproj", [new("/src/repo/", "/_/")]);

        Assert.Equal("/src/repo/tests/LoadTests.cs", formatter.UnmapPath("/_/tests/LoadTests.cs"));
        Assert.Equal("/elsewhere/LoadTests.cs", formatter.UnmapPath("/elsewhere/LoadTests.cs"));
    }

    private CommandRun Emit(FixtureAssembly fixture, params string[] extra) =>
        Run(["emit", fixture.AssemblyPath, "--out", Output, "--base-dir", fixture.Directory, "--list-file", ListFile, "--project", ProjectFile, .. extra]);

    private static CommandRun Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = Program.Run(args, output, error);
        return new CommandRun(exitCode, output.ToString(), error.ToString());
    }

    private sealed record CommandRun(int ExitCode, string Output, string Error)
    {
        public string[] Lines => Output.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
    }
}
