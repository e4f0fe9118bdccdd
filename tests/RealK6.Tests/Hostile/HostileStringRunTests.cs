using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using K6Scenarios.Emitter;
using K6Scenarios.Model;
using K6Scenarios.Model.Validation;
using K6Scenarios.Testing.Hostile;
using K6Scenarios.Testing.RealK6;
using K6Scenarios.Testing.SystemUnderTest;
using K6Scenarios.Testing.SystemUnderTest.Systems;

namespace K6Scenarios.RealK6.Tests.Hostile;

/// <summary>
/// A seeded sample of the hostile strings the model accepts, every observable slot, in one script run by real k6
/// against a recording server: what the server received (headers, path, query, JSON and form bodies, text bodies) and
/// what k6 reported (check names, tags, threshold selections) is compared with the input, byte for byte.
/// </summary>
public sealed class HostileStringRunTests : IAsyncLifetime
{
    private const int PerSlot = 45;

    // The strings of the issue's classes that run in every slot that accepts them, whatever the sampling picks.
    private static readonly HashSet<string> MustRun = new(StringComparer.Ordinal)
    {
        "__proto__", "constructor", "toString", "NaN", "null", "undefined", "\u2028", "\uFEFF", "\0", "a\nb", "😀", "</script>", "${x}", " a", "a ",
    };
    private readonly EchoSystem _echo = new();
    private SystemUnderTestServer? _server;

    private SystemUnderTestServer Server => _server ?? throw new InvalidOperationException("The server has not started.");

    public async Task InitializeAsync() => _server = await SystemUnderTestServer.StartAsync(new SystemUnderTestOptions { AdditionalModules = [_echo] });

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    [RealK6Fact]
    public async Task Accepted_hostile_strings_arrive_unchanged_under_real_k6()
    {
        var sample = Sample();
        var emitted = new K6ScriptEmitter(new EmitterOptions { BaseDirectory = AppContext.BaseDirectory })
            .Emit(HostileSlot.LoadTestOf(sample, Server.UrlOf("hostile"))).EnsureSucceeded();
        using var workspace = new K6Workspace();
        var script = workspace.Write(emitted);
        var samplesFile = Path.Combine(workspace.Folder, "samples.json");

        var run = await K6Cli.RunAsync(script, environment: null, TimeSpan.FromMinutes(3), ["--out", "json=" + samplesFile]);

        Assert.True(run.Process.ExitCode == 0, "k6 exited " + run.Process.ExitCode + ": " + Tail(run.Process.StandardError));
        var summary = run.RequireSummary();
        var (tags, checks) = ReadSamples(samplesFile);
        var received = _echo.Received.ToList();
        var problems = new List<string>();
        foreach (var c in sample)
        {
            var problem = Judge(c, received, tags, checks, summary);
            if (problem is not null)
            {
                problems.Add(c.Slot.Name + " #" + c.Suffix + " '" + Escape(c.Text) + "': " + problem);
            }
        }

        Assert.True(sample.Count >= 500, "only " + sample.Count + " cases sampled");
        Assert.True(problems.Count == 0, problems.Count + " of " + sample.Count + " arrived changed:" + Environment.NewLine + string.Join(Environment.NewLine, problems.Take(60)));
    }

    [RealK6Fact]
    public async Task Environment_names_that_are_object_members_read_only_what_was_set()
    {
        var names = new[] { "constructor", "toString", "__proto__", "hasOwnProperty", "valueOf" };
        var body = names.ToDictionary(n => n, n => (object?)Value.Env(n, "default-" + n), StringComparer.Ordinal);
        LoadTest test = LoadTest.Create("prototype-env").BaseUrl("API_URL", Server.UrlOf("hostile")).WithoutCheckGate()
            .Scenario("env", s => s.SharedIterations(1, 1).Flow(f => f.Post("/echo/env/x", r => r.Header("X-Case", "env").JsonBody(body).ExpectStatus(200))))
            .Profile("smoke", p => p.Scale(1));
        var emitted = new K6ScriptEmitter(new EmitterOptions { BaseDirectory = AppContext.BaseDirectory }).Emit(test).EnsureSucceeded();
        using var workspace = new K6Workspace();
        var script = workspace.Write(emitted);

        var unset = await K6Cli.RunAsync(script, environment: null, TimeSpan.FromMinutes(1));
        var set = await K6Cli.RunAsync(script, new Dictionary<string, string> { ["constructor"] = "set-c", ["toString"] = "set-t" }, TimeSpan.FromMinutes(1));
        var profile = await K6Cli.RunAsync(script, new Dictionary<string, string> { ["LOAD_PROFILE"] = "constructor" }, TimeSpan.FromMinutes(1));

        Assert.Equal(0, unset.Process.ExitCode);
        Assert.Equal(0, set.Process.ExitCode);
        var bodies = _echo.Received.Where(r => r.Header("X-Case") == "env").Select(r => JsonDocument.Parse(r.Body).RootElement).ToList();
        Assert.Equal(2, bodies.Count);
        Assert.All(names, n => Assert.Equal("default-" + n, bodies[0].GetProperty(n).GetString()));
        Assert.Equal("set-c", bodies[1].GetProperty("constructor").GetString());
        Assert.Equal("set-t", bodies[1].GetProperty("toString").GetString());
        Assert.Equal("default-valueOf", bodies[1].GetProperty("valueOf").GetString());

        // An unknown profile named like an Object member is refused, not taken for Object's own member.
        Assert.NotEqual(0, profile.Process.ExitCode);
        Assert.Contains("is not a profile of this test", profile.Process.StandardError, StringComparison.Ordinal);
    }

