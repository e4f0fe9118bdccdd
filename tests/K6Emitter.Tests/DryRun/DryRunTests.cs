using System;
using System.Linq;
using System.Collections.Generic;
using K6Scenarios.Emitter.DryRun;

namespace K6Scenarios.Emitter.Tests.DryRun;

public sealed class DryRunTests
{
    private static readonly Dictionary<string, string> JsonHeaders = new() { ["content-type"] = "application/json" };

    [Fact]
    public void Capture_of_a_field_the_stub_response_lacks_fails_the_guard_at_its_line()
    {
        const string script = """
            import http from 'k6/http';
            import { fail } from 'k6';
            export const options = { scenarios: { signin: { executor: 'shared-iterations', exec: 'signin' } } };
            export function signin() {
              const res = http.post(`${__ENV.BASE_URL}/auth/signin`, JSON.stringify({ email: 'a', password: 'b' }), {
                headers: { 'Content-Type': 'application/json' },
                tags: { name: 'signin' },
              });
              const token = res.json('data.token');
              if (token === undefined) fail('signin: the response has no data.token');
            }
            """;
        var stub = new StubResponse("POST", "signin", 201, """{ "data": { "accessToken": "abc" } }""", JsonHeaders);

        var result = Scripts.Validate(script, responses: [stub]);

        var problem = Assert.Single(result.Problems);
        Assert.Equal("fail() ended the iteration: signin: the response has no data.token", problem.Message);
        Assert.Equal("signin", problem.Phase);
        Assert.Equal(Scripts.LineOf(script, "fail('signin"), problem.Line);
        Assert.Equal(Scripts.ColumnOf(script, "fail('signin"), problem.Column);
    }

    [Fact]
    public void The_capture_succeeds_when_the_stub_has_the_field()
    {
        const string script = """
            import http from 'k6/http';
            import { fail } from 'k6';
            export const options = { vus: 1 };
            export default function () {
              const res = http.post(`${__ENV.BASE_URL}/auth/signin`, '{}', { tags: { name: 'signin' } });
              if (res.status !== 201) fail(`status ${res.status}`);
              if (res.json('data.accessToken') !== 'abc') fail('token');
              if (res.headers['Content-Type'] !== 'application/json') fail('canonical header');
            }
            """;
        var stub = new StubResponse("post", "signin", 201, """{ "data": { "accessToken": "abc" } }""", JsonHeaders);

        var result = Scripts.Validate(script, responses: [stub]);

        Assert.True(result.IsValid, Scripts.Describe(result));
    }

    [Fact]
    public void Json_paths_follow_the_gjson_subset()
    {
        const string script = """
            import http from 'k6/http';
            export const options = { vus: 1 };
            export default function () {
              const res = http.get(`${__ENV.BASE_URL}/items`, { tags: { name: 'items' } });
              const actual = [res.json('items.#'), res.json('items.1.id'), res.json('items.#.id'), res.json('meta\\.v'), res.json('items.5.id'), res.json('nope.deeper')];
              const expected = JSON.stringify([2, 8, [7, 8], 3, undefined, undefined]);
              if (JSON.stringify(actual) !== expected) throw new Error(JSON.stringify(actual));
              if (res.json().items.length !== 2) throw new Error('whole body');
            }
            """;
        var stub = new StubResponse("GET", "items", 200, """{ "items": [{ "id": 7 }, { "id": 8 }], "meta.v": 3 }""", JsonHeaders);

        var result = Scripts.Validate(script, responses: [stub]);

        Assert.True(result.IsValid, Scripts.Describe(result));
    }

    [Fact]
    public void Json_of_a_non_json_body_throws_like_k6()
    {
        const string script = """
            import http from 'k6/http';
            export const options = { vus: 1 };
            export default function () {
              const res = http.get(`${__ENV.BASE_URL}/page`, { tags: { name: 'page' } });
              const data = res.json();
            }
            """;

        var result = Scripts.Validate(script, responses: [new StubResponse("GET", "page", 200, "<html></html>", new Dictionary<string, string>())]);

        Assert.Equal(5, Scripts.Single(result, "cannot parse json").Line);
    }

