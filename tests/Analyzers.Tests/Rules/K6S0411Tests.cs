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

    [Theory]
    [InlineData("\\n", "\\u000A")]
    [InlineData("\\u202E", "\\u202E")]
    public async Task A_line_break_or_a_right_to_left_override_in_the_path_is_shown_escaped_in_every_argument(string written, string shown)
    {
        // The request's description carries the path too: the message stays one line of build output, and a raw U+202E
        // would show the rest of that line reversed in a terminal or an IDE. The character is written as a C# escape.
        await Verify.AnalyzerAsync(
            Code.Wrap("    public static void Flow(FlowBuilder f) => f.Get({|#0:\"api/" + written + "a\"|});"),
            Verify.Diagnostic("K6S0411").WithLocation(0).WithArguments("GET api/" + shown + "a", "api/" + shown + "a"));
    }

    [Fact]
    public async Task Paths_starting_with_a_slash_and_computed_paths_are_not_reported()
    {
        await Verify.AnalyzerAsync(Code.Wrap("""
                public static void Flow(FlowBuilder f, string path) => f.Get("/api/a").Get(path);
            """));
    }
}