    /// <summary>Every accepted atom of every observable slot (up to <see cref="PerSlot"/>), then seeded others, long ones included.</summary>
    private static List<HostileCase> Sample()
    {
        var random = new HostileStrings.SplitMix(HostileStrings.Seed ^ 0x5A3E);
        var atoms = new HashSet<string>(HostileStrings.Atoms, StringComparer.Ordinal);
        var sample = new List<HostileCase>();
        foreach (var group in HostileCases.Build(10_000).Where(c => c.Slot.Observation != Observation.None && !c.Slot.Alone).GroupBy(c => c.Slot))
        {
            var accepted = group.Where(IsAccepted).ToList();
            var fromAtoms = accepted.Where(c => atoms.Contains(c.Text)).ToList();
            var others = accepted.Where(c => !atoms.Contains(c.Text)).ToList();
            var chosen = fromAtoms.Where(c => MustRun.Contains(c.Text)).ToList();
            chosen.AddRange(fromAtoms.Where((c, i) => !MustRun.Contains(c.Text) && i % Math.Max(1, fromAtoms.Count / (PerSlot - 10)) == 0).Take(PerSlot - 10 - chosen.Count));
            for (var i = 0; i < 10 && others.Count > 0; i++)
            {
                var pick = others[random.Next(others.Count)];
                others.Remove(pick);
                chosen.Add(pick);
            }

            // The longest accepted string of the slot, so a long one always runs.
            if (accepted.MaxBy(c => c.Text.Length) is { } longest && !chosen.Contains(longest))
            {
                chosen.Add(longest);
            }

            sample.AddRange(chosen);
        }

        return sample;
    }

