using System;
using System.Collections.Generic;
using System.Text;
using System.Text.RegularExpressions;
using Jint;
using Jint.Native;
using Jint.Native.Json;
using Jint.Native.Object;
using Jint.Runtime;
using static K6Scenarios.Emitter.DryRun.JsValues;

namespace K6Scenarios.Emitter.DryRun;

/// <summary>The <c>k6</c>, <c>k6/metrics</c> and <c>k6/data</c> modules and the <c>open()</c> global.</summary>
internal sealed partial class K6Host
{
    /// <summary>The property that marks errors thrown by <c>fail()</c>.</summary>
    public const string FailMarker = "k6DryRunFail";

    private const string GroupSeparator = "::";

    private readonly Dictionary<string, (string Type, string Contains)> _metrics = new(StringComparer.Ordinal);
    private readonly Dictionary<string, JsValue> _sharedArrays = new(StringComparer.Ordinal);
    private JsValue _metricAdd = JsValue.Undefined;
    private double _clock;

    // ---- k6 ----

    public JsValue CheckFunction() => Function("check", Check, 2);

    public JsValue GroupFunction() => Function("group", Group, 2);

    public JsValue SleepFunction() => Function("sleep", Sleep, 1);

    public JsValue FailFunction() => Function("fail", Fail, 1);

    public JsValue RandomSeedFunction() => Function("randomSeed", RandomSeed, 1);

    private JsValue Check(JsValue self, JsValue[] arguments)
    {
        RequireNotInit("Using check() in the init context is not supported");
        var value = Arg(arguments, 0);
        var checks = Arg(arguments, 1);
        if (IsNullish(checks))
        {
            throw Error("no checks provided to `check`");
        }

        var tags = Arg(arguments, 2);
        if (!IsNullish(tags) && !IsPlainObject(tags))
        {
            Report($"check() tags must be an object, got {Describe(tags)}");
        }

        if (!checks.IsObject())
        {
            return JsBoolean.True;
        }

        var passed = true;
        var checkObject = checks.AsObject();
        foreach (var name in Keys(checkObject))
        {
            if (name.Contains(GroupSeparator, StringComparison.Ordinal))
            {
                throw Error("group and check names may not contain '::'");
            }

            // k6 v2.2 panics (exit 2, no summary) on a check name holding a lone UTF-16 surrogate.
            if (HasLoneSurrogate(name))
            {
                throw Error("check names may not contain a lone UTF-16 surrogate (k6 panics on it); use whole characters");
            }

            var result = checkObject.Get(name);
            if (IsAsyncFunction(result))
            {
                throw Error("the built-in check() does not support async functions as arguments. Use the JavaScript utils library as a replacement.");
            }

            JavaScriptException? failure = null;
            if (result.IsCallable())
            {
                try
                {
                    result = _engine.Call(result, JsValue.Undefined, [value]);
                }
                catch (JavaScriptException ex)
                {
                    result = JsBoolean.False;
                    failure = ex;
                }
            }

            if (!TypeConverter.ToBoolean(result))
            {
                passed = false;
                var (line, column) = StackLocator.Locate(_engine.Advanced.StackTrace, _scriptName);
                _failedChecks.Add(new FailedCheck(name, line, column, Phase));
            }

            if (failure is not null)
            {
                throw failure;
            }
        }

        return passed;
    }

    private JsValue Group(JsValue self, JsValue[] arguments)
    {
        RequireNotInit("Using group() in the init context is not supported");
        var callback = Arg(arguments, 1);
        if (!callback.IsCallable())
        {
            throw Error("group() requires a callback as a second argument");
        }

        if (IsAsyncFunction(callback))
        {
            throw Error("group() does not support async functions as arguments, please see https://grafana.com/docs/k6/latest/javascript-api/k6/group/ for more info");
        }

        var name = Text(Arg(arguments, 0));
        if (name.Contains(GroupSeparator, StringComparison.Ordinal))
        {
            throw Error("group and check names may not contain '::'");
        }

        var outer = _groupPath;
        _groupPath = outer + GroupSeparator + name;
        try
        {
            return _engine.Call(callback, JsValue.Undefined, []);
        }
        finally
        {
            _groupPath = outer;
        }
    }

