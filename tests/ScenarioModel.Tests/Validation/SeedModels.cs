using System.Collections.Generic;
using static K6Scenarios.Model.Tests.Validation.ValidationKit;

namespace K6Scenarios.Model.Tests.Validation;

/// <summary>Correct load tests modelled on the seed reports (shared/seeds); each must validate without a diagnostic.</summary>
internal static class SeedModels
{
    public static IEnumerable<object[]> All =>
    [
        [nameof(SignInStorm)],
        [nameof(SteppedRamp)],
        [nameof(SmokeOfFourScenarios)],
        [nameof(VoiceBridgeProgressiveLoad)],
        [nameof(VineyardUserMix)],
        [nameof(VelureShopJourney)],
        [nameof(CheckoutAtArrivalRate)],
    ];

    public static UserPool Users() => UserPool.FromJsonFile("users", "users.json", ["email", "password"]).WithCount(10_000);

    public static LoadTest ByName(string name) => name switch
    {
        nameof(SignInStorm) => SignInStorm(),
        nameof(SteppedRamp) => SteppedRamp(),
        nameof(SmokeOfFourScenarios) => SmokeOfFourScenarios(),
        nameof(VoiceBridgeProgressiveLoad) => VoiceBridgeProgressiveLoad(),
        nameof(VineyardUserMix) => VineyardUserMix(),
        nameof(VelureShopJourney) => VelureShopJourney(),
        _ => CheckoutAtArrivalRate(),
    };

    /// <summary>Seed 000, stage 1: 200 VUs sign in for 60 s with 10,000 seeded users; sign-in answers 201.</summary>
    public static LoadTest SignInStorm()
    {
        var users = Users();
        var token = new Variable("token");
        return LoadTest.Create("signin-storm")
            .BaseUrl("API_URL", "http://localhost:4000")
            .Scenario("signin", s => s
                .ConstantVus(200, Seconds(60))
                .WithUsers(users, PoolSelection.UniquePerVu)
                .Flow(f => f
                    .Post("/api/auth/signin", r => r
                        .JsonBody(new { email = users.Field("email"), password = users.Field("password") })
                        .ExpectStatus(201)
                        .Capture(token, CaptureSource.Json("accessToken")))
                    .ThinkTime(Seconds(1))
                    .Get("/api/auth/me", r => r.BearerToken(token).ExpectStatus(200))
                    .ThinkTime(Seconds(1), Seconds(3))))
            .Threshold(K6Metrics.HttpReqDuration.ForScenario("signin").P(95) < 500, abortOnFail: true, delayAbortEval: Seconds(30))
            .Threshold(K6Metrics.HttpReqFailed.Rate < 0.05, abortOnFail: true);
    }

    /// <summary>Seed 000, stage 2: a stepped ramp 100, 500, 1000 VUs that ends at 0.</summary>
    public static LoadTest SteppedRamp()
    {
        var users = Users();
        return LoadTest.Create("stepped-ramp")
            .BaseUrl("API_URL", "http://localhost:4000")
            .Scenario("signin", s => s
                .RampingVus(0, stages => stages
                    .RampTo(100, Seconds(45))
                    .RampTo(500, Seconds(45))
                    .RampTo(1000, Seconds(40))
                    .RampTo(0, Seconds(10)))
                .WithUsers(users, PoolSelection.UniquePerVu)
                .Flow(f => f
                    .Post("/api/auth/signin", r => r
                        .JsonBody(new { email = users.Field("email"), password = users.Field("password") })
                        .ExpectStatus(201))
                    .ThinkTime(Seconds(1))))
            .Threshold(K6Metrics.HttpReqDuration.ForScenario("signin").ForStatus(201).P(95) < 500, abortOnFail: true, delayAbortEval: Seconds(10));
    }

