using System.Collections.Generic;
using System.Linq;
using K6Scenarios.Emitter.DryRun;

namespace K6Scenarios.Emitter.Tests.DryRun;

public sealed class ValidScriptTests
{
    // Several executors, thresholds on built-in and custom metrics, a SharedArray pool read with open(), setup
    // returning a token, groups, checks, a capture guarded with fail(), and a WebSocket session with timers.
    private const string Realistic = """
        import http from 'k6/http';
        import { check, group, sleep, fail } from 'k6';
        import { Rate, Trend, Counter } from 'k6/metrics';
        import { SharedArray } from 'k6/data';
        import exec from 'k6/execution';
        import { WebSocket } from 'k6/websockets';
        import { setTimeout, setInterval, clearInterval } from 'k6/timers';

        const users = new SharedArray('users', () => JSON.parse(open('./users.json')));
        const errors = new Rate('errors');
        const betLatency = new Trend('bet_latency', true);
        const wsMessages = new Counter('ws_messages');

        export const options = {
          scenarios: {
            signin: { executor: 'ramping-vus', startVUs: 0, stages: [{ duration: '30s', target: 50 }, { duration: '1m', target: 0 }], exec: 'signin', gracefulRampDown: '10s' },
            bets: { executor: 'constant-arrival-rate', rate: 20, timeUnit: '1s', duration: '2m', preAllocatedVUs: 10, maxVUs: 50, exec: 'bet', startTime: '30s', tags: { flow: 'bet' } },
            history: { executor: 'per-vu-iterations', vus: 5, iterations: 10, maxDuration: '5m', exec: 'history', env: { PAGE_SIZE: '20' } },
            smoke: { executor: 'shared-iterations', vus: 2, iterations: 4, exec: 'history' },
            ws: { executor: 'constant-vus', vus: 3, duration: '1m', exec: 'socket' },
            ramp: { executor: 'ramping-arrival-rate', startRate: 1, timeUnit: '1s', preAllocatedVUs: 5, stages: [{ duration: '1m', target: 10 }], exec: 'bet' },
          },
          thresholds: {
            'http_req_duration{scenario:signin}': [{ threshold: 'p(95)<500', abortOnFail: true, delayAbortEval: '10s' }],
            http_req_failed: ['rate<0.05'],
            errors: ['rate<0.1'],
            bet_latency: ['p(99)<800', 'avg<300'],
            ws_messages: ['count>0'],
            checks: ['rate>0.95'],
            'group_duration{group:::bets}': ['max<2000'],
          },
          summaryTrendStats: ['avg', 'p(95)', 'p(99.9)'],
        };

        export function setup() {
          const res = http.post(`${__ENV.BASE_URL}/auth/signin`, JSON.stringify({ email: 'admin@example.test', password: 'secret' }), {
            headers: { 'Content-Type': 'application/json' },
            tags: { name: 'signin' },
          });
          const token = res.json('data.accessToken');
          if (token === undefined) fail('setup: sign-in returned no token');
          return { token };
        }

        export function signin() {
          const user = users[exec.vu.idInTest % users.length];
          const res = http.post(`${__ENV.BASE_URL}/auth/signin`, JSON.stringify({ email: user.email, password: user.password }), {
            headers: { 'Content-Type': 'application/json' },
            tags: { name: 'signin' },
            responseCallback: http.expectedStatuses(201),
          });
          errors.add(!check(res, { 'signin is 201': r => r.status === 201 }));
          sleep(1);
        }

        export function bet(data) {
          group('bets', () => {
            const res = http.post(http.url`${__ENV.BASE_URL}/bets/${exec.scenario.iterationInTest}`, { amount: '10' }, {
              headers: { Authorization: `Bearer ${data.token}` },
            });
            betLatency.add(res.timings.duration);
            check(res, { 'bet accepted': r => r.status === 200 });
          });
        }

        export function history(data) {
          const res = http.get(`${__ENV.BASE_URL}/bets?size=${__ENV.PAGE_SIZE || '10'}`, {
            headers: { Authorization: `Bearer ${data.token}` },
            tags: { name: 'history' },
          });
          const count = res.json('items.#');
          const firstId = res.json('items.0.id');
          if (count === undefined || firstId === undefined) fail(`history: no items in ${res.body}`);
          check(res, { 'history has items': () => count > 0 });
        }

        export function socket(data) {
          const ws = new WebSocket(`${__ENV.WS_URL}?token=${data.token}`);
          ws.onopen = () => {
            ws.send(JSON.stringify({ event: 'subscribe', channel: 'bets' }));
            const pinger = setInterval(() => ws.ping(), 1000);
            setTimeout(() => {
              clearInterval(pinger);
              ws.close();
            }, 5000);
          };
          ws.onmessage = event => {
            wsMessages.add(1);
            check(JSON.parse(event.data), { 'ws event has a type': m => m.type !== undefined });
          };
          ws.addEventListener('close', event => check(event, { 'ws closed normally': e => e.code === 1000 }));
        }

        export function teardown(data) {
          http.del(`${__ENV.BASE_URL}/sessions`, null, { headers: { Authorization: `Bearer ${data.token}` } });
        }

        export function handleSummary(summary) {
          return { stdout: `checks: ${summary.metrics.checks.values.rate}`, 'summary.json': JSON.stringify(summary) };
        }
        """;

