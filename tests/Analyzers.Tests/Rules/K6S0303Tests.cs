using System.Threading.Tasks;
using K6Scenarios.Analyzers.Tests.Verification;

namespace K6Scenarios.Analyzers.Tests.Rules;

/// <summary>K6S0303: a unique user pool smaller than the entries its scenario needs.</summary>
public sealed class K6S0303Tests
{
    private const string UsersFile = "/project/data/users.json";

    private const string Pools = """
                static readonly UserPool Few = UserPool.Generate("few", 100, ("email", "user{n}@example.test"));
                static readonly UserPool Counted = UserPool.FromJsonFile("counted", "data/users.json", ["email"]).WithCount(10_000);
                static readonly UserPool FromFile = UserPool.FromJsonFile("from-file", "data/users.json", ["email"]);
                static readonly UserPool Unknown = UserPool.FromJsonFile("unknown", "data/other.json", ["email"]);

        """;

    [Fact]
    public async Task Unique_pools_smaller_than_the_peak_vus_or_the_iterations_are_reported()
    {
        await new K6Test(
            Code.Wrap(Pools + """
                public static LoadTest Test() => LoadTest.Create("test")
                    .Scenario("few", s => s.ConstantVus(200, TimeSpan.FromSeconds(30)).WithUsers({|#0:Few|}, PoolSelection.UniquePerVu).Flow(f => f.Get("/a").ThinkTime(TimeSpan.FromSeconds(1))))
                    .Scenario("file", s => s.ConstantVus(5, TimeSpan.FromSeconds(30)).WithUsers({|#1:FromFile|}, PoolSelection.UniquePerVu).Flow(f => f.Get("/a").ThinkTime(TimeSpan.FromSeconds(1))))
                    .Scenario("iterations", s => s.PerVuIterations(10, 20).WithUsers({|#2:Few|}, PoolSelection.UniquePerIteration).Flow(f => f.Get("/a").ThinkTime(TimeSpan.FromSeconds(1))));
            """),
            Verify.Diagnostic("K6S0303").WithLocation(0).WithArguments("few", "100", "few", "200", "one per VU at its peak of 200 VUs"),
            Verify.Diagnostic("K6S0303").WithLocation(1).WithArguments("from-file", "3", "file", "5", "one per VU at its peak of 5 VUs"),
            Verify.Diagnostic("K6S0303").WithLocation(2).WithArguments("few", "100", "iterations", "200", "one per iteration, 200 iterations"))
            .WithAdditionalFile(UsersFile, """[{"email":"a@x"}, {"email":"b, c"}, {"email":"[d]"}]""")
            .VerifyAsync();
    }

    [Fact]
    public async Task Round_robin_counted_large_enough_and_unknown_pools_are_not_reported()
    {
        await new K6Test(Code.Wrap(Pools + """
                public static LoadTest Test() => LoadTest.Create("test")
                    .Scenario("robin", s => s.ConstantVus(200, TimeSpan.FromSeconds(30)).WithUsers(Few, PoolSelection.RoundRobin).Flow(f => f.Get("/a").ThinkTime(TimeSpan.FromSeconds(1))))
                    .Scenario("enough", s => s.ConstantVus(100, TimeSpan.FromSeconds(30)).WithUsers(Few, PoolSelection.UniquePerVu).Flow(f => f.Get("/a").ThinkTime(TimeSpan.FromSeconds(1))))
                    .Scenario("counted", s => s.ConstantVus(200, TimeSpan.FromSeconds(30)).WithUsers(Counted, PoolSelection.UniquePerVu).Flow(f => f.Get("/a").ThinkTime(TimeSpan.FromSeconds(1))))
                    .Scenario("file", s => s.ConstantVus(3, TimeSpan.FromSeconds(30)).WithUsers(FromFile, PoolSelection.UniquePerVu).Flow(f => f.Get("/a").ThinkTime(TimeSpan.FromSeconds(1))))
                    .Scenario("unknown", s => s.ConstantVus(200, TimeSpan.FromSeconds(30)).WithUsers(Unknown, PoolSelection.UniquePerVu).Flow(f => f.Get("/a").ThinkTime(TimeSpan.FromSeconds(1))));
            """))
            .WithAdditionalFile(UsersFile, """[{"email":"a@x"}, {"email":"b, c"}, {"email":"[d]"}]""")
            .VerifyAsync();
    }
}
