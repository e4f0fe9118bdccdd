using System.IO.Compression;
using BuildIntegration.Tests.Support;

namespace BuildIntegration.Tests.Package;

/// <summary>
/// The package as a user meets it: packed from src/Package into a temporary folder with a version no cache has seen,
/// referenced by a fresh multi-targeted project, built, changed, built again and cleaned with the real `dotnet` CLI.
/// One test, because each step builds on the state the previous one left; it takes a minute or two.
/// </summary>
[Collection(RepositoryPackageTests.Name)]
public sealed class PackedPackageTests : IDisposable
{
    private const string ProjectName = "ShopLoadTests";

    private readonly string _root = Path.Combine(Path.GetTempPath(), "k6scenarios-tests", "package-" + Guid.NewGuid().ToString("N")[..12]);

    private readonly RepositoryPackage _package;

    /// <summary>Initializes the test with the packed package.</summary>
    /// <param name="package">The package, packed once for the collection.</param>
    public PackedPackageTests(RepositoryPackage package) => _package = package;

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    [Fact]
    public void A_project_referencing_the_package_emits_reports_with_file_and_line_builds_incrementally_and_cleans()
    {
        var version = _package.Version;
        var packages = _package.Folder;
        var project = CreateProject(version, packages);
        var output = Path.Combine(project, "bin", "Debug", "net8.0", "k6");
        var script = Path.Combine(output, "shop-browse.js");
        var stamp = Path.Combine(project, "obj", "Debug", "net8.0", "k6scenarios.emit.stamp");

        using (var package = ZipFile.OpenRead(_package.PackagePath))
        {
            // The analyzers' one dependency travels beside them, where the compiler's analyzer loader looks.
            Assert.Contains(package.Entries, e => e.FullName == "analyzers/dotnet/cs/YamlDotNet.dll");
        }

        // 1. The first build emits once (the first target framework only) and says where.
        var first = Build(project);
        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.True(File.Exists(script), "no script at " + script + Environment.NewLine + first);
        Assert.Contains("K6Scenarios: k6 script -> " + script, first.Output, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(project, "bin", "Debug", "net10.0", "k6")), "the second target framework emitted too");
        Assert.Contains("build_metadata.AdditionalFiles.K6OpenApi = true",
            File.ReadAllText(Path.Combine(project, "obj", "Debug", "net8.0", ProjectName + ".GeneratedMSBuildEditorConfig.editorconfig")), StringComparison.Ordinal);
        var scriptWrittenAt = File.GetLastWriteTimeUtc(script);
        var stampWrittenAt = File.GetLastWriteTimeUtc(stamp);

        // 2. A build with nothing changed does not start the emit command, and still says where the scripts are.
        var second = Build(project);
        Assert.True(second.ExitCode == 0, second.ToString());
        Assert.Contains("Skipping target \"_K6ScenariosEmitCore\" because all output files are up-to-date", second.Output, StringComparison.Ordinal);
        Assert.Contains("K6Scenarios: k6 script -> " + script, second.Output, StringComparison.Ordinal);
        Assert.Equal(stampWrittenAt, File.GetLastWriteTimeUtc(stamp));
        Assert.Equal(scriptWrittenAt, File.GetLastWriteTimeUtc(script));

        // 3. Mistakes only the built model shows become MSBuild errors at their file and line; the good test stays.
        //    A mistake the analyzers see is reported by the compiler, with a column, from the packed analyzers: reading
        //    openapi.yaml needs the YamlDotNet.dll the package ships beside them, which the compiler is given.
        var mistakes = Path.Combine(project, "Mistakes.cs");
        File.WriteAllText(mistakes, MistakesSource);
        var analyzerMistakes = Path.Combine(project, "AnalyzerMistakes.cs");
        File.WriteAllText(analyzerMistakes, AnalyzerMistakesSource);
        var third = Build(project);
        var (statusLine, statusColumn) = PositionOf(AnalyzerMistakesSource, "201");
        Assert.Contains(analyzerMistakes + "(" + statusLine + "," + statusColumn + "): warning K6S0502: GET /products expects status 201, but the API documents 200", third.Output, StringComparison.Ordinal);
        Assert.Contains(Path.Combine("analyzers", "dotnet", "cs", "YamlDotNet.dll"), third.Output, StringComparison.Ordinal);

