using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using K6Scenarios.Analyzers.Tests.Verification;
using Microsoft.CodeAnalysis;

namespace K6Scenarios.Analyzers.Tests;

/// <summary>The verifier itself: it fails on what it must catch, and it needs no package feed.</summary>
public sealed class VerifierTests
{
    private static readonly string BadScenarioName = Code.Wrap("""
            public static LoadTest Test() => LoadTest.Create("test")
                .Scenario({|#0:"sign in"|}, s => s.ConstantVus(1, TimeSpan.FromSeconds(10)).Flow(f => f.Get("/a").ThinkTime(TimeSpan.FromSeconds(1))));
        """);

    [Fact]
    public async Task Wrong_message_arguments_fail_the_test()
    {
        await Assert.ThrowsAnyAsync<Exception>(() =>
            Verify.AnalyzerAsync(BadScenarioName, Verify.Diagnostic("K6S0101").WithLocation(0).WithArguments("sign-in")));
    }

    [Fact]
    public async Task A_diagnostic_not_expected_fails_the_test()
    {
        await Assert.ThrowsAnyAsync<Exception>(() => Verify.AnalyzerAsync(BadScenarioName));
    }

    [Fact]
    public async Task An_expected_diagnostic_not_reported_fails_the_test()
    {
        await Assert.ThrowsAnyAsync<Exception>(() => Verify.AnalyzerAsync(
            BadScenarioName.Replace("sign in", "signin", StringComparison.Ordinal),
            Verify.Diagnostic("K6S0101").WithLocation(0).WithArguments("signin")));
    }

    [Fact]
    public async Task Reference_assemblies_resolve_offline_and_the_references_come_from_this_machine()
    {
        var assemblies = TestCompilation.OfflineReferenceAssemblies;

        // No reference pack and no package: nothing for NuGet to download.
        Assert.Null(assemblies.ReferenceAssemblyPackage);
        Assert.Empty(assemblies.Packages);
        Assert.Empty(await assemblies.ResolveAsync(LanguageNames.CSharp, CancellationToken.None));
        Assert.All(TestCompilation.References, r => Assert.True(System.IO.File.Exists(((PortableExecutableReference)r).FilePath)));
        Assert.Contains(TestCompilation.References, r => r.Display!.EndsWith("K6Scenarios.Model.dll", StringComparison.Ordinal));
    }

    [Fact]
    public void Analyzers_and_code_fixes_are_found_by_reflection()
    {
        Assert.NotEmpty(AnalyzerDiscovery.Analyzers);
        Assert.All(AnalyzerDiscovery.Analyzers, a => Assert.Equal(AnalyzerDiscovery.AnalyzerAssemblyName, a.GetType().Assembly.GetName().Name));
        Assert.All(AnalyzerDiscovery.CodeFixes, c => Assert.Equal(AnalyzerDiscovery.CodeFixAssemblyName, c.GetType().Assembly.GetName().Name));
        Assert.All(
            AnalyzerDiscovery.CodeFixes.SelectMany(c => c.FixableDiagnosticIds),
            id => Assert.Contains(AnalyzerDiscovery.Descriptors, d => d.Id == id));
    }
}