    [Fact]
    public void Discarded_bodies_are_null_unless_the_request_asks_for_text()
    {
        const string script = """
            import http from 'k6/http';
            export const options = { vus: 1, discardResponseBodies: true };
            export default function () {
              const discarded = http.get(`${__ENV.BASE_URL}/a`);
              const kept = http.get(`${__ENV.BASE_URL}/a`, { responseType: 'text' });
              if (discarded.body !== null || kept.body !== '{}') throw new Error('bodies');
              discarded.json('id');
            }
            """;

        var result = Scripts.Validate(script);

        var problem = Assert.Single(result.Problems);
        Assert.Contains("the body is null", problem.Message, StringComparison.Ordinal);
        Assert.Equal(7, problem.Line);
    }

    [Fact]
    public void Unknown_params_keys_and_bad_params_are_reported_at_the_request()
    {
        const string script = """
            import http from 'k6/http';
            export const options = { vus: 1 };
            export default function () {
              http.get(`${__ENV.BASE_URL}/a`, { header: { Accept: 'application/json' }, responseType: 'json', timeout: '1 minute' });
            }
            """;

        var result = Scripts.Validate(script);

        Assert.Contains("did you mean 'headers'", Scripts.Single(result, "unknown params key 'header'").Message, StringComparison.Ordinal);
        Scripts.Single(result, "params.responseType must be one of text, binary, none");
        Scripts.Single(result, "params.timeout must be a duration");
        Assert.All(result.Problems, p => Assert.Equal((4, 3), (p.Line, p.Column)));
        Assert.Equal(3, result.Problems.Count);
    }

    [Fact]
    public void Get_with_a_body_argument_is_reported()
    {
        const string script = """
            import http from 'k6/http';
            export const options = { vus: 1 };
            export default function () {
              http.get(`${__ENV.BASE_URL}/a`, null, { headers: {} });
            }
            """;

        var result = Scripts.Validate(script);

        Assert.Equal(4, Scripts.Single(result, "http.get() takes (url, params) and sends no body").Line);
    }

    [Fact]
    public void Object_body_with_a_json_content_type_is_reported_but_form_bodies_are_accepted()
    {
        const string script = """
            import http from 'k6/http';
            export const options = { vus: 1 };
            export default function () {
              http.post(`${__ENV.BASE_URL}/form`, { amount: '10' });
              http.post(`${__ENV.BASE_URL}/json`, { amount: 10 }, { headers: { 'content-type': 'application/json' } });
            }
            """;

        var result = Scripts.Validate(script);

        var problem = Assert.Single(result.Problems);
        Assert.Contains("sends form-encoded although Content-Type is 'application/json'", problem.Message, StringComparison.Ordinal);
        Assert.Equal(5, problem.Line);
    }

    [Fact]
    public void Header_built_from_a_missing_capture_is_reported()
    {
        const string script = """
            import http from 'k6/http';
            export const options = { vus: 1 };
            export default function () {
              const token = http.get(`${__ENV.BASE_URL}/token`).json('token');
              http.get(`${__ENV.BASE_URL}/me`, { headers: { Authorization: `Bearer ${token}` } });
            }
            """;

        var result = Scripts.Validate(script);

        Assert.Equal(5, Scripts.Single(result, "header 'Authorization' is 'Bearer undefined'").Line);
    }

    [Fact]
    public void Relative_url_from_a_missing_environment_variable_is_reported()
    {
        const string script = """
            import http from 'k6/http';
            export const options = { vus: 1 };
            export default function () {
              const res = http.get(`${__ENV.API_URL}/health`);
              if (res.status !== 0) throw new Error('k6 answers status 0');
            }
            """;

        var result = Scripts.Validate(script);

        var problem = Assert.Single(result.Problems);
        Assert.Contains("'undefined/health' is not an absolute http(s) URL", problem.Message, StringComparison.Ordinal);
        Assert.Equal(4, problem.Line);
    }

