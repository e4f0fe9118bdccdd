using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Acornima;
using Jint;
using Jint.Native;
using Jint.Native.Json;
using Jint.Native.Object;
using Jint.Runtime;
using Jint.Runtime.Descriptors;
using static K6Scenarios.Emitter.DryRun.JsValues;
using Module = Acornima.Ast.Module;

namespace K6Scenarios.Emitter.DryRun;

/// <summary>
/// One validation: parse, resolve imports, evaluate the init context with the k6 host, check the options, then run
/// setup, one iteration of every scenario (with its event loop), teardown and handleSummary, collecting problems.
/// </summary>
internal sealed class DryRunSession : IDisposable
{
    private const string ScriptSpecifier = "k6-dryrun:script";
    private const string DefaultScriptName = "script.js";
    private const uint MaxArraySize = 10_000_000;

    private static readonly string[] LazyGlobals = ["console", "setTimeout", "setInterval", "clearTimeout", "clearInterval"];

    private readonly DryRunInput _input;
    private readonly K6DryRunner _limits;
    private readonly string _scriptName;
    private readonly List<ScriptProblem> _problems = [];
    private readonly List<FailedCheck> _failedChecks = [];

    private Engine? _engine;
    private K6Host _host = null!;
    private ScriptAst _ast = null!;
    private bool _stopped;

    public DryRunSession(DryRunInput input, K6DryRunner limits)
    {
        _input = input;
        _limits = limits;
        _scriptName = string.IsNullOrWhiteSpace(input.ScriptName) ? DefaultScriptName : input.ScriptName;
    }

    private Engine Engine => _engine!;

    public DryRunResult Run()
    {
        if (!TryParse(out var script))
        {
            return Result();
        }

        _ast = new ScriptAst(script.Program!);
        var imports = ResolveImports();
        if (imports is null)
        {
            return Result();
        }

        CreateEngine(script, imports);
        var exports = EvaluateInit();
        if (exports is null || _stopped)
        {
            return Result();
        }

        var functions = ExportedFunctions(exports);
        var options = exports.Get("options");
        var plans = CheckOptions(options, functions);
        if (!_stopped)
        {
            Execute(exports, options, functions, plans);
        }

        return Result();
    }

    public void Dispose() => _engine?.Dispose();

    private bool TryParse(out Prepared<Module> script)
    {
        try
        {
            script = Engine.PrepareModule(_input.Script, _scriptName);
            return true;
        }
        catch (ScriptPreparationException ex) when (ex.InnerException is ParseErrorException parse)
        {
            // Acornima's column is 0-based.
            Add($"SyntaxError: {parse.Description}", parse.LineNumber > 0 ? parse.LineNumber : null, parse.Column >= 0 ? parse.Column + 1 : null, "parse");
        }
        catch (ScriptPreparationException ex)
        {
            Add($"the script cannot be parsed: {ex.Message}", null, null, "parse");
        }

        script = default;
        return false;
    }

    // The modules the script imports and the names it takes from each; null when an import cannot work.
    private Dictionary<K6Module, HashSet<string>>? ResolveImports()
    {
        var imports = new Dictionary<K6Module, HashSet<string>>();
        var resolved = true;
        foreach (var import in _ast.Imports())
        {
            var unavailable = K6Module.ExplainUnavailable(import.Specifier);
            if (unavailable is not null || !K6Module.TryGet(import.Specifier, out var module))
            {
                AddAt(import.Node, unavailable ?? $"unknown module '{import.Specifier}'", "init");
                resolved = false;
                continue;
            }

            if (!imports.TryGetValue(module, out var names))
            {
                imports[module] = names = new HashSet<string>(StringComparer.Ordinal);
            }

            foreach (var (name, node) in import.Names)
            {
                if (name == "*")
                {
                    names.UnionWith(module.Names);
                }
                else if (module.Names.Contains(name))
                {
                    names.Add(name);
                }
                else
                {
                    var suggestion = K6Syntax.ClosestMatch(name, module.Names);
                    AddAt(node, $"'{import.Specifier}' has no export named '{name}'{(suggestion is null ? string.Empty : $"; did you mean '{suggestion}'?")}", "init");
                    resolved = false;
                }
            }
        }

        return resolved ? imports : null;
    }

