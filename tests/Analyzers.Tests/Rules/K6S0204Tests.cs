using System.Threading.Tasks;
using K6Scenarios.Analyzers.Tests.Verification;

namespace K6Scenarios.Analyzers.Tests.Rules;

/// <summary>K6S0204: a threshold tag value k6's selector parser cannot carry (a comma, a quote, a line break, white space at an end).</summary>
public sealed class K6S0204Tests
{
    private const string Scenario = """
                    .Scenario("s", s => s.ConstantVus(10, TimeSpan.FromSeconds(30)).Flow(f => f.Get("/a").ThinkTime(TimeSpan.FromSeconds(1))))
        """;

    [Fact]
    public async Task Tag_value_with_a_comma_is_reported()
    {
        await Verify.AnalyzerAsync(
            Code.Wrap("""
                public static LoadTest Test() => LoadTest.Create("test")
            """ + Scenario + """
                    .Threshold(K6Metrics.HttpReqDuration.Where("team", {|#0:"a,b"|}).P(95) < 500);
            """),
            Verify.Diagnostic("K6S0204").WithLocation(0).WithArguments("team", "a,b", "U+002C (comma)"));
    }

    [Theory]
    [InlineData("\"a\\\"b\"", "a\"b", "U+0022 (quotation mark)")]
    [InlineData("\" ab\"", " ab", "U+0020 (space)")]
    [InlineData("\"ab\\t\"", "ab\\u0009", "U+0009 (tab)")]
    [InlineData("\"a\\nb\"", "a\\u000Ab", "U+000A (line feed)")]
    [InlineData("\"a\\u2028b\"", "a\\u2028b", "U+2028 (line separator)")]
    [InlineData("\"it's\"", "it's", "U+0027 (apostrophe)")]
    public async Task Tag_value_k6_cannot_select_is_reported_with_the_character_escaped(string literal, string shown, string character)
    {
        var code = "public static LoadTest Test() => LoadTest.Create(\"test\")\n" + Scenario
            + "\n        .Threshold(K6Metrics.HttpReqDuration.Where(\"team\", {|#0:" + literal + "|}).P(95) < 500);";
        await Verify.AnalyzerAsync(Code.Wrap(code), Verify.Diagnostic("K6S0204").WithLocation(0).WithArguments("team", shown, character));
    }

    [Fact]
    public async Task Tag_value_without_a_comma_is_not_reported()
    {
        await Verify.AnalyzerAsync(Code.Wrap("""
                public static LoadTest Test() => LoadTest.Create("test")
            """ + Scenario + """
                    .Threshold(K6Metrics.HttpReqDuration.Where("team", "a b; c").P(95) < 500);
            """));
    }
}