    /// <summary>Seed 001: smoke of four scenarios (signin, bet, history, ws) at 50 VUs in total, Prometheus output.</summary>
    public static LoadTest SmokeOfFourScenarios()
    {
        var users = Users();
        var token = new Variable("token");
        var realtime = BaseUrl.FromEnvironment("WS_URL", "ws://localhost:4001");
        return LoadTest.Create("smoke")
            .BaseUrl("API_URL", "http://localhost:4000")
            .Output("experimental-prometheus-rw")
            .Setup(f => f.Post("/api/auth/signin", r => r
                .JsonBody(new { email = Value.Env("SMOKE_USER", "smoke@example.test"), password = Value.Secret("SMOKE_PASSWORD") })
                .ExpectStatus(201)
                .Capture(token, CaptureSource.Json("accessToken"))))
            .Scenario("signin", s => s
                .ConstantVus(20, Minutes(1))
                .WithUsers(users, PoolSelection.UniquePerVu)
                .Flow(f => f
                    .Post("/api/auth/signin", r => r
                        .JsonBody(new { email = users.Field("email"), password = users.Field("password") })
                        .ExpectStatus(201))
                    .ThinkTime(Seconds(1))))
            .Scenario("bet", s => s
                .ConstantVus(15, Minutes(1))
                .Flow(f => f
                    .Group("dice", g => g
                        .Post("/api/games/dice/bets", r => r
                            .BearerToken(token)
                            .JsonBody(new { amount = 1, target = 50 })
                            .ExpectStatus(201)))
                    .ThinkTime(Seconds(2))))
            .Scenario("history", s => s
                .ConstantVus(10, Minutes(1))
                .Flow(f => f
                    .Get("/api/bets/{betId}", r => r.BearerToken(token).PathParameter("betId", Value.IterationInTest).Named("/api/bets/:id").ExpectStatus(200, 404))
                    .ThinkTime(Seconds(1))))
            .Scenario("ws", s => s
                .ConstantVus(5, Minutes(1))
                .Flow(f => f.WebSocket(realtime, "/socket", w => w
                    .Header("Authorization", "Bearer " + token)
                    .SendJson(new { type = "subscribe", channel = "bets" })
                    .HoldOpen(Seconds(10))
                    .ExpectMessage())))
            .Threshold(K6Metrics.HttpReqDuration.ForScenario("signin").P(95) < 200)
            .Threshold(K6Metrics.GroupDuration.ForGroup("dice").P(95) < 1000)
            .Threshold(K6Metrics.HttpReqDuration.ForRequest("/api/bets/:id").ForStatus(200).P(95) < 300)
            .Threshold(K6Metrics.WsConnecting.ForScenario("ws").P(95) < 500)
            .Threshold(K6Metrics.Checks.Rate > 0.95);
    }

    /// <summary>Seed 002: 10, 50, 100 VUs over 21 min on two services with their own base URLs; 429 is expected; custom errors Rate.</summary>
    public static LoadTest VoiceBridgeProgressiveLoad()
    {
        var errors = CustomMetric.Rate("errors");
        var voice = BaseUrl.FromEnvironment("VOICE_BRIDGE_URL", "http://localhost:8080");
        var video = BaseUrl.FromEnvironment("VIDEO_ORCHESTRATOR_URL", "http://localhost:8081");
        return LoadTest.Create("easymo-progressive")
            .Scenario("services", s => s
                .RampingVus(1, stages => stages
                    .RampTo(10, Minutes(2))
                    .Hold(Minutes(3))
                    .RampTo(50, Minutes(2))
                    .Hold(Minutes(5))
                    .RampTo(100, Minutes(2))
                    .Hold(Minutes(5))
                    .RampTo(0, Minutes(2)))
                .Flow(f => f
                    .Post(voice, "/api/calls", r => r
                        .JsonBody(new { from = "+250700000001", to = "+250700000002" })
                        .ExpectStatus(201)
                        .AlsoExpected(429)
                        .RecordFailureIn(errors))
                    .ThinkTime(Seconds(1))
                    .Post(video, "/api/renders", r => r
                        .JsonBody(new { template = "intro", durationSeconds = 15 })
                        .ExpectStatus(202)
                        .AlsoExpected(429)
                        .RecordFailureIn(errors))
                    .ThinkTime(Seconds(2))))
            .Threshold(K6Metrics.HttpReqDuration.P(95) < 2000)
            .Threshold(errors.Rate < 0.1)
            .Threshold(K6Metrics.HttpReqFailed.Rate < 0.05)
            .Threshold(K6Metrics.HttpReqs.ForStatus(429).Count < 500);
    }

