using System;
using System.Collections.Generic;
using System.Globalization;
using K6Scenarios.Model;

namespace K6Scenarios.Benchmarks.Emitter;

/// <summary>
/// A deterministic corpus of varied, valid load tests: every executor kind, 1 to 6 requests per flow, every check
/// and capture kind, thresholds on built-in and custom metrics, and pools of each kind (JSON file, CSV file,
/// generated) with every selection. Test <c>i</c> depends only on <c>i</c>, so a corpus of 10 is the first 10 of 1,000.
/// </summary>
public static class LoadTestCorpus
{
    /// <summary>The corpus size the README's numbers are for.</summary>
    public const int DefaultSize = 1000;

    /// <summary>Entries in each pool file and generated pool: more than any corpus test can need uniquely.</summary>
    public const int PoolEntries = 500;

    /// <summary>The JSON pool file, relative to the emitter's base directory.</summary>
    public const string JsonPoolFile = "corpus-users.json";

    /// <summary>The CSV pool file, relative to the emitter's base directory.</summary>
    public const string CsvPoolFile = "corpus-users.csv";

    private const ulong Seed = 0x6B36_5343_454E_4152UL;

    private static readonly string[] PoolFields = ["email", "password"];

    private static readonly BaseUrl Api = BaseUrl.FromEnvironment("CORPUS_API_URL", "http://localhost:8080");

    private static readonly BaseUrl Search = BaseUrl.FromEnvironment("CORPUS_SEARCH_URL", "http://localhost:8081");

    private static readonly Value Password = Value.Secret("CORPUS_PASSWORD");

    private enum PoolKind
    {
        None,
        JsonFile,
        CsvFile,
        Generated,
    }

    /// <summary>Writes the pool files the corpus reads into <paramref name="folder"/>.</summary>
    /// <param name="folder">The emitter's base directory.</param>
    public static void WriteDataFiles(string folder)
    {
        PoolFiles.WriteJson(System.IO.Path.Combine(folder, JsonPoolFile), PoolEntries);
        PoolFiles.WriteCsv(System.IO.Path.Combine(folder, CsvPoolFile), PoolEntries);
    }

    /// <summary>Builds the first <paramref name="count"/> load tests of the corpus.</summary>
    /// <param name="count">How many.</param>
    /// <returns>The load tests, named <c>corpus-0001</c> onwards.</returns>
    public static IReadOnlyList<LoadTest> Generate(int count)
    {
        var tests = new LoadTest[count];
        for (var i = 0; i < count; i++)
        {
            tests[i] = Build(i);
        }

        return tests;
    }

    private static LoadTest Build(int index)
    {
        var random = new DeterministicRandom(Seed + (ulong)index * 7919UL);
        var name = "corpus-" + (index + 1).ToString("D4", CultureInfo.InvariantCulture);
        var poolKind = (PoolKind)(index % 4);
        var pool = CreatePool(poolKind);
        var token = new Variable("token");
        var itemId = new Variable("itemId");
        var requestId = new Variable("requestId");
        var latency = CustomMetric.Trend("corpus_latency", isTime: true);
        var failures = CustomMetric.Rate("corpus_failures");
        var orders = CustomMetric.Counter("corpus_orders");

        var builder = LoadTest.Create(name)
            .Describe("Generated corpus test " + (index + 1).ToString(CultureInfo.InvariantCulture) + " (" + poolKind + " pool).")
            .BaseUrl(Api);

        var scenarioCount = random.Between(1, 2);
        var scenarioNames = new List<string>();
        var requestNames = new List<string>();
        var recorded = new RecordedMetrics();
        for (var s = 0; s < scenarioCount; s++)
        {
            var scenarioName = random.Pick("browse", "checkout", "search", "signin", "admin") + "_" + s.ToString(CultureInfo.InvariantCulture);
            scenarioNames.Add(scenarioName);
            var executorKind = (index + s) % 6;
            var requests = random.Between(1, 6);
            builder.Scenario(scenarioName, sc =>
            {
                AddExecutor(sc, executorKind, random);
                if (pool is not null)
                {
                    sc.WithUsers(pool, PickSelection(executorKind, random));
                }

                if (random.Chance(1, 4))
                {
                    sc.StartAfter(TimeSpan.FromSeconds(random.Between(1, 30)));
                }

                if (random.Chance(1, 4))
                {
                    sc.GracefulStop(TimeSpan.FromSeconds(random.Between(5, 60)));
                }

                if (random.Chance(1, 3))
                {
                    sc.Tag("team", random.Pick("payments", "catalog", "identity"));
                }

                if (random.Chance(1, 5))
                {
                    sc.Env("CORPUS_MODE", "load");
                }

                sc.Flow(f => AddFlow(f, random, pool, requests, token, itemId, requestId, latency, failures, orders, requestNames, recorded));
            });
        }

        builder.Threshold(K6Metrics.HttpReqDuration.P(95) < random.Between(200, 2000));
        builder.Threshold(K6Metrics.HttpReqFailed.Rate < 0.01 * random.Between(1, 10), abortOnFail: random.Chance(1, 3), delayAbortEval: null);
        builder.Threshold(K6Metrics.HttpReqDuration.ForScenario(scenarioNames[^1]).P(99) < TimeSpan.FromSeconds(random.Between(1, 5)));
        if (random.Chance(1, 2))
        {
            builder.Threshold(K6Metrics.Checks.Rate > 0.95, abortOnFail: true, delayAbortEval: TimeSpan.FromSeconds(10));
        }

        if (requestNames.Count > 0 && random.Chance(1, 2))
        {
            builder.Threshold(K6Metrics.HttpReqDuration.ForRequest(requestNames[random.Next(requestNames.Count)]).Med < 300);
        }

        // Thresholds on custom metrics only for metrics some step records (K6S0208 otherwise).
        builder.Threshold(latency.P(90) < 800).Threshold(failures.Rate < 0.05);
        if (recorded.Orders)
        {
            builder.Threshold(orders.Count > 0);
        }
        if (random.Chance(1, 3))
        {
            builder.Options(o => o with { SummaryTrendStats = ["avg", "med", "p(95)", "p(99)"], Tags = [new("suite", "corpus")] });
        }

        return builder;
    }

