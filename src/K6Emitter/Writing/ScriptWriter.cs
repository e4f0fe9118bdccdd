namespace K6Scenarios.Emitter.Writing;

/// <summary>Writes emitted load tests to a folder, atomically, never overwriting a file the tool did not write.</summary>
public static class ScriptWriter
{
}
