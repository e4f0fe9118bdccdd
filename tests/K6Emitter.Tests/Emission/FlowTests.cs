using System;
using System.Linq;
using System.Text.Json;
using K6Scenarios.Emitter.Tests.Support;
using K6Scenarios.Model;

namespace K6Scenarios.Emitter.Tests.Emission;

/// <summary>What a scenario does when k6 runs it: requests, captures, checks, think time, groups and conditions.</summary>
public class FlowTests
{
    private static readonly Variable Token = new("token");

    private static LoadTest SignInThenRead(Action<RequestBuilder>? signIn = null) => LoadTest.Create("flow")
        .BaseUrl("API_URL", "http://localhost:4000")
        .Scenario("main", s => s
            .ConstantVus(1, TimeSpan.FromSeconds(5))
            .Flow(f => f
                .Post("/api/auth/signin", r =>
                {
                    r.JsonBody(new { email = "a@b.test", password = Value.Secret("PASSWORD") }).ExpectStatus(201).Capture(Token, CaptureSource.Json("data.accessToken"));
                    signIn?.Invoke(r);
                })
                .Get("/api/me", r => r.BearerToken(Token).ExpectStatus(200).CheckBodyEquals("role", "player"))
                .ThinkTime(TimeSpan.FromSeconds(2))))
        .Build();

    [Fact]
    public void Captured_tokens_are_sent_by_later_requests()
    {
        using var harness = Emit.Run(SignInThenRead(), respond: (method, name) => name == "/api/auth/signin"
            ? """{"status":201,"body":"{\"data\":{\"accessToken\":\"abc\"}}"}"""
            : """{"status":200,"body":"{\"role\":\"player\"}"}""");
        harness.Call("main");
        var requests = harness.Requests.EnumerateArray().ToArray();
        Assert.Equal("POST", requests[0].GetProperty("method").GetString());
        Assert.Equal("application/json", requests[0].GetProperty("params").GetProperty("headers").GetProperty("Content-Type").GetString());
        Assert.Equal("""{"email":"a@b.test","password":"secret-from-env"}""", requests[0].GetProperty("body").GetString());
        Assert.Equal("Bearer abc", requests[1].GetProperty("params").GetProperty("headers").GetProperty("Authorization").GetString());
        Assert.All(harness.Checks.EnumerateArray(), c => Assert.True(c.GetProperty("passed").GetBoolean()));
        Assert.Equal(2, harness.Sleeps[0].GetDouble());
    }

    [Fact]
    public void A_failed_capture_ends_the_iteration_before_later_requests()
    {
        using var harness = Emit.Run(SignInThenRead(), respond: (_, _) => """{"status":401,"body":"{\"message\":\"bad credentials\"}"}""");
        var error = Assert.ThrowsAny<Exception>(() => harness.Call("main"));
        Assert.Contains("no body field data.accessToken to capture into token (status 401)", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, harness.Requests.GetArrayLength());
    }

    [Fact]
    public void Expected_statuses_feed_http_req_failed()
    {
        var script = Emit.Script(SignInThenRead(r => r.AlsoExpected(429)));
        Assert.Contains("responseCallback: http.expectedStatuses(201, 429),", script, StringComparison.Ordinal);
    }

    [Fact]
    public void Setup_captures_reach_scenarios_through_setup_data()
    {
        var test = LoadTest.Create("setup")
            .BaseUrl("API_URL", "http://localhost")
            .Setup(f => f.Post("/api/auth/token", r => r.ExpectStatus(200).Capture(Token, CaptureSource.Json("token"))))
            .Scenario("main", s => s.ConstantVus(1, TimeSpan.FromSeconds(5)).Flow(f => f.Get("/api/me", r => r.BearerToken(Token).ExpectStatus(200)).ThinkTime(TimeSpan.FromSeconds(1))))
            .Build();
        using var harness = Emit.Run(test, respond: (method, _) => method == "POST" ? """{"status":200,"body":"{\"token\":\"shared\"}"}""" : """{"status":200,"body":"{}"}""");
        var data = harness.Call("setup");
        harness.Call("main", data: data);
        Assert.Equal("Bearer shared", harness.Requests[1].GetProperty("params").GetProperty("headers").GetProperty("Authorization").GetString());
    }

