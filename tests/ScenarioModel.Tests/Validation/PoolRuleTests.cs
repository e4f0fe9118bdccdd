using System;
using System.Linq;
using K6Scenarios.Diagnostics;
using K6Scenarios.Model.Validation;
using static K6Scenarios.Model.Tests.Validation.ValidationKit;

namespace K6Scenarios.Model.Tests.Validation;

public class PoolRuleTests
{
    private static LoadTest SignInWith(UserPool users, PoolSelection selection, Func<ScenarioBuilder, ScenarioBuilder> executor) =>
        LoadTest.Create("signin").BaseUrl(Api)
            .Scenario("signin", s => executor(s)
                .WithUsers(users, selection)
                .Flow(f => f
                    .Post("/api/auth/signin", r => r.JsonBody(new { email = users.Field("email"), password = users.Field("password") }).ExpectStatus(201))
                    .ThinkTime(Seconds(1))));

    [Fact]
    public void Field_the_pool_does_not_declare_lists_the_declared_ones()
    {
        var users = SeedModels.Users();
        var postLine = 0;
        LoadTest test = LoadTest.Create("signin").BaseUrl(Api)
            .Scenario("signin", s => s.ConstantVus(10, Minutes(1)).WithUsers(users, PoolSelection.UniquePerVu).Flow(f => f
                .Post("/api/auth/signin", r => r.JsonBody(new { email = users.Field("mail"), password = users.Field("password") }).ExpectStatus(201)).At(out postLine)
                .ThinkTime(Seconds(1))));

        var diagnostic = AssertReported(Validate(test), DiagnosticCatalog.UnknownPoolField, "scenarios.signin.flow[0]", postLine);

        Assert.Equal("Pool 'users' has no field 'mail'; list it in the pool's fields (FromJsonFile or FromCsvFile) or use one of: 'email', 'password'", diagnostic.Message);
    }

