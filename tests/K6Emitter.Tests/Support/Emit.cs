using System;
using System.Linq;
using K6Scenarios.Model;

namespace K6Scenarios.Emitter.Tests.Support;

internal static class Emit
{
    /// <summary>Emits without the Jint validation, for tests of the generator itself.</summary>
    public static EmitResult Unvalidated(LoadTest test, string? baseDirectory = null) =>
        new K6ScriptEmitter(new EmitterOptions { DryRun = false, BaseDirectory = baseDirectory ?? AppContext.BaseDirectory }).Emit(test);

    public static string Script(LoadTest test, string? baseDirectory = null)
    {
        var result = Unvalidated(test, baseDirectory);
        Assert.True(result.Succeeded, string.Join(Environment.NewLine, result.Diagnostics.Select(d => d.ToString())));
        return result.Output!.Script;
    }

    public static JsHarness Run(LoadTest test, Func<string, string, string>? respond = null, System.Collections.Generic.IReadOnlyDictionary<string, string>? environment = null)
    {
        var result = Unvalidated(test);
        Assert.True(result.Succeeded, string.Join(Environment.NewLine, result.Diagnostics.Select(d => d.ToString())));
        var files = result.Output!.Files.ToDictionary(f => "./" + f.RelativePath, f => System.Text.Encoding.UTF8.GetString(f.Content.Span));
        var values = new System.Collections.Generic.Dictionary<string, string> { ["PASSWORD"] = "secret-from-env" };
        foreach (var (name, value) in environment ?? new System.Collections.Generic.Dictionary<string, string>())
        {
            values[name] = value;
        }

        return new JsHarness(result.Output.Script, files, values, respond);
    }

    /// <summary>A minimal valid load test around one scenario configuration.</summary>
    public static LoadTest With(Action<ScenarioBuilder> scenario, Func<LoadTestBuilder, LoadTestBuilder>? test = null)
    {
        var builder = LoadTest.Create("unit")
            .BaseUrl("API_URL", "http://localhost:5000")
            .Scenario("main", s =>
            {
                s.ConstantVus(1, TimeSpan.FromSeconds(10)).Flow(f => f.Get("/health", r => r.ExpectStatus(200)).ThinkTime(TimeSpan.FromSeconds(1)));
                scenario(s);
            });
        return (test ?? (b => b))(builder);
    }
}
