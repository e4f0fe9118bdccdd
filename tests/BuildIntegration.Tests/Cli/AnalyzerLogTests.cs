using System;
using System.IO;
using K6Scenarios.Cli;
using K6Scenarios.Diagnostics;

namespace BuildIntegration.Tests.Cli;

/// <summary>The emit step reads what the analyzers reported from the compiler's SARIF log, and never fails on it.</summary>
public sealed class AnalyzerLogTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "k6scenarios-sarif-" + Guid.NewGuid().ToString("N"));

    public AnalyzerLogTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static ModelDiagnostic Finding(string file) =>
        new(DiagnosticCatalog.InvalidScenarioName, "scenarios.sign in", new SourceLocation(file, 9), "sign in");

    [Fact]
    public void A_finding_in_a_sarif_2_1_log_is_recognised_by_rule_file_and_message()
    {
        var source = Path.Combine(_folder, "LoadTests.cs");
        var diagnostic = Finding(source);
        var log = Write("v2.sarif", $$"""
            { "version": "2.1.0", "runs": [ { "results": [
              { "ruleId": "K6S0101", "message": { "text": {{Json(diagnostic.Message)}} },
                "locations": [ { "physicalLocation": { "artifactLocation": { "uri": {{Json(new Uri(source).AbsoluteUri)}} }, "region": { "startLine": 9 } } } ] },
              { "ruleId": "CS0168", "message": { "text": "unused" }, "locations": [] } ] } ] }
            """);

        var read = AnalyzerLog.Read(log);

        Assert.Equal(1, read.Count);
        Assert.True(read.Reported(diagnostic, source));
        Assert.False(read.Reported(diagnostic, Path.Combine(_folder, "Other.cs")));
        Assert.False(read.Reported(new ModelDiagnostic(DiagnosticCatalog.InvalidScenarioName, "scenarios.x y", new SourceLocation(source, 9), "x y"), source));
    }

    [Fact]
    public void A_finding_in_a_sarif_1_0_log_is_recognised()
    {
        var source = Path.Combine(_folder, "LoadTests.cs");
        var diagnostic = Finding(source);
        var log = Write("v1.sarif", $$"""
            { "version": "1.0.0", "runs": [ { "results": [
              { "ruleId": "K6S0101", "message": {{Json(diagnostic.Message)}}, "locations": [ { "resultFile": { "uri": {{Json(new Uri(source).AbsoluteUri)}} } } ] } ] } ] }
            """);

        Assert.True(AnalyzerLog.Read(log).Reported(diagnostic, source));
    }

    [Theory]
    [InlineData("")]
    [InlineData("{ not json")]
    [InlineData("[1, 2, 3]")]
    [InlineData("{ \"runs\": 5 }")]
    [InlineData("{ \"runs\": [ { \"results\": [ { \"ruleId\": \"K6S0101\", \"message\": 3, \"locations\": [ { \"physicalLocation\": 7 } ] } ] } ] }")]
    public void A_missing_or_malformed_log_suppresses_nothing(string content)
    {
        var log = Write("bad.sarif", content);
        var diagnostic = Finding(Path.Combine(_folder, "LoadTests.cs"));

        Assert.Equal(0, AnalyzerLog.Read(log).Count);
        Assert.Equal(0, AnalyzerLog.Read(Path.Combine(_folder, "missing.sarif")).Count);
        Assert.False(AnalyzerLog.Read(null).Reported(diagnostic, diagnostic.Location!.FilePath));
    }

    private string Write(string name, string content)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, content);
        return path;
    }

    private static string Json(string text) => System.Text.Json.JsonSerializer.Serialize(text);
}
