using K6Scenarios.Emitter;
using K6Scenarios.Emitter.Testing;
using Xunit;

namespace Consumer;

public class EmittedScriptTests
{
    private static readonly string BuiltScript = Path.Combine(AppContext.BaseDirectory, "k6", "signin.js");

    // The one-line snapshot: SignIn's script is reviewed in EmittedScriptTests.SignIn.verified.js beside this file.
    [Fact]
    public void SignIn() => ScriptSnapshot.Verify(CheckoutLoadTests.SignIn);

    [Fact]
    public void The_build_wrote_the_same_script_next_to_the_output()
    {
        Assert.True(File.Exists(BuiltScript), "dotnet build should have emitted " + BuiltScript);
        Assert.Equal(CheckoutLoadTests.SignIn.ToK6Script(), File.ReadAllText(BuiltScript));
    }
}
