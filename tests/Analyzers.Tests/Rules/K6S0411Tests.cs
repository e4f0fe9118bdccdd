using System.Threading.Tasks;
using K6Scenarios.Analyzers.Tests.Verification;

namespace K6Scenarios.Analyzers.Tests.Rules;

/// <summary>K6S0411: a request path that does not start with '/'.</summary>
public sealed class K6S0411Tests
{
    [Fact]
    public async Task Relative_path_without_a_leading_slash_is_reported()
    {
        await Verify.AnalyzerAsync(
            Code.Wrap("""
                public static void Flow(FlowBuilder f) => f.Get({|#0:"api/a"|});
            """),
            Verify.Diagnostic("K6S0411").WithLocation(0).WithArguments("GET api/a", "api/a"));
    }

    [Fact]
    public async Task A_line_break_in_the_path_is_shown_escaped_in_every_argument()
    {
        // The request's description carries the path too: the message stays one line of build output.
        await Verify.AnalyzerAsync(
            Code.Wrap("""
                public static void Flow(FlowBuilder f) => f.Get({|#0:"api/\na"|});
            """),
            Verify.Diagnostic("K6S0411").WithLocation(0).WithArguments("GET api/\\u000Aa", "api/\\u000Aa"));
    }

    [Fact]
    public async Task A_right_to_left_override_in_the_path_is_shown_escaped()
    {
        // Written raw, U+202E would show the rest of the message's line reversed in a terminal or an IDE.
        await Verify.AnalyzerAsync(
            Code.Wrap("""
                public static void Flow(FlowBuilder f) => f.Get({|#0:"api/\u202Eb"|});
            """),
            Verify.Diagnostic("K6S0411").WithLocation(0).WithArguments("GET api/\\u202Eb", "api/\\u202Eb"));
    }

    [Fact]
    public async Task Paths_starting_with_a_slash_and_computed_paths_are_not_reported()
    {
        await Verify.AnalyzerAsync(Code.Wrap("""
                public static void Flow(FlowBuilder f, string path) => f.Get("/api/a").Get(path);
            """));
    }
}
