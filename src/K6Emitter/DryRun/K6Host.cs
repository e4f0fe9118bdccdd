using System;
using System.Collections.Generic;
using Jint;
using Jint.Native;
using Jint.Native.Object;
using Jint.Runtime;
using Jint.Runtime.Interop;
using static K6Scenarios.Emitter.DryRun.JsValues;

namespace K6Scenarios.Emitter.DryRun;

/// <summary>
/// The k6 runtime as the dry run sees it: the state of one validation (stage, VU, scenario, environment, metrics,
/// files, stub responses, simulated clock and event loop) and the k6 modules and globals, implemented as host
/// functions. Host functions are compiled once, unlike JavaScript shims, which Jint re-interprets in every engine.
/// </summary>
internal sealed partial class K6Host
{
    public const string InitStage = "init";
    public const string SetupStage = "setup";
    public const string VuStage = "vu";
    public const string TeardownStage = "teardown";
    public const string SummaryStage = "summary";

    // Makes a constructible class from a host factory, since host functions cannot be called with `new`.
    private static readonly Prepared<Acornima.Ast.Script> MakeClassScript = Engine.PrepareScript(
        "(function (name, factory) { const holder = { [name]: class { constructor(...args) { return factory(...args); } } }; return holder[name]; })",
        "k6-dryrun:class");

    private readonly Engine _engine;
    private readonly DryRunInput _input;
    private readonly string _scriptName;
    private readonly List<ScriptProblem> _problems;
    private readonly List<FailedCheck> _failedChecks;
    private readonly Dictionary<string, JsValue> _exportCache = new(StringComparer.Ordinal);
    private readonly JsObject _baseEnvironment;
    private JsValue _makeClass = JsValue.Undefined;
    private JsValue _noOp = JsValue.Undefined;
    private string _groupPath = string.Empty;

    public K6Host(Engine engine, DryRunInput input, string scriptName, List<ScriptProblem> problems, List<FailedCheck> failedChecks)
    {
        _engine = engine;
        _input = input;
        _scriptName = scriptName;
        _problems = problems;
        _failedChecks = failedChecks;
        _baseEnvironment = ObjectOf(engine, input.Environment);
        Environment = _baseEnvironment;
    }

    /// <summary>Gets or sets where the script's string literals come from (parsed once, when a check first needs them).</summary>
    public Func<IReadOnlyList<string>> LiteralTexts { get; set; } = () => [];

    /// <summary>Gets the lifecycle stage: init, setup, vu, teardown or summary.</summary>
    public string Stage { get; private set; } = InitStage;

    /// <summary>Gets what problems are attributed to: init, setup, teardown, handleSummary or the exec function.</summary>
    public string Phase { get; private set; } = InitStage;

    /// <summary>Gets the VU number (<c>__VU</c>): 0 in init, setup and teardown, 1 in scenarios.</summary>
    public int Vu { get; private set; }

    /// <summary>Gets the scenario being run, or <see langword="null"/> outside scenarios.</summary>
    public ScenarioPlan? Scenario { get; private set; }

    /// <summary>Gets the current <c>__ENV</c>.</summary>
    public JsValue Environment { get; private set; }

    /// <summary>Gets or sets whether <c>options.discardResponseBodies</c> is on.</summary>
    public bool DiscardResponseBodies { get; set; }

    /// <summary>Gets or sets the evaluated options, for <c>exec.test.options</c>.</summary>
    public JsValue Options { get; set; } = JsValue.Undefined;

    /// <summary>Gets where <c>exec.test.abort()</c> was called, once it was.</summary>
    public (string Message, string Phase, string? Stack)? Aborted { get; private set; }

    /// <summary>Defines the globals k6 gives every script; called once, before the script is evaluated.</summary>
    public void InstallGlobals()
    {
        _engine.SetValue("open", Function("open", Open, 2));
        SetExecutionGlobals();
    }

    /// <summary>The value of a lazily created global (console and the timer functions).</summary>
    public JsValue LazyGlobal(string name) => name switch
    {
        "console" => Console(),
        _ => TimerFunction(name),
    };

