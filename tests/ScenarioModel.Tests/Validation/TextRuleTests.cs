using System;
using System.Collections.Generic;
using System.Linq;
using K6Scenarios.Diagnostics;
using K6Scenarios.Model.Validation;
using static K6Scenarios.Model.Tests.Validation.ValidationKit;

namespace K6Scenarios.Model.Tests.Validation;

/// <summary>K6S0118 and the text-slot table: what cannot reach k6 unchanged is refused at its path, the character escaped.</summary>
public class TextRuleTests
{
    private static LoadTest Flow(Action<FlowBuilder> flow, Func<LoadTestBuilder, LoadTestBuilder>? test = null) =>
        (test ?? (b => b))(LoadTest.Create("text").BaseUrl(Api)
            .Scenario("main", s => s.ConstantVus(1, Seconds(10)).Flow(f => { flow(f); f.ThinkTime(Seconds(1)); })));

    [Fact]
    public void Header_value_with_a_line_feed_is_reported_at_the_request_with_the_character_escaped()
    {
        var line = 0;
        var test = Flow(f => f.Get("/a", r => r.Header("X-Note", "one\ntwo").ExpectStatus(200)).At(out line));

        var diagnostic = AssertReported(Validate(test), DiagnosticCatalog.TextNotDeliverable, "scenarios.main.flow[0].headers", line);

        Assert.Equal(
            "Header 'X-Note' value of GET /a 'one\\u000Atwo' contains U+000A (line feed) at index 3: k6 refuses control characters in header values (net/http: invalid header field value); remove it or write the text another way",
            diagnostic.Message);
    }

