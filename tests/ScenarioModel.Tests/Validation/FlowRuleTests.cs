using System;
using System.Linq;
using K6Scenarios.Diagnostics;
using static K6Scenarios.Model.Tests.Validation.ValidationKit;

namespace K6Scenarios.Model.Tests.Validation;

public class FlowRuleTests
{
    private static readonly Variable Token = new("token");

    private static LoadTest Flow(Action<FlowBuilder> flow, Func<LoadTestBuilder, LoadTestBuilder>? test = null)
    {
        var builder = LoadTest.Create("flow").BaseUrl(Api)
            .Scenario("signin", s => s.ConstantVus(10, Minutes(1)).Flow(f => { flow(f); f.ThinkTime(Seconds(1)); }));
        return test is null ? builder : test(builder);
    }

    private static void SignIn(FlowBuilder f) =>
        f.Post("/api/auth/signin", r => r.JsonBody(new { email = "smoke@example.test", password = Value.Secret("SMOKE_PASSWORD") }).ExpectStatus(201).Capture(Token, CaptureSource.Json("accessToken")));

    [Fact]
    public void Variable_used_before_its_capture_is_reported_once_at_the_first_use()
    {
        var meLine = 0;
        var test = Flow(f =>
        {
            f.Get("/api/auth/me", r => r.BearerToken(Token)).At(out meLine);
            f.Get("/api/wallet", r => r.BearerToken(Token));
            SignIn(f);
        });

        var diagnostic = AssertReported(Validate(test), DiagnosticCatalog.VariableNotCaptured, "scenarios.signin.flow[0]", meLine);

        Assert.Equal("GET /api/auth/me uses variable 'token', which no earlier step (or setup) captures; capture it from a response first", diagnostic.Message);
    }

    [Fact]
    public void Request_cannot_send_what_its_own_response_captures()
    {
        var test = Flow(f => f.Post("/api/auth/refresh", r => r.BearerToken(Token).ExpectStatus(200).Capture(Token, CaptureSource.Json("accessToken"))));

        Assert.Equal("scenarios.signin.flow[0]", Single(Validate(test), DiagnosticCatalog.VariableNotCaptured).Path);
    }

    [Fact]
    public void Captures_in_setup_groups_and_conditions_reach_later_steps()
    {
        var betId = new Variable("betId");
        var wallet = new Variable("wallet");
        LoadTest test = LoadTest.Create("bets").BaseUrl(Api)
            .Setup(SignIn)
            .Scenario("bet", s => s.ConstantVus(10, Minutes(1)).Flow(f => f
                .Group("place", g => g.Post("/api/bets", r => r.BearerToken(Token).JsonBody(new { amount = 1 }).ExpectStatus(201).Capture(betId, CaptureSource.Json("id"))))
                .When(Condition.Chance(0.5), then => then.Get("/api/wallet", r => r.BearerToken(Token).Capture(wallet, CaptureSource.Json("id"))))
                .Get("/api/bets/{id}", r => r.BearerToken(Token).PathParameter("id", betId))
                .When(Condition.IsCaptured(wallet), then => then.Get("/api/wallets/{id}", r => r.PathParameter("id", wallet)))
                .ThinkTime(Seconds(1))))
            .Teardown(f => f.Delete("/api/sessions", r => r.BearerToken(Token)));

        AssertClean(Validate(test));
    }

    [Fact]
    public void Teardown_cannot_use_what_a_scenario_captured()
    {
        var betId = new Variable("betId");
        var deleteLine = 0;
        LoadTest test = LoadTest.Create("bets").BaseUrl(Api)
            .Scenario("bet", s => s.ConstantVus(10, Minutes(1)).Flow(f => f
                .Post("/api/bets", r => r.JsonBody(new { amount = 1 }).ExpectStatus(201).Capture(betId, CaptureSource.Json("id")))
                .ThinkTime(Seconds(1))))
            .Teardown(f => f.Delete("/api/bets/{id}", r => r.PathParameter("id", betId)).At(out deleteLine));

        AssertReported(Validate(test), DiagnosticCatalog.VariableNotCaptured, "teardown[0]", deleteLine);
    }

