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
                public static LoadTest Vus() => LoadTest.Create("vus")
                    .Scenario("few", s => s.ConstantVus(200, TimeSpan.FromSeconds(30)).WithUsers({|#0:Few|}, PoolSelection.UniquePerVu).Flow(f => f.Get("/a").ThinkTime(TimeSpan.FromSeconds(1))));

                public static LoadTest File() => LoadTest.Create("file")
                    .Scenario("file", s => s.ConstantVus(5, TimeSpan.FromSeconds(30)).WithUsers({|#1:FromFile|}, PoolSelection.UniquePerVu).Flow(f => f.Get("/a").ThinkTime(TimeSpan.FromSeconds(1))));

                public static LoadTest Iterations() => LoadTest.Create("iterations")
                    .Scenario("iterations", s => s.PerVuIterations(10, 20).WithUsers({|#2:Few|}, PoolSelection.UniquePerIteration).Flow(f => f.Get("/a").ThinkTime(TimeSpan.FromSeconds(1))));

                // VU ids (exec.vu.idInTest) number the VUs of every scenario, so their peaks add up.
                public static LoadTest Shared() => LoadTest.Create("shared")
                    .Scenario("a", s => s.ConstantVus(60, TimeSpan.FromSeconds(30)).WithUsers(Few, PoolSelection.UniquePerVu).Flow(f => f.Get("/a").ThinkTime(TimeSpan.FromSeconds(1))))
                    .Scenario("b", s => s.ConstantVus(60, TimeSpan.FromSeconds(30)).WithUsers({|#3:Few|}, PoolSelection.UniquePerVu).Flow(f => f.Get("/a").ThinkTime(TimeSpan.FromSeconds(1))));
            """),
            Verify.Diagnostic("K6S0303").WithLocation(0).WithArguments("few", "100", "few", "200", "one per VU at its peak of 200 VUs"),
            Verify.Diagnostic("K6S0303").WithLocation(1).WithArguments("from-file", "3", "file", "5", "one per VU at its peak of 5 VUs"),
            Verify.Diagnostic("K6S0303").WithLocation(2).WithArguments("few", "100", "iterations", "200", "one per iteration: 10 VUs x 20 iterations each"),
            Verify.Diagnostic("K6S0303").WithLocation(3).WithArguments("few", "100", "b", "120", "one per VU id, and VU ids (exec.vu.idInTest) count the VUs of every scenario: 'a' (60) + 'b' (60)"))
            .WithAdditionalFile(UsersFile, """[{"email":"a@x"}, {"email":"b, c"}, {"email":"[d]"}]""")
            .VerifyAsync();
    }

    [Fact]
    public async Task Round_robin_counted_large_enough_and_unknown_pools_are_not_reported()
    {
        await new K6Test(Code.Wrap(Pools + """
                public static LoadTest Robin() => LoadTest.Create("robin")
                    .Scenario("robin", s => s.ConstantVus(200, TimeSpan.FromSeconds(30)).WithUsers(Few, PoolSelection.RoundRobin).Flow(f => f.Get("/a").ThinkTime(TimeSpan.FromSeconds(1))));

                public static LoadTest Enough() => LoadTest.Create("enough")
                    .Scenario("enough", s => s.ConstantVus(100, TimeSpan.FromSeconds(30)).WithUsers(Few, PoolSelection.UniquePerVu).Flow(f => f.Get("/a").ThinkTime(TimeSpan.FromSeconds(1))));

                public static LoadTest CountedTest() => LoadTest.Create("counted")
                    .Scenario("counted", s => s.ConstantVus(200, TimeSpan.FromSeconds(30)).WithUsers(Counted, PoolSelection.UniquePerVu).Flow(f => f.Get("/a").ThinkTime(TimeSpan.FromSeconds(1))));

                public static LoadTest File() => LoadTest.Create("file")
                    .Scenario("file", s => s.ConstantVus(3, TimeSpan.FromSeconds(30)).WithUsers(FromFile, PoolSelection.UniquePerVu).Flow(f => f.Get("/a").ThinkTime(TimeSpan.FromSeconds(1))));

                public static LoadTest UnknownTest() => LoadTest.Create("unknown")
                    .Scenario("unknown", s => s.ConstantVus(200, TimeSpan.FromSeconds(30)).WithUsers(Unknown, PoolSelection.UniquePerVu).Flow(f => f.Get("/a").ThinkTime(TimeSpan.FromSeconds(1))));
            """))
            .WithAdditionalFile(UsersFile, """[{"email":"a@x"}, {"email":"b, c"}, {"email":"[d]"}]""")
            .VerifyAsync();
    }
}
