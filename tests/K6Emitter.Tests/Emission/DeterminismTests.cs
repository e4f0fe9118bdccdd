using System;
using System.Globalization;
using System.Threading;
using K6Scenarios.Emitter.Tests.Support;
using K6Scenarios.Model;

namespace K6Scenarios.Emitter.Tests.Emission;

/// <summary>The same model gives the same bytes, whatever the culture.</summary>
public class DeterminismTests
{
    internal static LoadTest Sample()
    {
        var errors = CustomMetric.Rate("errors");
        var trend = CustomMetric.Trend("journey_duration", isTime: true);
        var token = new Variable("token");
        var users = UserPool.Generate("users", 100, ("email", "user{n}@example.test"), ("password", Value.Secret("PASSWORD")));
        return LoadTest.Create("determinism")
            .Describe("Istanbul İ ı: tr-TR casing, 1,5 s (de-DE decimals)")
            .BaseUrl("API_URL", "http://localhost:4000")
            .Scenario("ramp", s => s
                .RampingVus(0, st => st.RampTo(10, TimeSpan.FromSeconds(1.5)).RampTo(0, TimeSpan.FromMilliseconds(250)))
                .WithUsers(users, PoolSelection.UniquePerVu)
                .Flow(f => f
                    .Timed(trend, j => j
                        .Post("/api/login", r => r.JsonBody(new { email = users.Field("email"), password = users.Field("password"), ratio = 0.25, big = 1.5e21 }).ExpectStatus(201).Capture(token, CaptureSource.Json("accessToken")).RecordFailureIn(errors))
                        .Get("/api/items/{id}", r => r.PathParameter("id", 42).BearerToken(token).ExpectStatus(200).CheckDuration(TimeSpan.FromMilliseconds(1500))))
                    .ThinkTime(TimeSpan.FromSeconds(0.5), TimeSpan.FromSeconds(2.25))))
            .Scenario("arrivals", s => s
                .ConstantArrivalRate(7, TimeSpan.FromMinutes(1.5), preAllocatedVus: 5, maxVus: 20)
                .Flow(f => f.Get("/api/health", r => r.ExpectStatus(200))))
            .Threshold(K6Metrics.HttpReqDuration.P(99.5) < 1234.5, abortOnFail: true, delayAbortEval: TimeSpan.FromSeconds(1.5))
            .Threshold(errors.Rate < 0.015)
            .Threshold(trend.P(95) < TimeSpan.FromSeconds(2.5))
            .Options(o => o with { SummaryTrendStats = ["avg", "p(95)"], SetupTimeout = TimeSpan.FromSeconds(90.5) });
    }

    [Fact]
    public void Two_emissions_are_byte_identical() =>
        Assert.Equal(Emit.Script(Sample()), Emit.Script(Sample()));

    [Theory]
    [InlineData("de-DE")]
    [InlineData("tr-TR")]
    [InlineData("ar-SA")]
    public void Output_does_not_depend_on_the_current_culture(string culture)
    {
        var invariant = InCulture(CultureInfo.InvariantCulture, () => Emit.Script(Sample()));
        var local = InCulture(CultureInfo.GetCultureInfo(culture), () => Emit.Script(Sample()));
        Assert.Equal(invariant, local);
        Assert.Contains("'p(99.5)<1234.5'", local, StringComparison.Ordinal);
        Assert.Contains("sleep(0.5 + Math.random() * 1.75);", local, StringComparison.Ordinal);
        Assert.Contains("duration: '1s500ms'", local, StringComparison.Ordinal);
    }

    [Fact]
    public void Scripts_use_lf_line_ends_and_no_timestamps()
    {
        var script = Emit.Script(Sample());
        Assert.DoesNotContain("\r", script, StringComparison.Ordinal);
        Assert.DoesNotContain(DateTime.UtcNow.Year.ToString(CultureInfo.InvariantCulture), script, StringComparison.Ordinal);
        Assert.EndsWith("}\n\n", script, StringComparison.Ordinal);
    }

    private static T InCulture<T>(CultureInfo culture, Func<T> action)
    {
        var (current, currentUi) = (Thread.CurrentThread.CurrentCulture, Thread.CurrentThread.CurrentUICulture);
        try
        {
            Thread.CurrentThread.CurrentCulture = culture;
            Thread.CurrentThread.CurrentUICulture = culture;
            return action();
        }
        finally
        {
            Thread.CurrentThread.CurrentCulture = current;
            Thread.CurrentThread.CurrentUICulture = currentUi;
        }
    }
}