    /// <summary>Switches to a lifecycle phase: resets the iteration state and sets <c>__VU</c>, <c>__ITER</c>, <c>__ENV</c>.</summary>
    public void Enter(string stage, string phase, int vu, ScenarioPlan? scenario)
    {
        Stage = stage;
        Phase = phase;
        Vu = vu;
        Scenario = scenario;
        _groupPath = string.Empty;
        Environment = _baseEnvironment;
        if (scenario is not null && IsPlainObject(scenario.Env))
        {
            // A scenario's env is layered over the global environment.
            var merged = new JsObject(_engine);
            foreach (var key in Keys(_baseEnvironment))
            {
                Put(merged, key, _baseEnvironment.Get(key));
            }

            var scenarioEnv = scenario.Env.AsObject();
            foreach (var key in Keys(scenarioEnv))
            {
                Put(merged, key, scenarioEnv.Get(key));
            }

            Environment = merged;
        }

        ResetLoop();
        SetExecutionGlobals();
    }

    /// <summary>Registers a k6 module in the engine, exporting only the names the script imports.</summary>
    public void RegisterModule(K6Module module, IReadOnlyCollection<string> importedNames)
    {
        _engine.Modules.Add(module.Specifier, builder =>
        {
            foreach (var name in importedNames)
            {
                builder.ExportValue(name, Export(module, name));
            }
        });
    }

    /// <summary>The types of the metrics the script created, by name.</summary>
    public IReadOnlyDictionary<string, string> CustomMetricTypes()
    {
        var types = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, metric) in _metrics)
        {
            types[name] = metric.Type;
        }

        return types;
    }

    private void SetExecutionGlobals()
    {
        _engine.SetValue("__VU", Vu);
        _engine.SetValue("__ITER", 0);
        _engine.SetValue("__ENV", Environment);
    }

    private JsValue Export(K6Module module, string name)
    {
        var key = module.Specifier + "\0" + name;
        if (!_exportCache.TryGetValue(key, out var value))
        {
            value = name == "default" ? new ModuleObject(_engine, this, module) : module.Exports[name](this);
            _exportCache[key] = value;
        }

        return value;
    }

    private ClrFunction Function(string name, Func<JsValue, JsValue[], JsValue> implementation, int length = 0) =>
        new(_engine, name, implementation, length);

    private JsValue Class(string name, Func<JsValue, JsValue[], JsValue> factory)
    {
        if (_makeClass.IsUndefined())
        {
            _makeClass = _engine.Evaluate(in MakeClassScript);
        }

        return _engine.Call(_makeClass, JsValue.Undefined, [name, Function(name, factory)]);
    }

    private JsValue NoOp() => _noOp.IsUndefined() ? _noOp = Function("noop", static (_, _) => JsValue.Undefined) : _noOp;

    private JsObject Console()
    {
        var console = new JsObject(_engine);
        foreach (var method in (string[])["log", "info", "warn", "error", "debug", "trace"])
        {
            Put(console, method, NoOp());
        }

        return console;
    }

    private JavaScriptException Error(string message) => new(_engine.Intrinsics.Error, message);

    private JavaScriptException TypeError(string message) => new(_engine.Intrinsics.TypeError, message);

    /// <summary>Records a problem at the script line currently calling into the host.</summary>
    private void Report(string message) => Report(message, _engine.Advanced.StackTrace);

    private void Report(string message, string? stack)
    {
        var (line, column) = StackLocator.Locate(stack, _scriptName);
        _problems.Add(new ScriptProblem(message, line, column, Phase));
    }

    private void RequireNotInit(string message)
    {
        if (Stage == InitStage)
        {
            throw Error(message);
        }
    }

    private static string Text(JsValue value) => TypeConverter.ToString(value);

    /// <summary>The default export of a k6 module: an object holding every export, created on first access.</summary>
    private sealed class ModuleObject : ObjectInstance
    {
        private readonly K6Host _host;
        private readonly K6Module _module;

        public ModuleObject(Engine engine, K6Host host, K6Module module)
            : base(engine)
        {
            _host = host;
            _module = module;
        }

        protected override void Initialize()
        {
            foreach (var name in _module.Names)
            {
                if (name != "default")
                {
                    Put(this, name, _host.Export(_module, name));
                }
            }
        }
    }
}