    [Fact]
    public void Conditions_groups_and_timed_blocks_run_their_steps()
    {
        var journey = CustomMetric.Trend("journey", isTime: true);
        var counter = CustomMetric.Counter("visits");
        var test = LoadTest.Create("branches")
            .BaseUrl("API_URL", "http://localhost")
            .Scenario("main", s => s.ConstantVus(1, TimeSpan.FromSeconds(5)).Flow(f => f
                .Timed(journey, t => t
                    .Group("browse", g => g.Get("/a", r => r.ExpectStatus(200)))
                    .When(Condition.Chance(0), then => then.Get("/never"), otherwise => otherwise.Get("/always"))
                    .When(Condition.AreEqual(1, 1), then => then.Record(counter, 1)))
                .ThinkTime(TimeSpan.FromSeconds(1))))
            .Build();
        using var harness = Emit.Run(test);
        harness.Call("main");
        Assert.Equal(["http://localhost/a", "http://localhost/always"], harness.Requests.EnumerateArray().Select(r => r.GetProperty("url").GetString()!).ToArray());
        Assert.Equal(["visits", "journey"], harness.Metrics.EnumerateArray().Select(m => m.GetProperty("name").GetString()!).ToArray());
    }

    [Fact]
    public void Form_text_and_multipart_bodies_are_sent_as_k6_expects()
    {
        var test = LoadTest.Create("bodies")
            .BaseUrl("API_URL", "http://localhost")
            .Scenario("main", s => s.ConstantVus(1, TimeSpan.FromSeconds(5)).Flow(f => f
                .Post("/form", r => r.FormBody(new { username = "u", remember = true }).ExpectStatus(200))
                .Put("/text", r => r.TextBody("hello", "text/csv").ExpectStatus(200))
                .ThinkTime(TimeSpan.FromSeconds(1))))
            .Build();
        using var harness = Emit.Run(test);
        harness.Call("main");
        var form = harness.Requests[0].GetProperty("body");
        Assert.Equal(JsonValueKind.Object, form.ValueKind);
        Assert.Equal("u", form.GetProperty("username").GetString());
        Assert.Equal("hello", harness.Requests[1].GetProperty("body").GetString());
        Assert.Equal("text/csv", harness.Requests[1].GetProperty("params").GetProperty("headers").GetProperty("Content-Type").GetString());
    }

    [Fact]
    public void Discarded_bodies_are_kept_for_requests_that_read_them()
    {
        var test = SignInThenRead() with { Options = new K6Options { DiscardResponseBodies = true } };
        var script = Emit.Script(test);
        Assert.Equal(2, script.Split("responseType: 'text'").Length - 1);
        Assert.Contains("discardResponseBodies: true,", script, StringComparison.Ordinal);
    }

    [Fact]
    public void Steps_two_scenarios_share_are_written_once_and_return_their_captures()
    {
        static void SignIn(FlowBuilder f) => f.Post("/api/auth/signin", r => r.ExpectStatus(201).Capture(Token, CaptureSource.Json("data.accessToken")));
        var test = LoadTest.Create("shared")
            .BaseUrl("API_URL", "http://localhost:4000")
            .Scenario("browse", s => s.ConstantVus(1, TimeSpan.FromSeconds(5)).Flow(f => { SignIn(f); f.Get("/api/items", r => r.BearerToken(Token)).ThinkTime(TimeSpan.FromSeconds(1)); }))
            .Scenario("buy", s => s.ConstantVus(1, TimeSpan.FromSeconds(5)).Flow(f => { SignIn(f); f.Post("/api/orders", r => r.BearerToken(Token)).ThinkTime(TimeSpan.FromSeconds(1)); }))
            .Build();

        var script = Emit.Script(test);
        Assert.Equal(1, script.Split("http.post(`${API_URL}/api/auth/signin`").Length - 1);
        Assert.Contains("function postApiAuthSignin() {", script, StringComparison.Ordinal);
        Assert.Equal(2, script.Split("token = postApiAuthSignin();").Length - 1);

        using var harness = Emit.Run(test, respond: (method, name) => name == "/api/auth/signin"
            ? """{"status":201,"body":"{\"data\":{\"accessToken\":\"abc\"}}"}"""
            : """{"status":200,"body":"{}"}""");
        harness.Call("browse");
        harness.Call("buy");
        var requests = harness.Requests.EnumerateArray().ToArray();
        Assert.Equal(["/api/auth/signin", "/api/items", "/api/auth/signin", "/api/orders"], requests.Select(r => r.GetProperty("params").GetProperty("tags").GetProperty("name").GetString()!).ToArray());
        Assert.All(new[] { requests[1], requests[3] }, r => Assert.Equal("Bearer abc", r.GetProperty("params").GetProperty("headers").GetProperty("Authorization").GetString()));
    }

    [Fact]
    public void Imports_name_only_what_the_script_uses()
    {
        var script = Emit.Script(SignInThenRead());
        var imports = script.Split('\n').Where(l => l.StartsWith("import ", StringComparison.Ordinal)).ToArray();
        Assert.Equal(["import http from 'k6/http';", "import { check, fail, sleep } from 'k6';", "import exec from 'k6/execution';", "import secrets from 'k6/secrets';"], imports);
    }
}