    private void CreateEngine(Prepared<Module> script, Dictionary<K6Module, HashSet<string>> imports)
    {
        var budget = new DryRunBudget(_limits.MaxStatements, _limits.Timeout);
        _engine = new Engine((engine, options) =>
        {
            budget.Attach(engine);
            options.Constraint(budget);
            options.LimitRecursion(_limits.MaxRecursionDepth);
            options.MaxArraySize(MaxArraySize);
            options.Culture(CultureInfo.InvariantCulture);
            options.RegexTimeoutInterval(_limits.Timeout);
            foreach (var name in LazyGlobals)
            {
                options.AddLazyGlobal(name, _ => _host.LazyGlobal(name), PropertyFlag.Configurable | PropertyFlag.Writable);
            }
        });

        _host = new K6Host(Engine, _input, _scriptName, _problems, _failedChecks) { LiteralTexts = _ast.LiteralTexts };
        foreach (var (module, names) in imports)
        {
            _host.RegisterModule(module, names);
        }

        Engine.Modules.Add(ScriptSpecifier, builder => builder.AddModule(in script));
        _host.InstallGlobals();
    }

    private ObjectInstance? EvaluateInit()
    {
        ObjectInstance? exports = null;
        Exception? failure = null;
        try
        {
            exports = Engine.Modules.Import(ScriptSpecifier);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            failure = ex;
        }

        return Settle(failure, "init") ? exports : null;
    }

    private List<ScenarioPlan> CheckOptions(JsValue options, HashSet<string> functions)
    {
        try
        {
            _host.Options = options;
            _host.DiscardResponseBodies = OptionIsTrue(options, "discardResponseBodies");

            var metricTypes = new Dictionary<string, string>(BuiltinMetrics.Types, StringComparer.Ordinal);
            foreach (var (name, type) in _host.CustomMetricTypes())
            {
                metricTypes[name] = type;
            }

            var checker = new OptionsChecker(functions, metricTypes, (message, path) =>
            {
                var location = _ast.LocateOption(path);
                Add(message, location?.Line, location?.Column, "options");
            });
            return checker.Check(options);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            Settle(ex, "options");
            return [];
        }
    }

    private void Execute(ObjectInstance exports, JsValue options, HashSet<string> functions, List<ScenarioPlan> plans)
    {
        var data = JsValue.Undefined;
        if (functions.Contains("setup") && !OptionIsTrue(options, "noSetup"))
        {
            _host.Enter(K6Host.SetupStage, "setup", 0, null);
            if (!TryInvoke(exports.Get("setup"), [], "setup", out var setupResult))
            {
                // k6 does not start the scenarios when setup() throws.
                return;
            }

            if (!TryRoundTrip(setupResult, out data))
            {
                return;
            }
        }

        foreach (var plan in plans)
        {
            if (_stopped)
            {
                return;
            }

            _host.Enter(K6Host.VuStage, plan.Exec, 1, plan);
            TryInvoke(exports.Get(plan.Exec), [data], plan.Exec, out _);
        }

        if (!_stopped && functions.Contains("teardown") && !OptionIsTrue(options, "noTeardown"))
        {
            _host.Enter(K6Host.TeardownStage, "teardown", 0, null);
            TryInvoke(exports.Get("teardown"), [data], "teardown", out _);
        }

        if (!_stopped && functions.Contains("handleSummary"))
        {
            _host.Enter(K6Host.SummaryStage, "handleSummary", 0, null);
            if (TryInvoke(exports.Get("handleSummary"), [FakeSummary(options)], "handleSummary", out var outputs))
            {
                CheckSummaryOutputs(outputs);
            }
        }
    }

    // setup() data reaches the VUs through JSON, as in k6.
    private bool TryRoundTrip(JsValue value, out JsValue copy)
    {
        copy = JsValue.Undefined;
        if (value.IsUndefined())
        {
            return true;
        }

        try
        {
            var json = new JsonSerializer(Engine).Serialize(value);
            copy = json.IsUndefined() ? JsValue.Undefined : new JsonParser(Engine).Parse(TypeConverter.ToString(json));
            return true;
        }
        catch (JavaScriptException ex)
        {
            var location = _ast.LocateFunction("setup");
            Add($"setup() returned data that cannot pass through JSON, as k6 requires: {ex.Message}", location?.Line, location?.Column, "setup");
            return false;
        }
    }

