using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading.Tasks;
using K6Scenarios.Analyzers.Tests.Verification;
using Microsoft.CodeAnalysis;

namespace K6Scenarios.Analyzers.Tests;

/// <summary>
/// The analyzer reads each type declaration's code when the compiler declares the type: wherever a load test is
/// written (top-level statements, a nested type, a part of a partial type, a namespace block), it is read exactly once.
/// </summary>
public sealed class LoadTestPlacementTests
{
    // An invalid scenario name (K6S0101) that names where the load test is written.
    private static string Chain(string place) => string.Create(CultureInfo.InvariantCulture, $$"""
        LoadTest.Create("{{place}}")
                .Scenario("bad {{place}}", s => s
                    .ConstantVus(5, TimeSpan.FromSeconds(30))
                    .Flow(f => f.Get("/items").ThinkTime(TimeSpan.FromSeconds(1))))
        """);

    private const string Usings = """
        using System;
        using K6Scenarios.Model;

        """;

    [Fact]
    public async Task A_load_test_in_top_level_statements_is_read_once()
    {
        var source = Usings + "var test = " + Chain("top") + ";\nConsole.WriteLine(test);\n"
            + "static class Helpers { public static LoadTest Nested() => " + Chain("helper") + "; }\n";

        var findings = await FindingsAsync([("Program.cs", source)], OutputKind.ConsoleApplication);

        Assert.Equal(["K6S0101 bad top", "K6S0101 bad helper"], findings);
    }

    [Fact]
    public async Task Load_tests_in_a_type_and_in_the_types_nested_in_it_are_each_read_once()
    {
        var source = Usings + $$"""
            namespace Outer
            {
                public static class Tests
                {
                    public static LoadTest First() => {{Chain("outer-first")}};

                    public static class Nested
                    {
                        public static LoadTest Inner() => {{Chain("nested")}};

                        public record Deeper
                        {
                            public static LoadTest Deepest => {{Chain("deepest")}};
                        }
                    }

                    public static LoadTest Last() => {{Chain("outer-last")}};
                }

                namespace Inner
                {
                    public struct Holder
                    {
                        public static readonly LoadTest Field = {{Chain("struct-field")}};
                    }
                }
            }
            """;

        var findings = await FindingsAsync([("Tests.cs", source)]);

        Assert.Equal(["K6S0101 bad outer-first", "K6S0101 bad nested", "K6S0101 bad deepest", "K6S0101 bad outer-last", "K6S0101 bad struct-field"], findings);
    }

    [Fact]
    public async Task Each_part_of_a_partial_type_is_read_once()
    {
        var first = Usings + $$"""
            namespace Parts;

            public static partial class Tests
            {
                public static LoadTest InFirst() => {{Chain("part-one")}};
            }
            """;
        var second = Usings + $$"""
            namespace Parts;

            public static partial class Tests
            {
                public static LoadTest InSecond() => {{Chain("part-two")}};
            }

            public static partial class Tests
            {
                public static LoadTest InThird() => {{Chain("part-three")}};
            }
            """;

        var findings = await FindingsAsync([("First.cs", first), ("Second.cs", second)]);

        Assert.Equal(["K6S0101 bad part-one", "K6S0101 bad part-two", "K6S0101 bad part-three"], findings);
    }

    // Each K6S finding as its rule and the scenario name its message quotes, in file and document order.
    private static async Task<List<string>> FindingsAsync(IEnumerable<(string Name, string Text)> files, OutputKind kind = OutputKind.DynamicallyLinkedLibrary)
    {
        var project = AnalyzerRunner.CreateProject(files.Select(f => (TestCompilation.ProjectFolder + f.Name, f.Text)));
        project = project.WithCompilationOptions(project.CompilationOptions!.WithOutputKind(kind));
        Assert.Empty(await AnalyzerRunner.CompilerErrorsAsync(project));
        var diagnostics = await AnalyzerRunner.AnalyzeAsync(project);
        return diagnostics
            .Where(d => d.Id.StartsWith("K6S", System.StringComparison.Ordinal))
            .OrderBy(d => d.Location.SourceTree!.FilePath, System.StringComparer.Ordinal)
            .ThenBy(d => d.Location.SourceSpan.Start)
            .Select(d => d.Id + " " + ScenarioNameIn(d.GetMessage(CultureInfo.InvariantCulture)))
            .ToList();
    }

    private static string ScenarioNameIn(string message)
    {
        var start = message.IndexOf("'bad ", System.StringComparison.Ordinal) + 1;
        return start == 0 ? message : message[start..message.IndexOf('\'', start)];
    }
}
