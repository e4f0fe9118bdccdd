using System;
using System.Linq;
using K6Scenarios.Emitter;
using K6Scenarios.Emitter.OpenApi;
using K6Scenarios.Emitter.Testing;
using K6Scenarios.Samples.Seeds.LoadTests;

namespace K6Scenarios.Samples.Seeds;

/// <summary>Each seed's script, reviewed like code: a change here is a change of product output.</summary>
public class SeedScriptTests
{
    private static readonly string SampleApi = System.IO.Path.Combine(AppContext.BaseDirectory, "openapi", "sample-api.yaml");

    // The sample API document describes Evospin's and Vineyard's endpoints: requests are checked against it, and the
    // dry run answers them with examples of the documented responses.
    internal static readonly EmitterOptions Options = new()
    {
        BaseDirectory = AppContext.BaseDirectory,
        OpenApiDocuments = [OpenApiSource.Load(SampleApi, "EVOSPIN_API_URL"), OpenApiSource.Load(SampleApi, "VINEYARD_API_URL")],
    };

    [Fact]
    public void EvospinSignInStorm() => ScriptSnapshot.Verify(Evospin.SignInStorm(), Options);

    [Fact]
    public void EvospinSteppedRamp() => ScriptSnapshot.Verify(Evospin.SteppedRamp(), Options);

    [Fact]
    public void EvospinSmoke() => ScriptSnapshot.Verify(Evospin.Smoke(), Options);

    [Fact]
    public void EasyMoServices() => ScriptSnapshot.Verify(EasyMo.Services(), Options);

    [Fact]
    public void VineyardUserMix() => ScriptSnapshot.Verify(Vineyard.UserMix(), Options);

    [Fact]
    public void VelureProgressiveRamp() => ScriptSnapshot.Verify(Velure.ProgressiveRamp(), Options);
}

/// <summary>The seeds are the reference load tests: model validation, OpenAPI checks and the dry run find nothing to warn about.</summary>
public class SeedDiagnosticsTests
{
    public static TheoryData<string> LoadTests => new()
    {
        nameof(Evospin.SignInStorm), nameof(Evospin.SteppedRamp), nameof(Evospin.Smoke), nameof(EasyMo.Services), nameof(Vineyard.UserMix), nameof(Velure.ProgressiveRamp),
    };

    [Theory]
    [MemberData(nameof(LoadTests))]
    public void Seed_emits_without_warnings(string member)
    {
        var definition = new[] { typeof(Evospin), typeof(EasyMo), typeof(Vineyard), typeof(Velure) }
            .Select(t => t.GetMethod(member))
            .Single(m => m is not null)!;
        var loadTest = (K6Scenarios.Model.LoadTest)definition.Invoke(null, null)!;
        var result = new K6ScriptEmitter(SeedScriptTests.Options).Emit(loadTest);
        Assert.True(result.Succeeded);
        Assert.Empty(result.Diagnostics.Where(d => d.Severity != K6Scenarios.Diagnostics.RuleSeverity.Info).Select(d => d.ToString()));
    }
}

/// <summary>`dotnet build` and the snapshot tests emit the same bytes: the reviewed scripts are the ones users run.</summary>
public class BuildOutputTests
{
    [Fact]
    public void Scripts_emitted_by_the_build_match_the_verified_snapshots()
    {
        var folder = System.IO.Path.Combine(AppContext.BaseDirectory, "k6");
        var verified = System.IO.Directory.GetFiles(System.IO.Path.GetDirectoryName(ThisFile())!, "SeedScriptTests.*.verified.js");
        Assert.Equal(6, verified.Length);
        var emitted = System.IO.Directory.GetFiles(folder, "*.js").Select(System.IO.File.ReadAllText).ToHashSet(StringComparer.Ordinal);
        Assert.Equal(verified.Length, emitted.Count);
        Assert.All(verified, v => Assert.Contains(System.IO.File.ReadAllText(v), emitted));
    }

    private static string ThisFile([System.Runtime.CompilerServices.CallerFilePath] string path = "") => ScriptSnapshot.ResolveSourceFile(path);
}
