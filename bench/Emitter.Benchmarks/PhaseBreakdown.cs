using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using Jint;
using K6Scenarios.Emitter;
using K6Scenarios.Model;
using K6Scenarios.Model.Validation;

namespace K6Scenarios.Benchmarks.Emitter;

/// <summary>
/// <c>breakdown [corpus-size]</c>: a stopwatch profile of one emission, phase by phase, through the public API only:
/// model validation, emission without and with validation (their difference is the validation), and the floor any
/// Jint-based validation pays (a fresh engine evaluating a 12-line k6 module against trivial shims).
/// Each call is timed on its own; the table gives the median and the mean (1 / throughput) in microseconds.
/// </summary>
internal static class PhaseBreakdown
{
    private const int Warmup = 3;

    // A small k6 script of the kind K6.md's probe timed: imports, options, one exec function.
    private const string FloorScript = """
        import http from 'k6/http';
        import { check, sleep } from 'k6';
        export const options = {
          scenarios: { signin: { executor: 'constant-vus', exec: 'signin', vus: 10, duration: '30s' } },
          thresholds: { http_req_duration: ['p(95)<500'] },
        };
        export function signin() {
          const res = http.post(`${__ENV.BASE_URL}/auth/signin`, JSON.stringify({ email: 'a@b.c' }), { headers: { 'Content-Type': 'application/json' } });
          check(res, { 'status is 201': (r) => r.status === 201 });
          sleep(1);
        }
        """;

    private const string HttpShim = "export default { post: (url, body, params) => ({ status: 201, body: '{}', json: () => ({}) }) };";
    private const string CoreShim = "export function check(value, checks) { for (const name in checks) { checks[name](value); } return true; } export function sleep() {}";

    public static int Run(int corpusSize)
    {
        var seeds = BenchData.SeedLoadTests();
        var seedDirectory = BenchData.SeedBaseDirectory();
        var corpus = LoadTestCorpus.Generate(corpusSize);
        var corpusDirectory = BenchData.PrepareCorpusData();

        Console.WriteLine(Invariant($"Phase breakdown, microseconds per script (median / mean = 1/throughput), {Environment.ProcessorCount} cores, .NET {Environment.Version}"));
        Console.WriteLine("| set | model validation | emit, no validation | emit + validation | Jint floor |");
        Console.WriteLine("| --- | ---: | ---: | ---: | ---: |");
        Report(Invariant($"seeds ({seeds.Count})"), seeds, seedDirectory, repetitions: 100);
        Report(Invariant($"corpus ({corpus.Count})"), corpus, corpusDirectory, repetitions: Math.Max(1, 2000 / Math.Max(1, corpus.Count)));
        return 0;
    }

    private static void Report(string title, IReadOnlyList<LoadTest> tests, string baseDirectory, int repetitions)
    {
        var plain = new K6ScriptEmitter(new EmitterOptions { BaseDirectory = baseDirectory, DryRun = false });
        var validating = new K6ScriptEmitter(new EmitterOptions { BaseDirectory = baseDirectory, DryRun = true });
        BenchData.EnsureAllEmit(tests, validating.Options);
        var floor = Engine.PrepareModule(FloorScript, "floor.js");
        var phases = new (string Name, Action<int> Run)[]
        {
            ("model", i => LoadTestValidator.Validate(tests[i])),
            ("emit", i => plain.Emit(tests[i])),
            ("emit+validate", i => validating.Emit(tests[i])),
            ("floor", _ => RunFloor(floor)),
        };

        var cells = new List<string>();
        foreach (var (_, run) in phases)
        {
            for (var w = 0; w < Warmup; w++)
            {
                for (var i = 0; i < tests.Count; i++)
                {
                    run(i);
                }
            }

            var samples = new List<double>(tests.Count * repetitions);
            for (var r = 0; r < repetitions; r++)
            {
                for (var i = 0; i < tests.Count; i++)
                {
                    var start = Stopwatch.GetTimestamp();
                    run(i);
                    samples.Add(Stopwatch.GetElapsedTime(start).TotalMicroseconds);
                }
            }

            samples.Sort();
            cells.Add(Invariant($"{samples[samples.Count / 2]:F0} / {samples.Average():F0}"));
        }

        Console.WriteLine("| " + title + " | " + string.Join(" | ", cells) + " |");
    }

    // A fresh engine per script, as the validator creates one: the module parse is the script's own, so it is included.
    private static void RunFloor(Prepared<Acornima.Ast.Module> script)
    {
        var engine = new Engine();
        engine.SetValue("__ENV", new Dictionary<string, object> { ["BASE_URL"] = "http://localhost" });
        engine.Modules.Add("k6/http", HttpShim);
        engine.Modules.Add("k6", CoreShim);
        engine.Modules.Add("script", builder => builder.AddModule(in script));
        var exports = engine.Modules.Import("script");
        engine.Invoke(exports.Get("signin"));
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
