using K6Scenarios.Emitter;
using K6Scenarios.Emitter.Discovery;
using Xunit;

namespace Consumer;

public class EmittedScriptTests
{
    private static readonly string BuiltScript = Path.Combine(AppContext.BaseDirectory, "k6", "signin.js");

    [Fact]
    public void The_build_wrote_the_script_next_to_the_output()
    {
        Assert.True(File.Exists(BuiltScript), "dotnet build should have emitted " + BuiltScript);
        Assert.Contains("signin", File.ReadAllText(BuiltScript), StringComparison.Ordinal);
    }

    [Fact]
    public void The_built_script_is_what_the_emitter_produces_in_process()
    {
        var member = typeof(CheckoutLoadTests).GetProperty(nameof(CheckoutLoadTests.SignIn))!;
        var result = new K6ScriptEmitter().Emit(CheckoutLoadTests.SignIn, LoadTestDiscovery.DisplayName(member));

        var emitted = result.EnsureSucceeded();

        Assert.Equal(emitted.Script, File.ReadAllText(BuiltScript));
    }
}