    private JsValue Sleep(JsValue self, JsValue[] arguments)
    {
        var seconds = Arg(arguments, 0);
        if (!seconds.IsNumber() || !double.IsFinite(seconds.AsNumber()) || seconds.AsNumber() < 0)
        {
            Report($"sleep() takes a number of seconds, got {Describe(seconds)}");
        }
        else
        {
            _clock += seconds.AsNumber() * 1000;
        }

        return JsValue.Undefined;
    }

    // k6's fail() throws an ordinary error that ends the iteration; the marker lets the report say it came from fail().
    private JsValue Fail(JsValue self, JsValue[] arguments)
    {
        var error = _engine.Intrinsics.Error.Construct(Text(Arg(arguments, 0)));
        error.Set(FailMarker, JsBoolean.True);
        throw new JavaScriptException(error);
    }

    private JsValue RandomSeed(JsValue self, JsValue[] arguments)
    {
        var seed = Arg(arguments, 0);
        if (!seed.IsNumber() || !double.IsInteger(seed.AsNumber()))
        {
            Report($"randomSeed() takes an integer, got {Describe(seed)}");
        }

        return JsValue.Undefined;
    }

    // ---- k6/metrics ----

    public JsValue MetricClass(string className, string type) => Class(className, (_, arguments) => NewMetric(type, arguments));

    private JsObject NewMetric(string type, JsValue[] arguments)
    {
        if (Stage != InitStage)
        {
            throw Error("metrics must be declared in the init context");
        }

        var name = Text(Arg(arguments, 0));
        if (!MetricNamePattern().IsMatch(name))
        {
            throw Error($"Invalid metric name: '{name}'. Metric names must only include up to 128 ASCII letters, numbers, or underscores and start with a letter or an underscore.");
        }

        var isTime = Arg(arguments, 1);
        var contains = TypeConverter.ToBoolean(isTime) ? "time" : "default";
        (string Type, string Contains)? existing = BuiltinMetrics.Types.TryGetValue(name, out var builtinType)
            ? (builtinType, BuiltinMetrics.ValueTypeOf(name))
            : _metrics.TryGetValue(name, out var custom) ? custom : null;
        if (existing is { } known)
        {
            if (known.Type != type)
            {
                throw Error($"metric '{name}' already exists but with type {known.Type}, instead of {type}");
            }

            // k6's registry compares the value type too, so `new Trend(name)` after `new Trend(name, true)` fails.
            if (known.Contains != contains)
            {
                throw Error($"metric '{name}' already exists but with a value type {known.Contains}, instead of {contains}");
            }
        }
        else
        {
            _metrics[name] = (type, contains);
        }

        if (_metricAdd.IsUndefined())
        {
            _metricAdd = Function("add", AddToMetric, 2);
        }

        var metric = new JsObject(_engine);
        PutReadOnly(metric, "name", name);
        Put(metric, "add", _metricAdd);
        return metric;
    }

    private JsValue AddToMetric(JsValue self, JsValue[] arguments)
    {
        if (Stage == InitStage)
        {
            throw Error("Adding to metrics in the init context is not supported");
        }

        var name = self.IsObject() ? Text(self.AsObject().Get("name")) : "?";
        var value = Arg(arguments, 0);
        if (IsNullish(value))
        {
            Report($"no value was provided for metric '{name}', a number or a boolean value is expected");
            return JsBoolean.False;
        }

        if (!value.IsNumber() && !value.IsBoolean())
        {
            Report($"{Describe(value)} is an invalid value for metric '{name}', a number or a boolean value is expected");
            return JsBoolean.False;
        }

        if (value.IsNumber() && double.IsNaN(value.AsNumber()))
        {
            Report($"NaN is an invalid value for metric '{name}': a value it is computed from is missing");
            return JsBoolean.False;
        }

        var tags = Arg(arguments, 1);
        if (!IsNullish(tags) && !IsPlainObject(tags))
        {
            Report($"the tags of metric '{name}' must be an object, got {Describe(tags)}");
        }

        return JsBoolean.True;
    }

