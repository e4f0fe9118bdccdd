using System;
using System.Threading.Tasks;
using K6Scenarios.Analyzers.Tests.Verification;

namespace K6Scenarios.Analyzers.Tests.Rules;

public sealed class CapacityTests
{
    [Fact]
    public async Task Closed_model_loop_without_think_time_is_reported()
    {
        await AnalyzerTest.For(Code.Wrap("""
                public static LoadTest Test() => LoadTest.Create("test")
                    .Scenario({|K6S0601:"hammer"|}, s => s.ConstantVus(10, TimeSpan.FromSeconds(30)).Flow(f => f.Get("/a").Get("/b")))
                    .Scenario("paced", s => s.ConstantVus(10, TimeSpan.FromSeconds(30)).Flow(f => f.Get("/a").Group("g", g => g.ThinkTime(TimeSpan.FromSeconds(1)))))
                    .Scenario("open", s => s.ConstantArrivalRate(10, TimeSpan.FromSeconds(30), preAllocatedVus: 10).Flow(f => f.Get("/a")))
                    .Scenario("once", s => s.SharedIterations(1, 1).Flow(f => f.Get("/a")))
                    .Scenario("hidden", s => s.ConstantVus(10, TimeSpan.FromSeconds(30)).Flow(f => Steps(f)));

                static void Steps(FlowBuilder f) => f.Get("/a");
            """)).VerifyAsync();
    }

    [Fact]
    public async Task Peak_vus_above_one_generator_are_reported_and_the_limit_is_configurable()
    {
        const string Source = """
                public static LoadTest Ramp() => LoadTest.Create({|K6S0602:"ramp"|})
                    .Scenario("a", s => s.ConstantVus(600, TimeSpan.FromSeconds(30)).Flow(f => f.Get("/a").ThinkTime(TimeSpan.FromSeconds(1))))
                    .Scenario("b", s => s.RampingVus(0, st => st.RampTo(600, TimeSpan.FromSeconds(30)).RampTo(0, TimeSpan.FromSeconds(5))).Flow(f => f.Get("/a").ThinkTime(TimeSpan.FromSeconds(1))));

                public static LoadTest AtLimit() => LoadTest.Create("at-limit")
                    .Scenario("a", s => s.ConstantVus(1000, TimeSpan.FromSeconds(30)).Flow(f => f.Get("/a").ThinkTime(TimeSpan.FromSeconds(1))));
            """;
        await AnalyzerTest.For(Code.Wrap(Source)).VerifyAsync();
        await AnalyzerTest.For(Code.Wrap(Source.Replace("{|K6S0602:\"ramp\"|}", "\"ramp\"", StringComparison.Ordinal)))
            .WithOption("k6scenarios.max_vus_per_generator", "2000")
            .VerifyAsync();
    }

    [Fact]
    public async Task Arrival_rate_without_enough_vus_for_the_expected_iteration_is_reported()
    {
        const string Source = """
                public static LoadTest Test() => LoadTest.Create("test")
                    .Scenario("open", s => s.{|K6S0603:ConstantArrivalRate|}(100, TimeSpan.FromMinutes(1), preAllocatedVus: 20, maxVus: 100)
                        .Flow(f => f.Get("/a").Get("/b").ThinkTime(TimeSpan.FromSeconds(1))))
                    .Scenario("roomy", s => s.ConstantArrivalRate(100, TimeSpan.FromMinutes(1), preAllocatedVus: 20, maxVus: 200)
                        .Flow(f => f.Get("/a").Get("/b").ThinkTime(TimeSpan.FromSeconds(1))));
            """;
        var reported = await AnalyzerTest.For(Code.Wrap(Source)).VerifyAsync();
        Assert.Contains("at 1s200ms per iteration that needs about 120 VUs but at most 100", reported[0].Message, StringComparison.Ordinal);

        await AnalyzerTest.For(Code.Wrap(Source.Replace("{|K6S0603:ConstantArrivalRate|}", "ConstantArrivalRate", StringComparison.Ordinal)))
            .WithOption("k6scenarios.expected_iteration_ms", "500")
            .VerifyAsync();
    }

    [Fact]
    public async Task Unique_pool_smaller_than_its_demand_is_reported()
    {
        await AnalyzerTest.For(Code.Wrap("""
                static readonly UserPool Few = UserPool.Generate("few", 100, ("email", "user{n}@example.test"));
                static readonly UserPool Counted = UserPool.FromJsonFile("counted", "data/users.json", ["email"]).WithCount(10_000);
                static readonly UserPool FromFile = UserPool.FromJsonFile("from-file", "data/users.json", ["email"]);
                static readonly UserPool Unknown = UserPool.FromJsonFile("unknown", "data/other.json", ["email"]);

                public static LoadTest Test() => LoadTest.Create("test")
                    .Scenario("few", s => s.ConstantVus(200, TimeSpan.FromSeconds(30)).WithUsers({|K6S0303:Few|}, PoolSelection.UniquePerVu).Flow(f => f.Get("/a").ThinkTime(TimeSpan.FromSeconds(1))))
                    .Scenario("robin", s => s.ConstantVus(200, TimeSpan.FromSeconds(30)).WithUsers(Few, PoolSelection.RoundRobin).Flow(f => f.Get("/a").ThinkTime(TimeSpan.FromSeconds(1))))
                    .Scenario("counted", s => s.ConstantVus(200, TimeSpan.FromSeconds(30)).WithUsers(Counted, PoolSelection.UniquePerVu).Flow(f => f.Get("/a").ThinkTime(TimeSpan.FromSeconds(1))))
                    .Scenario("file", s => s.ConstantVus(5, TimeSpan.FromSeconds(30)).WithUsers({|K6S0303:FromFile|}, PoolSelection.UniquePerVu).Flow(f => f.Get("/a").ThinkTime(TimeSpan.FromSeconds(1))))
                    .Scenario("iterations", s => s.PerVuIterations(10, 20).WithUsers({|K6S0303:Few|}, PoolSelection.UniquePerIteration).Flow(f => f.Get("/a").ThinkTime(TimeSpan.FromSeconds(1))))
                    .Scenario("unknown", s => s.ConstantVus(200, TimeSpan.FromSeconds(30)).WithUsers(Unknown, PoolSelection.UniquePerVu).Flow(f => f.Get("/a").ThinkTime(TimeSpan.FromSeconds(1))));
            """))
            .WithAdditionalFile("/project/data/users.json", """[{"email":"a@x"}, {"email":"b, c"}, {"email":"[d]"}]""")
            .VerifyAsync();
    }
}
