using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using K6Scenarios.Diagnostics;
using K6Scenarios.Model.Validation;

namespace K6Scenarios.Model.Tests.Validation;

/// <summary>Helpers shared by the validation tests: durations, source-line markers and diagnostic assertions.</summary>
internal static class ValidationKit
{
    public static readonly BaseUrl Api = BaseUrl.FromEnvironment("API_URL", "http://localhost:4000");

    public static TimeSpan Ms(int milliseconds) => TimeSpan.FromMilliseconds(milliseconds);

    public static TimeSpan Seconds(double seconds) => TimeSpan.FromSeconds(seconds);

    public static TimeSpan Minutes(double minutes) => TimeSpan.FromMinutes(minutes);

    /// <summary>
    /// Records the source line of the builder call written on the same line, so a test can assert that a diagnostic
    /// points at it: <c>f.Get("/me").At(out getLine)</c>.
    /// </summary>
    public static T At<T>(this T builder, out int line, [CallerLineNumber] int callerLine = 0)
    {
        line = callerLine;
        return builder;
    }

    public static string ThisFile([CallerFilePath] string file = "") => file;

    public static IReadOnlyList<ModelDiagnostic> Validate(LoadTest test, ValidationSettings? settings = null) =>
        LoadTestValidator.Validate(test, settings);

    /// <summary>Asserts that exactly one diagnostic has the rule and returns it.</summary>
    public static ModelDiagnostic Single(IReadOnlyList<ModelDiagnostic> diagnostics, RuleDescriptor rule)
    {
        var matching = diagnostics.Where(d => d.Id == rule.Id).ToArray();
        Assert.True(matching.Length == 1, "Expected one " + rule.Id + " but got:" + Environment.NewLine + Describe(diagnostics));
        return matching[0];
    }

    /// <summary>Asserts that one diagnostic of the rule names the path, points at the line of <paramref name="callerFile"/>, and returns it.</summary>
    public static ModelDiagnostic AssertReported(IReadOnlyList<ModelDiagnostic> diagnostics, RuleDescriptor rule, string path, int line, [CallerFilePath] string callerFile = "")
    {
        var diagnostic = Single(diagnostics, rule);
        Assert.Equal(path, diagnostic.Path);
        Assert.NotNull(diagnostic.Location);
        Assert.Equal(callerFile, diagnostic.Location!.FilePath);
        Assert.Equal(line, diagnostic.Location.Line);
        Assert.Equal(rule.Severity, diagnostic.Severity);
        return diagnostic;
    }

    public static void AssertNotReported(IReadOnlyList<ModelDiagnostic> diagnostics, RuleDescriptor rule) =>
        Assert.True(diagnostics.All(d => d.Id != rule.Id), "Did not expect " + rule.Id + " but got:" + Environment.NewLine + Describe(diagnostics));

    public static void AssertClean(IReadOnlyList<ModelDiagnostic> diagnostics) =>
        Assert.True(diagnostics.Count == 0, "Expected no diagnostics but got:" + Environment.NewLine + Describe(diagnostics));

    public static string Describe(IEnumerable<ModelDiagnostic> diagnostics) =>
        string.Join(Environment.NewLine, diagnostics.Select(d => "  " + d));
}
