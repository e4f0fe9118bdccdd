using System;
using System.Collections.Generic;
using System.Text;
using System.Text.RegularExpressions;
using Jint;
using Jint.Native;
using static K6Scenarios.Emitter.DryRun.JsValues;

namespace K6Scenarios.Emitter.DryRun;

/// <summary>The small modules: <c>k6/crypto</c>, <c>k6/encoding</c>, <c>k6/html</c> and <c>k6/secrets</c>.</summary>
internal sealed partial class K6Host
{
    // A dry run needs digests of the right shape, not real ones: a deterministic stand-in of each algorithm's size.
    private static readonly Dictionary<string, int> DigestSizes = new(StringComparer.Ordinal)
    {
        ["md4"] = 16, ["md5"] = 16, ["sha1"] = 20, ["sha256"] = 32, ["sha384"] = 48, ["sha512"] = 64,
        ["sha512_224"] = 28, ["sha512_256"] = 32, ["ripemd160"] = 20,
    };

    public static Dictionary<string, Func<K6Host, JsValue>> CryptoExports()
    {
        var exports = new Dictionary<string, Func<K6Host, JsValue>>(StringComparer.Ordinal);
        foreach (var algorithm in DigestSizes.Keys)
        {
            exports[algorithm] = host => host.Function(algorithm, (_, a) => host.Digest(algorithm, Encoding.UTF8.GetBytes(Text(Arg(a, 0))), Arg(a, 1)), 2);
        }

        exports["hmac"] = host => host.Function("hmac", (_, a) => host.Digest(Text(Arg(a, 0)), Encoding.UTF8.GetBytes(Text(Arg(a, 1)) + Text(Arg(a, 2))), Arg(a, 3)), 4);
        exports["createHash"] = host => host.Function("createHash", (_, a) => host.Hasher(Text(Arg(a, 0)), string.Empty), 1);
        exports["createHMAC"] = host => host.Function("createHMAC", (_, a) => host.Hasher(Text(Arg(a, 0)), Text(Arg(a, 1))), 2);
        exports["randomBytes"] = host => host.Function("randomBytes", (_, a) => host.RandomBytes(Arg(a, 0)), 1);
        return exports;
    }

    private JsValue Digest(string algorithm, byte[] input, JsValue outputEncoding)
    {
        if (!DigestSizes.TryGetValue(algorithm, out var size))
        {
            throw Error($"invalid algorithm: {algorithm}");
        }

        var hash = 2166136261u;
        foreach (var b in input)
        {
            hash = unchecked((hash ^ b) * 16777619u);
        }

        var digest = new byte[size];
        for (var i = 0; i < size; i++)
        {
            hash = unchecked((hash ^ (uint)i) * 16777619u);
            digest[i] = (byte)hash;
        }

        var encoding = outputEncoding.IsUndefined() ? "binary" : Text(outputEncoding);
        return encoding switch
        {
            "binary" => _engine.Intrinsics.ArrayBuffer.Construct(digest),
            "hex" => Convert.ToHexString(digest).ToLowerInvariant(),
            "base64" => Convert.ToBase64String(digest),
            "base64url" => Convert.ToBase64String(digest).Replace('+', '-').Replace('/', '_'),
            "base64rawurl" => Convert.ToBase64String(digest).TrimEnd('=').Replace('+', '-').Replace('/', '_'),
            _ => throw Error($"unknown output encoding '{encoding}'; k6/crypto supports hex, base64, base64url, base64rawurl and binary"),
        };
    }

    private JsObject Hasher(string algorithm, string secret)
    {
        if (!DigestSizes.ContainsKey(algorithm))
        {
            throw Error($"invalid algorithm: {algorithm}");
        }

        var data = new StringBuilder(secret);
        var hasher = new JsObject(_engine);
        Put(hasher, "update", Function("update", (_, a) =>
        {
            data.Append(Text(Arg(a, 0)));
            return JsValue.Undefined;
        }, 1));
        Put(hasher, "digest", Function("digest", (_, a) => Digest(algorithm, Encoding.UTF8.GetBytes(data.ToString()), Arg(a, 0)), 1));
        return hasher;
    }

