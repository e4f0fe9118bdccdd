using K6Scenarios.Model;

namespace Consumer;

/// <summary>A load test as a user writes one: `dotnet build` emits bin/.../k6/signin.js from it.</summary>
public static class CheckoutLoadTests
{
    [LoadTest]
    public static LoadTest SignIn => LoadTest.Create("signin")
        .BaseUrl("BASE_URL", "http://localhost:8080")
        .Scenario("signin", s => s
            .ConstantVus(50, TimeSpan.FromMinutes(2))
            .Flow(f => f
                .Post("/auth/signin", r => r
                    .JsonBody(new { email = "user@example.com", password = Value.Secret("PASSWORD") })
                    .ExpectStatus(201))
                .ThinkTime(TimeSpan.FromSeconds(1))))
        .Threshold(K6Metrics.HttpReqDuration.P(95) < 500, abortOnFail: true)
        .Profile("smoke", p => p.Scale(vus: 0.02).Duration(TimeSpan.FromSeconds(10)));
}
