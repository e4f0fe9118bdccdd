using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using K6Scenarios.Benchmarks.Emitter;
using K6Scenarios.Emitter.DryRun;

namespace K6Scenarios.RealK6.Tests.Differential;

/// <summary>
/// Hand-broken scripts: a small valid script with one aspect mutated at a time (executor parameters, durations,
/// stages, thresholds and their grammar, metric names and types, scenario names, option keys, init-only calls in VU
/// code, check and group names, imports), drawn from a seeded generator. Our verdict is the Jint dry run's.
/// </summary>
internal static class ScriptCases
{
    /// <summary>The data file the scripts may open.</summary>
    public const string DataFile = "data.txt";

    private static readonly string[] Durations =
    [
        "'1s'", "'90s'", "'1m30s'", "'1h'", "'1d2h'", "'2h45m'", "'500ms'", "'999ms'", "'1000ms'", "'0s'", "'0'", "'-1s'", "'1.5s'", "'1.5m'",
        "'10x'", "''", "' 1s'", "'1S'", "'1sec'", "'1m-30s'", "'3us'", "'1000000000ns'", "'1µs'", "1000", "500", "60000", "0", "-1000", "1.5", "'30'",
        "null", "true", "'P1D'", "'1h0m0s'", "'+2s'", "'2s '", "'1e3ms'", "'.5s'", "'5.s'", "'1d'",
    ];

    private static readonly string[] Counts = ["1", "2", "5", "20", "0", "-1", "2.5", "'3'", "1e2", "null", "true", "1000001", "0.5", "NaN"];

    private static readonly string[] Executors =
    [
        "shared-iterations", "per-vu-iterations", "constant-vus", "ramping-vus", "constant-arrival-rate", "ramping-arrival-rate",
        "externally-controlled", "constant-vu", "Shared-Iterations", "",
    ];

    private static readonly Dictionary<string, string[]> ExecutorKeys = new(StringComparer.Ordinal)
    {
        ["shared-iterations"] = ["vus", "iterations", "maxDuration"],
        ["per-vu-iterations"] = ["vus", "iterations", "maxDuration"],
        ["constant-vus"] = ["vus", "duration"],
        ["ramping-vus"] = ["startVUs", "stages", "gracefulRampDown"],
        ["constant-arrival-rate"] = ["rate", "timeUnit", "duration", "preAllocatedVUs", "maxVUs"],
        ["ramping-arrival-rate"] = ["startRate", "timeUnit", "stages", "preAllocatedVUs", "maxVUs"],
    };

    private static readonly string[] MetricKeys =
    [
        "http_req_duration", "http_req_failed", "http_reqs", "checks", "iterations", "vus", "vus_max", "iteration_duration", "data_sent",
        "group_duration", "dropped_iterations", "ws_sessions", "ws_connecting", "grpc_req_duration", "diff_hits", "diff_latency", "diff_ok", "diff_level",
        "unknown_metric", "http_req_duration{scenario:main}", "http_req_duration{scenario:nope}", "checks{check:one is one}", "http_req_duration{name:a,b}",
        "http_req_duration{group:::work}", "diff_hits{team:payments}", "http_req_duration{}", "http_req_duration{scenario}", "http_req_duration {scenario:main}",
        "http_req_duration{scenario:main", "http_req_duration{ scenario : main }", "Http_Req_Duration", "http_req_duration{status:200,method:GET}",
    ];

    private static readonly string[] Expressions =
    [
        "p(95)<500", "p(95) < 500", "p(99.9)<1", "p(100)<1", "p(0)<1", "p(101)<1", "p(-1)<1", "p(95.5)<=1", "p95<500", "p(95)<", "<500", "p(95)=<500",
        "avg<1", "med<=1", "min>=0", "max==1", "avg===1", "avg!=1", "avg>-1", "avg<1e3", "avg<0x10", "avg < 1ms", "avg<NaN", "avg<Infinity",
        "rate<0.1", "rate>=0", "count>0", "count<1", "value<1", "value>=0", "1<avg", "p(95)<500 && avg<1", "AVG<1", "avg <1", "avg< 1", "p( 95 )<1",
        "p(95)<500ms", "rate<10%", "count>=0.5", "avg", "", "med>1 ", " avg<1",
    ];

