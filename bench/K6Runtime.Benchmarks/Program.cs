using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using K6Scenarios.Emitter;
using K6Scenarios.Model;
using K6Scenarios.Samples.Seeds.LoadTests;
using K6Scenarios.Testing.RealK6;
using K6Scenarios.Testing.SystemUnderTest;
using K6Scenarios.Testing.SystemUnderTest.Systems;

namespace K6Scenarios.Benchmarks.K6Runtime;

/// <summary>
/// <c>dotnet run -c Release --project bench/K6Runtime.Benchmarks -- [throughput|memory|inspect|ablation|all] [pairs] [seconds] [variants]</c>.
/// Runs emitted and hand-written scripts alternately in one session and prints Markdown tables for bench/README.md.
/// </summary>
public static class Program
{
    /// <summary>Entry point.</summary>
    /// <param name="args">What to run, how many alternating pairs, how long each run is, and for the ablation the variants to run (comma-separated parts of their names; all when left out).</param>
    /// <returns>0 when every run completed.</returns>
    public static async Task<int> Main(string[] args)
    {
        var what = args.Length > 0 ? args[0] : "all";
        var pairs = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 3;
        var seconds = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 15;
        Console.WriteLine("k6: " + K6Executable.Require() + "; " + Environment.ProcessorCount + " cores; " + DateTimeOffset.UtcNow.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture));
        await using var server = await SystemUnderTestServer.StartAsync(new SystemUnderTestOptions { MaxRequests = long.MaxValue });
        using var workspace = new K6Workspace();
        var users = Path.Combine(workspace.Folder, "users.json");
        WriteUsers(users, 10_000);

        if (what == "scripts")
        {
            // The two scripts the comparison runs, to read side by side.
            Console.WriteLine(new K6ScriptEmitter(new EmitterOptions { BaseDirectory = workspace.Folder }).Emit(SignInStorm(20, null, TimeSpan.FromSeconds(seconds))).EnsureSucceeded().Script);
            Console.WriteLine(HandWritten(20, null, TimeSpan.FromSeconds(seconds)));
            return 0;
        }

        if (what == "ablation")
        {
            await AblationAsync(server, workspace, users, TimeSpan.FromSeconds(seconds), pairs, args.Length > 3 ? args[3].Split(',') : null);
            return 0;
        }

        if (what is "throughput" or "all")
        {
            await CompareAsync(server, workspace, users, "Sign-in storm, 20 VUs, no think time, " + seconds + " s per run", vus: 20, thinkTime: null, TimeSpan.FromSeconds(seconds), pairs);
        }

        if (what is "memory" or "all")
        {
            await CompareAsync(server, workspace, users, "1,000 VUs, 10,000-user pool, 1 s think time, " + seconds + " s per run", vus: 1000, thinkTime: TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(seconds), pairs);
        }

        if (what is "inspect" or "all")
        {
            await InspectAsync(workspace);
        }