    [Fact]
    public void Pool_fields_are_checked_in_checks_and_websocket_messages()
    {
        var users = SeedModels.Users();
        LoadTest test = LoadTest.Create("ws").BaseUrl(Api)
            .Scenario("ws", s => s.ConstantVus(10, Minutes(1)).WithUsers(users, PoolSelection.UniquePerVu).Flow(f => f
                .Get("/api/profile", r => r.CheckBodyEquals("email", users.Field("mail")))
                .WebSocket(BaseUrl.FromEnvironment("WS_URL", "ws://localhost:4001"), "/socket", w => w.SendJson(new { type = "hello", nick = users.Field("nickname") }).HoldOpen(Seconds(5)))));

        var diagnostics = Validate(test).Where(d => d.Id == DiagnosticCatalog.UnknownPoolField.Id).ToArray();

        Assert.Equal(["scenarios.ws.flow[0]", "scenarios.ws.flow[1]"], diagnostics.Select(d => d.Path));
        Assert.Contains("no field 'nickname'", diagnostics[1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Pool_read_without_a_selection_is_reported_at_the_first_read()
    {
        var users = SeedModels.Users();
        var postLine = 0;
        LoadTest test = LoadTest.Create("signin").BaseUrl(Api)
            .Scenario("signin", s => s.ConstantVus(10, Minutes(1)).Flow(f => f
                .Post("/api/auth/signin", r => r.JsonBody(new { email = users.Field("email"), password = users.Field("password") }).ExpectStatus(201)).At(out postLine)
                .Get("/api/users/{email}", r => r.PathParameter("email", users.Field("email")))
                .ThinkTime(Seconds(1))));

        var diagnostic = AssertReported(Validate(test), DiagnosticCatalog.PoolNotSelected, "scenarios.signin.flow[0]", postLine);

        Assert.Contains("Scenario 'signin' reads pool 'users'", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Pool_read_by_a_scenario_that_selects_another_pool_is_caught()
    {
        var users = SeedModels.Users();
        var admins = UserPool.FromJsonFile("admins", "admins.json", ["email", "password"]).WithCount(5);
        LoadTest test = LoadTest.Create("signin").BaseUrl(Api)
            .Scenario("signin", s => s.ConstantVus(5, Minutes(1)).WithUsers(admins, PoolSelection.UniquePerVu).Flow(f => f
                .Post("/api/auth/signin", r => r.JsonBody(new { email = users.Field("email"), password = users.Field("password") }).ExpectStatus(201))
                .ThinkTime(Seconds(1))));

        Assert.Contains("pool 'users'", Single(Validate(test), DiagnosticCatalog.PoolNotSelected).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unique_per_vu_pool_smaller_than_the_peak_is_an_error_at_the_scenario()
    {
        var users = UserPool.FromJsonFile("users", "users.json", ["email", "password"]).WithCount(100);
        var test = SignInWith(users, PoolSelection.UniquePerVu, s => s.ConstantVus(200, Minutes(1)));

        var diagnostic = Single(Validate(test), DiagnosticCatalog.PoolTooSmall);

        Assert.Equal("scenarios.signin", diagnostic.Path);
        Assert.Equal(test.Scenarios[0].DefinedAt, diagnostic.Location);
        Assert.Equal(ThisFile(), diagnostic.Location?.FilePath);
        Assert.Equal("Pool 'users' has 100 entries but scenario 'signin' needs 200 unique ones (one per VU at its peak of 200 VUs); add entries, lower the load, or pick round-robin", diagnostic.Message);
    }

    [Fact]
    public void Unique_per_vu_demand_adds_up_over_scenarios_sharing_the_pool()
    {
        var users = UserPool.FromJsonFile("users", "users.json", ["email", "password"]).WithCount(100);
        var betLine = 0;
        LoadTest test = LoadTest.Create("smoke").BaseUrl(Api)
            .Scenario("signin", s => s.ConstantVus(60, Minutes(1)).WithUsers(users, PoolSelection.UniquePerVu).Flow(f => f
                .Post("/api/auth/signin", r => r.JsonBody(new { email = users.Field("email") }).ExpectStatus(201)).ThinkTime(Seconds(1))))
            .At(out betLine).Scenario("bet", s => s.ConstantVus(60, Minutes(1)).WithUsers(users, PoolSelection.UniquePerVu).Flow(f => f
                .Post("/api/bets", r => r.JsonBody(new { email = users.Field("email"), amount = 1 }).ExpectStatus(201)).ThinkTime(Seconds(1))));

        var diagnostic = AssertReported(Validate(test), DiagnosticCatalog.PoolTooSmall, "scenarios.bet", betLine);

        Assert.Contains("needs 120 unique ones", diagnostic.Message, StringComparison.Ordinal);
        Assert.Contains("'signin' (60) + 'bet' (60)", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unique_per_vu_demand_counts_the_vus_of_scenarios_that_do_not_use_the_pool()
    {
        // exec.vu.idInTest numbers every VU of the test, so a small scenario can get ids beyond its own VU count.
        var users = UserPool.FromJsonFile("users", "users.json", ["email"]).WithCount(20);
        LoadTest test = LoadTest.Create("mixed").BaseUrl(Api)
            .Scenario("browse", s => s.ConstantVus(50, Minutes(1)).Flow(f => f.Get("/api/health", r => r.ExpectStatus(200)).ThinkTime(Seconds(1))))
            .Scenario("signin", s => s.ConstantVus(10, Minutes(1)).WithUsers(users, PoolSelection.UniquePerVu).Flow(f => f
                .Post("/api/auth/signin", r => r.JsonBody(new { email = users.Field("email") }).ExpectStatus(201)).ThinkTime(Seconds(1))));

        var diagnostic = Single(Validate(test), DiagnosticCatalog.PoolTooSmall);

        Assert.Contains("needs 60 unique ones", diagnostic.Message, StringComparison.Ordinal);
        Assert.Contains("'browse' (50) + 'signin' (10)", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Scenarios_sharing_a_unique_per_iteration_pool_are_warned_about()
    {
        var users = UserPool.FromJsonFile("users", "users.json", ["email"]);
        var refundLine = 0;
        LoadTest test = LoadTest.Create("shop").BaseUrl(Api)
            .Scenario("checkout", s => s.SharedIterations(10, 500).WithUsers(users, PoolSelection.UniquePerIteration).Flow(f => f
                .Post("/api/orders", r => r.JsonBody(new { email = users.Field("email") }).ExpectStatus(201))))
            .At(out refundLine).Scenario("refund", s => s.SharedIterations(5, 100).WithUsers(users, PoolSelection.UniquePerIteration).Flow(f => f
                .Post("/api/refunds", r => r.JsonBody(new { email = users.Field("email") }).ExpectStatus(201))));

        var diagnostic = AssertReported(Validate(test), DiagnosticCatalog.PoolSharedPerIteration, "scenarios.refund", refundLine);

        Assert.Contains("Scenarios 'checkout', 'refund' all pick pool 'users' unique per iteration", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_unique_per_iteration_pool_in_one_scenario_and_round_robin_in_another_is_fine()
    {
        var users = UserPool.FromJsonFile("users", "users.json", ["email"]);
        LoadTest test = LoadTest.Create("shop").BaseUrl(Api)
            .Scenario("checkout", s => s.SharedIterations(10, 500).WithUsers(users, PoolSelection.UniquePerIteration).Flow(f => f
                .Post("/api/orders", r => r.JsonBody(new { email = users.Field("email") }).ExpectStatus(201))))
            .Scenario("browse", s => s.SharedIterations(5, 100).WithUsers(users, PoolSelection.RoundRobin).Flow(f => f
                .Get("/api/orders", r => r.Header("X-User", users.Field("email")).ExpectStatus(200))));

        AssertNotReported(Validate(test), DiagnosticCatalog.PoolSharedPerIteration);
    }

    [Fact]
    public void Pool_sizes_learned_from_data_files_are_checked()
    {
        var users = UserPool.FromJsonFile("users", "users.json", ["email"]);
        LoadTest test = LoadTest.Create("counted").BaseUrl(Api)
            .Scenario("signin", s => s.ConstantVus(30, Minutes(1)).WithUsers(users, PoolSelection.UniquePerVu).Flow(f => f
                .Post("/api/auth/signin", r => r.JsonBody(new { email = users.Field("email") }).ExpectStatus(201)).ThinkTime(Seconds(1))));

        AssertNotReported(LoadTestValidator.Validate(test), DiagnosticCatalog.PoolTooSmall);
        var counted = LoadTestValidator.Validate(test, new ValidationSettings { KnownPoolCounts = new System.Collections.Generic.Dictionary<string, int> { ["users"] = 25 } });
        Assert.Contains("has 25 entries but scenario 'signin' needs 30", Single(counted, DiagnosticCatalog.PoolTooSmall).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Seed_sized_pool_covers_the_200_vu_storm() =>
        AssertNotReported(Validate(SeedModels.SignInStorm()), DiagnosticCatalog.PoolTooSmall);

    [Theory]
    [InlineData("shared-iterations", 499, "needs 500 unique ones (one per iteration: 500 shared iterations)")]
    [InlineData("per-vu-iterations", 199, "needs 200 unique ones (one per iteration: 10 VUs x 20 iterations each)")]
    [InlineData("constant-arrival-rate", 599, "needs 600 unique ones (one per iteration: 10 iterations per 1s for 1m)")]
    [InlineData("ramping-arrival-rate", 299, "needs 300 unique ones (one per iteration: the stages' iteration rates over their durations)")]
    public void Unique_per_iteration_pool_smaller_than_the_bounded_iterations_is_caught(string executor, int entries, string expected)
    {
        var users = UserPool.FromJsonFile("users", "users.json", ["email", "password"]).WithCount(entries);
        var test = SignInWith(users, PoolSelection.UniquePerIteration, Executor(executor));

        Assert.Contains(expected, Single(Validate(test), DiagnosticCatalog.PoolTooSmall).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("shared-iterations", 500)]
    [InlineData("per-vu-iterations", 200)]
    [InlineData("constant-arrival-rate", 600)]
    [InlineData("ramping-arrival-rate", 300)]
    public void Unique_per_iteration_pool_as_large_as_the_iterations_is_fine(string executor, int entries)
    {
        var users = UserPool.FromJsonFile("users", "users.json", ["email", "password"]).WithCount(entries);

        AssertNotReported(Validate(SignInWith(users, PoolSelection.UniquePerIteration, Executor(executor))), DiagnosticCatalog.PoolTooSmall);
    }

    [Fact]
    public void Looping_executors_do_not_bound_iterations_so_the_size_is_not_judged()
    {
        var users = UserPool.FromJsonFile("users", "users.json", ["email", "password"]).WithCount(10);

        AssertNotReported(Validate(SignInWith(users, PoolSelection.UniquePerIteration, s => s.ConstantVus(5, Minutes(10)))), DiagnosticCatalog.PoolTooSmall);
    }

    [Fact]
    public void Round_robin_pools_may_be_smaller_than_the_load()
    {
        var users = UserPool.FromJsonFile("users", "users.json", ["email", "password"]).WithCount(10);

        AssertClean(Validate(SignInWith(users, PoolSelection.RoundRobin, s => s.ConstantVus(200, Minutes(1)))));
    }

    [Fact]
    public void Two_different_pools_with_one_name_are_an_error_at_the_second_pool()
    {
        var users = SeedModels.Users();
        var csvLine = 0;
        var others = UserPool.FromCsvFile("users", "users.csv", ["email", "password"]).At(out csvLine);
        LoadTest test = LoadTest.Create("smoke").BaseUrl(Api)
            .Scenario("signin", s => s.ConstantVus(10, Minutes(1)).WithUsers(users, PoolSelection.UniquePerVu).Flow(f => f
                .Post("/api/auth/signin", r => r.JsonBody(new { email = users.Field("email") }).ExpectStatus(201)).ThinkTime(Seconds(1))))
            .Scenario("bet", s => s.ConstantVus(10, Minutes(1)).WithUsers(others, PoolSelection.RoundRobin).Flow(f => f
                .Post("/api/bets", r => r.JsonBody(new { email = others.Field("email") }).ExpectStatus(201)).ThinkTime(Seconds(1))));

        AssertReported(Validate(test), DiagnosticCatalog.DuplicatePoolName, "pools.users", csvLine);
    }

    [Fact]
    public void One_pool_declared_twice_alike_is_not_a_duplicate()
    {
        LoadTest test = LoadTest.Create("smoke").BaseUrl(Api)
            .Scenario("signin", s => s.ConstantVus(10, Minutes(1)).WithUsers(SeedModels.Users(), PoolSelection.UniquePerVu).Flow(f => f
                .Post("/api/auth/signin", r => r.JsonBody(new { email = SeedModels.Users().Field("email") }).ExpectStatus(201)).ThinkTime(Seconds(1))));

        AssertClean(Validate(test));
    }

    [Fact]
    public void Alike_pool_declarations_are_judged_once()
    {
        static UserPool Users() => UserPool.FromJsonFile("users", "users.json", ["email"]).WithCount(50);
        LoadTest test = LoadTest.Create("signin").BaseUrl(Api)
            .Scenario("signin", s => s.ConstantVus(100, Minutes(1)).WithUsers(Users(), PoolSelection.UniquePerVu).Flow(f => f
                .Post("/api/auth/signin", r => r.JsonBody(new { email = Users().Field("email") }).ExpectStatus(201)).ThinkTime(Seconds(1))));

        Assert.Contains("needs 100 unique ones", Single(Validate(test), DiagnosticCatalog.PoolTooSmall).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Pool_name_that_cannot_name_a_shared_array_is_an_error_at_the_pool()
    {
        var poolLine = 0;
        var users = UserPool.FromJsonFile("test users", "users.json", ["email"]).At(out poolLine);
        var test = SignInWith(users, PoolSelection.RoundRobin, s => s.ConstantVus(10, Minutes(1)));

        AssertReported(Validate(test), DiagnosticCatalog.InvalidPoolName, "pools.test users", poolLine);
    }

    [Fact]
    public void Generated_pool_templates_cannot_use_run_time_values()
    {
        var token = new Variable("token");
        var users = UserPool.Generate("users", 100, ("email", "user{n}@example.test"), ("invite", token), ("password", Value.Secret("USER_PASSWORD")));
        var test = SignInWith(users, PoolSelection.UniquePerVu, s => s.ConstantVus(10, Minutes(1)));

        var diagnostic = Single(Validate(test), DiagnosticCatalog.ValueNotAvailableHere);

        Assert.Equal("pools.users.invite", diagnostic.Path);
        Assert.StartsWith("Pool 'users' field 'invite' uses variable 'token', which is not available in the init context", diagnostic.Message, StringComparison.Ordinal);
    }

    private static Func<ScenarioBuilder, ScenarioBuilder> Executor(string name) => name switch
    {
        "shared-iterations" => s => s.SharedIterations(10, 500),
        "per-vu-iterations" => s => s.PerVuIterations(10, 20),
        "constant-arrival-rate" => s => s.ConstantArrivalRate(10, Minutes(1), preAllocatedVus: 10, maxVus: 20),
        _ => s => s.RampingArrivalRate(0, st => st.RampTo(10, Minutes(1)), preAllocatedVus: 10, maxVus: 20),
    };
}