    [Fact]
    public void White_space_inside_a_concatenated_header_value_is_not_at_its_ends()
    {
        var token = new Variable("token");
        var test = Flow(f => f
            .Post("/login", r => r.ExpectStatus(200).Capture(token, CaptureSource.Json("token")))
            .Get("/me", r => r.BearerToken(token).Header("X-Trailing", token + " ").ExpectStatus(200)));

        var diagnostic = Single(Validate(test), DiagnosticCatalog.TextNotDeliverable);

        Assert.Equal("scenarios.main.flow[1].headers", diagnostic.Path);
        Assert.Contains("'X-Trailing'", diagnostic.Message, StringComparison.Ordinal);
        Assert.Contains("U+0020 (space) at index 8", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_environment_default_is_judged_where_it_is_sent()
    {
        var test = Flow(f => f.Get("/a", r => r.Header("X-Env", Value.Env("NOTE", "a\r\nInjected: 1")).ExpectStatus(200)));

        var diagnostic = Single(Validate(test), DiagnosticCatalog.TextNotDeliverable);

        Assert.Contains("U+000D (carriage return) at index 1", diagnostic.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/items#top", "U+0023 (number sign)")]
    [InlineData("/items/100%", "U+0025 (percent sign)")]
    [InlineData("/items/\u0000", "U+0000 (NUL)")]
    [InlineData("/search?q=a b", "U+0020 (space)")]
    [InlineData("/search?q=\u00e9", "U+00E9")]
    public void Path_k6_cannot_send_as_written_is_reported(string path, string character)
    {
        var test = Flow(f => f.Get(path, r => r.ExpectStatus(200)));

        var diagnostic = Single(Validate(test), DiagnosticCatalog.TextNotDeliverable);

        Assert.Equal("scenarios.main.flow[0].path", diagnostic.Path);
        Assert.Contains(character, diagnostic.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/a b/%41/\u00e9/\"quoted\"")]
    [InlineData("/search?q=a+b&r=%20")]
    [InlineData("/{id}/{{literal")]
    public void Path_k6_encodes_or_sends_as_is_is_accepted(string path)
    {
        var test = Flow(f => f.Get(path, r => r.PathParameter("id", "1").ExpectStatus(200)));

        AssertNotReported(Validate(test), DiagnosticCatalog.TextNotDeliverable);
    }

    [Fact]
    public void A_lone_surrogate_is_refused_in_a_check_name_and_a_json_key()
    {
        var test = Flow(f => f.Post("/a", r => r
            .JsonBody(new Dictionary<string, object> { ["k\uD800"] = "v" })
            .ExpectStatus(200)
            .CheckDuration(Seconds(1), "fast\uDC00")));

        var diagnostics = Validate(test).Where(d => d.Id == "K6S0118").ToList();

        Assert.Equal(2, diagnostics.Count);
        Assert.All(diagnostics, d => Assert.Contains("(lone surrogate)", d.Message, StringComparison.Ordinal));
        Assert.Contains(diagnostics, d => d.Path == "scenarios.main.flow[0].body" && d.Message.StartsWith("JSON body of POST /a key 'k\\uD800'", StringComparison.Ordinal));
        Assert.Contains(diagnostics, d => d.Path == "scenarios.main.flow[0].checks[1]");
    }

    [Fact]
    public void Every_hostile_text_that_is_valid_utf16_is_accepted_as_text()
    {
        var test = Flow(f => f.Group("</script>${x}\u2028\u2029\uFEFF\u0000'\"`\\", g => g.Post("/a", r => r
            .Named("__proto__ \uD83D\uDE00 \u200F")
            .JsonBody(new Dictionary<string, object> { ["__proto__"] = "\u0000\u2028", ["constructor"] = "*/ //" })
            .Query("\u0001", "\r\n")
            .Tag("note", "\t line \n")
            .ExpectStatus(200))));

        AssertNotReported(Validate(test), DiagnosticCatalog.TextNotDeliverable);
    }

    [Fact]
    public void User_agent_is_a_header_value()
    {
        var test = Flow(f => f.Get("/a", r => r.ExpectStatus(200)), b => b.Options(o => o with { UserAgent = "k6 " }));

        var diagnostic = Single(Validate(test), DiagnosticCatalog.TextNotDeliverable);

        Assert.Equal("options.userAgent", diagnostic.Path);
    }

    [Fact]
    public void Every_slot_of_the_table_names_what_it_accepts()
    {
        Assert.Equal(["Text", "Header value", "Path", "Multipart part name"], TextSlots.All.Select(s => s.Name));
        Assert.All(TextSlots.All, slot => Assert.False(string.IsNullOrWhiteSpace(slot.Accepts)));
        Assert.All(TextSlots.All, slot => Assert.NotNull(slot.FindRefusal("a\uD800")));
        Assert.All(TextSlots.All, slot => Assert.Null(slot.FindRefusal("plain-text_1")));
    }

    [Fact]
    public void A_name_rule_shows_the_name_escaped()
    {
        var test = Flow(f => f.Get("/a", r => r.Header("X-Env", Value.Env("API\nURL", "x")).ExpectStatus(200)));

        var diagnostic = Single(Validate(test), DiagnosticCatalog.InvalidName);

        Assert.StartsWith("Environment variable 'API\\u000AURL' is not valid", diagnostic.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("signin\n")]
    [InlineData("signin\r\n")]
    public void A_name_with_a_trailing_line_break_is_not_a_scenario_name(string name)
    {
        LoadTest test = LoadTest.Create("text").BaseUrl(Api)
            .Scenario(name, s => s.ConstantVus(1, Seconds(10)).Flow(f => f.Get("/a", r => r.ExpectStatus(200)).ThinkTime(Seconds(1))));

        Single(Validate(test), DiagnosticCatalog.InvalidScenarioName);
    }

    [Theory]
    [InlineData("a b'", "U+0027 (apostrophe)")]
    [InlineData(" padded", "U+0020 (space)")]
    [InlineData("padded\u00A0", "U+00A0 (no-break space)")]
    [InlineData("two\nlines", "U+000A (line feed)")]
    public void Threshold_tag_value_k6_cannot_select_is_K6S0204(string value, string character)
    {
        var test = Flow(
            f => f.Get("/a", r => r.Tag("team", value).ExpectStatus(200)),
            b => b.Threshold(K6Metrics.HttpReqDuration.Where("team", value).P(95) < 500));

        var diagnostic = Single(Validate(test), DiagnosticCatalog.ThresholdTagValueUnparsable);

        Assert.Contains("contains " + character + ", which k6 cannot parse", diagnostic.Message, StringComparison.Ordinal);
    }
}