    private JsObject FakeSummary(JsValue options)
    {
        var trendStats = options.IsObject() && options.AsObject().Get("summaryTrendStats") is var stats && stats.IsArray()
            ? stats.AsArray().Select(TypeConverter.ToString).ToArray()
            : ["avg", "min", "med", "max", "p(90)", "p(95)"];
        var metricTypes = new SortedDictionary<string, string>(BuiltinMetrics.Types, StringComparer.Ordinal);
        foreach (var (name, type) in _host.CustomMetricTypes())
        {
            metricTypes[name] = type;
        }

        var metrics = new JsObject(Engine);
        foreach (var (name, type) in metricTypes)
        {
            var values = new JsObject(Engine);
            IEnumerable<(string, JsValue)> fields = type switch
            {
                "trend" => trendStats.Select(stat => (stat, (JsValue)0)),
                "rate" => [("rate", 1), ("passes", 1), ("fails", 0)],
                "gauge" => [("value", 1), ("min", 1), ("max", 1)],
                _ => [("count", 1), ("rate", 1)],
            };
            foreach (var (field, value) in fields)
            {
                Put(values, field, value);
            }

            var metric = new JsObject(Engine);
            Put(metric, "type", type);
            Put(metric, "contains", type == "trend" ? "time" : "default");
            Put(metric, "values", values);
            Put(metrics, name, metric);
        }

        var rootGroup = new JsObject(Engine);
        Put(rootGroup, "name", string.Empty);
        Put(rootGroup, "path", string.Empty);
        Put(rootGroup, "groups", new JsArray(Engine));
        Put(rootGroup, "checks", new JsArray(Engine));
        var summaryOptions = new JsObject(Engine);
        Put(summaryOptions, "summaryTrendStats", new JsArray(Engine, trendStats.Select(stat => (JsValue)stat).ToArray()));
        Put(summaryOptions, "summaryTimeUnit", string.Empty);
        Put(summaryOptions, "noColor", JsBoolean.False);
        var state = new JsObject(Engine);
        Put(state, "isStdOutTTY", JsBoolean.False);
        Put(state, "isStdErrTTY", JsBoolean.False);
        Put(state, "testRunDurationMs", 0);

        var summary = new JsObject(Engine);
        Put(summary, "metrics", metrics);
        Put(summary, "root_group", rootGroup);
        Put(summary, "options", summaryOptions);
        Put(summary, "state", state);
        return summary;
    }

    private void CheckSummaryOutputs(JsValue outputs)
    {
        var location = _ast.LocateFunction("handleSummary");
        if (!IsPlainObject(outputs))
        {
            Add($"handleSummary() must return an object mapping 'stdout', 'stderr' or a file path to its content, got {Describe(outputs)}", location?.Line, location?.Column, "handleSummary");
            return;
        }

        var map = outputs.AsObject();
        foreach (var key in Keys(map))
        {
            var content = map.Get(key);
            if (!content.IsString() && !content.IsArrayBuffer())
            {
                Add($"handleSummary() output '{key}' must be a string or an ArrayBuffer, got {Describe(content)}", location?.Line, location?.Column, "handleSummary");
            }
        }
    }

    // Calls a lifecycle or exec function, runs its event loop and settles a returned promise.
    private bool TryInvoke(JsValue function, JsValue[] arguments, string phase, out JsValue result)
    {
        result = JsValue.Undefined;
        Exception? failure = null;
        try
        {
            result = Engine.Call(function, JsValue.Undefined, arguments);
            var outcome = result.IsPromise() ? Observe(result) : null;
            RunEventLoop();
            if (outcome is not null)
            {
                // A promise still pending once the loop is done never settles; k6 would end the iteration there.
                result = outcome.Value;
                if (outcome.Rejected)
                {
                    failure = new PromiseRejectedException(outcome.Value);
                }
            }
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            failure = ex;
        }

        return Settle(failure, phase);
    }

    private PromiseOutcome Observe(JsValue promise)
    {
        var outcome = new PromiseOutcome();
        var onFulfilled = new Jint.Runtime.Interop.ClrFunction(Engine, "fulfilled", (_, a) =>
        {
            outcome.Value = Arg(a, 0);
            return JsValue.Undefined;
        });
        var onRejected = new Jint.Runtime.Interop.ClrFunction(Engine, "rejected", (_, a) =>
        {
            outcome.Value = Arg(a, 0);
            outcome.Rejected = true;
            return JsValue.Undefined;
        });
        Engine.Call(promise.AsObject().Get("then"), promise, [onFulfilled, onRejected]);
        return outcome;
    }