    [GeneratedRegex("^[a-zA-Z_][a-zA-Z0-9_]{1,128}\\z", RegexOptions.CultureInvariant)]
    private static partial Regex MetricNamePattern();

    // ---- k6/data ----

    public JsValue SharedArrayClass() => Class("SharedArray", (_, arguments) => NewSharedArray(arguments));

    private JsValue NewSharedArray(JsValue[] arguments)
    {
        if (Stage != InitStage)
        {
            throw Error("new SharedArray must be called in the init context");
        }

        var nameValue = Arg(arguments, 0);
        var name = IsNullish(nameValue) ? string.Empty : Text(nameValue);
        if (name.Length == 0)
        {
            throw Error("empty name provided to SharedArray's constructor");
        }

        var callback = Arg(arguments, 1);
        if (!callback.IsCallable())
        {
            throw Error("a function is expected as the second argument of SharedArray's constructor");
        }

        if (IsAsyncFunction(callback))
        {
            throw Error("SharedArray constructor does not support async functions as second argument");
        }

        if (_sharedArrays.TryGetValue(name, out var existing))
        {
            Report($"a SharedArray named '{name}' already exists: k6 hands every SharedArray of that name the first one's data; give each data set its own name");
            return existing;
        }

        var items = _engine.Call(callback, JsValue.Undefined, []);
        if (!items.IsArray())
        {
            throw Error("only arrays can be made into SharedArray");
        }

        // Like k6: the data is stored as JSON and handed out as deep-frozen copies, so writes throw.
        var copy = new JsonParser(_engine).Parse(Text(new JsonSerializer(_engine).Serialize(items)));
        DeepFreeze(copy, _engine.Intrinsics.Object.Get("freeze"));
        _sharedArrays[name] = copy;
        return copy;
    }

    private void DeepFreeze(JsValue value, JsValue freeze)
    {
        if (!value.IsObject())
        {
            return;
        }

        var obj = value.AsObject();
        foreach (var key in Keys(obj))
        {
            DeepFreeze(obj.Get(key), freeze);
        }

        _engine.Call(freeze, JsValue.Undefined, [value]);
    }

    // ---- open() ----

    private JsValue Open(JsValue self, JsValue[] arguments)
    {
        if (Stage != InitStage)
        {
            throw Error("the \"open\" function is only available in the init stage (i.e. the global scope), see https://grafana.com/docs/k6/latest/using-k6/test-lifecycle/ for more information");
        }

        var pathValue = Arg(arguments, 0);
        if (!pathValue.IsString() || pathValue.AsString().Length == 0)
        {
            throw Error($"open() needs a file path, got {Describe(pathValue)}");
        }

        var path = pathValue.AsString();
        var requested = path.StartsWith("file://", StringComparison.Ordinal) ? path[7..] : path;
        if (!TryFindFile(requested, out var content))
        {
            throw Error($"open {path}: no such file or directory (the dry run has no file at this path)");
        }

        return Text(Arg(arguments, 1)) == "b" ? _engine.Intrinsics.ArrayBuffer.Construct(Encoding.UTF8.GetBytes(content)) : content;
    }

    private bool TryFindFile(string requested, out string content)
    {
        if (_input.Files.TryGetValue(requested, out content!))
        {
            return true;
        }

        // "./users.json" and "users.json" name the same file.
        var normalized = requested.StartsWith("./", StringComparison.Ordinal) ? requested[2..] : requested;
        foreach (var (key, value) in _input.Files)
        {
            if ((key.StartsWith("./", StringComparison.Ordinal) ? key[2..] : key) == normalized)
            {
                content = value;
                return true;
            }
        }

        content = string.Empty;
        return false;
    }

    private static bool HasLoneSurrogate(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                return true;
            }
        }

        return false;
    }
}
