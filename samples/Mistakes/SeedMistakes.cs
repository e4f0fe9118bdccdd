using System;
using K6Scenarios.Model;

namespace K6Scenarios.Samples.Mistakes;

/// <summary>
/// The costliest mistakes of the seed load tests, written the way they were made. Each line the analyzers flag ends
/// with an <c>// expect:</c> comment naming the rules; tests/Analyzers.Tests checks that exactly these are reported.
/// </summary>
public static class SeedMistakes
{
    /// <summary>The API under test; the OpenAPI document (samples/openapi/sample-api.yaml) describes it.</summary>
    public static readonly BaseUrl Api = BaseUrl.FromEnvironment("API_URL", "http://localhost:4000/api");

    private static readonly UserPool Users = UserPool.Generate("users", 10_000, ("email", "user{n}@example.test"), ("password", Value.Secret("USER_PASSWORD")));
    private static readonly Variable Token = new("token");

    /// <summary>
    /// Seed 000: the 200-VU sign-in storm "failed 100 %" because the check expected 200 while sign-in answers 201,
    /// and the threshold meant to abort the run watched a scenario name that no scenario has.
    /// </summary>
    [LoadTest]
    public static LoadTest SignInStorm() => LoadTest.Create("signin-storm")
        .BaseUrl(Api)
        .Scenario("signin", s => s
            .ConstantVus(200, TimeSpan.FromSeconds(60))
            .WithUsers(Users, PoolSelection.UniquePerVu)
            .Flow(f => f
                .Post("/auth/signin", r => r
                    .JsonBody(new { email = Users.Field("email"), password = Users.Field("password") })
                    .ExpectStatus(200) // expect: K6S0502
                    .Capture(Token, CaptureSource.Json("accessToken")))
                .ThinkTime(TimeSpan.FromSeconds(1))))
        .Threshold(K6Metrics.HttpReqDuration.ForScenario("sign-in").P(95) < 500, abortOnFail: true); // expect: K6S0205

    /// <summary>Seed 000, stage 2: a stepped ramp past the 1000 VUs where one load generator stopped.</summary>
    [LoadTest]
    public static LoadTest SteppedRamp() => LoadTest.Create("stepped-ramp") // expect: K6S0602
        .BaseUrl(Api)
        .Scenario("signin", s => s
            .RampingVus(0, stages => stages
                .RampTo(100, TimeSpan.FromSeconds(45))
                .RampTo(500, TimeSpan.FromSeconds(45))
                .RampTo(1200, TimeSpan.FromSeconds(40))
                .RampTo(0, TimeSpan.FromSeconds(10)))
            .WithUsers(Users, PoolSelection.UniquePerVu)
            .Flow(f => f
                .Post("/auth/signin", r => r
                    .JsonBody(new { email = Users.Field("email"), password = Users.Field("password") })
                    .ExpectStatus(201))
                .ThinkTime(TimeSpan.FromSeconds(1))));

    /// <summary>
    /// Seed 003: the login body sent <c>email</c> where the API reads <c>username</c>, so every login failed; and the
    /// group calls carried no token, so every one of them got 401.
    /// </summary>
    [LoadTest]
    public static LoadTest Groups() => LoadTest.Create("vineyard-groups")
        .BaseUrl(Api)
        .Scenario("browsing", s => s
            .ConstantVus(100, TimeSpan.FromSeconds(120))
            .WithUsers(Users, PoolSelection.RoundRobin)
            .Flow(f => f
                .Post("/auth/login", r => r
                    .JsonBody(new { email = Users.Field("email"), password = Users.Field("password") }) // expect: K6S0505, K6S0506
                    .ExpectStatus(200)
                    .Capture(Token, CaptureSource.Json("access")))
                .Get("/groups", r => r.ExpectStatus(200)) // expect: K6S0507
                .ThinkTime(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(3))));
}