        // One problem, one diagnostic: the emit step runs the same rule on the built model, and leaves out what the
        // compiler's analyzers already reported (read from the build's SARIF log).
        Assert.DoesNotContain(analyzerMistakes + "(" + statusLine + "): warning K6S0502", third.Output, StringComparison.Ordinal);
        Assert.True(third.ExitCode != 0, third.ToString());
        Assert.Contains(mistakes + "(" + LineOf(MistakesSource, "// here: duplicate") + "): error K6S0102: ", third.Output, StringComparison.Ordinal);
        Assert.Contains(mistakes + "(" + LineOf(MistakesSource, "// here: throw") + "): error K6S0904: Mistakes.Throws threw InvalidOperationException: the users file is missing", third.Output, StringComparison.Ordinal);
        Assert.Contains(mistakes + "(" + LineOf(MistakesSource, "// here: status") + "): warning K6S0502: GET /products expects status 201, but the API documents 200", third.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("MSB3073", third.Output, StringComparison.Ordinal);
        Assert.True(File.Exists(script), "the load test without mistakes was not kept" + Environment.NewLine + third);

        // The emit step's exit code and its diagnostics agree: errors it reported get no second, false error.
        Assert.DoesNotContain("without reporting an error", third.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("error K6S0905", third.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("error K6S0907", third.Output, StringComparison.Ordinal);

        // 3b. An analyzer error stops the compile, so nothing is emitted; the build says so and why.
        var analyzerMistake = Path.Combine(project, "AnalyzerMistake.cs");
        File.WriteAllText(analyzerMistake, AnalyzerMistakeSource);
        var stopped = Build(project);
        Assert.True(stopped.ExitCode != 0, stopped.ToString());
        Assert.Contains(analyzerMistake + "(" + LineOf(AnalyzerMistakeSource, "// here: name"), stopped.Output, StringComparison.Ordinal);
        Assert.Contains("error K6S0101", stopped.Output, StringComparison.Ordinal);
        Assert.Contains("K6Scenarios: no k6 script was written: the build failed before emission", stopped.Output, StringComparison.Ordinal);
        Assert.Contains("Scripts from the last successful build in " + output + " were left unchanged.", stopped.Output, StringComparison.Ordinal);
        File.Delete(analyzerMistake);


        // 4. A malformed OpenAPI document is a K6S0501 warning at its line and column, from the analyzers, not a crash.
        File.Delete(mistakes);
        File.Delete(analyzerMistakes);
        var document = Path.Combine(project, "openapi.yaml");
        File.WriteAllText(document, "openapi: 3.0.3\ninfo:\n\ttitle: Shop\npaths: {}\n");
        var fourth = Build(project);
        Assert.True(fourth.ExitCode == 0, fourth.ToString());
        Assert.Contains(document + "(3,1): warning K6S0501: ", fourth.Output, StringComparison.Ordinal);
        Assert.Contains("tab character in the indentation", fourth.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("AD0001", fourth.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("failed unexpectedly", fourth.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("cannot load its YAML parser", fourth.Output, StringComparison.Ordinal);

        // 5. Clean removes what emission wrote.
        var clean = DotnetCommand.Run(project, "clean", "--disable-build-servers");
        Assert.True(clean.ExitCode == 0, clean.ToString());
        Assert.False(File.Exists(script), "clean left " + script);
        Assert.False(Directory.Exists(output), "clean left " + output);
        Assert.False(File.Exists(stamp), "clean left " + stamp);
    }

    private const string ShopSource = """
        using System;
        using K6Scenarios.Model;

        namespace Shop;

        public static class ShopLoadTests
        {
            [LoadTest]
            public static LoadTest Browse => LoadTest.Create("shop-browse")
                .BaseUrl("BASE_URL", "http://localhost:8080")
                .Scenario("browse", s => s
                    .RampingVus(0, stages => stages.RampTo(20, TimeSpan.FromSeconds(30)).RampTo(0, TimeSpan.FromSeconds(10)))
                    .Flow(f => f
                        .Get("/products", r => r.ExpectStatus(200))
                        .ThinkTime(TimeSpan.FromSeconds(1))))
                .Threshold(K6Metrics.HttpReqDuration.P(95) < 500);
        }
        """;

    // Computed names and a throwing definition: the analyzers cannot see these, only the built model can.
    private const string MistakesSource = """
        using System;
        using K6Scenarios.Model;

        public static class Mistakes
        {
            private static string Name(string prefix) => prefix + "-all";

            [LoadTest]
            public static LoadTest Duplicate => LoadTest.Create("duplicate")
                .BaseUrl("BASE_URL", "http://localhost:8080")
                .Scenario(Name("browse"), s => s.SharedIterations(1, 1).Flow(f => f.Get("/a")))
                .Scenario(Name("browse"), s => s.SharedIterations(1, 1).Flow(f => f.Get("/b"))); // here: duplicate

            [LoadTest]
            public static LoadTest Throws() =>
                throw new InvalidOperationException("the users file is missing"); // here: throw

            private static int Created() => 201;

            [LoadTest]
            public static LoadTest ComputedStatus => LoadTest.Create("computed-status")
                .BaseUrl("BASE_URL", "http://localhost:8080")
                .Scenario("browse", s => s.SharedIterations(1, 1).Flow(f => f
                    .Get("/products", r => r.ExpectStatus(Created())))); // here: status
        }
        """;

    // A constant the analyzers read: the status the document does not list is reported while the code is compiled.
    private const string AnalyzerMistakesSource = """
        using K6Scenarios.Model;

        public static class AnalyzerMistakes
        {
            [LoadTest]
            public static LoadTest WrongStatus => LoadTest.Create("wrong-status")
                .BaseUrl("BASE_URL", "http://localhost:8080")
                .Scenario("browse", s => s.SharedIterations(1, 1).Flow(f => f
                    .Get("/products", r => r.ExpectStatus(201))));
        }
        """;

    // A constant the analyzers see while the code is typed: an error that stops the compile before emission.
    private const string AnalyzerMistakeSource = """
        using System;
        using K6Scenarios.Model;

        public static class AnalyzerMistake
        {
            [LoadTest]
            public static LoadTest Spaced => LoadTest.Create("spaced")
                .BaseUrl("BASE_URL", "http://localhost:8080")
                .Scenario("sign in", s => s.SharedIterations(1, 1).Flow(f => f.Get("/products", r => r.ExpectStatus(200)))); // here: name
        }
        """;

    private const string OpenApiDocument = """
        openapi: 3.0.3
        info:
          title: Shop
          version: 1.0.0
        paths:
          /products:
            get:
              responses:
                "200":
                  description: The products
        """;

    private string CreateProject(string version, string packages)
    {
        // A user's folder: nothing inherited from the K6Scenarios repository, the package from the packed folder,
        // everything else from the machine's own NuGet sources (not cleared).
        Directory.CreateDirectory(_root);
        File.WriteAllText(Path.Combine(_root, "Directory.Build.props"), "<Project />\n");
        File.WriteAllText(Path.Combine(_root, "Directory.Build.targets"), "<Project />\n");
        File.WriteAllText(Path.Combine(_root, "Directory.Packages.props"), "<Project />\n");
        File.WriteAllText(Path.Combine(_root, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <add key="k6scenarios-under-test" value="{packages}" />
              </packageSources>
            </configuration>
            """);

        var project = Path.Combine(_root, ProjectName);
        Directory.CreateDirectory(project);
        File.WriteAllText(Path.Combine(project, ProjectName + ".csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFrameworks>net8.0;net10.0</TargetFrameworks>
                <Nullable>enable</Nullable>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="K6Scenarios" Version="{version}" />
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(project, "ShopLoadTests.cs"), ShopSource);
        File.WriteAllText(Path.Combine(project, "openapi.yaml"), OpenApiDocument);
        return project;
    }

    private static CommandResult Build(string project) =>
        DotnetCommand.Run(project, "build", "-v:n", "--disable-build-servers");

    /// <summary>1-based line and column of the first <paramref name="marker"/>, as the compiler reports them.</summary>
    private static (int Line, int Column) PositionOf(string source, string marker)
    {
        var lines = source.Split('\n');
        var line = Array.FindIndex(lines, l => l.Contains(marker, StringComparison.Ordinal));
        return (line + 1, lines[line].IndexOf(marker, StringComparison.Ordinal) + 1);
    }

    private static int LineOf(string source, string marker) =>
        Array.FindIndex(source.Split('\n'), l => l.Contains(marker, StringComparison.Ordinal)) + 1;
}