    private static bool IsAccepted(HostileCase c)
    {
        // Kestrel answers 400 to a path that decodes to NUL before any handler sees it; k6 sends it, the server refuses it.
        if (c.Slot.Observation == Observation.PathRest && Uri.UnescapeDataString(c.Text).Contains('\0', StringComparison.Ordinal))
        {
            return false;
        }

        try
        {
            return !LoadTestValidator.Validate(HostileSlot.LoadTestOf([c])).Any(d => d.IsError);
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static string? Judge(HostileCase c, List<EchoedRequest> received, Dictionary<string, Dictionary<string, string>> tags, Dictionary<string, int> checks, K6Summary summary)
    {
        var expected = c.ExpectedObservation;
        var request = received.FirstOrDefault(r => r.Header("X-Case") == c.Suffix);
        var tagsOf = tags.TryGetValue(c.Suffix, out var found) ? found : null;
        string? actual;
        switch (c.Slot.Observation)
        {
            case Observation.CheckName:
                // The samples of the checks metric carry the check's name; k6's own summary export drops a check named
                // __proto__ (its summary code keys an object by check name), so the samples are the record.
                if (!checks.TryGetValue(expected, out var passes) || passes == 0)
                {
                    return "no passed check sample of that name";
                }

                return expected == "__proto__" || summary.Check(expected) is { Passes: > 0 } ? null : "no passed check of that name in the summary";
            case Observation.ThresholdSelects:
                var key = K6Metrics.HttpReqs.Where("tv" + c.Suffix, c.Text).ThresholdKey;
                var threshold = summary.Thresholds.FirstOrDefault(t => t.Metric == key);
                return threshold is null ? "k6 reports no threshold '" + Escape(key) + "'" : threshold.Crossed ? "the threshold selected no sample" : null;
            case Observation.NameTag or Observation.TagT or Observation.GroupTag or Observation.ScenarioTag or Observation.TagKey:
                if (tagsOf is null)
                {
                    return "no http_reqs sample of the request";
                }

                var tag = c.Slot.Observation switch
                {
                    Observation.NameTag => "name",
                    Observation.TagT => "t",
                    Observation.GroupTag => "group",
                    Observation.ScenarioTag => "scenario",
                    _ => c.Text,
                };
                actual = tagsOf.TryGetValue(tag, out var value) ? value : null;
                if (c.Slot.Observation == Observation.GroupTag)
                {
                    expected = "::" + expected;
                }
                else if (c.Slot.Observation == Observation.TagKey)
                {
                    expected = "v";
                }

                break;
            default:
                if (request is null)
                {
                    return "the server received no request of this case";
                }

                actual = Observe(c, request);
                break;
        }

        return actual == expected ? null : "received '" + Escape(actual ?? "(nothing)") + "', expected '" + Escape(expected) + "'";
    }

    private static string? Observe(HostileCase c, EchoedRequest request)
    {
        var prefix = "/hostile" + c.Prefix;
        switch (c.Slot.Observation)
        {
            case Observation.HeaderValue:
                return request.Header("X-Hostile");
            case Observation.HeaderName:
                return request.Header(c.Text) == "v" ? c.Text : "(no header " + c.Text + ": v)";
            case Observation.PathRest:
                if (!request.RawTarget.StartsWith(prefix, StringComparison.Ordinal))
                {
                    return request.RawTarget;
                }

                // Percent-encoding is the URL's business: k6 encodes what must be, the server decodes it.
                var rest = Uri.UnescapeDataString(request.RawTarget[prefix.Length..]);
                return c.Slot.Name == "path" && rest == Uri.UnescapeDataString(c.Text) ? c.Text : rest;
            case Observation.QueryName or Observation.QueryValue:
                var query = request.RawTarget.Contains('?', StringComparison.Ordinal) ? request.RawTarget[(request.RawTarget.IndexOf('?', StringComparison.Ordinal) + 1)..] : string.Empty;
                var pairs = query.Split('&').Select(p => p.Split('=', 2)).Select(p => (Name: Uri.UnescapeDataString(p[0]), Value: p.Length > 1 ? Uri.UnescapeDataString(p[1]) : string.Empty)).ToList();
                return c.Slot.Observation == Observation.QueryName
                    ? pairs.Count == 1 ? pairs[0].Name : "(" + pairs.Count + " parameters)"
                    : pairs.Where(p => p.Name == "q").Select(p => p.Value).FirstOrDefault();
            case Observation.JsonKey or Observation.JsonValue:
                using (var document = JsonDocument.Parse(request.Body))
                {
                    var properties = document.RootElement.EnumerateObject().ToList();
                    return c.Slot.Observation == Observation.JsonKey
                        ? properties.Count == 1 ? properties[0].Name : "(" + properties.Count + " properties)"
                        : properties.Where(p => p.Name == "k").Select(p => p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString() : p.Value.GetRawText()).FirstOrDefault();
                }

            case Observation.FormKey:
                return request.Form.Count == 1 ? request.Form[0].Key : "(" + request.Form.Count + " fields)";
            case Observation.FormValue:
                return request.Form.Where(f => f.Key == "k").Select(f => f.Value).FirstOrDefault();
            case Observation.TextBody:
                return Encoding.UTF8.GetString(request.Body);
            default:
                throw new InvalidOperationException("Not observed on the server: " + c.Slot.Observation);
        }
    }

    /// <summary>
    /// Reads k6's JSON output: the tags of each case's first <c>http_reqs</c> sample, keyed by case number, and how
    /// many samples of the <c>checks</c> metric passed, keyed by check name.
    /// </summary>
    private static (Dictionary<string, Dictionary<string, string>> Tags, Dictionary<string, int> Checks) ReadSamples(string samplesFile)
    {
        var byCase = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
        var checks = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(samplesFile))
        {
            using var document = JsonDocument.Parse(line);
            var root = document.RootElement;
            if (root.GetProperty("type").GetString() != "Point" || !root.GetProperty("data").TryGetProperty("tags", out var tags))
            {
                continue;
            }

            if (root.GetProperty("metric").GetString() == "checks" && tags.TryGetProperty("check", out var check))
            {
                var name = check.GetString() ?? string.Empty;
                checks[name] = checks.GetValueOrDefault(name) + (root.GetProperty("data").GetProperty("value").GetDouble() > 0 ? 1 : 0);
                continue;
            }

            if (root.GetProperty("metric").GetString() != "http_reqs" || !tags.TryGetProperty("case", out var tagged))
            {
                continue;
            }

            // Every request of a case carries the tag case={number} (k6 sets the url tag to the name tag, so that cannot tell).
            var number = tagged.GetString() ?? string.Empty;
            if (!byCase.ContainsKey(number))
            {
                byCase[number] = tags.EnumerateObject().ToDictionary(t => t.Name, t => t.Value.GetString() ?? string.Empty, StringComparer.Ordinal);
            }
        }

        return (byCase, checks);
    }

    private static string Tail(string text) => text.Length > 3000 ? text[^3000..] : text;

    private static string Escape(string text)
    {
        var shown = text.Length > 80 ? text[..80] + "..." : text;
        return string.Concat(shown.Select(ch => ch is >= ' ' and <= '~' ? ch.ToString() : "\\u" + ((int)ch).ToString("X4", System.Globalization.CultureInfo.InvariantCulture)));
    }
}
