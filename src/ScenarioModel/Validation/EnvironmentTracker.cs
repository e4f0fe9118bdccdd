using System;
using System.Collections.Generic;
using K6Scenarios.Diagnostics;
using K6Scenarios.Rules;

namespace K6Scenarios.Model.Validation;

/// <summary>
/// Follows every environment variable the test reads (base URLs, <see cref="Value.Env"/>, <see cref="Value.Secret"/>,
/// scenario <c>env</c>): names must be valid (K6S0114), and one variable must not carry two defaults (K6S0412).
/// </summary>
internal sealed class EnvironmentTracker
{
    private readonly ValidationContext _context;
    private readonly Dictionary<string, string> _firstDefaults = new(StringComparer.Ordinal);
    private readonly HashSet<string> _reportedNames = new(StringComparer.Ordinal);
    private readonly HashSet<(string Name, string Default)> _reportedConflicts = [];

    public EnvironmentTracker(ValidationContext context) => _context = context;

    public void AddBaseUrl(BaseUrl? baseUrl, string path, SourceLocation? location)
    {
        if (baseUrl is not null)
        {
            Add(baseUrl.EnvironmentVariable, baseUrl.DefaultValue, path, location);
        }
    }

    public void AddValue(Value value, string path, SourceLocation? location)
    {
        foreach (var part in value.Flatten())
        {
            if (part is EnvironmentValue environment)
            {
                Add(environment.Name, environment.DefaultValue, path, location);
            }
        }
    }

    public void Add(string? name, string? defaultValue, string path, SourceLocation? location)
    {
        name ??= string.Empty;
        if (!NameRules.IsIdentifier(name) && _reportedNames.Add(name))
        {
            _context.Report(DiagnosticCatalog.InvalidName, path, location, "Environment variable", TextCharacters.Escape(name), "use letters, digits and '_', not starting with a digit, so it can be set with k6 run -e NAME=value");
        }

        if (defaultValue is null)
        {
            return;
        }

        if (!_firstDefaults.TryGetValue(name, out var first))
        {
            _firstDefaults.Add(name, defaultValue);
            return;
        }

        // Base URLs drop their trailing '/', so 'http://api/' and 'http://api' are one default.
        if (!string.Equals(first.TrimEnd('/'), defaultValue.TrimEnd('/'), StringComparison.Ordinal) && _reportedConflicts.Add((name, defaultValue)))
        {
            _context.Report(DiagnosticCatalog.ConflictingEnvironmentDefault, path, location, name, first, defaultValue);
        }
    }
}