    private static UserPool? CreatePool(PoolKind kind) => kind switch
    {
        PoolKind.JsonFile => UserPool.FromJsonFile("users", JsonPoolFile, PoolFields),
        PoolKind.CsvFile => UserPool.FromCsvFile("users", CsvPoolFile, PoolFields),
        PoolKind.Generated => UserPool.Generate("users", PoolEntries, ("email", "user-{n}@corpus.test"), ("password", Password)),
        _ => null,
    };

    // Unique-per-iteration needs a known iteration count within the pool, so only the iteration executors use it.
    private static PoolSelection PickSelection(int executorKind, DeterministicRandom random) => executorKind <= 1
        ? random.Pick(PoolSelection.UniquePerIteration, PoolSelection.UniquePerVu, PoolSelection.RoundRobin, PoolSelection.Random)
        : random.Pick(PoolSelection.UniquePerVu, PoolSelection.RoundRobin, PoolSelection.Random);

    // Peaks stay at or under 200 VUs per scenario, so two scenarios never need more unique users than a pool holds.
    private static void AddExecutor(ScenarioBuilder scenario, int kind, DeterministicRandom random)
    {
        switch (kind)
        {
            case 0:
                var vus = random.Between(1, 20);
                scenario.SharedIterations(vus, vus * random.Between(1, 10), random.Chance(1, 2) ? TimeSpan.FromMinutes(random.Between(1, 10)) : null);
                break;
            case 1:
                scenario.PerVuIterations(random.Between(1, 20), random.Between(1, 10), random.Chance(1, 2) ? TimeSpan.FromMinutes(random.Between(1, 10)) : null);
                break;
            case 2:
                scenario.ConstantVus(random.Between(1, 100), TimeSpan.FromSeconds(random.Between(30, 600)));
                break;
            case 3:
                var steps = random.Between(1, 3);
                scenario.RampingVus(
                    random.Between(0, 5),
                    stages =>
                    {
                        for (var s = 0; s < steps; s++)
                        {
                            stages.RampTo(random.Between(10, 200), TimeSpan.FromSeconds(random.Between(10, 120)));
                        }

                        stages.Hold(TimeSpan.FromSeconds(random.Between(30, 300))).RampTo(0, TimeSpan.FromSeconds(random.Between(10, 60)));
                    },
                    random.Chance(1, 2) ? TimeSpan.FromSeconds(random.Between(5, 30)) : null);
                break;
            case 4:
                var rate = random.Between(1, 50);
                var preAllocated = random.Between(10, 100);
                scenario.ConstantArrivalRate(rate, TimeSpan.FromSeconds(random.Between(30, 600)), preAllocated, preAllocated + random.Between(0, 100), random.Chance(1, 3) ? TimeSpan.FromMinutes(1) : null);
                break;
            default:
                var preAllocatedRamp = random.Between(10, 100);
                scenario.RampingArrivalRate(
                    random.Between(0, 5),
                    stages => stages
                        .RampTo(random.Between(5, 50), TimeSpan.FromSeconds(random.Between(30, 120)))
                        .Hold(TimeSpan.FromSeconds(random.Between(30, 300)))
                        .RampTo(0, TimeSpan.FromSeconds(random.Between(10, 60))),
                    preAllocatedRamp,
                    preAllocatedRamp + random.Between(0, 100));
                break;
        }
    }