        return 0;
    }

    private static async Task CompareAsync(SystemUnderTestServer server, K6Workspace workspace, string users, string title, int vus, TimeSpan? thinkTime, TimeSpan duration, int pairs)
    {
        var emitted = new K6ScriptEmitter(new EmitterOptions { BaseDirectory = workspace.Folder }).Emit(SignInStorm(vus, thinkTime, duration)).EnsureSucceeded();
        var emittedScript = workspace.Write(emitted);
        var handScript = workspace.WriteScript("hand-written.js", HandWritten(vus, thinkTime, duration));
        File.Copy(users, Path.Combine(workspace.Folder, "hand-users.json"), overwrite: true);
        var environment = new Dictionary<string, string>
        {
            ["EVOSPIN_API_URL"] = server.UrlOf(EvospinSystem.Prefix),
            ["EVOSPIN_USER_PASSWORD"] = server.Options.EvospinPassword,
        };

        var secretSource = SecretSource(server, workspace);

        // One short untimed run first: the in-process server JIT-compiles its request path during the first run of a
        // session, which would otherwise slow whichever script goes first (each k6 run is a process of its own).
        var warmUp = TimeSpan.FromSeconds(5);
        await RunAsync("warm-up", workspace.WriteScript("warm-up.js", HandWritten(vus, thinkTime, warmUp)), environment, secretSource, warmUp);

        var rows = new List<(string Script, int Run, K6RunResult Result)>();
        for (var pair = 1; pair <= pairs; pair++)
        {
            // Alternate which goes first, so drift in the machine's load falls on both alike.
            var order = pair % 2 == 1 ? new[] { ("emitted", emittedScript), ("hand-written", handScript) } : [("hand-written", handScript), ("emitted", emittedScript)];
            foreach (var (name, script) in order)
            {
                rows.Add((name, pair, await RunAsync(name, script, environment, secretSource, duration)));
            }
        }

        Console.WriteLine();
        Console.WriteLine("### " + title);
        Console.WriteLine();
        Console.WriteLine("| run | script | http_reqs | req/s | k6 CPU s | CPU µs per request | peak RSS MB | checks |");
        Console.WriteLine("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var (script, run, result) in rows)
        {
            var s = result.Summary!;
            var requests = s.Value("http_reqs", "count") ?? 0;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {run} | {script} | {requests:0} | {s.Value("http_reqs", "rate"):0.0} | {result.Process.CpuTime?.TotalSeconds:0.00} | {CpuPerRequest(result):0.0} | {result.Process.PeakWorkingSet / 1048576.0:0} | {s.ChecksPassRate:P2} |"));
        }

        double Median(string script, Func<K6RunResult, double> value)
        {
            var values = rows.Where(r => r.Script == script).Select(r => value(r.Result)).OrderBy(v => v).ToList();
            return values.Count % 2 == 1 ? values[values.Count / 2] : (values[(values.Count / 2) - 1] + values[values.Count / 2]) / 2;
        }

        var rate = Median("emitted", r => r.Summary!.Value("http_reqs", "rate") ?? 0) / Median("hand-written", r => r.Summary!.Value("http_reqs", "rate") ?? 0);
        var cpu = Median("emitted", CpuPerRequest) / Median("hand-written", CpuPerRequest);
        var rss = Median("emitted", r => r.Process.PeakWorkingSet ?? 0) / Median("hand-written", r => r.Process.PeakWorkingSet ?? 0);
        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Emitted / hand-written (medians): req/s {rate:0.000}x, CPU per request {cpu:0.000}x, peak RSS {rss:0.000}x."));
    }

    // Where the emitted script's time goes: the hand-written script with one emitted construct added at a time.
    private static async Task AblationAsync(SystemUnderTestServer server, K6Workspace workspace, string users, TimeSpan duration, int rounds, string[]? only)
    {
        File.Copy(users, Path.Combine(workspace.Folder, "hand-users.json"), overwrite: true);
        var hand = HandWritten(20, null, duration);
        const string UniqueIndex = "function uniqueIndex(length, index, poolName) {\n  if (index >= length) {\n    exec.test.abort(`Pool ${poolName} has ${length} entries`);\n  }\n  return index;\n}\n";
        const string JsonField = "function jsonField(res, path) {\n  try {\n    return res.json(path);\n  } catch (error) {\n    return undefined;\n  }\n}\n";
        // The hand-written script reading its password from k6/secrets: the declaration replaces the -e read, the
        // iteration's first lines replace its signature.
        string FromSecrets(string declaration, string iteration) => hand
            .Replace("import { SharedArray } from 'k6/data';\n", "import { SharedArray } from 'k6/data';\nimport secrets from 'k6/secrets';\n", StringComparison.Ordinal)
            .Replace("const PASSWORD = __ENV.EVOSPIN_USER_PASSWORD;", declaration, StringComparison.Ordinal)
            .Replace("export function signin() {\n", iteration, StringComparison.Ordinal);

        var variants = new (string Name, string Script)[]
        {
            ("hand-written", hand),
            ("+ uniqueIndex(users.length, ...)", hand.Replace("const users =", UniqueIndex + "const users =", StringComparison.Ordinal).Replace("users[exec.vu.idInTest - 1]", "users[uniqueIndex(users.length, exec.vu.idInTest - 1, 'users')]", StringComparison.Ordinal)),
            ("+ jsonField (try/catch)", hand.Replace("const users =", JsonField + "const users =", StringComparison.Ordinal).Replace("r.json('accessToken')", "jsonField(r, 'accessToken')", StringComparison.Ordinal)),
            ("+ block scope { const res }", hand.Replace("  const res = http.post", "  {\n  const res = http.post", StringComparison.Ordinal).Replace("  });\n}\n", "  });\n  }\n}\n", StringComparison.Ordinal)),
            // The password from k6/secrets, read once per VU: the iteration becomes an async function that awaits every time.
            ("+ async secret read (k6/secrets)", FromSecrets("let PASSWORD;", "export async function signin() {\n  PASSWORD ??= await secrets.get('EVOSPIN_USER_PASSWORD');\n")),
            // The emitted shape since 2026-12-07: the first iteration of a VU reads the secrets and continues in a
            // promise; every later iteration is a plain function call.
            ("+ secret read on a VU's first iteration", FromSecrets(
                "let PASSWORD;\nlet secretsRead = false;\nasync function readSecrets() {\n  PASSWORD = await secrets.get('EVOSPIN_USER_PASSWORD');\n  secretsRead = true;\n}",
                "export function signin() {\n  if (!secretsRead) {\n    return readSecrets().then(() => signin());\n  }\n")),
            ("+ checks threshold", hand.Replace(" } },\n};", " } },\n  thresholds: { 'checks': ['rate>=0.99'] },\n};", StringComparison.Ordinal)),
        };
        foreach (var (name, text) in variants.Skip(1))
        {
            if (text == hand)
            {
                throw new InvalidOperationException("The ablation variant '" + name + "' did not change the hand-written script: its replacement no longer matches.");
            }
        }

        // The hand-written script is every variant's baseline, so it always runs.
        variants = [variants[0], .. variants.Skip(1).Where(v => only is null || only.Any(part => v.Name.Contains(part, StringComparison.OrdinalIgnoreCase)))];

        var environment = new Dictionary<string, string> { ["EVOSPIN_API_URL"] = server.UrlOf(EvospinSystem.Prefix), ["EVOSPIN_USER_PASSWORD"] = server.Options.EvospinPassword };
        var secretSource = SecretSource(server, workspace);
        var results = variants.ToDictionary(v => v.Name, _ => new List<(double Rate, double Cpu)>());
        for (var round = 0; round < rounds; round++)
        {
            foreach (var (name, text) in round % 2 == 0 ? variants : variants.Reverse())
            {
                var script = workspace.WriteScript("ablation-" + Array.FindIndex(variants, v => v.Name == name) + ".js", text);
                var result = await RunAsync(name, script, environment, secretSource, duration);
                results[name].Add((result.RequireSummary().Value("http_reqs", "rate") ?? 0, CpuPerRequest(result)));
            }
        }

        Console.WriteLine();
        Console.WriteLine("### Ablation: the hand-written storm with one emitted construct at a time (20 VUs, no think time)");
        Console.WriteLine();
        Console.WriteLine("| variant | req/s (median) | CPU µs per request (median) | CPU vs hand-written |");
        Console.WriteLine("| --- | ---: | ---: | ---: |");
        var baseline = Median(results["hand-written"].Select(r => r.Cpu).ToList());
        foreach (var (name, _) in variants)
        {
            var cpu = Median(results[name].Select(r => r.Cpu).ToList());
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {name} | {Median(results[name].Select(r => r.Rate).ToList()):0} | {cpu:0.0} | {cpu / baseline:0.000}x |"));
        }
    }

    // One measured run, refused unless it measured the flow: k6 exited 0 (so no threshold failed and nothing aborted),
    // sent requests, and at least 99 % of its checks passed. A run that aborts at once (a missing secret, an exhausted
    // pool) would otherwise show up as a row of zeros.
    private static async Task<K6RunResult> RunAsync(string name, string script, IReadOnlyDictionary<string, string> environment, string secretSource, TimeSpan duration)
    {
        var result = await K6Cli.RunAsync(script, environment, duration + TimeSpan.FromMinutes(2), [secretSource]);
        var summary = result.RequireSummary();
        if (result.Process.ExitCode != 0 || (summary.Value("http_reqs", "count") ?? 0) == 0 || summary.ChecksPassRate < 0.99)
        {
            throw new InvalidOperationException(name + " did not run its flow (exit " + result.Process.ExitCode + "): " + summary.Describe() + Environment.NewLine + result.Process.StandardError);
        }

        return result;
    }

    // The password as the emitted script reads it, through k6's file secret source (the hand-written script reads the
    // -e variable, as scripts written by hand do).
    private static string SecretSource(SystemUnderTestServer server, K6Workspace workspace) =>
        K6Cli.WriteSecretSource(workspace.Folder, new Dictionary<string, string> { ["EVOSPIN_USER_PASSWORD"] = server.Options.EvospinPassword });

    private static double CpuPerRequest(K6RunResult result) =>
        (result.Process.CpuTime?.TotalMilliseconds ?? 0) * 1000 / Math.Max(1, result.Summary?.Value("http_reqs", "count") ?? 1);

    private static async Task InspectAsync(K6Workspace workspace)
    {
        var sampleApi = Path.Combine(AppContext.BaseDirectory, "openapi", "sample-api.yaml");
        var emitter = new K6ScriptEmitter(new EmitterOptions { BaseDirectory = AppContext.BaseDirectory });
        var seeds = new[] { Evospin.SignInStorm(), Evospin.SteppedRamp(), Evospin.Smoke(), EasyMo.Services(), Vineyard.UserMix(), Velure.ProgressiveRamp() };
        Console.WriteLine();
        Console.WriteLine("### k6 inspect against in-process emit and dry run, per script");
        Console.WriteLine();
        Console.WriteLine("| script | `k6 inspect --execution-requirements` ms (median of 10) | emit + dry run ms (median of 50, warm) | ratio |");
        Console.WriteLine("| --- | ---: | ---: | ---: |");
        foreach (var seed in seeds)
        {
            var emitted = emitter.Emit(seed).EnsureSucceeded();
            var folder = Path.Combine(workspace.Folder, "inspect-" + seed.Name);
            Directory.CreateDirectory(folder);
            foreach (var file in emitted.Files)
            {
                File.WriteAllBytes(Path.Combine(folder, file.RelativePath), file.Content.ToArray());
            }

            var script = Path.Combine(folder, emitted.ScriptFileName);
            File.WriteAllText(script, emitted.Script);
            var inspect = new List<double>();
            for (var i = 0; i < 10; i++)
            {
                var watch = Stopwatch.StartNew();
                var result = await K6Cli.InspectAsync(script, Secrets);
                inspect.Add(watch.Elapsed.TotalMilliseconds);
                if (result.ExitCode != 0)
                {
                    throw new InvalidOperationException("k6 inspect failed: " + result.StandardError);
                }
            }

            for (var i = 0; i < 5; i++)
            {
                emitter.Emit(seed);
            }

            var ours = new List<double>();
            for (var i = 0; i < 50; i++)
            {
                var watch = Stopwatch.StartNew();
                emitter.Emit(seed).EnsureSucceeded();
                ours.Add(watch.Elapsed.TotalMilliseconds);
            }

            var k6 = Median(inspect);
            var emit = Median(ours);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {seed.Name} | {k6:0.0} | {emit:0.00} | {k6 / emit:0}x |"));
        }

        _ = sampleApi;
    }

    // The seeds' required settings (their headers list them); inspect evaluates the init context, which reads them.
    private static readonly Dictionary<string, string> Secrets = new()
    {
        ["EVOSPIN_USER_PASSWORD"] = "x", ["VELURE_TEST_PASSWORD"] = "x", ["VINEYARD_TEST_PASSWORD"] = "x",
    };

    private static double Median(List<double> values)
    {
        values.Sort();
        return values[values.Count / 2];
    }

    // The seed's sign-in storm, scaled: the same request, check and unique-per-VU pool, with the benchmark's VUs.
    private static LoadTest SignInStorm(int vus, TimeSpan? thinkTime, TimeSpan duration)
    {
        var pool = UserPool.FromJsonFile("users", "users.json", ["email"]).WithCount(10_000);
        return LoadTest.Create("bench-signin-storm")
            .BaseUrl(Evospin.Api)
            .Scenario("signin", s => s
                .ConstantVus(vus, duration)
                .WithUsers(pool, PoolSelection.UniquePerVu)
                .Flow(f =>
                {
                    f.Post("/api/auth/signin", r => r
                        .JsonBody(new { email = pool.Field("email"), password = Value.Secret("EVOSPIN_USER_PASSWORD") })
                        .ExpectStatus(201)
                        .CheckBodyHas("accessToken"));
                    if (thinkTime is { } pause)
                    {
                        f.ThinkTime(pause);
                    }
                }));
    }

    // What a k6 expert writes by hand for the same flow.
    private static string HandWritten(int vus, TimeSpan? thinkTime, TimeSpan duration) => new StringBuilder()
        .Append("import http from 'k6/http';\n")
        .Append("import { check, sleep } from 'k6';\n")
        .Append("import exec from 'k6/execution';\n")
        .Append("import { SharedArray } from 'k6/data';\n\n")
        .Append("const users = new SharedArray('users', () => JSON.parse(open('./hand-users.json')));\n")
        .Append("const API = __ENV.EVOSPIN_API_URL;\n")
        .Append("const PASSWORD = __ENV.EVOSPIN_USER_PASSWORD;\n\n")
        .Append("export const options = {\n")
        .Append(CultureInfo.InvariantCulture, $"  scenarios: {{ signin: {{ executor: 'constant-vus', exec: 'signin', vus: {vus}, duration: '{(int)duration.TotalSeconds}s' }} }},\n")
        .Append("};\n\n")
        .Append("export function signin() {\n")
        .Append("  const user = users[exec.vu.idInTest - 1];\n")
        .Append("  const res = http.post(`${API}/api/auth/signin`, JSON.stringify({ email: user.email, password: PASSWORD }), {\n")
        .Append("    headers: { 'Content-Type': 'application/json' },\n")
        .Append("    tags: { name: '/api/auth/signin' },\n")
        .Append("    responseCallback: http.expectedStatuses(201),\n")
        .Append("  });\n")
        .Append("  check(res, {\n")
        .Append("    '/api/auth/signin status is 201': (r) => r.status === 201,\n")
        .Append("    '/api/auth/signin has accessToken': (r) => r.json('accessToken') !== undefined,\n")
        .Append("  });\n")
        .Append(thinkTime is { } pause ? string.Create(CultureInfo.InvariantCulture, $"  sleep({pause.TotalSeconds});\n") : string.Empty)
        .Append("}\n")
        .ToString();

    private static void WriteUsers(string path, int count)
    {
        var text = new StringBuilder("[\n");
        for (var i = 1; i <= count; i++)
        {
            text.Append("{\"email\":\"loadtest+").Append(i.ToString("D5", CultureInfo.InvariantCulture)).Append("@evospin.test\"}").Append(i < count ? ",\n" : "\n");
        }

        File.WriteAllText(path, text.Append("]\n").ToString());
    }
}
