using System;
using System.Linq;
using K6Scenarios.Emitter.OpenApi;
using K6Scenarios.Diagnostics;
using K6Scenarios.Model;

namespace K6Scenarios.Emitter.Tests.OpenApi;

/// <summary>The analyzers' OpenAPI rules applied to the built model at emit time (computed values included).</summary>
public class OpenApiConformanceTests
{
    private const string Document = """
        openapi: 3.0.3
        info: { title: Sample, version: "1" }
        servers:
          - url: http://localhost:8000/api
        security:
          - bearer: []
        paths:
          /auth/signin:
            post:
              security: []
              requestBody:
                required: true
                content:
                  application/json:
                    schema:
                      type: object
                      required: [username, password]
                      properties:
                        username: { type: string }
                        password: { type: string }
              responses:
                "201":
                  description: Signed in
                  content:
                    application/json:
                      schema:
                        type: object
                        properties:
                          accessToken: { type: string }
                "401": { description: Bad credentials }
          /groups:
            get:
              responses:
                "200": { description: The groups }
          /groups/{id}:
            get:
              parameters:
                - { name: id, in: path, required: true, schema: { type: integer } }
              responses:
                "200": { description: A group }
        components:
          securitySchemes:
            bearer: { type: http, scheme: bearer }
        """;

    private static readonly Variable Token = new("token");

    private static OpenApiSource Source(string? variable = null) => OpenApiSource.Parse(Document, "/repo/openapi.yaml", variable);

    /// <summary>The OpenAPI findings (K6S05xx) emitting the load test reports against the documents.</summary>
    private static ModelDiagnostic[] Check(LoadTest test, OpenApiSource[] sources) =>
        new K6ScriptEmitter(new EmitterOptions { OpenApiDocuments = sources, DryRun = false }).Emit(test).Diagnostics
            .Where(d => d.Id.StartsWith("K6S05", StringComparison.Ordinal)).ToArray();

    private static LoadTest Test(Action<FlowBuilder> flow, string baseVariable = "API_URL") => LoadTest.Create("openapi")
        .BaseUrl(baseVariable, "http://localhost:8000/api")
        .Scenario("main", s => s.ConstantVus(1, TimeSpan.FromSeconds(5)).Flow(f => { flow(f); f.ThinkTime(TimeSpan.FromSeconds(1)); }))
        .Build();

    private static void SignIn(FlowBuilder f, int status = 201, object? body = null) => f.Post("/auth/signin", r => r
        .JsonBody(body ?? new { username = "u", password = Value.Secret("PASSWORD") })
        .ExpectStatus(status)
        .Capture(Token, CaptureSource.Json("accessToken")));

    [Fact]
    public void A_correct_flow_has_no_diagnostics() =>
        Assert.Empty(Check(Test(f => { SignIn(f); f.Get("/groups/{id}", r => r.PathParameter("id", 7).BearerToken(Token).ExpectStatus(200)); }), [Source()]));

    [Fact]
    public void Expecting_200_from_a_sign_in_that_answers_201_is_reported_at_the_request()
    {
        var diagnostic = Assert.Single(Check(Test(f => SignIn(f, status: 200)), [Source()]));
        Assert.Equal("K6S0502", diagnostic.Id);
        Assert.Contains("expects status 200, but the API documents 201, 401", diagnostic.Message, StringComparison.Ordinal);
        Assert.Equal("scenarios.main.flow[0]", diagnostic.Path);
        Assert.EndsWith("OpenApiConformanceTests.cs", diagnostic.Location!.FilePath, StringComparison.Ordinal);
    }

    [Fact]
    public void A_mistyped_login_field_is_reported_with_the_missing_required_one()
    {
        var diagnostics = Check(Test(f => SignIn(f, body: new { email = "u", password = "p" })), [Source()]);
        Assert.Equal(["K6S0505", "K6S0506"], diagnostics.Select(d => d.Id).ToArray());
        Assert.Contains("'email'", diagnostics[0].Message, StringComparison.Ordinal);
        Assert.Contains("'username'", diagnostics[1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_paths_suggest_the_closest_template() =>
        Assert.Contains("did you mean '/groups'", Assert.Single(Check(Test(f => f.Get("/group", r => r.BearerToken("x"))), [Source()]), d => d.Id == "K6S0503").Message, StringComparison.Ordinal);

    [Fact]
    public void Undocumented_methods_name_the_documented_ones() =>
        Assert.Contains("documents GET", Assert.Single(Check(Test(f => f.Delete("/groups", r => r.BearerToken("x"))), [Source()]), d => d.Id == "K6S0504").Message, StringComparison.Ordinal);

    [Fact]
    public void A_secured_call_without_token_is_reported_but_not_after_a_capture_and_header()
    {
        var withoutToken = Check(Test(f => f.Get("/groups", r => r.ExpectStatus(200))), [Source()]);
        Assert.Equal("K6S0507", Assert.Single(withoutToken).Id);
        Assert.Empty(Check(Test(f => { SignIn(f); f.Get("/groups", r => r.BearerToken(Token).ExpectStatus(200)); }), [Source()]));
    }

    [Fact]
    public void Documents_apply_to_their_base_url_only()
    {
        var test = Test(f => SignIn(f, status: 200), baseVariable: "OTHER_URL");
        Assert.Empty(Check(test, [Source("API_URL")]));
        Assert.Single(Check(test, [Source("OTHER_URL")]));
    }

    [Fact]
    public void A_malformed_document_is_one_diagnostic_in_that_file_and_blocks_nothing_else()
    {
        var broken = OpenApiSource.Parse("openapi: 3.0.3\npaths:\n  /x:\n\tget: {}\n", "/repo/broken.yaml");
        Assert.Equal("K6S0501", broken.Problem!.Id);
        Assert.Equal("/repo/broken.yaml", broken.Problem.Location!.FilePath);
        var result = new K6ScriptEmitter(new EmitterOptions { DryRun = false, OpenApiDocuments = [broken] }).Emit(Test(f => SignIn(f, status: 200)));
        Assert.True(result.Succeeded);
        Assert.Empty(result.Diagnostics);
    }

    [Fact]
    public void A_capture_of_a_field_the_documented_response_lacks_fails_before_anything_is_written()
    {
        var test = Test(f => f.Post("/auth/signin", r => r
            .JsonBody(new { username = "u", password = Value.Secret("PASSWORD") })
            .ExpectStatus(201)
            .Capture(Token, CaptureSource.Json("token"))));
        var result = new K6ScriptEmitter(new EmitterOptions { OpenApiDocuments = [Source()] }).Emit(test);
        Assert.False(result.Succeeded);
        Assert.Null(result.Output);
        var diagnostic = Assert.Single(result.Diagnostics, d => d.Id == "K6S0901");
        Assert.Contains("no body field token to capture into token", diagnostic.Message, StringComparison.Ordinal);
        Assert.Equal("scenarios.main.flow[0]", diagnostic.Path);
    }
}
