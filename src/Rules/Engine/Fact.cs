// The rule core: compiled into K6Scenarios.Model (model validation) and, as linked source, into the analyzers
// (netstandard2.0, no dependencies), so that every rule has exactly one implementation. Keep it plain C# that builds
// on both targets: no records, no init accessors, no ranges, no APIs newer than netstandard2.0.
namespace K6Scenarios.Rules;

/// <summary>
/// Where a rule reports: the element's model path (<c>scenarios.signin.stages[2].target</c>) and a location that only
/// the host understands (a recorded C# line for model validation, a syntax location for the analyzers).
/// </summary>
internal sealed class Site
{
    /// <summary>A site with no path and no location.</summary>
    public static readonly Site None = new(string.Empty, null);

    public Site(string path, object? location)
    {
        Path = path;
        Location = location;
    }

    /// <summary>Gets the model path of the element.</summary>
    public string Path { get; }

    /// <summary>Gets the host's location object, or <see langword="null"/>.</summary>
    public object? Location { get; }

    /// <summary>Returns the site of a part of this element, at the same location (model validation's view of a parameter).</summary>
    public Site Child(string key) => new(Path.Length == 0 ? key : Path + "." + key, Location);

    /// <summary>Returns the site of an indexed part, at the given location or this one.</summary>
    public Site Index(string key, int index, object? location = null) =>
        new((Path.Length == 0 ? key : Path + "." + key) + "[" + index.ToString(System.Globalization.CultureInfo.InvariantCulture) + "]", location ?? Location);
}

/// <summary>
/// A value a rule reads: known (a constant the analyzer could read, or anything the built model holds) or unknown
/// (computed when the definition runs). A rule over an unknown value stays silent rather than guessing.
/// </summary>
/// <typeparam name="T">The value's type.</typeparam>
internal readonly struct Fact<T>
{
    private readonly T _value;

    public Fact(T value, Site site)
    {
        _value = value;
        IsKnown = true;
        Site = site;
    }

    private Fact(Site site)
    {
        _value = default!;
        IsKnown = false;
        Site = site;
    }

    /// <summary>Gets whether the value is known.</summary>
    public bool IsKnown { get; }

    /// <summary>Gets the value; <c>default</c> when unknown.</summary>
    public T Value => _value;

    /// <summary>Gets where the value was written (a parameter's argument, or its element).</summary>
    public Site Site { get; }

    /// <summary>An unknown value written at <paramref name="site"/>.</summary>
    public static Fact<T> Unknown(Site site) => new(site);

    /// <summary>Gets the value when it is known.</summary>
    public bool TryGet(out T value)
    {
        value = _value;
        return IsKnown;
    }
}

/// <summary>Creates facts.</summary>
internal static class Fact
{
    /// <summary>A known value written at <paramref name="site"/>.</summary>
    public static Fact<T> Of<T>(T value, Site site) => new(value, site);
}
