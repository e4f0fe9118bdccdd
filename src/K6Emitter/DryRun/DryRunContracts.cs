using System;
using System.Collections.Generic;

namespace K6Scenarios.Emitter.DryRun;

/// <summary>What the dry run of a script needs: the script, the files it opens, and the responses to answer with.</summary>
public sealed class DryRunInput
{
    /// <summary>Creates an input.</summary>
    /// <param name="scriptName">The script's file name, used in messages.</param>
    /// <param name="script">The script text.</param>
    public DryRunInput(string scriptName, string script)
    {
        ScriptName = scriptName ?? throw new ArgumentNullException(nameof(scriptName));
        Script = script ?? throw new ArgumentNullException(nameof(script));
    }

    /// <summary>Gets the script's file name.</summary>
    public string ScriptName { get; }

    /// <summary>Gets the script text (an ES module).</summary>
    public string Script { get; }

    /// <summary>Gets the text of files the script may <c>open()</c>, by the path it passes (<c>./users.json</c>).</summary>
    public IReadOnlyDictionary<string, string> Files { get; init; } = new Dictionary<string, string>();

    /// <summary>Gets the responses the <c>k6/http</c> shim answers with, matched by method and <c>name</c> tag; others get a 200 with <c>{}</c>.</summary>
    public IReadOnlyList<StubResponse> Responses { get; init; } = [];

    /// <summary>Gets the values of <c>__ENV</c> during the dry run.</summary>
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();

    /// <summary>Gets the data of the one message every WebSocket receives after it opens in the dry run (default <c>{}</c>).</summary>
    public string WebSocketMessage { get; init; } = "{}";
}

/// <summary>A response the <c>k6/http</c> shim returns for requests with this method and <c>name</c> tag.</summary>
/// <param name="Method">The HTTP method, upper case.</param>
/// <param name="Name">The request's <c>name</c> tag.</param>
/// <param name="Status">The status.</param>
/// <param name="Body">The body text (JSON for JSON APIs).</param>
/// <param name="Headers">The headers.</param>
public sealed record StubResponse(string Method, string Name, int Status, string Body, IReadOnlyDictionary<string, string> Headers);

/// <summary>A problem the validation found in a script.</summary>
/// <param name="Message">What is wrong, with the JavaScript error where there is one.</param>
/// <param name="Line">The 1-based line in the script, when known.</param>
/// <param name="Column">The 1-based column, when known.</param>
/// <param name="Phase">Where it was found: <c>parse</c>, <c>init</c>, <c>options</c>, <c>setup</c>, <c>teardown</c>, or the exec function's name.</param>
public sealed record ScriptProblem(string Message, int? Line, int? Column, string Phase);

/// <summary>The outcome of validating a script.</summary>
public sealed class DryRunResult
{
    /// <summary>Creates a result.</summary>
    /// <param name="problems">The problems found.</param>
    public DryRunResult(IReadOnlyList<ScriptProblem> problems) => Problems = problems ?? throw new ArgumentNullException(nameof(problems));

    /// <summary>Gets the problems found; empty when the script is valid.</summary>
    public IReadOnlyList<ScriptProblem> Problems { get; }

    /// <summary>Gets whether the script passed.</summary>
    public bool IsValid => Problems.Count == 0;

    /// <summary>
    /// Gets the checks that failed during the dry run against the stub responses. They are not problems (a stub may
    /// simply not answer what the API would), but a check that fails against a stub built from the API's documented
    /// responses is worth a diagnostic.
    /// </summary>
    public IReadOnlyList<FailedCheck> FailedChecks { get; init; } = [];
}

/// <summary>A <c>check()</c> that failed during the dry run.</summary>
/// <param name="Name">The check's name.</param>
/// <param name="Line">The 1-based line of the <c>check()</c> call, when known.</param>
/// <param name="Column">The 1-based column, when known.</param>
/// <param name="Phase">Where it ran: <c>setup</c>, <c>teardown</c>, or the exec function's name.</param>
public sealed record FailedCheck(string Name, int? Line, int? Column, string Phase);