    private void RunEventLoop()
    {
        do
        {
            Engine.Advanced.ProcessTasks();
        }
        while (_host.RunNext());

        Engine.Advanced.ProcessTasks();
    }

    // Collects what the host reported; false when the phase did not complete.
    private bool Settle(Exception? failure, string phase)
    {
        if (ReportAbort())
        {
            return false;
        }

        if (failure is null)
        {
            return true;
        }

        AddFailure(failure, phase);
        return false;
    }

    private void AddFailure(Exception failure, string phase)
    {
        switch (failure)
        {
            case DryRunLimitException limit:
                {
                    _stopped = true;
                    var (line, column) = StackLocator.Locate(limit.JavaScriptStack, _scriptName);
                    Add(limit.Message, line, column, phase);
                    break;
                }

            case JavaScriptException script:
                {
                    var (line, column) = StackLocator.Locate(script.JavaScriptStackTrace, _scriptName);
                    if (line is null && script.Location.SourceFile == _scriptName)
                    {
                        (line, column) = (script.Location.Start.Line, script.Location.Start.Column + 1);
                    }

                    Add(ErrorText(script.Error, script.Message), line, column, phase);
                    break;
                }

            case PromiseRejectedException rejected:
                {
                    var stack = rejected.RejectedValue is ObjectInstance error ? error.Get("stack") : JsValue.Undefined;
                    var (line, column) = StackLocator.Locate(stack.IsString() ? stack.AsString() : null, _scriptName);
                    Add($"the returned promise was rejected: {ErrorText(rejected.RejectedValue, rejected.Message)}", line, column, phase);
                    break;
                }

            case RecursionDepthOverflowException:
                Add($"the call stack grew beyond {_limits.MaxRecursionDepth.ToString(CultureInfo.InvariantCulture)} frames: unbounded recursion?", null, null, phase);
                break;

            case JintException jint:
                Add($"the script failed: {jint.Message}", null, null, phase);
                break;

            default:
                _stopped = true;
                Add($"the dry run failed: {failure.GetType().Name}: {failure.Message}", null, null, phase);
                break;
        }
    }

    private static string ErrorText(JsValue error, string fallback)
    {
        if (error is not ObjectInstance errorObject)
        {
            return error.IsUndefined() ? fallback : $"uncaught exception: {TypeConverter.ToString(error)}";
        }

        var message = errorObject.Get("message");
        var text = message.IsString() ? message.AsString() : fallback;
        if (errorObject.Get(K6Host.FailMarker).IsBoolean())
        {
            return $"fail() ended the iteration: {text}";
        }

        var name = errorObject.Get("name");
        return name.IsString() && name.AsString() is { Length: > 0 } errorName && errorName != "Error" ? $"{errorName}: {text}" : text;
    }

    private bool ReportAbort()
    {
        if (_host?.Aborted is not { } aborted)
        {
            return false;
        }

        if (!_stopped)
        {
            _stopped = true;
            var (line, column) = StackLocator.Locate(aborted.Stack, _scriptName);
            Add($"exec.test.abort() was called, which stops the whole test: {aborted.Message}", line, column, aborted.Phase);
        }

        return true;
    }

    private void AddAt(Acornima.Ast.Node node, string message, string phase) =>
        Add(message, node.Location.Start.Line, node.Location.Start.Column + 1, phase);

    private void Add(string message, int? line, int? column, string phase) =>
        _problems.Add(new ScriptProblem(message, line, column, phase));

    private DryRunResult Result() =>
        // Two scenarios running the same function report the same problem once.
        new(_problems.Distinct().ToList()) { FailedChecks = _failedChecks.Distinct().ToList() };

    private static HashSet<string> ExportedFunctions(ObjectInstance exports)
    {
        var functions = new HashSet<string>(StringComparer.Ordinal);
        foreach (var key in Keys(exports))
        {
            if (exports.Get(key).IsCallable())
            {
                functions.Add(key);
            }
        }

        return functions;
    }

    private static bool OptionIsTrue(JsValue options, string key) =>
        options.IsObject() && options.AsObject().Get(key) is JsBoolean flag && flag.AsBoolean();

    private sealed class PromiseOutcome
    {
        public JsValue Value { get; set; } = JsValue.Undefined;

        public bool Rejected { get; set; }
    }
}
