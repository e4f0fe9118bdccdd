using BuildIntegration.Tests.Support;
using K6Scenarios.Diagnostics;
using K6Scenarios.Emitter.Discovery;

namespace BuildIntegration.Tests.Discovery;

public sealed class LoadTestDiscoveryTests
{
    private const string Usings = """
        using System;
        using K6Scenarios.Model;

        """;

    private static string Test(string name) =>
        $$"""LoadTest.Create("{{name}}").BaseUrl("BASE_URL", "http://localhost").Scenario("s", s => s.SharedIterations(1, 1).Flow(f => f.Get("/")))""";

    [Fact]
    public void Finds_marked_properties_methods_and_builder_chains_ordered_by_type_then_member()
    {
        using var fixture = FixtureAssembly.Compile(Usings + $$"""
            namespace Shop;

            public static class Zeta
            {
                [LoadTest] public static LoadTest Alpha => {{Test("zeta-alpha")}};
            }

            public static class Alpha
            {
                [LoadTest] public static LoadTestBuilder Second() => {{Test("alpha-second")}};
                [LoadTest] public static LoadTest First => {{Test("alpha-first")}};
                public static LoadTest NotMarked => {{Test("not-marked")}};

                public static class Nested
                {
                    [LoadTest] public static LoadTest Inner => {{Test("alpha-nested")}};
                }
            }
            """);

        var result = LoadTestDiscovery.Discover(fixture.Load());

        Assert.Empty(result.Diagnostics);
        Assert.Equal(
            ["Shop.Alpha.First", "Shop.Alpha.Second", "Shop.Alpha.Nested.Inner", "Shop.Zeta.Alpha"],
            result.LoadTests.Select(d => d.DisplayName));
        Assert.Equal(
            ["alpha-first", "alpha-second", "alpha-nested", "zeta-alpha"],
            result.LoadTests.Select(d => d.LoadTest.Name));
    }

    [Theory]
    [InlineData("[LoadTest] public LoadTest Instance => TEST; // here", "not static")]
    [InlineData("[LoadTest] public static LoadTest WithParameter(int vus) => TEST; // here", "takes parameters")]
    [InlineData("[LoadTest] internal static LoadTest NotPublic => TEST; // here", "not public")]
    [InlineData("[LoadTest] public static string WrongType => \"signin\"; // here", "returns String")]
    [InlineData("[LoadTest] public static LoadTest Generic<T>() => TEST; // here", "generic")]
    public void A_member_with_the_wrong_shape_is_K6S0905_at_its_line(string member, string reason)
    {
        using var fixture = FixtureAssembly.Compile(Usings + $$"""
            public class Definitions
            {
                {{member.Replace("TEST", Test("shape"), StringComparison.Ordinal)}}
            }
            """);

        var result = LoadTestDiscovery.Discover(fixture.Load());

        Assert.Empty(result.LoadTests);
        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal(DiagnosticCatalog.DefinitionNotUsable.Id, diagnostic.Id);
        Assert.Equal(RuleSeverity.Error, diagnostic.Severity);
        Assert.Contains(reason, diagnostic.Message, StringComparison.Ordinal);
        Assert.Equal(new SourceLocation(fixture.SourcePath, fixture.LineOf("// here")), diagnostic.Location);
    }