    [Fact]
    public void Expected_statuses_and_templated_urls_are_accepted_and_validated()
    {
        const string script = """
            import http from 'k6/http';
            export const options = { vus: 1 };
            http.setResponseCallback(http.expectedStatuses({ min: 200, max: 299 }, 429));
            export default function () {
              const res = http.get(http.url`${__ENV.BASE_URL}/users/${42}`, { responseCallback: http.expectedStatuses(200) });
              if (res.url !== 'https://api.example.test/users/42') throw new Error(res.url);
              http.expectedStatuses({ min: 200 });
            }
            """;

        var result = Scripts.Validate(script);

        var problem = Assert.Single(result.Problems);
        Assert.Contains("argument number 1 to expectedStatuses was neither an integer nor an object", problem.Message, StringComparison.Ordinal);
        Assert.Equal(7, problem.Line);
    }

    [Fact]
    public void Templated_url_selects_the_stub_by_its_template_name()
    {
        const string script = """
            import http from 'k6/http';
            export const options = { vus: 1 };
            export default function () {
              const res = http.get(http.url`${__ENV.BASE_URL}/users/${42}`);
              if (res.status !== 404) throw new Error(`status ${res.status}`);
            }
            """;
        var stub = new StubResponse("GET", "${}/users/${}", 404, "{}", new Dictionary<string, string>());

        var result = Scripts.Validate(script, responses: [stub]);

        Assert.True(result.IsValid, Scripts.Describe(result));
    }

    [Fact]
    public void Exec_test_abort_is_reported_even_when_caught()
    {
        const string script = """
            import exec from 'k6/execution';
            export const options = { scenarios: { a: { executor: 'shared-iterations', exec: 'first' }, b: { executor: 'shared-iterations', exec: 'second' } } };
            export function first() {
              try {
                exec.test.abort('sign-in is failing');
              } catch (e) {}
            }
            export function second() {
              throw new Error('never reached: the test was aborted');
            }
            """;

        var result = Scripts.Validate(script);

        var problem = Assert.Single(result.Problems);
        Assert.Contains("exec.test.abort() was called", problem.Message, StringComparison.Ordinal);
        Assert.Contains("sign-in is failing", problem.Message, StringComparison.Ordinal);
        Assert.Equal("first", problem.Phase);
        Assert.Equal(5, problem.Line);
    }

    [Fact]
    public void Endless_loop_is_reported_at_its_line()
    {
        const string script = """
            export const options = { vus: 1 };
            export default function () {
              let i = 0;
              while (i >= 0) { i++; }
            }
            """;

        var result = Scripts.Validate(script, validator: new K6DryRunner { MaxStatements = 100_000 });

        var problem = Assert.Single(result.Problems);
        Assert.Contains("did not finish within 100000 statements", problem.Message, StringComparison.Ordinal);
        Assert.Equal("default", problem.Phase);
        Assert.Equal(4, problem.Line);
    }

    [Fact]
    public void Endless_loop_in_init_is_reported_and_stops_the_dry_run()
    {
        var result = Scripts.Validate("export const options = { vus: 1 };\nfor (;;) {}\nexport default function () {}", validator: new K6DryRunner { MaxStatements = 50_000 });

        var problem = Assert.Single(result.Problems);
        Assert.Equal("init", problem.Phase);
        Assert.Equal(2, problem.Line);
    }

    [Fact]
    public void Validation_timeout_reports_a_hang_when_the_statement_budget_is_not_reached()
    {
        var validator = new K6DryRunner(TimeSpan.FromMilliseconds(50)) { MaxStatements = long.MaxValue };

        var result = Scripts.Validate("export const options = { vus: 1 };\nexport default function () {\n  while (true) {}\n}", validator: validator);

        var problem = Assert.Single(result.Problems);
        Assert.Contains("validation timeout", problem.Message, StringComparison.Ordinal);
        Assert.Equal(3, problem.Line);
    }