    /// <summary>Seed 003: Locust-style weighted user classes 73/18/9 % at a spawn rate of 10/s, form login with the right field names.</summary>
    public static LoadTest VineyardUserMix()
    {
        var users = UserPool.FromCsvFile("growers", "growers.csv", ["username", "password"]).WithCount(500);
        return LoadTest.Create("vineyard-mix")
            .BaseUrl("VINEYARD_URL", "http://localhost:8000")
            .UserMix(100, 10, Minutes(10), mix => mix
                .UserType("browser", 73, s => s.Flow(f => f.Get("/api/parcels/").ThinkTime(Seconds(1), Seconds(5))))
                .UserType("grower", 18, s => s
                    .WithUsers(users, PoolSelection.UniquePerVu)
                    .Flow(f => f
                        .Post("/accounts/login/", r => r
                            .FormBody(new { username = users.Field("username"), password = users.Field("password") })
                            .ExpectStatus(200, 302))
                        .ThinkTime(Seconds(2), Seconds(6))))
                .UserType("admin", 9, s => s.Flow(f => f.Get("/admin/reports/").ThinkTime(Seconds(5), Seconds(10)))))
            .Threshold(K6Metrics.HttpReqDuration.ForScenario("grower").P(95) < 800);
    }

    /// <summary>Seed 004: register, login, list products, create order; custom Rate and Trend metrics with thresholds.</summary>
    public static LoadTest VelureShopJourney()
    {
        var token = new Variable("token");
        var productId = new Variable("productId");
        var loginFailures = CustomMetric.Rate("login_failures");
        var orderDuration = CustomMetric.Trend("order_duration", isTime: true);
        var journey = CustomMetric.Trend("journey_duration", isTime: true);
        return LoadTest.Create("velure-journey")
            .BaseUrl("VELURE_URL", "http://localhost:8080")
            .Scenario("shoppers", s => s
                .RampingVus(10, stages => stages
                    .RampTo(50, Minutes(2))
                    .RampTo(150, Minutes(3))
                    .Hold(Minutes(5))
                    .RampTo(0, Minutes(1)))
                .Flow(f => f.Timed(journey, t => t
                    .Post("/api/auth/register", r => r
                        .JsonBody(new { email = "shopper-" + Value.UniqueSuffix + "@example.test", password = Value.Secret("SHOPPER_PASSWORD") })
                        .ExpectStatus(201))
                    .Post("/api/auth/login", r => r
                        .JsonBody(new { email = "shopper-" + Value.UniqueSuffix + "@example.test", password = Value.Secret("SHOPPER_PASSWORD") })
                        .ExpectStatus(200)
                        .CheckBodyHas("token")
                        .Capture(token, CaptureSource.Json("token"))
                        .RecordFailureIn(loginFailures))
                    .ThinkTime(Seconds(1))
                    .Get("/api/products", r => r
                        .BearerToken(token)
                        .Query("page", 1)
                        .ExpectStatus(200)
                        .CheckBodyHas("items.0.id")
                        .Capture(productId, CaptureSource.Json("items.0.id")))
                    .ThinkTime(Seconds(2))
                    .Group("checkout", g => g
                        .When(Condition.IsCaptured(productId), then => then
                            .Post("/api/orders", r => r
                                .BearerToken(token)
                                .JsonBody(new { productId, quantity = 1 })
                                .ExpectStatus(201)
                                .CheckBodyEquals("status", "created")
                                .RecordDurationIn(orderDuration))))
                    .ThinkTime(Seconds(1), Seconds(3)))))
            .Threshold(K6Metrics.HttpReqFailed.Rate < 0.15)
            .Threshold(loginFailures.Rate < 0.15)
            .Threshold(orderDuration.P(95) < 1500)
            .Threshold(journey.Avg < 10_000)
            .Threshold(K6Metrics.GroupDuration.ForGroup("checkout").Max < 5000);
    }

    /// <summary>An open-model checkout at 50 iterations/s with enough VUs for about 1.3 s per iteration.</summary>
    public static LoadTest CheckoutAtArrivalRate() =>
        LoadTest.Create("checkout-rate")
            .BaseUrl("API_URL", "http://localhost:4000")
            .Scenario("checkout", s => s
                .ConstantArrivalRate(50, Minutes(5), preAllocatedVus: 50, maxVus: 100)
                .Flow(f => f
                    .Get("/api/cart", r => r.ExpectStatus(200))
                    .ThinkTime(Seconds(1))
                    .Post("/api/orders", r => r.JsonBody(new { sku = "A-1", quantity = 1 }).ExpectStatus(201))))
            .Threshold(K6Metrics.DroppedIterations.Count < 1)
            .Threshold(K6Metrics.HttpReqDuration.ForRequest("/api/orders").Where(TagNames.Method, "POST").P(99) < 800);
}