    [Fact]
    public void Placeholder_without_a_path_parameter_is_an_error()
    {
        var line = 0;
        var test = Flow(f => f.Get("/api/bets/{betId}", r => r.ExpectStatus(200)).At(out line));

        var diagnostic = AssertReported(Validate(test), DiagnosticCatalog.PathParameterNotFilled, "scenarios.signin.flow[0]", line);

        Assert.Equal("GET /api/bets/{betId} has path parameter '{betId}' without a value; add .PathParameter(\"betId\", value)", diagnostic.Message);
    }

    [Fact]
    public void Path_parameter_that_fills_no_placeholder_is_a_warning()
    {
        var line = 0;
        var test = Flow(f => f.Get("/api/bets/{betId}", r => r.PathParameter("betId", 1).PathParameter("id", 2)).At(out line));

        var diagnostic = AssertReported(Validate(test), DiagnosticCatalog.PathParameterNotInPath, "scenarios.signin.flow[0]", line);

        Assert.Equal(RuleSeverity.Warning, diagnostic.Severity);
        Assert.Contains("'id'", diagnostic.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(HttpMethod.Get, "get")]
    [InlineData(HttpMethod.Head, "head")]
    public void Body_on_a_method_without_one_is_an_error(HttpMethod method, string function)
    {
        var line = 0;
        var test = Flow(f => f.Request(method, null, "/api/search", r => r.JsonBody(new { q = "dice" })).At(out line));

        var diagnostic = AssertReported(Validate(test), DiagnosticCatalog.BodyNotAllowed, "scenarios.signin.flow[0]", line);

        Assert.Contains("http." + function + "()", diagnostic.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("auth::login")]
    [InlineData("")]
    public void Group_name_k6_rejects_is_an_error(string name)
    {
        var line = 0;
        var test = Flow(f => f.Group(name, g => g.Get("/api/health")).At(out line));

        AssertReported(Validate(test), DiagnosticCatalog.InvalidGroupName, "scenarios.signin.flow[0]", line);
    }

    [Fact]
    public void Check_name_with_the_group_separator_is_an_error()
    {
        var test = Flow(f => f.Get("/api/health", r => r.CheckBodyHas("status", name: "health::ok")));

        Assert.StartsWith("Check name 'health::ok'", Single(Validate(test), DiagnosticCatalog.InvalidGroupName).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Literal_bearer_token_is_a_secret_literal()
    {
        var line = 0;
        var test = Flow(f => f.Get("/api/auth/me", r => r.BearerToken("eyJhbGciOiJIUzI1NiJ9.e30.sig")).At(out line));

        var diagnostic = AssertReported(Validate(test), DiagnosticCatalog.SecretLiteral, "scenarios.signin.flow[0]", line);

        Assert.StartsWith("GET /api/auth/me header 'Authorization' is a literal secret", diagnostic.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("password")]
    [InlineData("newPassword")]
    [InlineData("client_secret")]
    [InlineData("apiKey")]
    [InlineData("refresh_token")]
    public void Literal_credential_in_a_body_field_is_a_secret_literal(string field)
    {
        var test = Flow(f => f.Post("/api/auth/signin", r => r.JsonBody(new System.Collections.Generic.Dictionary<string, object> { ["email"] = "a@example.test", [field] = "hunter2" }).ExpectStatus(201)));

        Assert.Contains("body field '" + field + "'", Single(Validate(test), DiagnosticCatalog.SecretLiteral).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Literal_api_key_header_and_form_password_are_secret_literals()
    {
        var test = Flow(f => f
            .Get("/api/reports", r => r.Header("X-Api-Key", "k-123"))
            .Post("/accounts/login/", r => r.FormBody(new { username = "admin", password = "admin" }).ExpectStatus(302)));

        var messages = Validate(test).Where(d => d.Id == DiagnosticCatalog.SecretLiteral.Id).Select(d => d.Message).ToArray();

        Assert.Equal(2, messages.Length);
        Assert.StartsWith("GET /api/reports header 'X-Api-Key'", messages[0], StringComparison.Ordinal);
        Assert.StartsWith("POST /accounts/login/ form field 'password'", messages[1], StringComparison.Ordinal);
    }

    [Fact]
    public void Credentials_from_secrets_pools_and_captures_are_fine()
    {
        var users = SeedModels.Users();
        LoadTest test = LoadTest.Create("signin").BaseUrl(Api)
            .Scenario("signin", s => s.ConstantVus(10, Minutes(1)).WithUsers(users, PoolSelection.UniquePerVu).Flow(f => f
                .Post("/api/auth/signin", r => r.JsonBody(new { email = users.Field("email"), password = users.Field("password"), tokenType = "bearer" }).ExpectStatus(201).Capture(Token, CaptureSource.Json("accessToken")))
                .Get("/api/auth/me", r => r.BearerToken(Token).Header("X-Api-Key", Value.Secret("API_KEY")))
                .ThinkTime(Seconds(1))));

        AssertClean(Validate(test));
    }

    [Fact]
    public void Status_outside_http_range_is_reported_once_per_request()
    {
        var line = 0;
        var test = Flow(f => f.Post("/api/auth/signin", r => r.ExpectStatus(2010)).At(out line));

        var diagnostic = AssertReported(Validate(test), DiagnosticCatalog.InvalidStatusCode, "scenarios.signin.flow[0]", line);

        Assert.Equal("POST /api/auth/signin expects status 2010; HTTP statuses run from 100 to 599", diagnostic.Message);
    }

    [Fact]
    public void Load_test_expected_status_outside_http_range_is_reported()
    {
        var test = Flow(f => f.Get("/api/health"), t => t.ExpectedStatuses(200, 99));

        var diagnostic = Single(Validate(test), DiagnosticCatalog.InvalidStatusCode);

        Assert.Equal("expectedStatuses", diagnostic.Path);
        Assert.Equal(test.DefinedAt, diagnostic.Location);
        Assert.Contains("status 99", diagnostic.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(3, 1)]
    [InlineData(-1, 2)]
    public void Think_time_must_be_a_non_negative_range(int min, int max)
    {
        var line = 0;
        var test = Flow(f => f.Get("/api/health").ThinkTime(Seconds(min), Seconds(max)).At(out line));

        AssertReported(Validate(test), DiagnosticCatalog.InvalidThinkTime, "scenarios.signin.flow[1]", line);
    }

    [Fact]
    public void Request_without_any_base_url_is_an_error()
    {
        var line = 0;
        LoadTest test = LoadTest.Create("signin")
            .Scenario("signin", s => s.ConstantVus(10, Minutes(1)).Flow(f => f
                .Get("/api/health").At(out line)
                .Get(Api, "/api/ready")
                .ThinkTime(Seconds(1))));

        AssertReported(Validate(test), DiagnosticCatalog.MissingBaseUrl, "scenarios.signin.flow[0]", line);
    }

    [Fact]
    public void Header_name_that_is_not_an_http_token_is_an_error()
    {
        var line = 0;
        var test = Flow(f => f.Get("/api/health", r => r.Header("X Request Id", "smoke")).At(out line));

        var diagnostic = AssertReported(Validate(test), DiagnosticCatalog.InvalidHeaderName, "scenarios.signin.flow[0]", line);

        Assert.Contains("'X Request Id'", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Scenario_only_values_in_setup_and_teardown_are_errors()
    {
        var users = SeedModels.Users();
        var setupLine = 0;
        var teardownLine = 0;
        LoadTest test = LoadTest.Create("seeding").BaseUrl(Api)
            .Setup(f => f.Post("/api/users", r => r.JsonBody(new { email = "seed-" + Value.IterationInTest + "@example.test", name = users.Field("email") }).ExpectStatus(201)).At(out setupLine))
            .Scenario("signin", s => s.ConstantVus(10, Minutes(1)).WithUsers(users, PoolSelection.UniquePerVu).Flow(f => f
                .Post("/api/auth/signin", r => r.JsonBody(new { email = users.Field("email") }).ExpectStatus(201)).ThinkTime(Seconds(1))))
            .Teardown(f => f.Delete("/api/users/{suffix}", r => r.PathParameter("suffix", Value.UniqueSuffix)).At(out teardownLine));

        var diagnostics = Validate(test).Where(d => d.Id == DiagnosticCatalog.ValueNotAvailableHere.Id).ToArray();

        Assert.Equal(["setup[0]", "setup[0]", "teardown[0]"], diagnostics.Select(d => d.Path));
        Assert.Equal([setupLine, setupLine, teardownLine], diagnostics.Select(d => d.Location!.Line));
        Assert.Equal(
            "POST /api/users uses Value.IterationInTest, which is not available in setup(); k6's exec.scenario throws outside scenarios, so use a literal or Value.Env",
            diagnostics[0].Message);
        Assert.StartsWith("POST /api/users uses pool 'users', which is not available in setup()", diagnostics[1].Message, StringComparison.Ordinal);
        Assert.StartsWith("DELETE /api/users/{suffix} uses Value.UniqueSuffix, which is not available in teardown()", diagnostics[2].Message, StringComparison.Ordinal);
        AssertNotReported(diagnostics, DiagnosticCatalog.PoolNotSelected);
    }

    [Theory]
    [InlineData("api/users")]
    [InlineData("http://staging.example.test/api/users")]
    public void Path_must_be_relative_to_the_base_url(string path)
    {
        var line = 0;
        var test = Flow(f => f.Get(path).At(out line));

        AssertReported(Validate(test), DiagnosticCatalog.InvalidPath, "scenarios.signin.flow[0]", line);
    }

    [Theory]
    [InlineData("api/\nusers", "api/\\u000Ausers")]
    [InlineData("api/\u2028users\r", "api/\\u2028users\\u000D")]
    [InlineData("api/{lone}users", "api/\\uD800users")]
    [InlineData("api/\u202Esresu\u2066x\u2069", "api/\\u202Esresu\\u2066x\\u2069")]
    [InlineData("api/\u0090users\u200F", "api/\\u0090users\\u200F")]
    public void A_message_shows_line_breaks_and_control_characters_of_a_path_escaped(string written, string shown)
    {
        // A lone surrogate does not survive the test case's own serialization, so it is put in here.
        var path = written.Replace("{lone}", "\ud800", StringComparison.Ordinal);
        var test = Flow(f => f.Get(path));

        var diagnostics = Validate(test);

        // Each message is one line of build output; the request's description carries the path as the user wrote it.
        Assert.NotEmpty(diagnostics);
        Assert.All(diagnostics, d => Assert.DoesNotContain(d.Message, c => c is '\n' or '\r' or '\u2028' or '\u202E' or '\u2066' or '\u0090' || char.IsSurrogate(c)));
        Assert.Contains(diagnostics, d => d.Message.Contains("GET " + shown, StringComparison.Ordinal));
    }

    [Fact]
    public void Same_environment_variable_with_two_defaults_is_an_error_where_the_second_appears()
    {
        var line = 0;
        var test = Flow(f => f.Get("/api/health", r => r.Header("X-Target", Value.Env("API_URL", "http://staging.example.test"))).At(out line));

        var diagnostic = AssertReported(Validate(test), DiagnosticCatalog.ConflictingEnvironmentDefault, "scenarios.signin.flow[0]", line);

        Assert.Equal("Environment variable 'API_URL' has default 'http://localhost:4000' in one place and 'http://staging.example.test' in another; use one default", diagnostic.Message);
    }

    [Fact]
    public void Same_default_with_and_without_a_trailing_slash_is_one_default() =>
        AssertClean(Validate(Flow(f => f.Get("/api/health", r => r.Header("X-Target", Value.Env("API_URL", "http://localhost:4000/"))))));

    [Fact]
    public void Environment_variable_name_must_be_settable_with_dash_e()
    {
        var line = 0;
        var test = Flow(f => f.Get("/api/health", r => r.Header("X-Tenant", Value.Env("tenant-id", "evospin"))).At(out line));

        AssertReported(Validate(test), DiagnosticCatalog.InvalidName, "scenarios.signin.flow[0]", line);
    }

    [Fact]
    public void Request_timeout_and_redirects_must_be_usable()
    {
        var test = Flow(f => f.Get("/api/health", r => r.Timeout(TimeSpan.Zero).Redirects(-1)));

        var diagnostics = Validate(test);

        Assert.Equal("scenarios.signin.flow[0].timeout", Single(diagnostics, DiagnosticCatalog.InvalidDuration).Path);
        Assert.Equal("scenarios.signin.flow[0].redirects", Single(diagnostics, DiagnosticCatalog.InvalidSettingValue).Path);
    }

    [Fact]
    public void Nested_steps_have_nested_paths_and_their_own_lines()
    {
        var line = 0;
        var test = Flow(f => f
            .Group("bets", g => g
                .When(Condition.Chance(0.3), then => then
                    .Get("/api/bets/{id}").At(out line))));

        AssertReported(Validate(test), DiagnosticCatalog.PathParameterNotFilled, "scenarios.signin.flow[0].steps[0].then[0]", line);
    }
}
