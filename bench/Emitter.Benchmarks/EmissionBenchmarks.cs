using System.Collections.Generic;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using K6Scenarios.Emitter;
using K6Scenarios.Model;

namespace K6Scenarios.Benchmarks.Emitter;

/// <summary>
/// The six seed load tests (samples/Seeds), emitted with and without Jint validation side by side. One operation is
/// one script (the six are emitted per invocation), so the reported time is per script and 1 s / time is scripts per
/// second on one core.
/// </summary>
[MemoryDiagnoser]
public class SeedEmissionBenchmarks
{
    private const int SeedCount = 6;

    private IReadOnlyList<LoadTest> _seeds = [];
    private K6ScriptEmitter _withValidation = null!;
    private K6ScriptEmitter _withoutValidation = null!;

    /// <summary>Discovers the seeds and checks that all of them emit.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _seeds = BenchData.SeedLoadTests();
        if (_seeds.Count != SeedCount)
        {
            throw new System.InvalidOperationException("Expected " + SeedCount + " seed load tests, found " + _seeds.Count + "; update SeedCount (it sets OperationsPerInvoke).");
        }

        var directory = BenchData.SeedBaseDirectory();
        _withValidation = new K6ScriptEmitter(new EmitterOptions { BaseDirectory = directory, DryRun = true });
        _withoutValidation = new K6ScriptEmitter(new EmitterOptions { BaseDirectory = directory, DryRun = false });
        BenchData.EnsureAllEmit(_seeds, _withValidation.Options);
    }

    /// <summary>Emission alone: model checks, pool files, script generation.</summary>
    /// <returns>The last result, so nothing is optimized away.</returns>
    [Benchmark(Baseline = true, OperationsPerInvoke = SeedCount)]
    public EmitResult SeedsWithoutValidation() => EmitAll(_withoutValidation);

    /// <summary>What a build does: emission and Jint validation.</summary>
    /// <returns>The last result.</returns>
    [Benchmark(OperationsPerInvoke = SeedCount)]
    public EmitResult SeedsWithValidation() => EmitAll(_withValidation);

    private EmitResult EmitAll(K6ScriptEmitter emitter)
    {
        EmitResult last = null!;
        foreach (var seed in _seeds)
        {
            last = emitter.Emit(seed);
        }

        return last;
    }
}

/// <summary>
/// The generated corpus of 1,000 varied load tests, with and without validation. One operation is one script.
/// </summary>
[MemoryDiagnoser]
public class CorpusEmissionBenchmarks
{
    private IReadOnlyList<LoadTest> _corpus = [];
    private K6ScriptEmitter _withValidation = null!;
    private K6ScriptEmitter _withoutValidation = null!;

    /// <summary>Generates the corpus and its pool files and checks that every test emits.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var directory = BenchData.PrepareCorpusData();
        _corpus = LoadTestCorpus.Generate(LoadTestCorpus.DefaultSize);
        _withValidation = new K6ScriptEmitter(new EmitterOptions { BaseDirectory = directory, DryRun = true });
        _withoutValidation = new K6ScriptEmitter(new EmitterOptions { BaseDirectory = directory, DryRun = false });
        BenchData.EnsureAllEmit(_corpus, _withValidation.Options);
    }

    /// <summary>Emission alone.</summary>
    /// <returns>The last result.</returns>
    [Benchmark(Baseline = true, OperationsPerInvoke = LoadTestCorpus.DefaultSize)]
    public EmitResult CorpusWithoutValidation() => EmitAll(_withoutValidation);

    /// <summary>Emission and Jint validation.</summary>
    /// <returns>The last result.</returns>
    [Benchmark(OperationsPerInvoke = LoadTestCorpus.DefaultSize)]
    public EmitResult CorpusWithValidation() => EmitAll(_withValidation);

    private EmitResult EmitAll(K6ScriptEmitter emitter)
    {
        EmitResult last = null!;
        foreach (var loadTest in _corpus)
        {
            last = emitter.Emit(loadTest);
        }

        return last;
    }
}

/// <summary>
/// Pool size must not matter: a sign-in test emitted (with validation) against a 100-user and a 100,000-user pool,
/// from a JSON file and generated. Each category's ratio compares the two sizes measured in the same run.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class PoolScaleBenchmarks
{
    private const int Small = 100;
    private const int Large = 100_000;

    private K6ScriptEmitter _emitter = null!;
    private LoadTest _jsonSmall = null!;
    private LoadTest _jsonLarge = null!;
    private LoadTest _generatedSmall = null!;
    private LoadTest _generatedLarge = null!;

    /// <summary>Writes the two pool files and builds the four load tests.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _jsonSmall = SignIn("json-100", UserPool.FromJsonFile("users", BenchData.PreparePoolFile(Small), ["email", "password"]));
        _jsonLarge = SignIn("json-100000", UserPool.FromJsonFile("users", BenchData.PreparePoolFile(Large), ["email", "password"]));
        _generatedSmall = SignIn("generated-100", Generated(Small));
        _generatedLarge = SignIn("generated-100000", Generated(Large));
        _emitter = new K6ScriptEmitter(new EmitterOptions { BaseDirectory = BenchData.GeneratedDataDirectory, DryRun = true });
        BenchData.EnsureAllEmit([_jsonSmall, _jsonLarge, _generatedSmall, _generatedLarge], _emitter.Options);
    }

    /// <summary>JSON file of 100 users.</summary>
    /// <returns>The result.</returns>
    [Benchmark(Baseline = true)]
    [BenchmarkCategory("json-file")]
    public EmitResult JsonFile100() => _emitter.Emit(_jsonSmall);

    /// <summary>JSON file of 100,000 users.</summary>
    /// <returns>The result.</returns>
    [Benchmark]
    [BenchmarkCategory("json-file")]
    public EmitResult JsonFile100000() => _emitter.Emit(_jsonLarge);

    /// <summary>Generated pool of 100 users.</summary>
    /// <returns>The result.</returns>
    [Benchmark(Baseline = true)]
    [BenchmarkCategory("generated")]
    public EmitResult Generated100() => _emitter.Emit(_generatedSmall);

    /// <summary>Generated pool of 100,000 users.</summary>
    /// <returns>The result.</returns>
    [Benchmark]
    [BenchmarkCategory("generated")]
    public EmitResult Generated100000() => _emitter.Emit(_generatedLarge);

    private static UserPool Generated(int count) =>
        UserPool.Generate("users", count, ("email", "loadtest+{n}@corpus.test"), ("password", Value.Secret("CORPUS_PASSWORD")));

    // 50 VUs, each its own user: the seed-000 sign-in storm at a size both pools satisfy.
    private static LoadTest SignIn(string name, UserPool users) => LoadTest.Create("scale-" + name)
        .BaseUrl("SCALE_API_URL", "http://localhost:8080")
        .Scenario("signin", s => s
            .ConstantVus(50, System.TimeSpan.FromSeconds(60))
            .WithUsers(users, PoolSelection.UniquePerVu)
            .Flow(f => f
                .Post("/auth/signin", r => r
                    .JsonBody(new { email = users.Field("email"), password = users.Field("password") })
                    .ExpectStatus(201)
                    .CheckBodyHas("accessToken"))
                .ThinkTime(System.TimeSpan.FromSeconds(1))))
        .Threshold(K6Metrics.HttpReqDuration.ForScenario("signin").P(95) < 500, abortOnFail: true);
}
