using System;
using System.Linq;
using System.Threading.Tasks;
using K6Scenarios.Analyzers.Tests.Verification;

namespace K6Scenarios.Analyzers.Tests.Rules;

public sealed class BodyTests
{
    [Fact]
    public async Task Login_sending_email_where_the_api_wants_username_is_reported()
    {
        // Seed 003: the login body's field name did not match, so every login failed and later calls got 401.
        var reported = await AnalyzerTest.For(Code.Wrap("""
                public static void Flow(FlowBuilder f) => f
                    .Post("/api/auth/login", r => r.JsonBody({|K6S0506:new { {|K6S0505:email = Users.Field("email")|}, password = Users.Field("password") }|}).ExpectStatus(200));
            """)).WithOpenApi(Documents.Api).VerifyAsync();

        Assert.Contains("does not send required body property 'username'", reported.Single(d => d.Id == "K6S0506").Message, StringComparison.Ordinal);
        Assert.Contains("it defines 'password', 'username'", reported.Single(d => d.Id == "K6S0505").Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Matching_bodies_of_every_readable_shape_are_not_reported()
    {
        await AnalyzerTest.For(Code.Wrap("""
                public sealed class Login
                {
                    public string username { get; set; } = "";
                    public Value password { get; set; } = Value.Secret("P");
                }

                public static void Flow(FlowBuilder f, Login login) => f
                    .Post("/api/auth/login", r => r.JsonBody(new { username = Users.Field("email"), password = Users.Field("password") }))
                    .Post("/api/auth/login", r => r.JsonBody(new Dictionary<string, object> { ["username"] = "u", ["password"] = Value.Secret("P") }))
                    .Post("/api/auth/login", r => r.JsonBody(new Dictionary<string, object> { { "username", "u" }, { "password", Value.Secret("P") } }))
                    .Post("/api/auth/login", r => r.JsonBody(new Login { username = "u" }))
                    .Post("/api/auth/login", r => r.JsonBody(login));
            """)).WithOpenApi(Documents.Api).VerifyAsync();
    }

    [Fact]
    public async Task Class_properties_are_sent_with_their_csharp_names()
    {
        var reported = await AnalyzerTest.For(Code.Wrap("""
                public sealed class Login
                {
                    public string Username { get; set; } = "";
                    public string? Password { get; set; }
                }

                public static void Flow(FlowBuilder f) => f.Post("/api/auth/login", r => r.JsonBody({|K6S0506:{|K6S0506:{|K6S0505:{|K6S0505:new Login()|}|}|}|}));
            """)).WithOpenApi(Documents.Api).VerifyAsync();

        Assert.Contains(reported, d => d.Message.Contains("'Username'", System.StringComparison.Ordinal) && d.Message.Contains("did you mean 'username'?", System.StringComparison.Ordinal));
    }

    [Fact]
    public async Task Dictionary_with_unknown_key_is_reported_and_one_filled_elsewhere_is_not()
    {
        await AnalyzerTest.For(Code.Wrap("""
                public static void Flow(FlowBuilder f, Dictionary<string, object> filled) => f
                    .Post("/api/auth/login", r => r.JsonBody(new Dictionary<string, object> { {|K6S0505:{ "usernme", "u" }|}, { "username", "u" }, { "password", Value.Secret("P") } }))
                    .Post("/api/auth/login", r => r.JsonBody(filled))
                    .Post("/api/auth/login", r => r.JsonBody(new Dictionary<string, object>()));
            """)).WithOpenApi(Documents.Api).VerifyAsync();
    }

    [Fact]
    public async Task Composite_schemas_and_object_typed_bodies_are_not_checked()
    {
        await AnalyzerTest.For(Code.Wrap("""
                public static void Flow(FlowBuilder f, object body) => f
                    .Post("/api/groups", r => r.BearerToken(Token).JsonBody(new { whatever = 1 }))
                    .Post("/api/auth/login", r => r.JsonBody(body));
            """)).WithOpenApi(Documents.Api).VerifyAsync();
    }
}
