using System;
using System.Collections.Generic;

namespace K6Scenarios.Model;

/// <summary>An assertion on a response, reported by k6 under its name (the <c>checks</c> Rate).</summary>
public abstract record Check
{
    private protected Check()
    {
    }

    /// <summary>Gets the name set by the user, or <see langword="null"/> for the generated one.</summary>
    public string? Name { get; init; }

    /// <summary>Gets the name k6 shows, given the request's name.</summary>
    /// <param name="requestName">The request's name tag.</param>
    /// <returns>The check name.</returns>
    public string DisplayName(string requestName) => Name ?? requestName + " " + Describe();

    /// <summary>Describes what the check asserts: <c>status is 201</c>.</summary>
    /// <returns>The description.</returns>
    protected abstract string Describe();
}

/// <summary>The response status is one of the given statuses.</summary>
public sealed record StatusCheck : Check
{
    /// <summary>Creates the check.</summary>
    /// <param name="statuses">The accepted statuses.</param>
    public StatusCheck(IReadOnlyList<int> statuses) => Statuses = statuses ?? throw new ArgumentNullException(nameof(statuses));

    /// <summary>Gets the accepted statuses.</summary>
    public IReadOnlyList<int> Statuses { get; init; }

    /// <inheritdoc />
    protected override string Describe() =>
        "status is " + string.Join(" or ", System.Linq.Enumerable.Select(Statuses, s => s.ToString(System.Globalization.CultureInfo.InvariantCulture)));
}

/// <summary>The JSON body has a field at a path (gjson syntax, as <c>res.json(path)</c>: <c>data.token</c>, <c>items.#</c>).</summary>
/// <param name="JsonPath">The path.</param>
public sealed record BodyFieldPresentCheck(string JsonPath) : Check
{
    /// <inheritdoc />
    protected override string Describe() => "has " + JsonPath;
}

/// <summary>The JSON body's field at a path equals a value.</summary>
/// <param name="JsonPath">The path.</param>
/// <param name="Expected">The expected value.</param>
public sealed record BodyFieldEqualsCheck(string JsonPath, Value Expected) : Check
{
    /// <inheritdoc />
    protected override string Describe() => JsonPath + " is " + Expected.ToString();
}

/// <summary>The body contains a text.</summary>
/// <param name="Text">The text.</param>
public sealed record BodyContainsCheck(string Text) : Check
{
    /// <inheritdoc />
    protected override string Describe() => "body contains " + Text;
}

/// <summary>A header is present, and equals a value when one is given.</summary>
/// <param name="HeaderName">The header name.</param>
/// <param name="Expected">The expected value, or <see langword="null"/> for presence only.</param>
public sealed record HeaderCheck(string HeaderName, string? Expected) : Check
{
    /// <inheritdoc />
    protected override string Describe() => Expected is null ? "has header " + HeaderName : "header " + HeaderName + " is " + Expected;
}

/// <summary>The request took less than a duration.</summary>
/// <param name="Limit">The limit.</param>
public sealed record DurationCheck(TimeSpan Limit) : Check
{
    /// <inheritdoc />
    protected override string Describe() => "took less than " + Formatting.Duration(Limit);
}

/// <summary>Where a captured value is read from.</summary>
public abstract record CaptureSource
{
    private protected CaptureSource()
    {
    }

    /// <summary>Reads a field of the JSON body (gjson path, as <c>res.json(path)</c>).</summary>
    /// <param name="path">The path: <c>accessToken</c>, <c>data.items.0.id</c>.</param>
    /// <returns>The source.</returns>
    public static CaptureSource Json(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        return new JsonCaptureSource(path);
    }

    /// <summary>Reads a response header.</summary>
    /// <param name="name">The header name, as k6 canonicalizes it: <c>Location</c>.</param>
    /// <returns>The source.</returns>
    public static CaptureSource Header(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        return new HeaderCaptureSource(name);
    }

    /// <summary>Reads the first group of a regular expression (JavaScript syntax) matched against the body.</summary>
    /// <param name="pattern">The pattern, with one capturing group.</param>
    /// <returns>The source.</returns>
    public static CaptureSource Regex(string pattern)
    {
        ArgumentException.ThrowIfNullOrEmpty(pattern);
        return new RegexCaptureSource(pattern);
    }
}

/// <summary>A JSON body field.</summary>
/// <param name="Path">The gjson path.</param>
public sealed record JsonCaptureSource(string Path) : CaptureSource;

/// <summary>A response header.</summary>
/// <param name="Name">The header name.</param>
public sealed record HeaderCaptureSource(string Name) : CaptureSource;

/// <summary>The first group of a regular expression on the body.</summary>
/// <param name="Pattern">The pattern.</param>
public sealed record RegexCaptureSource(string Pattern) : CaptureSource;

/// <summary>A value captured from a response into a variable.</summary>
/// <param name="Target">The variable.</param>
/// <param name="Source">Where the value is read.</param>
public sealed record Capture(Variable Target, CaptureSource Source);
