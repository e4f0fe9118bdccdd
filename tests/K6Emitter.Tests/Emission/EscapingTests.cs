using System;
using System.Linq;
using System.Text.Json;
using Jint;
using K6Scenarios.Emitter.JavaScript;
using K6Scenarios.Emitter.Tests.Support;
using K6Scenarios.Model;

namespace K6Scenarios.Emitter.Tests.Emission;

/// <summary>No user string can break out of a literal, a template or a comment: hostile input arrives unchanged.</summary>
public class EscapingTests
{
    public static TheoryData<string> Hostile => new()
    {
        "'); http.get('http://evil.test'); ('",
        "\"; throw 1; \"",
        "`${globalThis.pwned = 1}`",
        "${__ENV.SECRET}",
        "\\'; alert(1); //",
        "line one\nline two\r\n*/ throw 1; /*",
        "\u2028throw 1;\u2029",
        "</script><script>",
        "emoji 😀 and İıŞ",
        "\0nul\u0001",
    };

    [Theory]
    [MemberData(nameof(Hostile))]
    public void Quoted_strings_evaluate_to_the_original_text(string text)
    {
        using var engine = new Jint.Engine();
        Assert.Equal(text, engine.Evaluate(JsString.Quote(text)).AsString());
        Assert.Equal(text, engine.Evaluate("`" + JsString.TemplateText(text) + "`").AsString());
        Assert.Equal(text, engine.Evaluate("({" + JsString.Quote(text) + ": 1})").AsObject().GetOwnProperties().Single().Key.AsString());
    }

    [Theory]
    [MemberData(nameof(Hostile))]
    public void Comments_stay_on_one_line(string text)
    {
        var comment = JsString.Comment(text);
        Assert.DoesNotContain('\n', comment);
        Assert.DoesNotContain('\r', comment);
        Assert.DoesNotContain('\u2028', comment);
        Assert.DoesNotContain('\u2029', comment);
        Assert.All(comment, c => Assert.InRange(c, ' ', '~'));
    }

    [Theory]
    [MemberData(nameof(Hostile))]
    public void User_strings_everywhere_in_a_request_reach_k6_unchanged(string text)
    {
        var test = LoadTest.Create("escaping")
            .Describe(text)
            .BaseUrl("API_URL", "http://localhost")
            .Scenario("main", s => s
                .ConstantVus(1, TimeSpan.FromSeconds(5))
                .Flow(f => f
                    .Group(text.Replace("::", ":", StringComparison.Ordinal), g => g
                        .Post("/items/{id}", r => r
                            .PathParameter("id", text)
                            .Query(text, text)
                            .Header("X-Text", HeaderValue(text))
                            .JsonBody(new System.Collections.Generic.Dictionary<string, object> { [text] = text })
                            .Named(text)
                            .Tag("note", text)
                            .ExpectStatus(200)
                            .CheckBodyContains(text, text)))
                    .ThinkTime(TimeSpan.FromSeconds(1))))
            .Build();

        using var harness = Emit.Run(test, respond: (_, _) => JsonSerializer.Serialize(new { status = 200, body = text }));
        harness.Call("main");
        var request = harness.Requests[0];
        Assert.Equal("http://localhost/items/" + Uri.EscapeDataString(text) + "?" + Uri.EscapeDataString(text) + "=" + Uri.EscapeDataString(text), request.GetProperty("url").GetString());
        Assert.Equal(HeaderValue(text), request.GetProperty("params").GetProperty("headers").GetProperty("X-Text").GetString());
        Assert.Equal(text, request.GetProperty("params").GetProperty("tags").GetProperty("name").GetString());
        Assert.Equal(text, request.GetProperty("params").GetProperty("tags").GetProperty("note").GetString());
        Assert.Equal(text, JsonDocument.Parse(request.GetProperty("body").GetString()!).RootElement.GetProperty(text).GetString());
        var check = Assert.Single(harness.Checks.EnumerateArray(), c => c.GetProperty("name").GetString() == text);
        Assert.True(check.GetProperty("passed").GetBoolean());
    }

