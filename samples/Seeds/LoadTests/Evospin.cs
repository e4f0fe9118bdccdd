using System;
using K6Scenarios.Model;

namespace K6Scenarios.Samples.Seeds.LoadTests;

/// <summary>
/// Evospin (seeds 000 and 001): a NestJS API whose sign-in answers 201. The original script checked for 200, so a
/// healthy 200-VU run reported 100 % failed checks; these definitions expect 201 and abort on the SLO breach instead.
/// </summary>
public static class Evospin
{
    /// <summary>The API; override with <c>k6 run -e EVOSPIN_API_URL=http://sut:4000</c>.</summary>
    public static readonly BaseUrl Api = BaseUrl.FromEnvironment("EVOSPIN_API_URL", "http://localhost:4000");

    /// <summary>The WebSocket gateway.</summary>
    public static readonly BaseUrl Gateway = BaseUrl.FromEnvironment("EVOSPIN_WS_URL", "ws://localhost:4000");

    /// <summary>The 10,000 users seeded by seed-load-users.ts; they share one password, read from the environment.</summary>
    public static readonly UserPool Users = UserPool.FromJsonFile("users", "data/evospin-users.json", ["email"]).WithCount(10_000);

    private static readonly Value Password = Value.Secret("EVOSPIN_USER_PASSWORD");
    private static readonly Variable Token = new("token");

    /// <summary>Seed 000, stage 1: 200 concurrent sign-ins for 60 s, each VU its own user.</summary>
    [LoadTest]
    public static LoadTest SignInStorm() => LoadTest.Create("evospin-signin-storm")
        .Describe("Evospin: 200 VUs sign in for 60 s, each with its own seeded user (seed 000).")
        .BaseUrl(Api)
        .Scenario("signin", s => s
            .ConstantVus(200, TimeSpan.FromSeconds(60))
            .WithUsers(Users, PoolSelection.UniquePerVu)
            .Flow(SignInOnce))
        .Threshold(K6Metrics.HttpReqDuration.ForScenario("signin").P(95) < 500, abortOnFail: true)
        .Profile("smoke", p => p.Scale(vus: 0.01).Duration(TimeSpan.FromSeconds(10)))
        .Profile("average-load", p => p.Scale(vus: 0.5).Duration(TimeSpan.FromMinutes(5)))
        .Profile("stress", p => p.Scale(vus: 2))
        .Profile("spike", p => p.RampingVus("signin", 0, stages => stages
            .RampTo(1000, TimeSpan.FromSeconds(10))
            .Hold(TimeSpan.FromSeconds(30))
            .RampTo(0, TimeSpan.FromSeconds(10))))
        .Profile("soak", p => p.Scale(vus: 0.5).Duration(TimeSpan.FromHours(2)))
        .Profile("breakpoint", p => p.RampingVus("signin", 0, stages => stages
            .RampTo(1000, TimeSpan.FromMinutes(10))))
        .Output("experimental-prometheus-rw");

    /// <summary>Seeds 000 and 001: the stepped ramp 100 → 500 → 1000 → 0 VUs, aborting on the sign-in SLO.</summary>
    [LoadTest]
    public static LoadTest SteppedRamp() => LoadTest.Create("evospin-stepped-ramp")
        .Describe("Evospin: stepped ramp 100, 500, 1000 VUs then down; aborts when sign-in p95 > 500 ms or errors > 5 % (seeds 000, 001).")
        .BaseUrl(Api)
        .Scenario("signin", s => s
            .RampingVus(0, stages => stages
                .RampTo(100, TimeSpan.FromSeconds(45))
                .RampTo(500, TimeSpan.FromSeconds(45))
                .RampTo(1000, TimeSpan.FromSeconds(40))
                .RampTo(0, TimeSpan.FromSeconds(10)))
            .WithUsers(Users, PoolSelection.UniquePerVu)
            .Flow(SignInOnce))
        .Threshold(K6Metrics.HttpReqDuration.ForRequest("/api/auth/signin").P(95) < 500, abortOnFail: true, delayAbortEval: TimeSpan.FromSeconds(10))
        .Threshold(K6Metrics.HttpReqFailed.Rate < 0.05, abortOnFail: true, delayAbortEval: TimeSpan.FromSeconds(10))
        .Profile("smoke", p => p.Scale(vus: 0.01).Duration(TimeSpan.FromSeconds(10)))
        .Output("experimental-prometheus-rw");

    /// <summary>Seed 001's smoke: sign-in, bet, history and WebSocket scenarios together at 50 VUs for one minute.</summary>
    [LoadTest]
    public static LoadTest Smoke() => LoadTest.Create("evospin-smoke")
        .Describe("Evospin smoke: signin, bet, history and ws scenarios, 50 VUs in all, 1 minute (seed 001).")
        .BaseUrl(Api)
        .Scenario("signin", s => s
            .ConstantVus(20, TimeSpan.FromMinutes(1))
            .WithUsers(Users, PoolSelection.RoundRobin)
            .Flow(f => f
                .Post("/api/auth/signin", r => SignIn(r))
                .ThinkTime(TimeSpan.FromSeconds(1))))
        .Scenario("bet", s => s
            .ConstantVus(15, TimeSpan.FromMinutes(1))
            .WithUsers(Users, PoolSelection.RoundRobin)
            .Flow(f => f
                .Post("/api/auth/signin", r => SignIn(r))
                .Post("/api/bets/dice", r => r
                    .BearerToken(Token)
                    .JsonBody(new { amount = 1, target = 50, direction = "under" })
                    .ExpectStatus(201)
                    .CheckBodyHas("outcome"))
                .ThinkTime(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2))))
        .Scenario("history", s => s
            .ConstantVus(10, TimeSpan.FromMinutes(1))
            .WithUsers(Users, PoolSelection.RoundRobin)
            .Flow(f => f
                .Post("/api/auth/signin", r => SignIn(r))
                .Get("/api/bets/history", r => r
                    .BearerToken(Token)
                    .Query("limit", 20)
                    .ExpectStatus(200))
                .ThinkTime(TimeSpan.FromSeconds(2))))
        .Scenario("ws", s => s
            .ConstantVus(5, TimeSpan.FromMinutes(1))
            .WithUsers(Users, PoolSelection.RoundRobin)
            .Flow(f => f
                .Post("/api/auth/signin", r => SignIn(r))
                .WebSocket(Gateway, "/ws", ws => ws
                    .Header("Authorization", "Bearer " + Token)
                    .SendJson(new { @event = "subscribe", channel = "dice" })
                    .HoldOpen(TimeSpan.FromSeconds(10))
                    .ExpectMessage())))
        .Threshold(K6Metrics.HttpReqDuration.ForRequest("/api/auth/signin").P(95) < 200)
        .Threshold(K6Metrics.Checks.Rate > 0.99)
        .Profile("smoke", p => p.Scale(vus: 0.1).Duration(TimeSpan.FromSeconds(10)))
        .Output("experimental-prometheus-rw");

    // The storm and the ramp: each iteration signs its VU's user in once, then pauses like a person would.
    private static void SignInOnce(FlowBuilder flow) => flow
        .Post("/api/auth/signin", r => r
            .JsonBody(new { email = Users.Field("email"), password = Password })
            .ExpectStatus(201)
            .CheckBodyHas("accessToken"))
        .ThinkTime(TimeSpan.FromSeconds(1));

    private static RequestBuilder SignIn(RequestBuilder request) => request
        .JsonBody(new { email = Users.Field("email"), password = Password })
        .ExpectStatus(201)
        .Capture(Token, CaptureSource.Json("accessToken"));
}
