using System;
using System.Collections.Generic;
using System.Text.Json;
using Jint;
using Jint.Native;

namespace K6Scenarios.Emitter.Tests.Support;

/// <summary>
/// Runs an emitted script in Jint with recording stand-ins for the k6 modules, independent of the product's validator,
/// so tests can assert on the evaluated <c>options</c> and on the requests a scenario makes.
/// </summary>
internal sealed class JsHarness : IDisposable
{
    private const string Shims = """
        export const recorded = { requests: [], checks: [], metrics: [], sleeps: [], failures: [] };
        export const context = { vu: 1, iterationInTest: 0, scenario: 'default' };
        """;

    private readonly Engine _engine;

    public JsHarness(string script, IReadOnlyDictionary<string, string>? files = null, IReadOnlyDictionary<string, string>? environment = null, Func<string, string, string>? respond = null)
    {
        _engine = new Engine(o => o.TimeoutInterval(TimeSpan.FromSeconds(10)).LimitRecursion(200));
        var env = new Dictionary<string, object?>();
        foreach (var (k, v) in environment ?? new Dictionary<string, string>())
        {
            env[k] = v;
        }

        _engine.SetValue("__ENV", env);
        _engine.SetValue("open", new Func<string, string?, string>((path, _) =>
            files is not null && files.TryGetValue(path, out var text) ? text : throw new InvalidOperationException("no such file " + path)));
        _engine.SetValue("__respond", new Func<string, string, string>((method, name) => respond?.Invoke(method, name) ?? "{\"status\":200,\"body\":\"{}\"}"));
        _engine.Modules.Add("harness", Shims);
        _engine.Modules.Add("k6", """
            import { recorded } from 'harness';
            export function check(value, checks) { let ok = true; for (const name of Object.keys(checks)) { const passed = !!checks[name](value); recorded.checks.push({ name, passed }); ok = ok && passed; } return ok; }
            export function group(name, fn) { return fn(); }
            export function sleep(seconds) { recorded.sleeps.push(seconds); }
            export function fail(message) { recorded.failures.push(message); throw new Error('fail: ' + message); }
            """);
        _engine.Modules.Add("k6/http", """
            import { recorded } from 'harness';
            function respond(method, url, body, params) {
              const name = params && params.tags ? params.tags.name : url;
              recorded.requests.push({ method, url, body: body === undefined ? null : body, params: params || {} });
              const stub = JSON.parse(__respond(method, name));
              return { status: stub.status, body: stub.body, headers: stub.headers || {}, timings: { duration: 12 },
                json(path) { const doc = JSON.parse(this.body); if (!path) return doc; return path.split('.').reduce((o, k) => o == null ? undefined : o[k], doc); } };
            }
            export default {
              get: (url, params) => respond('GET', url, null, params),
              head: (url, params) => respond('HEAD', url, null, params),
              post: (url, body, params) => respond('POST', url, body, params),
              put: (url, body, params) => respond('PUT', url, body, params),
              patch: (url, body, params) => respond('PATCH', url, body, params),
              del: (url, body, params) => respond('DELETE', url, body, params),
              options: (url, body, params) => respond('OPTIONS', url, body, params),
              expectedStatuses: (...statuses) => ({ expectedStatuses: statuses }),
              setResponseCallback: (callback) => { recorded.responseCallback = callback; },
              file: (data, name, type) => ({ data, name, type }),
            };
            """);
        _engine.Modules.Add("k6/execution", """
            import { context } from 'harness';
            export default {
              vu: { get idInTest() { return context.vu; } },
              scenario: { get iterationInTest() { return context.iterationInTest; }, get name() { return context.scenario; } },
              test: { abort(message) { throw new Error('aborted: ' + message); } },
            };
            """);
        _engine.Modules.Add("k6/secrets", """
            export default { get: async (name) => { if (__ENV[name] === undefined) { throw new Error('no value'); } return __ENV[name]; } };
            """);
        _engine.Modules.Add("k6/data", "export class SharedArray { constructor(name, fn) { const data = fn(); if (!Array.isArray(data)) throw new Error('SharedArray needs an array'); return data; } }");
        _engine.Modules.Add("k6/metrics", """
            import { recorded } from 'harness';
            class Metric { constructor(name, isTime) { this.name = name; this.isTime = !!isTime; } add(value) { recorded.metrics.push({ name: this.name, value }); } }
            export class Counter extends Metric {}
            export class Gauge extends Metric {}
            export class Rate extends Metric {}
            export class Trend extends Metric {}
            """);
        _engine.Modules.Add("k6/websockets", "export class WebSocket { constructor(url, protocols, params) { this.url = url; this.params = params; } send() {} close() {} }");
        _engine.Modules.Add("k6/timers", "export function setTimeout(fn) { return 0; }");
        _engine.Modules.Add("script", script);
        Module = _engine.Modules.Import("script");
        Recorded = (Jint.Native.Object.ObjectInstance)_engine.Modules.Import("harness").Get("recorded");
    }

    public Jint.Native.Object.ObjectInstance Module { get; }

    private Jint.Native.Object.ObjectInstance Recorded { get; }

    /// <summary>Gets the evaluated options as JSON.</summary>
    public JsonElement Options => ToJson(Module.Get("options"));

    public JsonElement Requests => ToJson(Recorded.Get("requests"));

    public JsonElement Checks => ToJson(Recorded.Get("checks"));

    public JsonElement Metrics => ToJson(Recorded.Get("metrics"));

    public JsonElement Sleeps => ToJson(Recorded.Get("sleeps"));

    /// <summary>Calls an exported function as VU <paramref name="vu"/> in iteration <paramref name="iteration"/>.</summary>
    public JsValue Call(string exportName, int vu = 1, int iteration = 0, JsValue? data = null) =>

        // A function may return a promise (k6 awaits it): it settles before the call returns.
        Invoke(exportName, vu, iteration, data).UnwrapIfPromise();

    /// <summary>Calls an exported function and returns what it returned, a promise left as it is.</summary>
    public JsValue Invoke(string exportName, int vu = 1, int iteration = 0, JsValue? data = null)
    {
        var context = (Jint.Native.Object.ObjectInstance)_engine.Modules.Import("harness").Get("context");
        context.Set("vu", vu);
        context.Set("iterationInTest", iteration);
        var function = Module.Get(exportName);
        if (function.IsUndefined())
        {
            throw new InvalidOperationException(exportName + " is not exported");
        }

        return _engine.Invoke(function, data ?? JsValue.Undefined);
    }

    public void Dispose() => _engine.Dispose();

    private JsonElement ToJson(JsValue value)
    {
        var json = _engine.Invoke(_engine.Evaluate("(value) => JSON.stringify(value)"), value).AsString();
        return JsonDocument.Parse(json).RootElement.Clone();
    }
}
