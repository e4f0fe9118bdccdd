using System;
using System.Linq;
using K6Scenarios.Emitter.DryRun;

namespace K6Scenarios.Emitter.Tests.DryRun;

public sealed class K6SyntaxTests
{
    [Theory]
    [InlineData("90s", 90_000)]
    [InlineData("1m30s", 90_000)]
    [InlineData("1.5s", 1_500)]
    [InlineData("300ms", 300)]
    [InlineData("1h", 3_600_000)]
    [InlineData("2d", 172_800_000)]
    [InlineData("1d12h", 129_600_000)]
    [InlineData("0", 0)]
    [InlineData("-5s", -5_000)]
    public void Durations_parse_like_k6(string text, double milliseconds)
    {
        Assert.True(K6Syntax.TryParseDuration(text, out var duration));
        Assert.Equal(milliseconds, duration.TotalMilliseconds);
    }

    [Theory]
    [InlineData("")]
    [InlineData("30")]
    [InlineData("30 s")]
    [InlineData("1x")]
    [InlineData("s")]
    [InlineData("1.2.3s")]
    [InlineData("1d-2h")]
    public void Non_durations_are_rejected(string text) => Assert.False(K6Syntax.TryParseDuration(text, out _));

    [Theory]
    [InlineData("p(95)<500", "p(95)", "p")]
    [InlineData("p(99.9) <= 1000", "p(99.9)", "p")]
    [InlineData("rate>=0.95", "rate", "rate")]
    [InlineData("count == 0", "count", "count")]
    [InlineData("value===1", "value", "value")]
    [InlineData("avg!=2", "avg", "avg")]
    [InlineData("med>1", "med", "med")]
    public void Threshold_expressions_parse(string expression, string method, string family)
    {
        Assert.True(K6Syntax.TryParseThreshold(expression, out var parsedMethod, out var parsedFamily, out var error), error);
        Assert.Equal((method, family), (parsedMethod, parsedFamily));
    }

    [Theory]
    [InlineData("p(95)")]
    [InlineData("p(95)<")]
    [InlineData("mean<5")]
    [InlineData("p(-1)<5")]
    [InlineData("rate<5%")]
    public void Malformed_threshold_expressions_are_rejected(string expression) =>
        Assert.False(K6Syntax.TryParseThreshold(expression, out _, out _, out _));

    [Fact]
    public void Threshold_keys_split_into_metric_and_tags()
    {
        Assert.True(K6Syntax.TryParseMetricKey("http_req_duration{name:signin, status:201}", out var metric, out var tags, out _));
        Assert.Equal("http_req_duration", metric);
        Assert.Equal(["name=signin", "status=201"], tags.Select(t => $"{t.Key}={t.Value}"));
        Assert.False(K6Syntax.TryParseMetricKey("checks{scenario}", out _, out _, out _));
        Assert.False(K6Syntax.TryParseMetricKey("checks}{", out _, out _, out _));
    }

    [Fact]
    public void Closest_match_suggests_only_near_names()
    {
        Assert.Equal("thresholds", K6Syntax.ClosestMatch("threshold", ["scenarios", "thresholds"]));
        Assert.Null(K6Syntax.ClosestMatch("completelyDifferent", ["scenarios", "thresholds"]));
    }
}