    private static readonly string[] MetricNames =
    [
        "diff_custom", "ab", "a", "_x", "x1", "1x", "bad-name", "bad name", "bad.name", "ünïcode", "UPPER_case", new string('m', 128), new string('m', 129),
        new string('m', 130), "http_reqs", "checks", "http_req_duration", "diff_hits", "diff_latency", "__proto__", "constructor", "", "a b", "tab\tname", "x::y",
    ];

    private static readonly string[] MetricTypes = ["Counter", "Gauge", "Rate", "Trend"];

    private static readonly string[] ScenarioNames =
    [
        "main", "a", "A-b_9", "with space", "dot.name", "ünï", "slash/name", "colon:name", "", "-lead", "_lead", "0start", "x".PadRight(200, 'x'), "comma,name", "emoji🙂",
    ];

    private static readonly string[] TopLevelOptions =
    [
        "threshold: { checks: ['rate>0'] }", "scenario: {}", "vus: 2", "duration: '10s'", "iterations: 3", "stages: [{ duration: '1s', target: 1 }]",
        "discardResponseBody: true", "userAgent: 'diff/1.0'", "maxRedirects: 3", "noConnectionReuse: true", "summaryTrendStats: ['avg', 'p(95)']",
        "summaryTrendStats: ['avg', 'p(150)']", "summaryTrendStats: ['mean']", "summaryTimeUnit: 'ms'", "summaryTimeUnit: 'hours'", "setupTimeout: '30s'",
        "setupTimeout: 'soon'", "teardownTimeout: '-1s'", "tags: { suite: 'diff' }", "tags: { suite: 1 }", "hosts: { 'example.test': '127.0.0.1' }",
        "batch: 5", "batchPerHost: 0", "throw: true", "rps: 10", "minIterationDuration: '1s'", "systemTags: ['status', 'method']", "systemTags: ['nope']",
        "noCookiesReset: 'yes'", "insecureSkipTLSVerify: true", "dns: { ttl: '1m', select: 'first', policy: 'preferIPv4' }", "blockHostnames: ['*.example.test']",
        "blacklistIPs: ['10.0.0.0/8']", "httpDebug: 'full'", "tlsVersion: { min: 'tls1.2', max: 'tls1.3' }", "ext: { loadimpact: { name: 'x' } }",
        "cloud: { name: 'diff' }", "executionSegment: '0:1/2'", "handleSummaryTimeout: '1m'", "Scenarios: {}", "thresholds: []", "thresholds: null",
        "noSetup: true", "noTeardown: true", "extra: 1", "paused: true", "localIPs: '127.0.0.1'", "linger: true", "iterations: 0",
    ];

    private static readonly string[] Imports =
    [
        "import http from 'k6/http';", "import exec from 'k6/execution';", "import { SharedArray } from 'k6/data';", "import { WebSocket } from 'k6/websockets';",
        "import ws from 'k6/ws';", "import crypto from 'k6/crypto';", "import encoding from 'k6/encoding';", "import { parseHTML } from 'k6/html';",
        "import { setTimeout } from 'k6/timers';", "import secrets from 'k6/secrets';", "import redis from 'k6/experimental/redis';",
        "import { browser } from 'k6/experimental/browser';", "import grpc from 'k6/net/grpc';", "import tracing from 'k6/experimental/tracing';",
        "import { open as fsOpen } from 'k6/experimental/fs';", "import csv from 'k6/experimental/csv';", "import nothing from 'k6/nothing';",
        "import { ReadableStream } from 'k6/experimental/streams';", "import { Counter as C2 } from 'k6/metrics';", "import { crypto as wc } from 'k6/experimental/webcrypto';",
        "import { check as c2 } from 'k6';", "import k6 from 'k6';", "import timers from 'k6/experimental/timers';",
    ];