    [Fact]
    public void Unbounded_recursion_is_reported()
    {
        var result = Scripts.Validate("export const options = { vus: 1 };\nfunction down(n) { return down(n + 1); }\nexport default function () { down(0); }");

        Scripts.Single(result, "unbounded recursion");
    }

    [Fact]
    public void Setup_failure_stops_the_scenarios_like_k6()
    {
        const string script = """
            export const options = { vus: 1 };
            export function setup() { throw new Error('no admin token'); }
            export default function () { throw new Error('must not run'); }
            """;

        var result = Scripts.Validate(script);

        var problem = Assert.Single(result.Problems);
        Assert.Equal(("no admin token", "setup", 2), (problem.Message, problem.Phase, problem.Line));
    }

    [Fact]
    public void Setup_data_reaches_teardown_and_handle_summary_must_return_an_object()
    {
        const string script = """
            export const options = { vus: 1 };
            export function setup() { return { token: 'abc', at: new Date(0) }; }
            export default function (data) { if (typeof data.at !== 'string') throw new Error('setup data is JSON'); }
            export function teardown(data) { if (data.token !== 'abc') throw new Error('teardown data'); }
            export function handleSummary(summary) {
              return JSON.stringify(summary.metrics.http_req_duration.values);
            }
            """;

        var result = Scripts.Validate(script);

        var problem = Assert.Single(result.Problems);
        Assert.Contains("handleSummary() must return an object", problem.Message, StringComparison.Ordinal);
        Assert.Equal(5, problem.Line);
    }

    [Fact]
    public void Rejected_promise_of_an_async_exec_function_is_reported()
    {
        const string script = """
            export const options = { vus: 1 };
            export default async function () {
              await new Promise(resolve => setTimeout(resolve, 100));
              throw new Error('after the timer');
            }
            """;

        var result = Scripts.Validate(script);

        var problem = Assert.Single(result.Problems);
        Assert.Contains("promise was rejected: after the timer", problem.Message, StringComparison.Ordinal);
        Assert.Equal(4, problem.Line);
    }

    [Fact]
    public void Websocket_send_before_open_is_reported()
    {
        const string script = """
            import { WebSocket } from 'k6/websockets';
            export const options = { vus: 1 };
            export default function () {
              const ws = new WebSocket(__ENV.WS_URL);
              ws.send('hello');
            }
            """;

        var result = Scripts.Validate(script);

        var problem = Assert.Single(result.Problems);
        Assert.Contains("InvalidStateError", problem.Message, StringComparison.Ordinal);
        Assert.Equal(5, problem.Line);
    }

    [Fact]
    public void Websocket_ping_racing_close_is_reported_at_the_ping()
    {
        const string script = """
            import { WebSocket } from 'k6/websockets';
            export const options = { vus: 1 };
            export default function () {
              const ws = new WebSocket(__ENV.WS_URL);
              ws.onopen = () => {
                const pinger = setInterval(() => ws.ping(), 1000);
                setTimeout(() => ws.close(), 5000);
                ws.addEventListener('close', () => clearInterval(pinger));
              };
            }
            """;

        var result = Scripts.Validate(script);

        var problem = Assert.Single(result.Problems);
        Assert.Contains("InvalidStateError: the WebSocket is closing or closed", problem.Message, StringComparison.Ordinal);
        Assert.Equal(6, problem.Line);
    }

