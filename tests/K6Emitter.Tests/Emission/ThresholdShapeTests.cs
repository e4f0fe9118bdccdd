using System;
using System.Linq;
using System.Text.Json;
using K6Scenarios.Emitter.Tests.Support;
using K6Scenarios.Model;

namespace K6Scenarios.Emitter.Tests.Emission;

/// <summary>Thresholds as Jint evaluates them: one array per metric key, strings or objects, sub-metric keys.</summary>
public class ThresholdShapeTests
{
    private static JsonElement Thresholds(Func<LoadTestBuilder, LoadTestBuilder> thresholds) =>
        Emit.Run(Emit.With(s => s.Flow(f => f.Group("login", g => g.Group("mfa", m => m.Get("/health", r => r.ExpectStatus(200)))).ThinkTime(TimeSpan.FromSeconds(1))), thresholds)).Options.GetProperty("thresholds");

    [Fact]
    public void Plain_thresholds_are_arrays_of_expressions()
    {
        var thresholds = Thresholds(t => t
            .Threshold(K6Metrics.HttpReqDuration.P(95) < 500)
            .Threshold(K6Metrics.HttpReqDuration.P(99.9) <= TimeSpan.FromSeconds(1.5))
            .Threshold(K6Metrics.HttpReqFailed.Rate < 0.05));
        Assert.Equal(["p(95)<500", "p(99.9)<=1500"], thresholds.GetProperty("http_req_duration").EnumerateArray().Select(e => e.GetString()!).ToArray());
        Assert.Equal("rate<0.05", thresholds.GetProperty("http_req_failed")[0].GetString());
    }

    [Theory]
    [InlineData("count")]
    [InlineData("rate")]
    public void Counter_thresholds_use_count_or_rate(string aggregation)
    {
        var counter = CustomMetric.Counter("orders_placed");
        var operand = aggregation == "count" ? counter.Count : counter.Rate;
        var thresholds = Emit.Run(Emit.With(
            s => s.Flow(f => f.Post("/orders", r => r.ExpectStatus(201).CountIn(counter)).ThinkTime(TimeSpan.FromSeconds(1))),
            t => t.Threshold(operand > 10))).Options.GetProperty("thresholds");
        Assert.Equal(aggregation + ">10", thresholds.GetProperty("orders_placed")[0].GetString());
    }

    [Fact]
    public void Gauge_and_trend_aggregations_are_written_as_k6_reads_them()
    {
        var thresholds = Thresholds(t => t
            .Threshold(K6Metrics.Vus.Value.EqualTo(10))
            .Threshold(K6Metrics.IterationDuration.Avg < 100)
            .Threshold(K6Metrics.IterationDuration.Med < 90)
            .Threshold(K6Metrics.IterationDuration.Min >= 1)
            .Threshold(K6Metrics.IterationDuration.Max < 2000)
            .Threshold(K6Metrics.DroppedIterations.Count.NotEqualTo(1)));
        Assert.Equal("value==10", thresholds.GetProperty("vus")[0].GetString());
        Assert.Equal(["avg<100", "med<90", "min>=1", "max<2000"], thresholds.GetProperty("iteration_duration").EnumerateArray().Select(e => e.GetString()!).ToArray());
        Assert.Equal("count!=1", thresholds.GetProperty("dropped_iterations")[0].GetString());
    }

    [Fact]
    public void A_delay_without_abort_is_one_warning_and_is_not_written()
    {
        // K6S0206 says the delay does nothing; the script is still written, without it, and nothing else reports it.
        var loadTest = Emit.With(s => s.Flow(f => f.Get("/health", r => r.ExpectStatus(200)).ThinkTime(TimeSpan.FromSeconds(1))), t => t
            .Threshold(K6Metrics.HttpReqDuration.P(95) < 500, delayAbortEval: TimeSpan.FromSeconds(10)));
        var result = new K6ScriptEmitter().Emit(loadTest);

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal("K6S0206", diagnostic.Id);
        Assert.True(result.Succeeded);
        Assert.DoesNotContain("delayAbortEval", result.EnsureSucceeded().Script, StringComparison.Ordinal);
        Assert.Equal("p(95)<500", Emit.Run(loadTest).Options.GetProperty("thresholds").GetProperty("http_req_duration")[0].GetString());
    }

    [Fact]
    public void Abort_settings_make_an_object_threshold()
    {
        var thresholds = Thresholds(t => t.Threshold(K6Metrics.HttpReqDuration.P(95) < 500, abortOnFail: true, delayAbortEval: TimeSpan.FromSeconds(10)));
        var entry = thresholds.GetProperty("http_req_duration")[0];
        Assert.Equal("p(95)<500", entry.GetProperty("threshold").GetString());
        Assert.True(entry.GetProperty("abortOnFail").GetBoolean());
        Assert.Equal("10s", entry.GetProperty("delayAbortEval").GetString());
        Assert.Equal(["threshold", "abortOnFail", "delayAbortEval"], entry.EnumerateObject().Select(p => p.Name).ToArray());
    }

    [Fact]
    public void Sub_metrics_are_keyed_by_tag_selectors()
    {
        var thresholds = Thresholds(t => t
            .Threshold(K6Metrics.HttpReqDuration.ForScenario("main").P(95) < 300)
            .Threshold(K6Metrics.HttpReqDuration.ForRequest("/health").ForStatus(200).Max < 1000)
            .Threshold(K6Metrics.GroupDuration.ForGroup("login", "mfa").Avg < 800));
        Assert.True(thresholds.TryGetProperty("http_req_duration{scenario:main}", out _));
        Assert.True(thresholds.TryGetProperty("http_req_duration{name:/health,status:200}", out _));
        Assert.True(thresholds.TryGetProperty("group_duration{group:::login::mfa}", out _));
    }

    [Fact]
    public void Custom_metrics_in_thresholds_are_declared_in_init()
    {
        var errors = CustomMetric.Rate("errors");
        var test = Emit.With(s => s.Flow(f => f.Get("/health", r => r.ExpectStatus(200).RecordFailureIn(errors)).ThinkTime(TimeSpan.FromSeconds(1))), t => t.Threshold(errors.Rate < 0.1));
        var script = Emit.Script(test);
        Assert.Contains("const errors = new Rate('errors');", script, StringComparison.Ordinal);
        using var harness = Emit.Run(test);
        harness.Call("main");
        Assert.Equal(JsonValueKind.False, harness.Metrics[0].GetProperty("value").ValueKind);
    }
}