    private static readonly string[] VuCode =
    [
        "open('./data.txt');", "const more = new Counter('diff_in_vu');", "new SharedArray('late', () => [1]);", "open('./missing.txt');",
        "group('a::b', () => {});", "check(1, { 'a::b': () => true });", "check(1, { 'plain name': () => true });", "group('plain', () => {});",
        "group('', () => {});", "check(1, { '': () => true });", "hits.add(-1);", "ok.add(2);", "level.add('x');", "latency.add(NaN);", "hits.add(1, { tag: 1 });",
        "sleep(-1);", "sleep('1');", "sleep(0.01);", "throw new Error('boom');", "undefinedFunction();", "hits.add(1, { 'a b': 'c' });",
        "check(1, { [String.fromCharCode(0xD800)]: () => true });", "group('g', () => { group('nested', () => {}); });", "JSON.parse('{');",
        "exec.test.abort('stop');", "const x = __ENV.NOT_SET.length;", "latency.add(1, { scenario: 'override' });",
    ];

    private static readonly string[] InitCode =
    [
        "check(1, { 'in init': () => true });", "group('in init', () => {});", "sleep(0.01);", "const data = open('./data.txt');",
        "const bin = open('./data.txt', 'b');", "const shared = new SharedArray('rows', () => [1, 2]);", "const bad = new SharedArray('rows2', () => 'not an array');",
        "const none = new SharedArray('rows3', () => {});", "const missing = open('./missing.txt');", "const dup = new SharedArray('rows', () => [1]); const dup2 = new SharedArray('rows', () => [2]);",
        "console.log('init');", "const n = exec.vu.idInTest;", "const s = exec.scenario.name;", "__ENV.X = 'y';", "const later = new Counter('diff_hits');", "const t = new Trend('diff_hits');",
        "const r = new Rate('diff_latency', true);", "const g = new Gauge('diff_level2', true);",
    ];

    /// <summary>Generates <paramref name="count"/> cases from <paramref name="seed"/>.</summary>
    /// <param name="seed">The generator's seed.</param>
    /// <param name="count">How many.</param>
    /// <returns>The cases with our verdict.</returns>
    public static IReadOnlyList<DifferentialCase> Generate(ulong seed, int count)
    {
        var random = new DeterministicRandom(seed);
        var runner = new K6DryRunner();
        var generators = new (string Category, K6Judge Judge, Func<DeterministicRandom, (string Description, Parts Parts)> Build)[]
        {
            ("executor", K6Judge.PausedRun, Executor),
            ("duration", K6Judge.PausedRun, Duration),
            ("stages", K6Judge.PausedRun, StagesCase),
            ("threshold", K6Judge.PausedRun, Threshold),
            ("metric", K6Judge.PausedRun, Metric),
            ("scenario-name", K6Judge.PausedRun, ScenarioName),
            ("option", K6Judge.PausedRun, Option),
            ("import", K6Judge.PausedRun, Import),
            ("init-code", K6Judge.FullRun, Init),
            ("vu-code", K6Judge.FullRun, Vu),
        };
        var cases = new List<DifferentialCase>(count);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; cases.Count < count && i < count * 20; i++)
        {
            var (category, judge, build) = generators[i % generators.Length];
            var (description, parts) = build(random);
            var script = parts.Render();
            if (!seen.Add(script))
            {
                continue;
            }

            var result = runner.Run(new DryRunInput("case.js", script) { Files = new Dictionary<string, string> { ["./" + DataFile] = "data" } });
            cases.Add(new DifferentialCase(category + "-" + cases.Count.ToString("D4", CultureInfo.InvariantCulture), category, description, script, judge, result.Problems.Select(p => p.Message).ToList()));
        }