    [Fact]
    public void Websocket_events_arrive_in_order_and_the_loop_ends_when_the_socket_closes()
    {
        const string script = """
            import { WebSocket } from 'k6/websockets';
            import { check } from 'k6';
            export const options = { vus: 1 };
            export default function () {
              const events = [];
              const ws = new WebSocket(`${__ENV.WS_URL}`);
              ws.onopen = () => { events.push('open'); ws.send('subscribe'); ws.ping(); };
              ws.addEventListener('pong', () => events.push('pong'));
              ws.onmessage = e => { events.push('message:' + e.data); ws.close(); };
              ws.onclose = e => {
                events.push('close:' + e.code);
                check(events, { 'event order': ev => ev.join(',') === 'open,pong,message:{"ok":true},close:1000' });
              };
              setInterval(() => events.push('tick'), 60000);
            }
            """;

        var result = new K6DryRunner().Run(new DryRunInput(Scripts.Name, script)
        {
            Environment = Scripts.Env,
            WebSocketMessage = """{"ok":true}""",
        });

        Assert.True(result.IsValid, Scripts.Describe(result));
        Assert.Empty(result.FailedChecks);
    }

    [Fact]
    public void Interval_that_never_ends_is_reported_at_the_set_interval_call()
    {
        const string script = """
            export const options = { vus: 1 };
            export default function () {
              let ticks = 0;
              setInterval(() => ticks++, 10);
            }
            """;

        var result = Scripts.Validate(script);

        var problem = Assert.Single(result.Problems);
        Assert.Contains("still running after 10000", problem.Message, StringComparison.Ordinal);
        Assert.Equal(4, problem.Line);
    }

    [Theory]
    [InlineData("sleep('1s')", "sleep() takes a number of seconds")]
    [InlineData("group('a::b', () => {})", "group and check names may not contain '::'")]
    [InlineData("check(1, { 'a::b': true })", "group and check names may not contain '::'")]
    [InlineData("group('g')", "group() requires a callback as a second argument")]
    [InlineData("exec.test.fail('too slow')", "exec.test.fail() marked the test as failed: too slow")]
    public void K6_function_misuse_is_reported(string call, string expected)
    {
        var script = $"import {{ sleep, group, check }} from 'k6';\nimport exec from 'k6/execution';\nexport const options = {{ vus: 1 }};\nexport default function () {{\n  {call};\n}}";

        var result = Scripts.Validate(script);

        var problem = Scripts.Single(result, expected);
        Assert.Equal(5, problem.Line);
    }

    [Fact]
    public void Checks_return_their_outcome_and_groups_return_their_callbacks_value()
    {
        const string script = """
            import { check, group } from 'k6';
            export const options = { vus: 1 };
            export default function () {
              const passed = check(200, { 'is 200': s => s === 200 });
              const failed = check(500, { 'is 200': s => s === 200, 'is 5xx': s => s >= 500 });
              const value = group('outer', () => group('inner', () => 42));
              if (!passed || failed || value !== 42) throw new Error('check/group');
            }
            """;

        var result = Scripts.Validate(script);

        Assert.True(result.IsValid, Scripts.Describe(result));
        var failed = Assert.Single(result.FailedChecks);
        Assert.Equal(("is 200", 5, "default"), (failed.Name, failed.Line, failed.Phase));
    }

    [Fact]
    public void Encoding_crypto_and_html_modules_behave_enough_for_a_dry_run()
    {
        const string script = """
            import encoding from 'k6/encoding';
            import { sha256, hmac } from 'k6/crypto';
            import { parseHTML } from 'k6/html';
            export const options = { vus: 1 };
            export default function () {
              if (encoding.b64encode('user:pass') !== 'dXNlcjpwYXNz') throw new Error('b64encode');
              if (encoding.b64decode('dXNlcjpwYXNz', 'std', 's') !== 'user:pass') throw new Error('b64decode');
              if (encoding.b64encode('??>', 'rawurl') !== 'Pz8-') throw new Error('rawurl');
              if (sha256('x', 'hex').length !== 64 || sha256('x', 'hex') !== sha256('x', 'hex')) throw new Error('sha256');
              if (hmac('sha256', 'k', 'x', 'base64').length !== 44) throw new Error('hmac');
              if (parseHTML('<p>hi</p>').text() !== 'hi') throw new Error('html');
            }
            """;

        var result = Scripts.Validate(script);

        Assert.True(result.IsValid, Scripts.Describe(result));
    }

