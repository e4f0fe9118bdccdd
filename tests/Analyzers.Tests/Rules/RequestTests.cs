using System.Threading.Tasks;
using K6Scenarios.Analyzers.Tests.Verification;

namespace K6Scenarios.Analyzers.Tests.Rules;

public sealed class RequestTests
{
    [Fact]
    public async Task Secrets_written_as_literals_are_reported()
    {
        await AnalyzerTest.For(Code.Wrap("""
                static readonly UserPool Literal = UserPool.Generate("literal", 10, ("email", "user{n}@example.test"), ("password", {|K6S0405:"hunter2"|}));

                public static void Flow(FlowBuilder f) => f
                    .Get("/a", r => r.Header("Authorization", {|K6S0405:"Bearer eyJhbGciOiJIUzI1NiJ9.e30.x"|}))
                    .Get("/a", r => r.BearerToken({|K6S0405:"eyJhbGciOiJIUzI1NiJ9.e30.x"|}))
                    .Get("/a", r => r.Header("x-api-key", {|K6S0405:"k-123"|}))
                    .Post("/login", r => r.JsonBody(new { username = "u", password = {|K6S0405:"Passw0rd!"|}, apiKey = {|K6S0405:"k"|} }))
                    .Get("/a", r => r.Header("Authorization", "Bearer " + Token).Header("Accept", "application/json"))
                    .Post("/login", r => r.JsonBody(new { username = "u", password = Value.Secret("PASSWORD") }));
            """)).VerifyAsync();
    }

    [Fact]
    public async Task Requests_and_steps_that_k6_cannot_send_are_reported()
    {
        await AnalyzerTest.For(Code.Wrap("""
                public static void Flow(FlowBuilder f) => f
                    .Get("/a", r => r.{|K6S0403:JsonBody|}(new { a = 1 }))
                    .Group({|K6S0404:"a::b"|}, g => g.Get("/a"))
                    .Get("/a", r => r.ExpectStatus({|K6S0406:2000|}))
                    .{|K6S0407:ThinkTime|}(TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(1))
                    .Get("/a", r => r.Header({|K6S0409:"Bad Header"|}, "x"))
                    .Get({|K6S0411:"api/a"|})
                    .Post("/a", r => r.JsonBody(new { a = 1 }).ExpectStatus(201))
                    .ThinkTime(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(3));
            """)).VerifyAsync();
    }
}
