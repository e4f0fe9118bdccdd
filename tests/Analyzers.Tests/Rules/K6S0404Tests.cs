using System.Threading.Tasks;
using K6Scenarios.Analyzers.Tests.Verification;

namespace K6Scenarios.Analyzers.Tests.Rules;

/// <summary>K6S0404: a group name k6 rejects.</summary>
public sealed class K6S0404Tests
{
    [Fact]
    public async Task Group_name_with_the_separator_is_reported()
    {
        await Verify.AnalyzerAsync(
            Code.Wrap("""
                public static void Flow(FlowBuilder f) => f.Group({|#0:"a::b"|}, g => g.Get("/a"));
            """),
            Verify.Diagnostic("K6S0404").WithLocation(0).WithArguments("Group", "a::b"));
    }

    [Fact]
    public async Task Plain_group_names_are_not_reported()
    {
        await Verify.AnalyzerAsync(Code.Wrap("""
                public static void Flow(FlowBuilder f) => f.Group("log in: step 1", g => g.Get("/a"));
            """));
    }
}