    private JsArrayBuffer RandomBytes(JsValue size)
    {
        if (!size.IsNumber() || !double.IsInteger(size.AsNumber()) || size.AsNumber() < 0 || size.AsNumber() > 1 << 20)
        {
            throw Error($"invalid size: {Text(size)}");
        }

        return _engine.Intrinsics.ArrayBuffer.Construct(new byte[(int)size.AsNumber()]);
    }

    // ---- k6/encoding ----

    public JsValue Base64EncodeFunction() => Function("b64encode", (_, a) => Base64Encode(Arg(a, 0), Arg(a, 1)), 2);

    public JsValue Base64DecodeFunction() => Function("b64decode", (_, a) => Base64Decode(Arg(a, 0), Arg(a, 1), Arg(a, 2)), 3);

    private JsValue Base64Encode(JsValue input, JsValue encodingValue)
    {
        var bytes = input.IsArrayBuffer() ? input.AsArrayBuffer()! : Encoding.UTF8.GetBytes(Text(input));
        var text = Convert.ToBase64String(bytes);
        return Base64Variant(encodingValue) switch
        {
            "rawstd" => text.TrimEnd('='),
            "url" => text.Replace('+', '-').Replace('/', '_'),
            "rawurl" => text.TrimEnd('=').Replace('+', '-').Replace('/', '_'),
            _ => text,
        };
    }

    private JsValue Base64Decode(JsValue input, JsValue encodingValue, JsValue format)
    {
        var text = Text(input).TrimEnd('=');
        if (Base64Variant(encodingValue) is "url" or "rawurl")
        {
            text = text.Replace('-', '+').Replace('_', '/');
        }

        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(text.PadRight((text.Length + 3) / 4 * 4, '='));
        }
        catch (FormatException)
        {
            throw Error($"illegal base64 data in '{Text(input)}'");
        }

        return Text(format) == "s" ? Encoding.UTF8.GetString(bytes) : _engine.Intrinsics.ArrayBuffer.Construct(bytes);
    }

    private string Base64Variant(JsValue encodingValue)
    {
        var encoding = IsNullish(encodingValue) ? "std" : Text(encodingValue);
        return encoding is "" or "std" or "rawstd" or "url" or "rawurl"
            ? encoding
            : throw Error($"unsupported base64 encoding '{encoding}'; use std, rawstd, url or rawurl");
    }

    // ---- k6/html ----

    public JsValue ParseHtmlFunction() => Function("parseHTML", (_, a) => ParseHtml(IsNullish(Arg(a, 0)) ? string.Empty : Text(Arg(a, 0))), 1);

    // Only the shape of a Selection: the dry run does not parse HTML.
    private JsObject ParseHtml(string source)
    {
        var selection = new JsObject(_engine);
        var text = HtmlTag().Replace(source, string.Empty);
        Put(selection, "text", Function("text", (_, _) => text));
        Put(selection, "html", Function("html", (_, _) => source));
        Put(selection, "find", Function("find", (_, _) => ParseHtml(string.Empty), 1));
        Put(selection, "attr", NoOp());
        Put(selection, "val", NoOp());
        Put(selection, "size", Function("size", (_, _) => source.Length == 0 ? 0 : 1));
        foreach (var method in (string[])["first", "last", "eq", "each"])
        {
            Put(selection, method, Function(method, (self, _) => self));
        }

        Put(selection, "map", Function("map", (_, _) => new JsArray(_engine)));
        Put(selection, "toArray", Function("toArray", (_, _) => new JsArray(_engine)));
        return selection;
    }

    [GeneratedRegex("<[^>]*>", RegexOptions.CultureInvariant)]
    private static partial Regex HtmlTag();

    // ---- k6/secrets ----

    public JsValue SecretFunction() => Function("get", (_, a) => Secret(Arg(a, 0)), 1);

    public JsValue SecretSourceFunction() => Function("source", (_, _) =>
    {
        var source = new JsObject(_engine);
        Put(source, "get", SecretFunction());
        return source;
    }, 1);

    private JsValue Secret(JsValue name)
    {
        var key = Text(name);
        var value = Environment.IsObject() && !Environment.AsObject().Get(key).IsUndefined() ? Environment.AsObject().Get(key) : "dry-run-secret";
        var promise = _engine.Advanced.RegisterPromise();
        promise.Resolve(value);
        return promise.Promise;
    }
}
