using System;
using Jint;
using Jint.Native;
using Jint.Native.Json;
using Jint.Native.Object;
using static K6Scenarios.Emitter.DryRun.JsValues;

namespace K6Scenarios.Emitter.DryRun;

/// <summary>The <c>k6/execution</c> module: information about the VU, scenario, instance and test, read when accessed.</summary>
internal sealed partial class K6Host
{
    private const string ScenarioOutsideVu = "getting scenario information outside of the VU context is not supported";

    private JsValue _optionsCopy = JsValue.Undefined;

    public JsValue ExecutionInfo(string part) => part switch
    {
        "vu" => new InfoObject(_engine, name => name switch
        {
            "idInInstance" or "idInTest" => VuInfo(Vu),
            "iterationInInstance" or "iterationInScenario" => VuInfo(0),
            "tags" or "metrics" => VuInfo(new JsObject(_engine)),
            _ => null,
        }),
        "scenario" => new InfoObject(_engine, name => name switch
        {
            "name" => ScenarioInfo().Name,
            "executor" => ScenarioInfo().Executor,
            "startTime" or "progress" or "iterationInInstance" or "iterationInTest" => ScenarioCounter(),
            _ => null,
        }),
        "instance" => new InfoObject(_engine, name => name switch
        {
            "currentTestRunDuration" => InstanceInfo(_clock),
            "iterationsCompleted" or "iterationsInterrupted" => InstanceInfo(0),
            "vusActive" or "vusInitialized" => InstanceInfo(1),
            _ => null,
        }),
        _ => TestInfo(),
    };

    private JsValue VuInfo(JsValue value)
    {
        RequireNotInit("getting VU information in the init context is not supported");
        return value;
    }

    // The dry run is the scenario's first iteration, at its start.
    private JsValue ScenarioCounter()
    {
        ScenarioInfo();
        return 0;
    }

    private ScenarioPlan ScenarioInfo() => Stage != InitStage && Scenario is not null ? Scenario : throw Error(ScenarioOutsideVu);

    private JsValue InstanceInfo(JsValue value)
    {
        RequireNotInit("getting instance information in the init context is not supported");
        return value;
    }

    private InfoObject TestInfo()
    {
        var test = new InfoObject(_engine, name => name == "options" ? TestOptions() : null);
        Put(test, "abort", Function("abort", Abort, 1));
        Put(test, "fail", Function("fail", MarkFailed, 1));
        return test;
    }

    // k6 reads the options through JSON; the script sees that copy, made on first access.
    private JsValue TestOptions()
    {
        RequireNotInit("getting test options in the init context is not supported");
        if (_optionsCopy.IsUndefined() && !Options.IsUndefined())
        {
            _optionsCopy = new JsonParser(_engine).Parse(Text(new JsonSerializer(_engine).Serialize(Options)));
        }

        return _optionsCopy;
    }

    // k6 interrupts the runtime: no try/catch in the script can keep the test going.
    private JsValue Abort(JsValue self, JsValue[] arguments)
    {
        var message = Arg(arguments, 0);
        var reason = IsNullish(message) ? "test aborted" : $"test aborted: {Text(message)}";
        Aborted ??= (reason, Phase, _engine.Advanced.StackTrace);
        throw Error(reason);
    }

    private JsValue MarkFailed(JsValue self, JsValue[] arguments)
    {
        if (Stage == InitStage)
        {
            throw Error("execution.test.fail() called outside of VU context");
        }

        var message = Arg(arguments, 0);
        Report(IsNullish(message) ? "exec.test.fail() marked the test as failed" : $"exec.test.fail() marked the test as failed: {Text(message)}");
        return JsValue.Undefined;
    }

    /// <summary>An object whose properties are computed when read, so that they reflect (and check) the current stage.</summary>
    private sealed class InfoObject(Engine engine, Func<string, JsValue?> read) : ObjectInstance(engine)
    {
        public override JsValue Get(JsValue property, JsValue receiver) =>
            (property is JsString name ? read(name.ToString()) : null) ?? base.Get(property, receiver);
    }
}