    [Fact]
    public void A_load_test_in_a_non_public_type_is_K6S0905()
    {
        using var fixture = FixtureAssembly.Compile(Usings + $$"""
            internal static class Hidden
            {
                [LoadTest] public static LoadTest Test => {{Test("hidden")}};
            }
            """);

        var diagnostic = Assert.Single(LoadTestDiscovery.Discover(fixture.Load()).Diagnostics);

        Assert.Equal(DiagnosticCatalog.DefinitionNotUsable.Id, diagnostic.Id);
        Assert.Contains("Hidden is not public", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_definition_that_throws_is_K6S0904_naming_the_exception_at_the_line_that_threw()
    {
        using var fixture = FixtureAssembly.Compile(Usings + $$"""
            public static class Definitions
            {
                [LoadTest] public static LoadTest Fine => {{Test("fine")}};

                [LoadTest]
                public static LoadTest Broken()
                {
                    var vus = int.Parse("12");
                    throw new InvalidOperationException("no users file for " + vus + " VUs"); // here: throw
                }
            }
            """);

        var result = LoadTestDiscovery.Discover(fixture.Load());

        Assert.Equal(["fine"], result.LoadTests.Select(d => d.LoadTest.Name));
        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal(DiagnosticCatalog.DefinitionThrew.Id, diagnostic.Id);
        Assert.Equal("Definitions.Broken threw InvalidOperationException: no users file for 12 VUs", diagnostic.Message);
        Assert.Equal(new SourceLocation(fixture.SourcePath, fixture.LineOf("// here: throw")), diagnostic.Location);
    }

    [Fact]
    public void A_builder_that_throws_inside_the_model_points_at_the_users_call()
    {
        using var fixture = FixtureAssembly.Compile(Usings + """
            public static class Definitions
            {
                [LoadTest]
                public static LoadTest Mix => LoadTest.Create("mix")
                    .UserMix(10, spawnRatePerSecond: 0, TimeSpan.FromMinutes(1), m => { }); // here: call
            }
            """);

        var diagnostic = Assert.Single(LoadTestDiscovery.Discover(fixture.Load()).Diagnostics);

        Assert.Equal(DiagnosticCatalog.DefinitionThrew.Id, diagnostic.Id);
        Assert.Contains("ArgumentOutOfRangeException", diagnostic.Message, StringComparison.Ordinal);
        Assert.Equal(fixture.SourcePath, diagnostic.Location?.FilePath);
        Assert.Contains(diagnostic.Location!.Line, new[] { fixture.LineOf("[LoadTest]") + 1, fixture.LineOf("// here: call") });
    }

    [Fact]
    public void A_definition_that_returns_null_is_K6S0905()
    {
        using var fixture = FixtureAssembly.Compile(Usings + """
            public static class Definitions
            {
                [LoadTest] public static LoadTest? Missing => null;
            }
            """);

        var diagnostic = Assert.Single(LoadTestDiscovery.Discover(fixture.Load()).Diagnostics);

        Assert.Equal(DiagnosticCatalog.DefinitionNotUsable.Id, diagnostic.Id);
        Assert.Contains("returned null", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_assembly_without_load_tests_is_a_K6S0903_warning()
    {
        using var fixture = FixtureAssembly.Compile(Usings + "public static class Empty { public static int Answer => 42; }");

        var result = LoadTestDiscovery.Discover(fixture.Load());

        Assert.Empty(result.LoadTests);
        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal(DiagnosticCatalog.NoLoadTestsFound.Id, diagnostic.Id);
        Assert.Equal(RuleSeverity.Warning, diagnostic.Severity);
        Assert.False(result.HasErrors);
    }

    [Fact]
    public void Load_tests_sharing_a_name_ignoring_case_are_K6S0113_at_each_definition_and_none_is_kept()
    {
        using var fixture = FixtureAssembly.Compile(Usings + """
            public static class Definitions
            {
                [LoadTest] public static LoadTest One => LoadTest.Create("checkout") // here: one
                    .BaseUrl("BASE_URL", "http://localhost").Scenario("s", s => s.SharedIterations(1, 1).Flow(f => f.Get("/")));

                [LoadTest] public static LoadTest Two => LoadTest.Create("Checkout") // here: two
                    .BaseUrl("BASE_URL", "http://localhost").Scenario("s", s => s.SharedIterations(1, 1).Flow(f => f.Get("/")));

                [LoadTest] public static LoadTest Other => LoadTest.Create("other")
                    .BaseUrl("BASE_URL", "http://localhost").Scenario("s", s => s.SharedIterations(1, 1).Flow(f => f.Get("/")));
            }
            """);

        var result = LoadTestDiscovery.Discover(fixture.Load());

        Assert.Equal(["other"], result.LoadTests.Select(d => d.LoadTest.Name));
        Assert.All(result.Diagnostics, d => Assert.Equal(DiagnosticCatalog.DuplicateLoadTestName.Id, d.Id));
        Assert.Equal(
            [fixture.LineOf("// here: one"), fixture.LineOf("// here: two")],
            result.Diagnostics.Select(d => d.Location!.Line).Order());
        Assert.Contains(result.Diagnostics, d => d.Message.Contains("also by Definitions.Two", StringComparison.Ordinal));
    }
}