    private static void AddFlow(
        FlowBuilder flow,
        DeterministicRandom random,
        UserPool? pool,
        int requests,
        Variable token,
        Variable itemId,
        Variable requestId,
        TrendMetric latency,
        RateMetric failures,
        CounterMetric orders,
        List<string> requestNames,
        RecordedMetrics recorded)
    {
        // The first request signs in and captures the token the others send.
        flow.Post("/auth/login", r => r
            .JsonBody(pool is null
                ? new { email = "user-" + Value.UniqueSuffix + "@corpus.test", password = Password }
                : new { email = pool.Field("email"), password = pool.Field("password") })
            .ExpectStatus(random.Pick(200, 201))
            .CheckBodyHas("accessToken")
            .Capture(token, CaptureSource.Json("accessToken"))
            .RecordDurationIn(latency)
            .RecordFailureIn(failures));

        var grouped = requests > 2 && random.Chance(1, 2);
        if (grouped)
        {
            flow.Group("catalog", g => AddRequests(g, random, 1, requests, token, itemId, requestId, latency, failures, orders, requestNames, recorded));
        }
        else
        {
            AddRequests(flow, random, 1, requests, token, itemId, requestId, latency, failures, orders, requestNames, recorded);
        }

        if (random.Chance(1, 4))
        {
            flow.When(Condition.Chance(0.5), then => then.Record(orders, 1));
            recorded.Orders = true;
        }

        flow.ThinkTime(TimeSpan.FromMilliseconds(random.Between(500, 1500)), TimeSpan.FromMilliseconds(random.Between(1500, 3000)));
    }

    private static void AddRequests(
        FlowBuilder flow,
        DeterministicRandom random,
        int first,
        int end,
        Variable token,
        Variable itemId,
        Variable requestId,
        TrendMetric latency,
        RateMetric failures,
        CounterMetric orders,
        List<string> requestNames,
        RecordedMetrics recorded)
    {
        var haveItem = false;
        for (var n = first; n < end; n++)
        {
            var number = n.ToString(CultureInfo.InvariantCulture);
            switch (random.Next(5))
            {
                case 0:
                    flow.Get("/items", r =>
                    {
                        r.BearerToken(token).Query("page", random.Between(1, 5)).Query("q", "item-" + number).ExpectStatus(200)
                            .CheckBodyHas("items.0.id", "items listed " + number).Capture(itemId, CaptureSource.Json("items.0.id"))
                            .CheckDuration(TimeSpan.FromMilliseconds(random.Between(200, 2000)));
                        if (random.Chance(1, 2))
                        {
                            r.Tag("kind", "list");
                        }
                    });
                    haveItem = true;
                    break;
                case 1 when haveItem:
                    var detail = "/items/:id";
                    flow.Get("/items/{id}", r => r
                        .BearerToken(token)
                        .PathParameter("id", itemId)
                        .Named(detail)
                        .ExpectStatus(200)
                        .CheckBodyEquals("status", "active")
                        .CheckHeader("Content-Type", "application/json")
                        .RecordDurationIn(latency));
                    requestNames.Add(detail);
                    break;
                case 1:
                    flow.Delete("/carts/{id}", r => r
                        .BearerToken(token)
                        .PathParameter("id", Value.VuIdInTest)
                        .Named("/carts/:id")
                        .ExpectStatus(204));
                    break;
                case 2:
                    flow.Post("/orders", r => r
                        .BearerToken(token)
                        .Header("X-Request-Source", "corpus-" + number)
                        .JsonBody(new { sku = "sku-" + number, quantity = random.Between(1, 9), gift = random.Chance(1, 2), note = (Value)"n" + Value.IterationInTest })
                        .ExpectStatus(201)
                        .AlsoExpected(409)
                        .CheckBodyHas("id")
                        .Capture(requestId, CaptureSource.Header("X-Request-Id"))
                        .CountIn(orders)
                        .RecordFailureIn(failures)
                        .Timeout(TimeSpan.FromSeconds(random.Between(5, 60))));
                    recorded.Orders = true;
                    break;
                case 3:
                    var profile = "/profile";
                    flow.Request(random.Pick(HttpMethod.Put, HttpMethod.Patch), null, profile, r => r
                        .BearerToken(token)
                        .FormBody(new { display = "corpus user " + number, locale = random.Pick("en", "fr", "de") })
                        .ExpectStatus(200, 204)
                        .CheckBodyContains("ok")
                        .Capture(requestId, CaptureSource.Regex("ref=([0-9]+)")));
                    requestNames.Add(profile);
                    break;
                default:
                    flow.Get(Search, "/search", r => r
                        .Query("term", "k6 " + number)
                        .ExpectStatus(200)
                        .CheckBodyHas("hits")
                        .Redirects(random.Between(0, 5)));
                    break;
            }
        }
    }

    // Thresholds may only watch custom metrics that some step records (K6S0208 otherwise).
    private sealed class RecordedMetrics
    {
        public bool Orders { get; set; }
    }
}
