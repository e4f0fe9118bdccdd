using System.Threading.Tasks;
using K6Scenarios.Analyzers.Tests.Verification;

namespace K6Scenarios.Analyzers.Tests.Rules;

/// <summary>K6S0505: a body property the request schema does not define.</summary>
public sealed class K6S0505Tests
{
    [Fact]
    public async Task Login_sending_email_where_the_api_wants_username_is_reported()
    {
        // Seed 003: the login body's field name did not match, so every login failed and later calls got 401.
        await Verify.AnalyzerWithOpenApiAsync(
            Code.Wrap("""
                public static void Flow(FlowBuilder f) => f
                    .Post("/api/auth/login", r => r.JsonBody({|#0:new { {|#1:email = Users.Field("email")|}, password = Users.Field("password") }|}).ExpectStatus(200));
            """),
            Documents.Api,
            Verify.Diagnostic("K6S0506").WithLocation(0).WithArguments("POST /api/auth/login", "username"),
            Verify.Diagnostic("K6S0505").WithLocation(1).WithArguments("POST /api/auth/login", "email", "; it defines 'password', 'username'"));
    }

    [Fact]
    public async Task Anonymous_members_named_by_their_value_are_read_by_the_name_the_compiler_infers()
    {
        // new { email } and new { login.username } name their members after the local and the property; @password is
        // the member "password".
        await Verify.AnalyzerWithOpenApiAsync(
            Code.Wrap("""
                public sealed class Login
                {
                    public Value username { get; set; } = Users.Field("email");
                }

                public static void Flow(FlowBuilder f, Login login)
                {
                    var email = Users.Field("email");
                    var @password = Value.Secret("P");
                    f.Post("/api/auth/login", r => r.JsonBody({|#0:new { {|#1:email|}, @password }|}))
                        .Post("/api/auth/login", r => r.JsonBody(new { login.username, @password }));
                }
            """),
            Documents.Api,
            Verify.Diagnostic("K6S0506").WithLocation(0).WithArguments("POST /api/auth/login", "username"),
            Verify.Diagnostic("K6S0505").WithLocation(1).WithArguments("POST /api/auth/login", "email", "; it defines 'password', 'username'"));
    }

    [Fact]
    public async Task Dictionary_with_unknown_key_is_reported_and_one_filled_elsewhere_is_not()
    {
        await Verify.AnalyzerWithOpenApiAsync(
            Code.Wrap("""
                public static void Flow(FlowBuilder f, Dictionary<string, object> filled) => f
                    .Post("/api/auth/login", r => r.JsonBody(new Dictionary<string, object> { {|#0:{ "usernme", "u" }|}, { "username", "u" }, { "password", Value.Secret("P") } }))
                    .Post("/api/auth/login", r => r.JsonBody(filled))
                    .Post("/api/auth/login", r => r.JsonBody(new Dictionary<string, object>()));
            """),
            Documents.Api,
            Verify.Diagnostic("K6S0505").WithLocation(0).WithArguments("POST /api/auth/login", "usernme", "; it defines 'password', 'username'"));
    }

    [Fact]
    public async Task Matching_bodies_of_every_readable_shape_are_not_reported()
    {
        await Verify.AnalyzerWithOpenApiAsync(
            Code.Wrap("""
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
            """),
            Documents.Api);
    }

    [Fact]
    public async Task Composite_schemas_and_object_typed_bodies_are_not_checked()
    {
        await Verify.AnalyzerWithOpenApiAsync(
            Code.Wrap("""
                public static void Flow(FlowBuilder f, object body) => f
                    .Post("/api/groups", r => r.BearerToken(Token).JsonBody(new { whatever = 1 }))
                    .Post("/api/auth/login", r => r.JsonBody(body));
            """),
            Documents.Api);
    }
}
