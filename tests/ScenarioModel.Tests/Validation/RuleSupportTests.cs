using System.Linq;
using K6Scenarios.Rules;

namespace K6Scenarios.Model.Tests.Validation;

/// <summary>The small parsers the rules share, held to the definitions the emitter and the messages rely on.</summary>
public class RuleSupportTests
{
    [Theory]
    [InlineData("/groups/{id}", new[] { "id" })]
    [InlineData("/groups/{groupId}/members/{memberId}", new[] { "groupId", "memberId" })]
    [InlineData("/a/{x}/b/{x}", new[] { "x" })]
    [InlineData("/{a}{b}", new[] { "a", "b" })]
    [InlineData("/plain/path", new string[0])]
    [InlineData("/{}", new string[0])]
    [InlineData("/{a/b}", new string[0])]
    [InlineData("/{{a}}", new[] { "a" })]
    [InlineData("/{a{b}", new[] { "b" })]
    [InlineData("/{ spaced name }", new[] { " spaced name " })]
    [InlineData("/{unclosed", new string[0])]
    [InlineData("/}{x}", new[] { "x" })]
    [InlineData("{", new string[0])]
    public void Placeholders_are_the_names_the_emitter_fills_each_once_in_order(string path, string[] expected)
    {
        Assert.Equal(expected, PathTemplates.Placeholders(path));

        // The emitter fills what PathTemplates.Matches finds: the two must agree on every path.
        var fromMatches = PathTemplates.Matches(path).Select(m => m.Groups[1].Value).Distinct().ToArray();
        Assert.Equal(fromMatches, PathTemplates.Placeholders(path));
    }

    [Theory]
    [InlineData("Authorization", true)]
    [InlineData("X-Api-Key", true)]
    [InlineData("x-session-id", true)]
    [InlineData("Proxy-Authorization", true)]
    [InlineData("Content-Type", false)]
    [InlineData("accept", false)]
    public void Credential_headers_are_told_by_their_letters_whatever_the_case_and_separators(string name, bool expected) =>
        Assert.Equal(expected, Credentials.IsCredentialHeader(name));

    [Theory]
    [InlineData("password", true)]
    [InlineData("Pass_Word", true)]
    [InlineData("refreshToken", true)]
    [InlineData("api-key", true)]
    [InlineData("PWD", true)]
    [InlineData("email", false)]
    [InlineData("tokenizer", false)]
    public void Secret_field_names_are_told_by_their_letters_whatever_the_case_and_separators(string name, bool expected) =>
        Assert.Equal(expected, Credentials.IsSecretName(name));
}
