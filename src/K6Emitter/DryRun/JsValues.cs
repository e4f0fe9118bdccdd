using System;
using System.Collections.Generic;
using System.Globalization;
using Jint;
using Jint.Native;
using Jint.Native.Object;
using Jint.Runtime;
using Jint.Runtime.Descriptors;

namespace K6Scenarios.Emitter.DryRun;

/// <summary>Small helpers over Jint values shared by the host and the options checks.</summary>
internal static class JsValues
{
    /// <summary>The argument at an index, or <c>undefined</c> when the call passed fewer.</summary>
    public static JsValue Arg(JsValue[] arguments, int index) => index < arguments.Length ? arguments[index] : JsValue.Undefined;

    /// <summary>Whether the value is <c>undefined</c> or <c>null</c>.</summary>
    public static bool IsNullish(JsValue value) => value.IsUndefined() || value.IsNull();

    /// <summary>Whether the value is a plain object (not an array, not a function).</summary>
    public static bool IsPlainObject(JsValue value) => value.IsObject() && !value.IsArray() && !value.IsCallable();

    /// <summary>Whether the value is an async function, which k6 refuses where it needs a synchronous callback.</summary>
    public static bool IsAsyncFunction(JsValue value) =>
        value.IsCallable() && value.AsObject().Get("constructor") is ObjectInstance constructor
        && constructor.Get("name") is JsString name && name.ToString() == "AsyncFunction";

    /// <summary>The own string keys of an object, in property order.</summary>
    public static List<string> Keys(ObjectInstance obj)
    {
        var keys = obj.GetOwnPropertyKeys(Types.String);
        var names = new List<string>(keys.Count);
        foreach (var key in keys)
        {
            names.Add(key.ToString());
        }

        return names;
    }

    /// <summary>Defines an ordinary writable, enumerable, configurable data property.</summary>
    public static void Put(ObjectInstance target, string name, JsValue value) =>
        target.FastSetProperty(name, new PropertyDescriptor(value, PropertyFlag.ConfigurableEnumerableWritable));

    /// <summary>Defines a read-only data property.</summary>
    public static void PutReadOnly(ObjectInstance target, string name, JsValue value) =>
        target.FastSetProperty(name, new PropertyDescriptor(value, PropertyFlag.Enumerable));

    /// <summary>A plain object with the given string properties, in ordinal key order.</summary>
    public static JsObject ObjectOf(Engine engine, IReadOnlyDictionary<string, string> values)
    {
        var result = new JsObject(engine);
        var keys = new List<string>(values.Keys);
        keys.Sort(StringComparer.Ordinal);
        foreach (var key in keys)
        {
            Put(result, key, values[key]);
        }

        return result;
    }

    /// <summary>Describes a value for a message: <c>'90' (a string)</c>, <c>90 (a number)</c>, <c>an array</c>.</summary>
    public static string Describe(JsValue value)
    {
        if (value.IsUndefined())
        {
            return "undefined";
        }

        if (value.IsNull())
        {
            return "null";
        }

        if (value.IsString())
        {
            return $"'{value.AsString()}' (a string)";
        }

        if (value.IsNumber())
        {
            return $"{value.AsNumber().ToString(CultureInfo.InvariantCulture)} (a number)";
        }

        if (value.IsBoolean())
        {
            return value.AsBoolean() ? "true (a boolean)" : "false (a boolean)";
        }

        return value.IsArray() ? "an array" : value.IsCallable() ? "a function" : "an object";
    }
}
