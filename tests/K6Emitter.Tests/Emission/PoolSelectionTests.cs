using System;
using System.IO;
using System.Linq;
using K6Scenarios.Emitter.Tests.Support;
using K6Scenarios.Model;

namespace K6Scenarios.Emitter.Tests.Emission;

/// <summary>Which entry each selection picks, observed in the request a scenario sends.</summary>
public class PoolSelectionTests
{
    private static readonly UserPool Users = UserPool.Generate("users", 5, ("email", "user{n}@example.test"), ("password", Value.Secret("PASSWORD")));

    private static string EmailSent(PoolSelection selection, int vu, int iteration)
    {
        var test = Emit.With(s => s
            .WithUsers(Users, selection)
            .Flow(f => f.Post("/login", r => r.JsonBody(new { email = Users.Field("email"), password = Users.Field("password") }).ExpectStatus(200)).ThinkTime(TimeSpan.FromSeconds(1))));
        using var harness = Emit.Run(test);
        harness.Call("main", vu, iteration);
        var body = System.Text.Json.JsonDocument.Parse(harness.Requests[0].GetProperty("body").GetString()!).RootElement;
        Assert.Equal("secret-from-env", body.GetProperty("password").GetString());
        return body.GetProperty("email").GetString()!;
    }

    [Fact]
    public void Unique_per_vu_gives_each_vu_its_own_entry() =>
        Assert.Equal(["user1@example.test", "user3@example.test"], new[] { EmailSent(PoolSelection.UniquePerVu, 1, 7), EmailSent(PoolSelection.UniquePerVu, 3, 0) });

    [Fact]
    public void Unique_per_iteration_follows_the_iteration_in_test() =>
        Assert.Equal("user5@example.test", EmailSent(PoolSelection.UniquePerIteration, 1, 4));

    [Fact]
    public void Round_robin_wraps_around() =>
        Assert.Equal("user2@example.test", EmailSent(PoolSelection.RoundRobin, 9, 6));

    [Fact]
    public void Random_picks_an_entry_of_the_pool() =>
        Assert.Matches("^user[1-5]@example\\.test$", EmailSent(PoolSelection.Random, 1, 0));

    [Fact]
    public void Unique_selection_aborts_instead_of_reusing_an_entry()
    {
        var error = Assert.ThrowsAny<Exception>(() => EmailSent(PoolSelection.UniquePerVu, 6, 0));
        Assert.Contains("aborted: Pool users has 5 entries; entry 6 is needed", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Generated_pools_compute_entries_on_demand_whatever_their_size()
    {
        var huge = UserPool.Generate("users", 5_000_000, ("email", "user{n}@example.test"));
        var test = Emit.With(s => s.WithUsers(huge, PoolSelection.UniquePerVu).Flow(f => f.Get("/me", r => r.Header("X-User", huge.Field("email")).ExpectStatus(200)).ThinkTime(TimeSpan.FromSeconds(1))));
        var script = Emit.Script(test);
        Assert.Contains("length: 5000000,", script, StringComparison.Ordinal);
        Assert.DoesNotContain("SharedArray", script, StringComparison.Ordinal);
        Assert.DoesNotContain("Array.from", script, StringComparison.Ordinal);
        using var harness = Emit.Run(test);
        harness.Call("main", vu: 4_999_999);
        Assert.Equal("user4999999@example.test", harness.Requests[0].GetProperty("params").GetProperty("headers").GetProperty("X-User").GetString());
    }

    [Fact]
    public void Pools_are_shared_arrays_loaded_once_in_init()
    {
        var path = Path.Combine(Path.GetTempPath(), "k6s-pool-" + Guid.NewGuid().ToString("N") + ".json");
        File.WriteAllText(path, """[{"email":"a@x.test"},{"email":"b@x.test"}]""");
        try
        {
            var pool = UserPool.FromJsonFile("accounts", path, ["email"]);
            var test = Emit.With(s => s.WithUsers(pool, PoolSelection.UniquePerVu).Flow(f => f.Get("/me", r => r.Header("X-User", pool.Field("email")).ExpectStatus(200)).ThinkTime(TimeSpan.FromSeconds(1))));
            var result = Emit.Unvalidated(test);
            var script = result.Output!.Script;
            Assert.Contains("const accounts = new SharedArray('accounts', () => JSON.parse(open('./unit.accounts.json')));", script, StringComparison.Ordinal);
            Assert.Equal("unit.accounts.json", Assert.Single(result.Output.Files).RelativePath);
            using var harness = Emit.Run(test);
            harness.Call("main", vu: 2);
            Assert.Equal("b@x.test", harness.Requests[0].GetProperty("params").GetProperty("headers").GetProperty("X-User").GetString());
        }
        finally
        {
            File.Delete(path);
        }
    }
}
