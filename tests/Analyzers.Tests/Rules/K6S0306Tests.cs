using System.Threading.Tasks;
using K6Scenarios.Analyzers.Tests.Verification;

namespace K6Scenarios.Analyzers.Tests.Rules;

/// <summary>K6S0306: a pool name that k6 or the file system cannot use.</summary>
public sealed class K6S0306Tests
{
    [Fact]
    public async Task Pool_names_starting_with_a_digit_or_holding_spaces_or_dots_are_reported()
    {
        await Verify.AnalyzerAsync(
            Code.Wrap("""
                static readonly UserPool Digit = UserPool.Generate({|#0:"1users"|}, 10, ("email", "user{n}@example.test"));
                static readonly UserPool Spaced = UserPool.FromJsonFile({|#1:"bad name"|}, "data/users.json", ["email"]);
                static readonly UserPool Dotted = UserPool.FromCsvFile({|#2:"users.csv"|}, "data/users.csv", ["email"]);
            """),
            Verify.Diagnostic("K6S0306").WithLocation(0).WithArguments("1users"),
            Verify.Diagnostic("K6S0306").WithLocation(1).WithArguments("bad name"),
            Verify.Diagnostic("K6S0306").WithLocation(2).WithArguments("users.csv"));
    }

    [Fact]
    public async Task Letters_digits_underscores_dashes_and_computed_names_are_not_reported()
    {
        await Verify.AnalyzerAsync(Code.Wrap("""
                static readonly UserPool Plain = UserPool.Generate("users", 10, ("email", "user{n}@example.test"));
                static readonly UserPool Mixed = UserPool.FromJsonFile("Users_2-b", "data/users.json", ["email"]);
                static UserPool Computed(string name) => UserPool.FromCsvFile(name, "data/users.csv", ["email"]);
            """));
    }
}
