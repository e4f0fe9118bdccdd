using System;
using K6Scenarios.Model;

namespace K6Scenarios.Samples.Seeds.LoadTests;

/// <summary>
/// Velure (seed 004): Go services on EKS under a progressive ramp of 10 → 150 VUs; each iteration registers, logs in,
/// lists products and orders, with a failure Rate per step and the journey's end-to-end time as a Trend.
/// </summary>
public static class Velure
{
    /// <summary>The API gateway.</summary>
    public static readonly BaseUrl Api = BaseUrl.FromEnvironment("VELURE_API_URL", "http://localhost:8080");

    /// <summary>Registrations whose checks failed.</summary>
    public static readonly RateMetric RegistrationFailures = CustomMetric.Rate("registration_failures");

    /// <summary>Logins whose checks failed.</summary>
    public static readonly RateMetric LoginFailures = CustomMetric.Rate("login_failures");

    /// <summary>Product listings whose checks failed.</summary>
    public static readonly RateMetric ProductListFailures = CustomMetric.Rate("product_list_failures");

    /// <summary>Orders whose checks failed.</summary>
    public static readonly RateMetric OrderFailures = CustomMetric.Rate("order_failures");

    /// <summary>The whole journey, register to order.</summary>
    public static readonly TrendMetric EndToEndDuration = CustomMetric.Trend("end_to_end_duration", isTime: true);

    private static readonly Value Email = "velure-" + Value.UniqueSuffix + "@example.test";
    private static readonly Value Password = Value.Secret("VELURE_TEST_PASSWORD");
    private static readonly Variable Token = new("token");
    private static readonly Variable ProductId = new("productId");

    /// <summary>The progressive ramp of seed 004.</summary>
    [LoadTest]
    public static LoadTest ProgressiveRamp() => LoadTest.Create("velure-progressive-ramp")
        .Describe("Velure: progressive ramp 10 to 150 VUs; register, login, list products, create order (seed 004).")
        .BaseUrl(Api)
        .Scenario("shopper", s => s
            .RampingVus(0, stages => stages
                .RampTo(10, TimeSpan.FromMinutes(1))
                .RampTo(50, TimeSpan.FromMinutes(2))
                .RampTo(100, TimeSpan.FromMinutes(2))
                .RampTo(150, TimeSpan.FromMinutes(2))
                .Hold(TimeSpan.FromMinutes(3))
                .RampTo(0, TimeSpan.FromMinutes(1)))
            .Flow(f => f
                .Timed(EndToEndDuration, journey => journey
                    .Post("/api/auth/register", r => r
                        .JsonBody(new { name = "Load Test", email = Email, password = Password })
                        .ExpectStatus(201)
                        .CheckBodyHas("token", "registration returns token")
                        .RecordFailureIn(RegistrationFailures))
                    .Post("/api/auth/login", r => r
                        .JsonBody(new { email = Email, password = Password })
                        .ExpectStatus(200)
                        .CheckBodyHas("token", "login returns token")
                        .RecordFailureIn(LoginFailures)
                        .Capture(Token, CaptureSource.Json("token")))
                    .Get("/api/products", r => r
                        .BearerToken(Token)
                        .Query("page", 1)
                        .Query("pageSize", 20)
                        .ExpectStatus(200)
                        .CheckBodyHas("products.0.id", "product list returns items")
                        .RecordFailureIn(ProductListFailures)
                        .Capture(ProductId, CaptureSource.Json("products.0.id")))
                    .Post("/api/orders", r => r
                        .BearerToken(Token)
                        .JsonBody(new { items = new[] { new { productId = (Value)ProductId, quantity = 1 } } })
                        .ExpectStatus(201)
                        .CheckBodyHas("id", "order returns id")
                        .CheckBodyHas("total", "order returns total")
                        .RecordFailureIn(OrderFailures)))
                .ThinkTime(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(3))))
        .Threshold(K6Metrics.HttpReqDuration.P(95) < TimeSpan.FromSeconds(3))
        .Threshold(EndToEndDuration.P(95) < TimeSpan.FromSeconds(15))
        .Threshold(K6Metrics.HttpReqFailed.Rate < 0.15)
        .Threshold(RegistrationFailures.Rate < 0.15)
        .Threshold(LoginFailures.Rate < 0.15)
        .Threshold(ProductListFailures.Rate < 0.15)
        .Threshold(OrderFailures.Rate < 0.25)
        .Profile("smoke", p => p.Scale(vus: 0.01).Duration(TimeSpan.FromSeconds(10)))
        .Profile("stress", p => p.Scale(vus: 2))
        .Profile("breakpoint", p => p.RampingVus("shopper", 0, stages => stages
            .RampTo(600, TimeSpan.FromMinutes(20))));
}