    [Fact]
    public void Batch_files_cookie_jars_and_test_options_are_available_in_vu_code()
    {
        const string script = """
            import http from 'k6/http';
            import exec from 'k6/execution';
            export const options = { vus: 1, tags: { team: 'bets' } };
            export default function () {
              const [a, b] = http.batch([`${__ENV.BASE_URL}/a`, ['POST', `${__ENV.BASE_URL}/b`, '{}', { tags: { name: 'b' } }]]);
              const named = http.batch({ c: { method: 'GET', url: `${__ENV.BASE_URL}/c` } });
              if (a.status !== 200 || b.request.method !== 'POST' || named.c.url !== `${__ENV.BASE_URL}/c`) throw new Error('batch');
              http.post(`${__ENV.BASE_URL}/upload`, { file: http.file('data', 'a.txt', 'text/plain') }, { headers: { 'Content-Type': 'application/json' }, jar: new http.CookieJar() });
              if (exec.test.options.tags.team !== 'bets') throw new Error('options');
            }
            """;

        var result = Scripts.Validate(script);

        Assert.True(result.IsValid, Scripts.Describe(result));
    }

    [Fact]
    public void Null_arguments_and_bad_input_never_crash_the_validator()
    {
        Assert.Throws<ArgumentNullException>(() => new K6DryRunner().Run(null!));
        Assert.Throws<ArgumentOutOfRangeException>(() => new K6DryRunner(TimeSpan.Zero));

        var notAnObject = new K6DryRunner().Run(new DryRunInput(string.Empty, "export const options = 5;\nexport default function () {}"));
        var thrownString = new K6DryRunner().Run(new DryRunInput(string.Empty, "export const options = { vus: 1 };\nexport default function () { throw 'plain string'; }"));

        Assert.Equal("`options` must be an object, got 5 (a number)", Assert.Single(notAnObject.Problems).Message);
        var thrown = Assert.Single(thrownString.Problems);
        Assert.Equal(("uncaught exception: plain string", 2), (thrown.Message, thrown.Line));
    }
}

/// <summary>The dry run reports a header built from a missing value, not a header that is written so.</summary>
public sealed class MissingHeaderValueTests
{
    [Theory]
    [InlineData("NaN")]
    [InlineData("null")]
    [InlineData("undefined")]
    [InlineData("Bearer null")]
    public void A_literal_header_value_is_what_the_test_sends(string value)
    {
        var script = """
            import http from 'k6/http';
            export const options = { vus: 1 };
            export default function () {
              http.get(`${__ENV.BASE_URL}/a`, { headers: { 'X-Value': 
            """ + "'" + value + "'" + """
             } });
            }
            """;

        var result = Scripts.Validate(script);

        Assert.True(result.IsValid, Scripts.Describe(result));
    }

    [Theory]
    [InlineData("`Bearer ${token}`", "'Bearer undefined' (a string)")]
    [InlineData("'null ' + token", "'null undefined' (a string)")]
    [InlineData("String(0 / 0)", "'NaN' (a string)")]
    public void A_header_built_from_a_missing_value_is_reported(string expression, string described)
    {
        var script = """
            import http from 'k6/http';
            export const options = { vus: 1 };
            export default function () {
              let token;
              http.get(`${__ENV.BASE_URL}/a`, { headers: { Authorization: 
            """ + expression + """
             } });
            }
            """;

        var result = Scripts.Validate(script);

        var problem = Assert.Single(result.Problems);
        Assert.Contains("header 'Authorization' is " + described + ": a value it is built from is missing", problem.Message, StringComparison.Ordinal);
    }
}
