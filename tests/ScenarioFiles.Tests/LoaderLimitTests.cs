using System;
using System.IO;
using System.Linq;
using System.Text;
using K6Scenarios.Diagnostics;

namespace K6Scenarios.ScenarioFiles.Tests;

/// <summary>Files no person writes but an attacker or an accident can: each is a diagnostic with an ID, quickly, never an exception.</summary>
public sealed class LoaderLimitTests
{
    private const string File = "/work/limits.k6s.yaml";

    [Fact]
    public void Billion_laughs_alias_bomb_is_refused_without_expanding_it()
    {
        var yaml = new StringBuilder("a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (var i = 1; i <= 9; i++)
        {
            yaml.Append('a').Append(i).Append(": &a").Append(i).Append(" [")
                .Append(string.Join(", ", Enumerable.Repeat("*a" + (i - 1), 10))).Append("]\n");
        }

        yaml.Append("loadTests: *a9\n");

        var result = ScenarioFileLoader.Parse(yaml.ToString(), File);

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal(DiagnosticCatalog.ScenarioFileExpansionLimit.Id, diagnostic.Id);
        Assert.Equal(5, diagnostic.Location!.Line);
        Assert.Empty(result.LoadTests);
    }

    [Fact]
    public void Deep_nesting_is_refused_before_any_recursion()
    {
        var depth = 100_000;
        var yaml = "loadTests: " + new string('[', depth) + new string(']', depth) + "\n";

        var result = ScenarioFileLoader.Parse(yaml, File);

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal(DiagnosticCatalog.ScenarioFileExpansionLimit.Id, diagnostic.Id);
        Assert.Equal((1, 11 + 64), (diagnostic.Location!.Line, diagnostic.Location.Column!.Value));
    }

    [Fact]
    public void Ten_megabyte_file_is_refused_unread()
    {
        var path = Path.Combine(Path.GetTempPath(), "k6s-" + Guid.NewGuid().ToString("N") + ".k6s.yaml");
        try
        {
            using (var stream = System.IO.File.Create(path))
            {
                stream.SetLength(10 * 1024 * 1024);
            }

            var result = ScenarioFileLoader.Load(path);

            var diagnostic = Assert.Single(result.Diagnostics);
            Assert.Equal(DiagnosticCatalog.ScenarioFileTooLarge.Id, diagnostic.Id);
            Assert.Equal(path, diagnostic.Location!.FilePath);
            Assert.Contains("10485760 bytes", diagnostic.Message, StringComparison.Ordinal);
        }
        finally
        {
            System.IO.File.Delete(path);
        }
    }

    [Fact]
    public void Ten_megabyte_text_is_refused_too()
    {
        var result = ScenarioFileLoader.Parse("# " + new string('x', 10 * 1024 * 1024), File);

        Assert.Equal(DiagnosticCatalog.ScenarioFileTooLarge.Id, Assert.Single(result.Diagnostics).Id);
    }

    [Fact]
    public void Missing_file_is_a_diagnostic()
    {
        var result = ScenarioFileLoader.Load(Path.Combine(Path.GetTempPath(), "no-such-" + Guid.NewGuid().ToString("N") + ".k6s.yaml"));

        Assert.Equal(DiagnosticCatalog.ScenarioFileUnreadable.Id, Assert.Single(result.Diagnostics).Id);
    }

    [Theory]
    [InlineData("")]
    [InlineData("# only a comment\n")]
    [InlineData("~\n")]
    public void Empty_file_says_what_it_needs(string yaml)
    {
        var result = ScenarioFileLoader.Parse(yaml, File);

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal(DiagnosticCatalog.ScenarioFileMissingKey.Id, diagnostic.Id);
        Assert.Contains("loadTests", diagnostic.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[1, 2]\n")]
    [InlineData("just text\n")]
    [InlineData("loadTests:\n  - *nothing\n")]
    [InlineData("? [a, b]\n: c\n")]
    [InlineData("loadTests: !!binary AAAA\n")]
    [InlineData("\u0000\u0001\u0002")]
    [InlineData("loadTests: &a [*a]\n")]
    public void Odd_documents_are_diagnostics_not_exceptions(string yaml)
    {
        var result = ScenarioFileLoader.Parse(yaml, File);

        Assert.NotEmpty(result.Diagnostics);
        Assert.All(result.Diagnostics, d => Assert.StartsWith("K6S10", d.Id, StringComparison.Ordinal));
        Assert.Empty(result.LoadTests);
    }
}
