using System.Threading.Tasks;
using K6Scenarios.Analyzers.Tests.Verification;

namespace K6Scenarios.Analyzers.Tests.Rules;

/// <summary>K6S0407: think time bounds that are negative or in the wrong order.</summary>
public sealed class K6S0407Tests
{
    [Fact]
    public async Task Think_time_with_the_maximum_first_is_reported()
    {
        await Verify.AnalyzerAsync(
            Code.Wrap("""
                public static void Flow(FlowBuilder f) => f.Get("/a").{|#0:ThinkTime|}(TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(1));
            """),
            Verify.Diagnostic("K6S0407").WithLocation(0).WithArguments("Think time", "3s", "1s"));
    }

    [Fact]
    public async Task Think_time_with_the_minimum_first_is_not_reported()
    {
        await Verify.AnalyzerAsync(Code.Wrap("""
                public static void Flow(FlowBuilder f) => f.Get("/a").ThinkTime(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(3)).ThinkTime(TimeSpan.FromSeconds(2));
            """));
    }
}