        return cases;
    }

    private static (string, Parts) Executor(DeterministicRandom random)
    {
        var executor = random.Chance(1, 8) ? random.Pick(Executors) : random.Pick(ExecutorKeys.Keys.ToArray());
        var keys = ExecutorKeys.TryGetValue(executor, out var known) ? known : ["vus", "duration"];
        var fields = new List<string> { "executor: '" + executor + "'", "exec: 'main'" };
        foreach (var key in keys)
        {
            if (random.Chance(1, 5))
            {
                continue;
            }

            fields.Add(key + ": " + key switch
            {
                "stages" => Stages(random),
                "duration" or "maxDuration" or "timeUnit" or "gracefulRampDown" => random.Chance(2, 3) ? random.Pick("'1s'", "'30s'", "'2m'") : random.Pick(Durations),
                _ => random.Chance(1, 2) ? random.Pick("1", "2", "5", "10") : random.Pick(Counts),
            });
        }

        if (random.Chance(1, 6))
        {
            fields.Add(random.Pick("gracefulStop: '10s'", "gracefulStop: '-1s'", "startTime: '5s'", "startTime: '-5s'", "iteration: 1", "vu: 1", "env: { A: 'b' }", "env: { A: 1 }", "tags: { t: 'x' }", "tags: { t: null }", "options: {}", "exec: 'missing'", "exec: 1"));
        }

        var scenario = "{ " + string.Join(", ", fields) + " }";
        return (scenario, new Parts { Scenarios = "main: " + scenario });
    }

    private static (string, Parts) Duration(DeterministicRandom random)
    {
        var value = random.Pick(Durations);
        var where = random.Next(5);
        var scenario = where switch
        {
            0 => "main: { executor: 'constant-vus', exec: 'main', vus: 1, duration: " + value + " }",
            1 => "main: { executor: 'shared-iterations', exec: 'main', vus: 1, iterations: 1, maxDuration: " + value + " }",
            2 => "main: { executor: 'shared-iterations', exec: 'main', vus: 1, iterations: 1, gracefulStop: " + value + " }",
            3 => "main: { executor: 'shared-iterations', exec: 'main', vus: 1, iterations: 1, startTime: " + value + " }",
            _ => "main: { executor: 'constant-arrival-rate', exec: 'main', rate: 1, timeUnit: " + value + ", duration: '5s', preAllocatedVUs: 1 }",
        };
        return (scenario, new Parts { Scenarios = scenario });
    }

    private static (string, Parts) StagesCase(DeterministicRandom random)
    {
        var arrival = random.Chance(1, 3);
        var start = random.Pick("0", "1", "-1", "2", "'1'", "null");
        var scenario = arrival
            ? "main: { executor: 'ramping-arrival-rate', exec: 'main', startRate: " + start + ", preAllocatedVUs: 2, stages: " + Stages(random) + " }"
            : "main: { executor: 'ramping-vus', exec: 'main', startVUs: " + start + ", stages: " + Stages(random) + " }";
        return (scenario, new Parts { Scenarios = scenario });
    }

    private static string Stages(DeterministicRandom random)
    {
        switch (random.Next(8))
        {
            case 0: return "[]";
            case 1: return random.Pick("null", "{}", "'1s:10'", "[1]");
        }

        var stages = new List<string>();
        for (var i = random.Between(1, 3); i > 0; i--)
        {
            var duration = random.Chance(3, 4) ? random.Pick("'1s'", "'10s'", "'0s'") : random.Pick(Durations);
            var target = random.Chance(3, 4) ? random.Pick("0", "1", "5") : random.Pick(Counts);
            stages.Add(random.Next(12) switch
            {
                0 => "{ duration: " + duration + " }",
                1 => "{ target: " + target + " }",
                2 => "{ duration: " + duration + ", target: " + target + ", extra: 1 }",
                _ => "{ duration: " + duration + ", target: " + target + " }",
            });
        }

        return "[" + string.Join(", ", stages) + "]";
    }

    private static (string, Parts) Threshold(DeterministicRandom random)
    {
        var key = random.Pick(MetricKeys);
        var expression = random.Pick(Expressions);
        var value = random.Next(8) switch
        {
            0 => "'" + expression + "'",
            1 => "[{ threshold: '" + expression + "', abortOnFail: true, delayAbortEval: " + random.Pick("'10s'", "'x'", "10") + " }]",
            2 => "[{ threshold: '" + expression + "', abortOnfail: true }]",
            3 => "[{ treshold: '" + expression + "' }]",
            4 => "['" + expression + "', '" + random.Pick(Expressions) + "']",
            _ => "['" + expression + "']",
        };
        var thresholds = "'" + key.Replace("'", "\\'", StringComparison.Ordinal) + "': " + value;
        return (thresholds, new Parts { Thresholds = thresholds });
    }

    private static (string, Parts) Metric(DeterministicRandom random)
    {
        var name = random.Pick(MetricNames);
        var type = random.Pick(MetricTypes);
        var declaration = "const custom = new " + type + "(" + JsLiteral(name) + (random.Chance(1, 3) ? ", " + random.Pick("true", "false", "'yes'") : string.Empty) + ");";
        var threshold = random.Chance(1, 2) ? "'" + name.Replace("'", "\\'", StringComparison.Ordinal) + "': ['" + random.Pick("count>=0", "rate>=0", "value>=0", "avg>=0", "p(95)>=0") + "']" : null;
        return (declaration + (threshold is null ? string.Empty : " " + threshold), new Parts { Init = declaration, Thresholds = threshold ?? Parts.DefaultThresholds });
    }

    private static (string, Parts) ScenarioName(DeterministicRandom random)
    {
        var name = random.Pick(ScenarioNames);
        var scenario = JsLiteral(name) + ": { executor: 'shared-iterations', exec: 'main', vus: 1, iterations: 1 }";
        var thresholds = random.Chance(1, 2) ? "'iteration_duration{scenario:" + name.Replace("'", "\\'", StringComparison.Ordinal) + "}': ['avg>=0']" : Parts.DefaultThresholds;
        return (scenario, new Parts { Scenarios = scenario, Thresholds = thresholds });
    }

    private static (string, Parts) Option(DeterministicRandom random)
    {
        var option = random.Pick(TopLevelOptions);
        return (option, new Parts { Extra = option });
    }

    private static (string, Parts) Import(DeterministicRandom random)
    {
        var import = random.Pick(Imports);
        return (import, new Parts { Imports = import });
    }

    private static (string, Parts) Init(DeterministicRandom random)
    {
        var code = random.Pick(InitCode);
        return (code, new Parts { Init = code });
    }

    private static (string, Parts) Vu(DeterministicRandom random)
    {
        var code = random.Pick(VuCode);
        return (code, new Parts { Body = code });
    }

    private static string JsLiteral(string text) => "'" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal).Replace("\t", "\\t", StringComparison.Ordinal) + "'";

    /// <summary>The pieces of a case script; each defaults to the valid baseline.</summary>
    private sealed class Parts
    {
        public const string DefaultThresholds = "'diff_hits': ['count>=0']";

        public string Imports { get; init; } = string.Empty;

        public string Init { get; init; } = string.Empty;

        public string Scenarios { get; init; } = "main: { executor: 'shared-iterations', exec: 'main', vus: 1, iterations: 1 }";

        public string Thresholds { get; init; } = DefaultThresholds;

        public string Extra { get; init; } = string.Empty;

        public string Body { get; init; } = string.Empty;

        public string Render() => string.Join(
            "\n",
            "import { check, group, sleep } from 'k6';",
            "import { Counter, Gauge, Rate, Trend } from 'k6/metrics';",
            "import { SharedArray } from 'k6/data';",
            "import exec from 'k6/execution';",
            Imports,
            "const hits = new Counter('diff_hits');",
            "const latency = new Trend('diff_latency', true);",
            "const ok = new Rate('diff_ok');",
            "const level = new Gauge('diff_level');",
            Init,
            "export const options = {",
            "  scenarios: { " + Scenarios + " },",
            "  thresholds: { " + Thresholds + " },",
            Extra.Length == 0 ? string.Empty : "  " + Extra + ",",
            "};",
            "export function main() {",
            "  group('work', () => { check(1, { 'one is one': (v) => v === 1 }); });",
            "  hits.add(1); latency.add(1); ok.add(true); level.add(1);",
            "  " + Body,
            "}",
            string.Empty);
    }
}
