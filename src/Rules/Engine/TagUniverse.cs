using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace K6Scenarios.Rules;

/// <summary>
/// The tag values a load test's samples can carry (K6S0205). System tags (scenario, name, group, status, method,
/// expected_response) are always governed; other keys only where the test sets them, since outputs or extensions may
/// add their own. A key whose values cannot all be seen (computed names, flows in helper methods) is unknown, and
/// thresholds on it are not judged.
/// </summary>
internal sealed class TagUniverse
{
    private static readonly string[] SystemKeys = { "scenario", "name", "group", "status", "method" };

    private readonly Dictionary<string, List<string>> _values = new(StringComparer.Ordinal);
    private readonly HashSet<string> _unknown = new(StringComparer.Ordinal);
    private readonly HashSet<string> _disabled = new(StringComparer.Ordinal);
    private bool _defaultStatusesExpected;

    private TagUniverse()
    {
    }

    /// <summary>Collects the values of a test.</summary>
    public static TagUniverse Build(TestFacts test)
    {
        var universe = new TagUniverse();
        var systemTags = test.Options.SystemTags;
        foreach (var key in SystemKeys)
        {
            universe._values[key] = new List<string>();
            if (!systemTags.IsKnown)
            {
                universe._unknown.Add(key);
            }
            else if (systemTags.Value is { Count: > 0 } listed && !listed.Contains(key, StringComparer.Ordinal))
            {
                universe._disabled.Add(key);
            }
        }

        universe._values["expected_response"] = new List<string> { "true", "false" };
        if (!test.IsComplete)
        {
            foreach (var key in SystemKeys)
            {
                universe._unknown.Add(key);
            }
        }

        universe.AddExplicit(test.Options.Tags);
        var testStatuses = test.ExpectedStatuses;
        foreach (var status in testStatuses)
        {
            universe.AddSystem("status", status);
        }

        foreach (var scenario in test.Scenarios)
        {
            universe.AddSystem("scenario", scenario.Name);
            universe.AddExplicit(scenario.Tags);
            if (!scenario.IsComplete)
            {
                universe.MarkAllUnknown();
            }
        }

        foreach (var flow in test.AllFlows())
        {
            universe.AddFlow(flow, string.Empty, testStatuses.Count == 0);
        }

        return universe;
    }

    /// <summary>Gets whether the test's values of <paramref name="key"/> are governed and all known.</summary>
    public bool Governs(string key) => _values.ContainsKey(key) && !_unknown.Contains(key);

    /// <summary>Gets whether some sample carries <paramref name="key"/>:<paramref name="value"/>.</summary>
    public bool Produces(string key, string value) =>
        (_values.TryGetValue(key, out var values) && values.Contains(value, StringComparer.Ordinal))
        || (key == "status" && DefaultStatusesApply && long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var status) && status >= 200 && status <= 399);

    /// <summary>Describes the values of a key for a message.</summary>
    public string Describe(string key)
    {
        var values = _values.TryGetValue(key, out var known) ? known : new List<string>();
        if (values.Count == 0 && _disabled.Contains(key))
        {
            return "(none: options.systemTags leaves out " + RuleText.Quote(key) + ")";
        }

        var listed = RuleText.QuotedList(values);
        return key == "status" && DefaultStatusesApply
            ? (values.Count == 0 ? string.Empty : listed + ", ") + "200-399 (k6's default expected statuses)"
            : listed;
    }

    private bool DefaultStatusesApply => _defaultStatusesExpected && !_disabled.Contains("status");

    private void AddFlow(FlowFacts flow, string groupPath, bool noTestStatuses)
    {
        if (!flow.IsComplete)
        {
            MarkAllUnknown();
        }

        foreach (var step in flow.Steps)
        {
            switch (step)
            {
                case RequestFacts request:
                    var ownName = request.Tags.Items.Where(t => !t.Key.IsKnown || t.Key.Value == "name").ToList();
                    if (ownName.Count == 0)
                    {
                        AddSystem("name", request.Name);
                    }

                    AddSystem("method", request.Method);
                    foreach (var status in request.Statuses)
                    {
                        AddSystem("status", status);
                    }

                    if (!request.IsComplete)
                    {
                        MarkAllUnknown();
                    }

                    // A request with no expectation of its own (and none from the test) expects k6's default 200-399.
                    _defaultStatusesExpected |= request.Statuses.Count == 0 && noTestStatuses;
                    AddExplicit(request.Tags);
                    break;
                case WebSocketFacts socket:
                    AddSystem("name", socket.Name);
                    if (!_disabled.Contains("status"))
                    {
                        Add("status", "101");
                    }

                    break;
                case GroupFacts group:
                    if (group.Name.IsKnown)
                    {
                        if (!_disabled.Contains("group"))
                        {
                            Add("group", groupPath + "::" + group.Name.Value);
                        }

                        AddFlow(group.Body, groupPath + "::" + group.Name.Value, noTestStatuses);
                    }
                    else
                    {
                        _unknown.Add("group");
                        AddFlow(group.Body, groupPath + "::" + RuleText.ComputedName, noTestStatuses);
                    }

                    continue;
            }

            foreach (var child in step.Children)
            {
                AddFlow(child, groupPath, noTestStatuses);
            }
        }
    }

    private void MarkAllUnknown()
    {
        foreach (var key in _values.Keys)
        {
            if (key != "expected_response")
            {
                _unknown.Add(key);
            }
        }
    }

    private void AddSystem(string key, Fact<string> value)
    {
        if (!value.IsKnown)
        {
            _unknown.Add(key);
        }
        else if (!_disabled.Contains(key))
        {
            Add(key, value.Value);
        }
    }

    private void AddSystem(string key, Fact<long> value)
    {
        if (!value.IsKnown)
        {
            _unknown.Add(key);
        }
        else if (!_disabled.Contains(key))
        {
            Add(key, RuleText.Number(value.Value));
        }
    }

    private void AddExplicit(TagsFacts tags)
    {
        if (!tags.IsComplete)
        {
            MarkAllUnknown();
        }

        foreach (var tag in tags.Items)
        {
            if (!tag.Key.IsKnown)
            {
                MarkAllUnknown();
                continue;
            }

            if (!tag.Value.IsKnown)
            {
                _unknown.Add(tag.Key.Value);
                if (!_values.ContainsKey(tag.Key.Value))
                {
                    _values[tag.Key.Value] = new List<string>();
                }

                continue;
            }

            Add(tag.Key.Value, tag.Value.Value);
        }
    }

    private void Add(string key, string value)
    {
        if (!_values.TryGetValue(key, out var values))
        {
            _values[key] = values = new List<string>();
        }

        if (!values.Contains(value, StringComparer.Ordinal))
        {
            values.Add(value);
        }
    }
}
