using System.Collections.Generic;
using System.Globalization;
using K6Scenarios.OpenApi.Parsing;

namespace K6Scenarios.OpenApi.Building;

/// <summary>Collects warnings once per position and message, in the order they are found.</summary>
internal sealed class WarningSink
{
    private readonly string _path;
    private readonly List<OpenApiWarning> _warnings = new();
    private readonly HashSet<string> _seen = new(System.StringComparer.Ordinal);

    public WarningSink(string path)
    {
        _path = path;
    }

    public IReadOnlyList<OpenApiWarning> Warnings => _warnings;

    public void Add(string message, DocumentNode at) => Add(message, at.Line, at.Column);

    public void Add(string message, int line, int column)
    {
        var identity = line.ToString(CultureInfo.InvariantCulture) + ":" + column.ToString(CultureInfo.InvariantCulture) + ":" + message;
        if (_seen.Add(identity))
        {
            _warnings.Add(new OpenApiWarning(_path, message, line, column));
        }
    }
}
