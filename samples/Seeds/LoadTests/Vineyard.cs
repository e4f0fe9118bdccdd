using System;
using K6Scenarios.Model;

namespace K6Scenarios.Samples.Seeds.LoadTests;

/// <summary>
/// Vineyard (seed 003), the Locust mix in k6: browsing, active and health-check users weighted 73 / 18 / 9 %, 100 users
/// spawned at 10 per second. The original login sent a field the API does not read, so every authenticated call got
/// 401; here the login body is typed once and its token is captured and sent.
/// </summary>
public static class Vineyard
{
    /// <summary>The Django API.</summary>
    public static readonly BaseUrl Api = BaseUrl.FromEnvironment("VINEYARD_API_URL", "http://localhost:8000");

    private static readonly Value Password = Value.Secret("VINEYARD_TEST_PASSWORD");
    private static readonly Variable AccessToken = new("accessToken");
    private static readonly Value Username = "vineyard-" + Value.UniqueSuffix;

    /// <summary>The 120-second mix of seed 003.</summary>
    [LoadTest]
    public static LoadTest UserMix() => LoadTest.Create("vineyard-user-mix")
        .Describe("Vineyard: Locust's weighted users 73/18/9 % as k6 scenarios, 100 users spawned at 10/s (seed 003).")
        .BaseUrl(Api)
        .UserMix(totalVus: 100, spawnRatePerSecond: 10, duration: TimeSpan.FromSeconds(120), mix => mix
            .UserType("browsing", 73, s => s.Flow(f => f
                .Group("register and login", g => RegisterAndLogin(g))
                .Get("/api/groups", r => r.BearerToken(AccessToken).ExpectStatus(200))
                .ThinkTime(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(3))))
            .UserType("active", 18, s => s.Flow(f => f
                .Group("register and login", g => RegisterAndLogin(g))
                .Post("/api/groups", r => r
                    .BearerToken(AccessToken)
                    .JsonBody(new { name = "Group " + Value.UniqueSuffix, description = "Created by the load test" })
                    .ExpectStatus(201)
                    .CheckBodyHas("id"))
                .Get("/api/groups", r => r.BearerToken(AccessToken).ExpectStatus(200))
                .ThinkTime(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(3))))
            .UserType("health", 9, s => s.Flow(f => f
                .Get("/api/health", r => r.ExpectStatus(200))
                .ThinkTime(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(3)))))
        .Threshold(K6Metrics.HttpReqFailed.ForGroup("register and login").Rate < 0.01)
        .Threshold(K6Metrics.HttpReqDuration.ForScenario("health").P(95) < 500)
        .Profile("smoke", p => p.Scale(vus: 0.01).Duration(TimeSpan.FromSeconds(10)));

    private static FlowBuilder RegisterAndLogin(FlowBuilder flow) => flow
        .Post("/api/auth/register", r => r
            .JsonBody(new { username = Username, email = Username + "@example.test", password = Password })
            .ExpectStatus(201))
        .Post("/api/auth/login", r => r
            .JsonBody(new { username = Username, password = Password })
            .ExpectStatus(200)
            .Capture(AccessToken, CaptureSource.Json("access")));
}