    // HTTP cannot carry control characters in a header value (K6S0118 refuses them): the header gets the rest.
    private static string HeaderValue(string text) => new(text.Where(c => c >= ' ' && c != '\u007f').ToArray());

    [Theory]
    [InlineData("a\nb", "U+000A (line feed)", 1)]
    [InlineData("a\r\nX-Injected: 1", "U+000D (carriage return)", 1)]
    [InlineData("\0", "U+0000 (NUL)", 0)]
    [InlineData(" padded", "U+0020 (space)", 0)]
    [InlineData("padded\t", "U+0009 (tab)", 6)]
    public void Header_values_http_cannot_carry_are_refused_with_the_character_escaped(string value, string character, int index)
    {
        var test = LoadTest.Create("escaping")
            .BaseUrl("API_URL", "http://localhost")
            .Scenario("main", s => s.ConstantVus(1, TimeSpan.FromSeconds(5))
                .Flow(f => f.Get("/items", r => r.Header("X-Text", value).ExpectStatus(200)).ThinkTime(TimeSpan.FromSeconds(1))))
            .Build();

        var result = new K6ScriptEmitter(new EmitterOptions()).Emit(test);

        Assert.Null(result.Output);
        var diagnostic = Assert.Single(result.Diagnostics, d => d.Id == "K6S0118");
        Assert.Equal("scenarios.main.flow[0].headers", diagnostic.Path);
        Assert.Contains(character + " at index " + index, diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Dynamic_path_values_are_url_encoded_at_run_time()
    {
        var id = new Variable("id");
        var test = LoadTest.Create("encoding")
            .BaseUrl("API_URL", "http://localhost")
            .Scenario("main", s => s
                .ConstantVus(1, TimeSpan.FromSeconds(5))
                .Flow(f => f
                    .Post("/items", r => r.ExpectStatus(201).Capture(id, CaptureSource.Json("id")))
                    .Get("/items/{id}", r => r.PathParameter("id", id).Query("q", "a " + id).ExpectStatus(200))
                    .ThinkTime(TimeSpan.FromSeconds(1))))
            .Build();
        using var harness = Emit.Run(test, respond: (_, _) => """{"status":201,"body":"{\"id\":\"a/b?c\"}"}""");
        harness.Call("main");
        Assert.Equal("http://localhost/items/a%2Fb%3Fc?q=a%20a%2Fb%3Fc", harness.Requests[1].GetProperty("url").GetString());
        Assert.Equal("/items/{id}", harness.Requests[1].GetProperty("params").GetProperty("tags").GetProperty("name").GetString());
    }
}

/// <summary>A user string written as an object key is an own property, even <c>__proto__</c>; environment reads see only what was set.</summary>
public class PrototypeKeyTests
{
    [Theory]
    [InlineData("__proto__")]
    [InlineData("constructor")]
    [InlineData("toString")]
    public void Keys_named_like_object_members_arrive_as_properties(string key)
    {
        var pool = UserPool.Generate("users", 3, (key, "pool-value"));
        var test = LoadTest.Create("proto")
            .BaseUrl("API_URL", "http://localhost")
            .Scenario("main", s => s.ConstantVus(1, TimeSpan.FromSeconds(5)).WithUsers(pool, PoolSelection.RoundRobin)
                .Flow(f => f
                    .Post("/json", r => r.JsonBody(new System.Collections.Generic.Dictionary<string, object> { [key] = "json-value", ["pool"] = pool.Field(key) }).ExpectStatus(200).CheckDuration(TimeSpan.FromMinutes(1), key))
                    .Post("/form", r => r.FormBody(new System.Collections.Generic.Dictionary<string, object> { [key] = "form-value" }).Header(key, "header-value").Tag(key, "tag-value").ExpectStatus(200))
                    .ThinkTime(TimeSpan.FromSeconds(1))))
            .Build();

        var script = Emit.Script(test);
        using var harness = Emit.Run(test, respond: (_, _) => JsonSerializer.Serialize(new { status = 200, body = "{}" }));
        harness.Call("main");

        if (key == "__proto__")
        {
            Assert.Contains("['__proto__']: ", script, StringComparison.Ordinal);
            Assert.DoesNotContain(" __proto__: ", script, StringComparison.Ordinal);
        }

        var json = JsonDocument.Parse(harness.Requests[0].GetProperty("body").GetString()!).RootElement;
        Assert.Equal("json-value", json.GetProperty(key).GetString());
        Assert.Equal("pool-value", json.GetProperty("pool").GetString());
        Assert.Contains(harness.Checks.EnumerateArray(), c => c.GetProperty("name").GetString() == key);
        var form = harness.Requests[1];
        Assert.Equal("form-value", form.GetProperty("body").GetProperty(key).GetString());
        Assert.Equal("header-value", form.GetProperty("params").GetProperty("headers").GetProperty(key).GetString());
        Assert.Equal("tag-value", form.GetProperty("params").GetProperty("tags").GetProperty(key).GetString());
    }

    [Theory]
    [InlineData(null, "default-value")]
    [InlineData("", "default-value")]
    [InlineData("set-value", "set-value")]
    public void An_environment_variable_named_constructor_is_read_only_when_set(string? set, string expected)
    {
        var test = LoadTest.Create("proto-env")
            .BaseUrl("API_URL", "http://localhost")
            .Scenario("main", s => s.ConstantVus(1, TimeSpan.FromSeconds(5))
                .Flow(f => f.Get("/a", r => r.Header("X-Env", Value.Env("constructor", "default-value")).ExpectStatus(200)).ThinkTime(TimeSpan.FromSeconds(1))))
            .Build();

        using var harness = Emit.Run(test, environment: set is null ? null : new System.Collections.Generic.Dictionary<string, string> { ["constructor"] = set });
        harness.Call("main");

        Assert.Equal(expected, harness.Requests[0].GetProperty("params").GetProperty("headers").GetProperty("X-Env").GetString());
        Assert.Contains("envOr('constructor', 'default-value')", Emit.Script(test), StringComparison.Ordinal);
    }

    [Fact]
    public void A_variable_a_scenario_sets_is_read_where_it_is_used()
    {
        var test = LoadTest.Create("scenario-env")
            .BaseUrl("API_URL", "http://localhost")
            .Scenario("main", s => s.ConstantVus(1, TimeSpan.FromSeconds(5)).Env("REGION", "eu")
                .Flow(f => f.Get("/a", r => r.Header("X-Region", Value.Env("REGION", "none")).ExpectStatus(200)).ThinkTime(TimeSpan.FromSeconds(1))))
            .Build();

        var script = Emit.Script(test);

        Assert.DoesNotContain("const REGION", script, StringComparison.Ordinal);
        Assert.True(script.Contains("envOr('REGION', 'none')", StringComparison.Ordinal), script);
    }

    [Fact]
    public void Braces_that_are_not_placeholders_are_path_text()
    {
        var test = LoadTest.Create("braces")
            .BaseUrl("API_URL", "http://localhost")
            .Scenario("main", s => s.ConstantVus(1, TimeSpan.FromSeconds(5))
                .Flow(f => f.Get("/a{b/c}d/{id}/{}", r => r.PathParameter("id", "7").ExpectStatus(200)).ThinkTime(TimeSpan.FromSeconds(1))))
            .Build();

        using var harness = Emit.Run(test);
        harness.Call("main");

        Assert.Equal("http://localhost/a{b/c}d/7/{}", harness.Requests[0].GetProperty("url").GetString());
    }
}
