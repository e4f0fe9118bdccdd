using System.Threading.Tasks;
using K6Scenarios.Analyzers.Tests.Verification;

namespace K6Scenarios.Analyzers.Tests.Rules;

/// <summary>K6S0405: a secret written as a literal, which would land in the script.</summary>
public sealed class K6S0405Tests
{
    [Fact]
    public async Task Secrets_written_as_literals_are_reported()
    {
        await Verify.AnalyzerAsync(
            Code.Wrap("""
                static readonly UserPool Literal = UserPool.Generate("literal", 10, ("email", "user{n}@example.test"), ("password", {|#0:"hunter2"|}));

                public static void Flow(FlowBuilder f) => f
                    .Get("/a", r => r.Header("Authorization", {|#1:"Bearer eyJhbGciOiJIUzI1NiJ9.e30.x"|}))
                    .Get("/a", r => r.BearerToken({|#2:"eyJhbGciOiJIUzI1NiJ9.e30.x"|}))
                    .Get("/a", r => r.Header("x-api-key", {|#3:"k-123"|}).Query("api_key", {|#6:"k-456"|}))
                    .Post("/login", r => r.JsonBody(new { username = "u", password = {|#4:"Passw0rd!"|}, apiKey = {|#5:"k"|} }));
            """),
            Verify.Diagnostic("K6S0405").WithLocation(0).WithArguments("Pool 'literal' field 'password'"),
            Verify.Diagnostic("K6S0405").WithLocation(1).WithArguments("GET /a header 'Authorization'"),
            Verify.Diagnostic("K6S0405").WithLocation(2).WithArguments("GET /a header 'Authorization'"),
            Verify.Diagnostic("K6S0405").WithLocation(3).WithArguments("GET /a header 'x-api-key'"),
            Verify.Diagnostic("K6S0405").WithLocation(4).WithArguments("POST /login body field 'password'"),
            Verify.Diagnostic("K6S0405").WithLocation(5).WithArguments("POST /login body field 'apiKey'"),
            Verify.Diagnostic("K6S0405").WithLocation(6).WithArguments("GET /a query parameter 'api_key'"));
    }

    [Fact]
    public async Task Secrets_from_variables_and_the_environment_and_plain_headers_are_not_reported()
    {
        await Verify.AnalyzerAsync(Code.Wrap("""
                public static void Flow(FlowBuilder f) => f
                    .Get("/a", r => r.Header("Authorization", "Bearer " + Token).Header("Accept", "application/json"))
                    .Get("/a", r => r.BearerToken(Token))
                    .Post("/login", r => r.JsonBody(new { username = "u", password = Value.Secret("PASSWORD") }))
                    .Post("/login", r => r.JsonBody(new { username = Users.Field("email"), password = Users.Field("password") }));
            """));
    }
}
