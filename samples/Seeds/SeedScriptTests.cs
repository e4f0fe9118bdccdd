using System;
using K6Scenarios.Emitter;
using K6Scenarios.Emitter.Testing;
using K6Scenarios.Samples.Seeds.LoadTests;

namespace K6Scenarios.Samples.Seeds;

/// <summary>Each seed's script, reviewed like code: a change here is a change of product output.</summary>
public class SeedScriptTests
{
    private static readonly EmitterOptions Options = new() { BaseDirectory = AppContext.BaseDirectory };

    [Fact]
    public void EvospinSignInStorm() => ScriptSnapshot.Verify(Evospin.SignInStorm(), Options);

    [Fact]
    public void EvospinSteppedRamp() => ScriptSnapshot.Verify(Evospin.SteppedRamp(), Options);

    [Fact]
    public void EvospinSmoke() => ScriptSnapshot.Verify(Evospin.Smoke(), Options);

    [Fact]
    public void EasyMoServices() => ScriptSnapshot.Verify(EasyMo.Services(), Options);

    [Fact]
    public void VineyardUserMix() => ScriptSnapshot.Verify(Vineyard.UserMix(), Options);

    [Fact]
    public void VelureProgressiveRamp() => ScriptSnapshot.Verify(Velure.ProgressiveRamp(), Options);
}