    private static readonly Dictionary<string, string> UsersFile = new()
    {
        ["./users.json"] = """[{ "email": "a@example.test", "password": "pa" }, { "email": "b@example.test", "password": "pb" }]""",
    };

    private static readonly List<StubResponse> Stubs =
    [
        new("POST", "signin", 201, """{ "data": { "accessToken": "abc" } }""", new Dictionary<string, string> { ["content-type"] = "application/json" }),
        new("GET", "history", 200, """{ "items": [{ "id": 7 }, { "id": 8 }] }""", new Dictionary<string, string>()),
    ];

    [Fact]
    public void Realistic_script_passes()
    {
        var result = Scripts.Validate(Realistic, UsersFile, Stubs, new K6DryRunner { MaxStatements = 200_000 });

        Assert.True(result.IsValid, Scripts.Describe(result));
    }

    [Fact]
    public void Realistic_script_runs_every_exec_function_and_records_failed_checks()
    {
        // The WebSocket's stub message is '{}', which has no type; that check fails (a fact, not a problem).
        var result = Scripts.Validate(Realistic, UsersFile, Stubs);

        var failed = Assert.Single(result.FailedChecks);
        Assert.Equal("ws event has a type", failed.Name);
        Assert.Equal("socket", failed.Phase);
        Assert.Equal(Scripts.LineOf(Realistic, "'ws event has a type'"), failed.Line);
    }

    [Fact]
    public void A_stub_message_with_the_expected_shape_satisfies_the_websocket_check()
    {
        var result = new K6DryRunner().Run(new DryRunInput(Scripts.Name, Realistic)
        {
            Environment = Scripts.Env,
            Files = UsersFile,
            Responses = Stubs,
            WebSocketMessage = """{ "type": "bet" }""",
        });

        Assert.True(result.IsValid, Scripts.Describe(result));
        Assert.Empty(result.FailedChecks);
    }

    [Fact]
    public void Without_stubs_the_setup_capture_guard_reports_the_missing_token()
    {
        // Default stubs answer 200 with {}: the capture finds nothing and the script's own guard fails setup.
        var result = Scripts.Validate(Realistic, UsersFile);

        var problem = Scripts.Single(result, "setup: sign-in returned no token");
        Assert.Equal("setup", problem.Phase);
        Assert.Equal(Scripts.LineOf(Realistic, "fail('setup: sign-in returned no token')"), problem.Line);
        Assert.Single(result.Problems);
    }

    [Fact]
    public void A_script_without_scenarios_runs_its_default_function()
    {
        const string script = """
            import http from 'k6/http';
            export const options = { vus: 10, duration: '30s', thresholds: { http_req_duration: ['p(95)<500'] } };
            export default function () {
              http.get(`${__ENV.BASE_URL}/health`, { tags: { name: 'health' } });
            }
            """;

        var result = Scripts.Validate(script);

        Assert.True(result.IsValid, Scripts.Describe(result));
    }

    [Fact]
    public void Validation_is_deterministic()
    {
        const string broken = """
            export const options = { threshold: {}, scenarios: { a: { executor: 'constant-vus', duration: 30 } } };
            export default function () { undefinedFunction(); }
            """;

        var first = Scripts.Validate(broken);
        var second = Scripts.Validate(broken);

        Assert.Equal(first.Problems, second.Problems);
        Assert.Equal(3, first.Problems.Count);
    }

    [Fact]
    public void Concurrent_validations_do_not_interfere()
    {
        var validator = new K6DryRunner();
        var results = Enumerable.Range(0, 8).AsParallel().AsOrdered()
            .Select(i => i % 2 == 0
                ? Scripts.Validate(Realistic, UsersFile, Stubs, validator)
                : Scripts.Validate("export const options = { threshold: {} };\nexport default function () {}", validator: validator))
            .ToList();

        for (var i = 0; i < results.Count; i++)
        {
            Assert.Equal(i % 2 == 0 ? 0 : 1, results[i].Problems.Count);
        }
    }
}
