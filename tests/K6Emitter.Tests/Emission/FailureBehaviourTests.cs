using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using Jint;
using K6Scenarios.Emitter.Tests.Support;
using K6Scenarios.Model;

namespace K6Scenarios.Emitter.Tests.Emission;

/// <summary>Gates on checks, pacing under failure, secrets read in VU code, and the header's run command.</summary>
public class FailureBehaviourTests
{
    private static readonly Variable Token = new("token");

    private static LoadTestBuilder SignIn(Func<LoadTestBuilder, LoadTestBuilder>? change = null, bool capture = true)
    {
        var builder = LoadTest.Create("gate")
            .BaseUrl("API_URL", "http://localhost:4000")
            .Scenario("main", s => s
                .ConstantVus(2, TimeSpan.FromSeconds(10))
                .Flow(f => f
                    .Post("/api/auth/signin", r =>
                    {
                        r.JsonBody(new { email = "a@b.test", password = Value.Secret("PASSWORD") }).ExpectStatus(201);
                        if (capture)
                        {
                            r.Capture(Token, CaptureSource.Json("accessToken"));
                        }
                    })
                    .ThinkTime(TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4))));
        return change is null ? builder : change(builder);
    }

    private static JsonElement Thresholds(LoadTest test) => Emit.Run(test).Options.GetProperty("thresholds");

    [Fact]
    public void Checks_fail_the_run_by_default()
    {
        var thresholds = Thresholds(SignIn());
        Assert.Equal("rate>=0.99", thresholds.GetProperty("checks").EnumerateArray().Single().GetString());
        Assert.Contains("// The run fails (k6 exits 99) when fewer than 99 % of checks pass.", Emit.Script(SignIn()), StringComparison.Ordinal);
    }

    [Fact]
    public void The_gate_takes_its_rate_abort_and_delay_from_the_model()
    {
        var gate = Thresholds(SignIn(t => t.GateOnChecks(0.95, abortOnFail: true, delayAbortEval: TimeSpan.FromSeconds(10)))).GetProperty("checks").EnumerateArray().Single();
        Assert.Equal("rate>=0.95", gate.GetProperty("threshold").GetString());
        Assert.True(gate.GetProperty("abortOnFail").GetBoolean());
        Assert.Equal("10s", gate.GetProperty("delayAbortEval").GetString());
    }

    [Fact]
    public void The_gate_can_be_turned_off_or_replaced_by_a_threshold_on_checks()
    {
        Assert.Contains("thresholds", Emit.Script(SignIn()), StringComparison.Ordinal);
        Assert.DoesNotContain("thresholds", Emit.Script(SignIn(t => t.WithoutCheckGate())), StringComparison.Ordinal);
        var own = Thresholds(SignIn(t => t.Threshold(K6Metrics.Checks.Rate > 0.9)));
        Assert.Equal("rate>0.9", own.GetProperty("checks").EnumerateArray().Single().GetString());
    }

    [Fact]
    public void A_script_without_checks_has_no_gate()
    {
        var test = Emit.With(s => s.Flow(f => f.Get("/health", r => r.Named("health")).ThinkTime(TimeSpan.FromSeconds(1))));
        Assert.DoesNotContain("'checks'", Emit.Script(test), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.5)]
    [InlineData(double.NaN)]
    public void A_gate_rate_outside_zero_to_one_is_K6S0210(double rate)
    {
        var result = Emit.Unvalidated(SignIn(t => t.GateOnChecks(rate)));
        Assert.False(result.Succeeded);
        Assert.Equal("checkGate.minimumPassRate", Assert.Single(result.Diagnostics, d => d.Id == "K6S0210").Path);
    }

    [Fact]
    public void A_gate_delay_without_abort_is_K6S0210()
    {
        var result = Emit.Unvalidated(SignIn(t => t.GateOnChecks(delayAbortEval: TimeSpan.FromSeconds(5))));
        Assert.Equal("checkGate.delayAbortEval", Assert.Single(result.Diagnostics, d => d.Id == "K6S0210").Path);
    }

    [Fact]
    public void A_failed_capture_still_waits_out_the_think_time()
    {
        using var harness = Emit.Run(SignIn(), respond: (_, _) => """{"status":422,"body":"{}"}""");
        var error = Assert.ThrowsAny<Exception>(() => harness.Call("main"));
        Assert.Contains("no body field accessToken to capture into token (status 422)", error.Message, StringComparison.Ordinal);

        // The flow's own sleep never ran; pace() slept what was left of the guaranteed think time (the minimum, 2 s).
        var sleep = Assert.Single(harness.Sleeps.EnumerateArray()).GetDouble();
        Assert.InRange(sleep, 0.001, 2);
    }

    [Fact]
    public void Only_closed_model_flows_that_can_end_early_are_paced()
    {
        Assert.Contains("} finally {\n    pace(iterationStart, 2);\n  }", Emit.Script(SignIn()), StringComparison.Ordinal);
        Assert.DoesNotContain("pace(", Emit.Script(SignIn(capture: false)), StringComparison.Ordinal);
        var openModel = LoadTest.Create("open")
            .BaseUrl("API_URL", "http://localhost:4000")
            .Scenario("main", s => s
                .ConstantArrivalRate(5, TimeSpan.FromSeconds(10), preAllocatedVus: 5)
                .Flow(f => f.Post("/api/auth/signin", r => r.ExpectStatus(201).Capture(Token, CaptureSource.Json("accessToken"))).ThinkTime(TimeSpan.FromSeconds(1))));
        Assert.DoesNotContain("pace(", Emit.Script(openModel), StringComparison.Ordinal);
    }

    [Fact]
    public void Secrets_are_read_in_vu_code_so_the_init_context_needs_none()
    {
        var script = Emit.Script(SignIn());
        Assert.Contains("import secrets from 'k6/secrets';", script, StringComparison.Ordinal);
        Assert.DoesNotContain("__ENV.PASSWORD", script, StringComparison.Ordinal);
        Assert.DoesNotContain("requiredEnv('PASSWORD')", script, StringComparison.Ordinal);
        Assert.Contains("export function main() {\n  if (!secretsRead) {\n    return readSecrets().then(() => main());\n  }", script, StringComparison.Ordinal);

        // Without the secret the module loads (k6 inspect, k6 archive); the first iteration stops the test with the flag to pass.
        using var harness = new JsHarness(script);
        var error = Assert.ThrowsAny<Exception>(() => harness.Call("main"));
        Assert.Contains("aborted: Secret PASSWORD is not available", error.Message, StringComparison.Ordinal);
        Assert.Contains("--secret-source=file=secrets.txt", error.Message, StringComparison.Ordinal);
        Assert.Empty(harness.Requests.EnumerateArray());
    }

    [Fact]
    public void The_secret_reaches_the_request()
    {
        using var harness = Emit.Run(SignIn(capture: false));
        harness.Call("main");
        var body = harness.Requests[0].GetProperty("body").GetString()!;
        Assert.Contains("\"password\":\"secret-from-env\"", body, StringComparison.Ordinal);
    }

    [Fact]
    public void Only_a_vus_first_iteration_waits_for_its_secrets()
    {
        // An async iteration costs k6 more CPU than a plain call, so later iterations must not await anything.
        using var harness = Emit.Run(SignIn(capture: false));
        var first = harness.Invoke("main");
        Assert.True(first.IsPromise());
        first.UnwrapIfPromise();
        harness.Call("main", iteration: 1);
        Assert.False(harness.Invoke("main", iteration: 2).IsPromise());
        Assert.All(harness.Requests.EnumerateArray(), r => Assert.Contains("\"password\":\"secret-from-env\"", r.GetProperty("body").GetString()!, StringComparison.Ordinal));
        Assert.Equal(3, harness.Requests.GetArrayLength());
    }

    [Fact]
    public void The_first_iteration_keeps_the_setup_data_while_it_waits_for_secrets()
    {
        var test = LoadTest.Create("setup-and-secret")
            .BaseUrl("API_URL", "http://localhost")
            .Setup(f => f.Post("/api/auth/token", r => r.ExpectStatus(200).Capture(Token, CaptureSource.Json("token"))))
            .Scenario("main", s => s.ConstantVus(1, TimeSpan.FromSeconds(5)).Flow(f => f
                .Get("/api/me", r => r.BearerToken(Token).Header("X-Key", Value.Secret("PASSWORD")).ExpectStatus(200))
                .ThinkTime(TimeSpan.FromSeconds(1))))
            .Build();
        using var harness = Emit.Run(test, respond: (method, _) => method == "POST" ? """{"status":200,"body":"{\"token\":\"shared\"}"}""" : """{"status":200,"body":"{}"}""");
        var data = harness.Call("setup");
        Assert.True(harness.Invoke("main", data: data).UnwrapIfPromise().IsUndefined());
        var headers = harness.Requests[1].GetProperty("params").GetProperty("headers");
        Assert.Equal("Bearer shared", headers.GetProperty("Authorization").GetString());
        Assert.Equal("secret-from-env", headers.GetProperty("X-Key").GetString());
    }

    [Fact]
    public void The_run_line_is_a_complete_command()
    {
        var script = Emit.Script(LoadTest.Create("complete")
            .BaseUrl("API_URL", "http://localhost:4000")
            .Scenario("main", s => s
                .ConstantVus(1, TimeSpan.FromSeconds(5))
                .Flow(f => f.Get("/me", r => r.Header("X-Tenant", Value.Env("TENANT")).Header("X-Key", Value.Secret("API_KEY")).ExpectStatus(200)).ThinkTime(TimeSpan.FromSeconds(1))))
            .Output("experimental-prometheus-rw"));
        var lines = script.Split('\n');
        Assert.Contains("// Run: k6 run --secret-source=file=secrets.txt -e TENANT=... --out experimental-prometheus-rw complete.js", lines);
        Assert.Contains(lines, l => l.StartsWith("// Secrets (k6/secrets; ", StringComparison.Ordinal) && l.EndsWith("): API_KEY", StringComparison.Ordinal));
        Assert.Contains("// Environment (-e NAME=value): API_URL (default http://localhost:4000), TENANT (required)", lines);
    }
}
