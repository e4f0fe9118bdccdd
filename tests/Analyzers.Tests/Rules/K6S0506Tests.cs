using System.Threading.Tasks;
using K6Scenarios.Analyzers.Tests.Verification;

namespace K6Scenarios.Analyzers.Tests.Rules;

/// <summary>K6S0506: a body that leaves out a property the request schema requires.</summary>
public sealed class K6S0506Tests
{
    [Fact]
    public async Task Class_properties_are_sent_with_their_csharp_names()
    {
        await Verify.AnalyzerWithOpenApiAsync(
            Code.Wrap("""
                public sealed class Login
                {
                    public string Username { get; set; } = "";
                    public string? Password { get; set; }
                }

                public static void Flow(FlowBuilder f) => f.Post("/api/auth/login", r => r.JsonBody({|#0:new Login()|}));
            """),
            Documents.Api,
            Verify.Diagnostic("K6S0505").WithLocation(0).WithArguments("POST /api/auth/login", "Username", "; did you mean 'username'?"),
            Verify.Diagnostic("K6S0505").WithLocation(0).WithArguments("POST /api/auth/login", "Password", "; did you mean 'password'?"),
            Verify.Diagnostic("K6S0506").WithLocation(0).WithArguments("POST /api/auth/login", "username"),
            Verify.Diagnostic("K6S0506").WithLocation(0).WithArguments("POST /api/auth/login", "password"));
    }

    [Fact]
    public async Task Missing_required_property_of_an_anonymous_body_is_reported()
    {
        await Verify.AnalyzerWithOpenApiAsync(
            Code.Wrap("""
                public static void Flow(FlowBuilder f) => f.Post("/api/auth/signin", r => r.JsonBody({|#0:new { email = Users.Field("email") }|}).ExpectStatus(201));
            """),
            Documents.Api,
            Verify.Diagnostic("K6S0506").WithLocation(0).WithArguments("POST /api/auth/signin", "password"));
    }

    [Fact]
    public async Task Bodies_with_every_required_property_are_not_reported()
    {
        await Verify.AnalyzerWithOpenApiAsync(
            Code.Wrap("""
                public static void Flow(FlowBuilder f) => f
                    .Post("/api/auth/signin", r => r.JsonBody(new { email = Users.Field("email"), password = Users.Field("password") }).ExpectStatus(201))
                    .Post("/api/auth/login", r => r.JsonBody(new Dictionary<string, object> { ["username"] = "u", ["password"] = Value.Secret("P") }));
            """),
            Documents.Api);
    }
}
