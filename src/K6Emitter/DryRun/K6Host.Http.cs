using System;
using System.Collections.Frozen;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using Jint;
using Jint.Native;
using Jint.Native.Json;
using Jint.Native.Object;
using Jint.Runtime;
using Jint.Runtime.Descriptors;
using static K6Scenarios.Emitter.DryRun.JsValues;

namespace K6Scenarios.Emitter.DryRun;

/// <summary>
/// The <c>k6/http</c> module: k6's request signatures and params, answered from the stub responses, with a response
/// object that has k6's fields and a <c>json(path)</c> implementing the gjson subset k6 scripts use.
/// </summary>
internal sealed partial class K6Host
{
    private static readonly string[] ParamKeys = ["headers", "tags", "timeout", "redirects", "responseType", "responseCallback", "cookies", "jar", "compression", "auth", "throw"];
    private static readonly string[] ResponseTypes = ["text", "binary", "none"];
    private static readonly string[] AuthSchemes = ["basic", "digest", "ntlm"];
    private static readonly string[] Compressions = ["gzip", "deflate", "br", "zstd"];

    private static readonly FrozenDictionary<int, string> StatusTexts = new Dictionary<int, string>
    {
        [200] = "OK", [201] = "Created", [202] = "Accepted", [204] = "No Content", [301] = "Moved Permanently", [302] = "Found",
        [304] = "Not Modified", [400] = "Bad Request", [401] = "Unauthorized", [403] = "Forbidden", [404] = "Not Found",
        [405] = "Method Not Allowed", [409] = "Conflict", [422] = "Unprocessable Entity", [429] = "Too Many Requests",
        [500] = "Internal Server Error", [502] = "Bad Gateway", [503] = "Service Unavailable", [504] = "Gateway Timeout",
    }.ToFrozenDictionary();

    private JsValue _responseJson = JsValue.Undefined;
    private JsValue _responseHtml = JsValue.Undefined;
    private CookieJarObject? _vuJar;

    public static Dictionary<string, Func<K6Host, JsValue>> HttpExports() => new()
    {
        ["get"] = host => host.Function("get", (_, a) => host.Bodiless("get", "GET", a), 2),
        ["head"] = host => host.Function("head", (_, a) => host.Bodiless("head", "HEAD", a), 2),
        ["post"] = host => host.Function("post", (_, a) => host.WithBody("post", "POST", a), 3),
        ["put"] = host => host.Function("put", (_, a) => host.WithBody("put", "PUT", a), 3),
        ["patch"] = host => host.Function("patch", (_, a) => host.WithBody("patch", "PATCH", a), 3),
        ["del"] = host => host.Function("del", (_, a) => host.WithBody("del", "DELETE", a), 3),
        ["options"] = host => host.Function("options", (_, a) => host.WithBody("options", "OPTIONS", a), 3),
        ["request"] = host => host.Function("request", (_, a) => host.RequestFunction(a), 4),
        ["batch"] = host => host.Function("batch", (_, a) => host.Batch(Arg(a, 0)), 1),
        ["expectedStatuses"] = host => host.Function("expectedStatuses", (_, a) => host.ExpectedStatuses(a)),
        ["setResponseCallback"] = host => host.Function("setResponseCallback", (_, a) => host.SetResponseCallback(Arg(a, 0)), 1),
        ["file"] = host => host.Function("file", (_, a) => host.File(a), 3),
        ["url"] = host => host.Function("url", (_, a) => host.UrlTemplate(a), 1),
        ["cookieJar"] = host => host.Function("cookieJar", (_, _) => host._vuJar ??= new CookieJarObject(host)),
        ["CookieJar"] = host => host.Class("CookieJar", (_, _) => new CookieJarObject(host)),
        ["TLS_1_0"] = _ => "tls1.0",
        ["TLS_1_1"] = _ => "tls1.1",
        ["TLS_1_2"] = _ => "tls1.2",
        ["TLS_1_3"] = _ => "tls1.3",
    };

    private JsObject Bodiless(string api, string method, JsValue[] arguments)
    {
        if (arguments.Length > 2)
        {
            Report($"http.{api}() takes (url, params) and sends no body; k6 ignores the extra argument (was a body passed before params?)");
        }

        return Send($"http.{api}()", method, Arg(arguments, 0), JsValue.Null, Arg(arguments, 1));
    }

    private JsObject WithBody(string api, string method, JsValue[] arguments) =>
        Send($"http.{api}()", method, Arg(arguments, 0), Arg(arguments, 1), Arg(arguments, 2));

    private JsObject RequestFunction(JsValue[] arguments)
    {
        var method = Arg(arguments, 0);
        if (!method.IsString() || method.AsString().Length == 0)
        {
            Report($"http.request(): the method must be a string such as 'GET', got {Describe(method)}");
        }

        return Send("http.request()", Text(method), Arg(arguments, 1), Arg(arguments, 2), Arg(arguments, 3));
    }

    private JsValue Batch(JsValue requests)
    {
        RequireNotInit("Using batch in the init context is not supported");
        JsValue One(JsValue item)
        {
            if (item.IsString() || item is UrlTemplateObject)
            {
                return Send("http.batch()", "GET", item, JsValue.Null, JsValue.Undefined);
            }

            if (item.IsArray())
            {
                var parts = item.AsArray();
                return Send("http.batch()", Text(parts.Get(0)), parts.Get(1), parts.Get(2), parts.Get(3));
            }

            if (IsPlainObject(item))
            {
                var request = item.AsObject();
                var method = request.Get("method");
                return Send("http.batch()", method.IsUndefined() ? "GET" : Text(method), request.Get("url"), request.Get("body"), request.Get("params"));
            }

            throw Error($"invalid http.batch() request: {Describe(item)}");
        }

        if (requests.IsArray())
        {
            var list = requests.AsArray();
            var responses = new JsValue[list.Length];
            for (uint i = 0; i < list.Length; i++)
            {
                responses[i] = One(list.Get(i));
            }

            return new JsArray(_engine, responses);
        }

        if (IsPlainObject(requests))
        {
            var named = requests.AsObject();
            var responses = new JsObject(_engine);
            foreach (var key in Keys(named))
            {
                Put(responses, key, One(named.Get(key)));
            }

            return responses;
        }

        throw Error($"http.batch() takes an array or an object of requests, got {Describe(requests)}");
    }

    private JsObject Send(string api, string method, JsValue target, JsValue body, JsValue parameters)
    {
        RequireNotInit("Making http requests in the init context is not supported");
        var checkedParameters = CheckParams(api, parameters);
        var headers = checkedParameters?.Get("headers") ?? JsValue.Undefined;
        CheckBody(api, body, headers);
        var templateName = target is UrlTemplateObject template ? template.Name : null;
        var url = target is UrlTemplateObject templated ? templated.Url : Text(target);
        return Respond(api, method.ToUpperInvariant(), url, body, checkedParameters, headers, templateName);
    }

    private ObjectInstance? CheckParams(string api, JsValue parameters)
    {
        if (IsNullish(parameters))
        {
            return null;
        }

        if (!IsPlainObject(parameters))
        {
            Report($"{api}: params must be an object, got {Describe(parameters)}");
            return null;
        }

        var values = parameters.AsObject();
        foreach (var key in Keys(values))
        {
            if (Array.IndexOf(ParamKeys, key) < 0)
            {
                var suggestion = K6Syntax.ClosestMatch(key, ParamKeys);
                Report($"{api}: k6 ignores the unknown params key '{key}'{(suggestion is null ? string.Empty : $"; did you mean '{suggestion}'?")} (known keys: {string.Join(", ", ParamKeys)})");
            }
        }

        var headers = values.Get("headers");
        if (!IsNullish(headers) && !IsPlainObject(headers))
        {
            Report($"{api}: params.headers must be an object, got {Describe(headers)}");
        }
        else if (IsPlainObject(headers))
        {
            var headerObject = headers.AsObject();
            foreach (var name in Keys(headerObject))
            {
                var value = headerObject.Get(name);
                if (IsNullish(value) || ContainsMissingValue(Text(value)))
                {
                    Report($"{api}: header '{name}' is {Describe(value)}: a value it is built from is missing");
                }
            }
        }

        var tags = values.Get("tags");
        if (!IsNullish(tags) && !IsPlainObject(tags))
        {
            Report($"{api}: params.tags must be an object, got {Describe(tags)}");
        }
        else if (IsPlainObject(tags))
        {
            var tagObject = tags.AsObject();
            foreach (var name in Keys(tagObject))
            {
                var value = tagObject.Get(name);
                if (IsNullish(value) || value.IsObject())
                {
                    Report($"{api}: tag '{name}' must be a string, got {Describe(value)}");
                }
            }
        }

        var timeout = values.Get("timeout");
        if (!timeout.IsUndefined() && !(timeout.IsNumber() && timeout.AsNumber() >= 0)
            && !(timeout.IsString() && (K6Syntax.IsBareNumber(timeout.AsString()) || K6Syntax.TryParseDuration(timeout.AsString(), out _))))
        {
            Report($"{api}: params.timeout must be a duration such as '60s' (or milliseconds as a number), got {Describe(timeout)}");
        }

        var responseType = values.Get("responseType");
        if (!responseType.IsUndefined() && !(responseType.IsString() && Array.IndexOf(ResponseTypes, responseType.AsString()) >= 0))
        {
            Report($"{api}: params.responseType must be one of {string.Join(", ", ResponseTypes)}, got {Describe(responseType)}");
        }

        var callback = values.Get("responseCallback");
        if (!IsNullish(callback) && callback is not ExpectedStatusesObject)
        {
            Report($"{api}: params.responseCallback must come from http.expectedStatuses(), got {Describe(callback)}");
        }

        var auth = values.Get("auth");
        if (!auth.IsUndefined() && !(auth.IsString() && Array.IndexOf(AuthSchemes, auth.AsString()) >= 0))
        {
            Report($"{api}: params.auth must be one of {string.Join(", ", AuthSchemes)}, got {Describe(auth)}");
        }

        var compression = values.Get("compression");
        if (!compression.IsUndefined() && Text(compression).Split(',').Any(algorithm => Array.IndexOf(Compressions, algorithm.Trim()) < 0))
        {
            Report($"{api}: unknown compression in {Describe(compression)}; k6 supports {string.Join(", ", Compressions)}");
        }

        var redirects = values.Get("redirects");
        if (!redirects.IsUndefined() && !(redirects.IsNumber() && double.IsInteger(redirects.AsNumber()) && redirects.AsNumber() >= 0))
        {
            Report($"{api}: params.redirects must be a non-negative integer, got {Describe(redirects)}");
        }

        var jar = values.Get("jar");
        if (!IsNullish(jar) && jar is not CookieJarObject)
        {
            Report($"{api}: params.jar must come from http.cookieJar() or new http.CookieJar(), got {Describe(jar)}");
        }

        return values;
    }

    // "Bearer undefined": a header built from a capture that found nothing.
    /// <summary>
    /// Gets whether a header value reads <c>undefined</c>, <c>null</c> or <c>NaN</c> as a word that no string literal of
    /// the script wrote there: only then was it built from a missing value. A literal <c>'null'</c> (or a literal
    /// holding the word, such as <c>'Bearer null'</c>) is what the test means to send.
    /// </summary>
    private bool ContainsMissingValue(string text)
    {
        foreach (var word in (string[])["undefined", "null", "NaN"])
        {
            for (var index = text.IndexOf(word, StringComparison.Ordinal); index >= 0; index = text.IndexOf(word, index + 1, StringComparison.Ordinal))
            {
                var before = index == 0 || !char.IsAsciiLetterOrDigit(text[index - 1]);
                var after = index + word.Length == text.Length || !char.IsAsciiLetterOrDigit(text[index + word.Length]);
                if (before && after && !IsWrittenLiterally(text, index, word.Length))
                {
                    return true;
                }
            }
        }

        return false;
    }

    // Whether some literal of the script that holds the word covers text[index, index + length) where it occurs in text.
    private bool IsWrittenLiterally(string text, int index, int length)
    {
        foreach (var literal in LiteralTexts())
        {
            // The first occurrence that ends at or after the word; it covers the word when it also starts at or before it.
            var at = literal.Length < length ? -1 : text.IndexOf(literal, Math.Max(0, index + length - literal.Length), StringComparison.Ordinal);
            if (at >= 0 && at <= index)
            {
                return true;
            }
        }

        return false;
    }

    private void CheckBody(string api, JsValue body, JsValue headers)
    {
        if (IsNullish(body) || body.IsString() || body.IsArrayBuffer() || body is Jint.Native.JsTypedArray)
        {
            return;
        }

        if (IsPlainObject(body))
        {
            var contentType = HeaderValue(headers, "content-type");
            var fields = body.AsObject();
            var hasFile = Keys(fields).Any(key => fields.Get(key) is FileDataObject);
            if (!hasFile && contentType is not null && contentType.Contains("json", StringComparison.OrdinalIgnoreCase))
            {
                Report($"{api}: the body is a plain object, which k6 sends form-encoded although Content-Type is '{contentType}'; pass JSON.stringify(body)");
            }

            return;
        }

        Report($"{api}: k6 cannot send a body of type {Describe(body)}; pass a string, an ArrayBuffer or an object (form fields)");
    }

    private static string? HeaderValue(JsValue headers, string lowerCaseName)
    {
        if (!IsPlainObject(headers))
        {
            return null;
        }

        var headerObject = headers.AsObject();
        foreach (var key in Keys(headerObject))
        {
            if (string.Equals(key, lowerCaseName, StringComparison.OrdinalIgnoreCase))
            {
                return Text(headerObject.Get(key));
            }
        }

        return null;
    }

    private JsObject Respond(string api, string method, string url, JsValue body, ObjectInstance? parameters, JsValue headers, string? templateName)
    {
        var response = new JsObject(_engine);
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps) || uri.Host.Length == 0)
        {
            Report($"{api}: '{url}' is not an absolute http(s) URL, so k6 fails the request with status 0; is a base URL missing from __ENV?");
            Put(response, "status", 0);
            Put(response, "status_text", string.Empty);
            Put(response, "body", JsValue.Null);
            Put(response, "headers", new JsObject(_engine));
            Put(response, "error", "unsupported protocol scheme");
            Put(response, "error_code", 1000);
            return Complete(response, method, url, body, headers);
        }

        var tags = parameters?.Get("tags") ?? JsValue.Undefined;
        var tagName = IsPlainObject(tags) ? tags.AsObject().Get("name") : JsValue.Undefined;
        var name = !tagName.IsUndefined() ? Text(tagName) : templateName ?? url;
        var stub = _input.Responses.FirstOrDefault(r => string.Equals(r.Method, method, StringComparison.OrdinalIgnoreCase) && r.Name == name);
        var status = stub?.Status ?? 200;
        var responseType = parameters?.Get("responseType") is JsString type ? type.ToString() : null;
        var stubBody = stub?.Body ?? "{}";
        JsValue responseBody = responseType == "none" || (DiscardResponseBodies && responseType is not "text" and not "binary")
            ? JsValue.Null
            : responseType == "binary" ? _engine.Intrinsics.ArrayBuffer.Construct(Encoding.UTF8.GetBytes(stubBody)) : stubBody;

        var responseHeaders = new JsObject(_engine);
        if (stub is null)
        {
            Put(responseHeaders, "Content-Type", "application/json");
        }
        else if (stub.Headers is not null)
        {
            foreach (var (header, value) in stub.Headers.OrderBy(pair => pair.Key, StringComparer.Ordinal))
            {
                Put(responseHeaders, CanonicalHeader(header), value);
            }
        }

        var statusCode = status.ToString(CultureInfo.InvariantCulture);
        Put(response, "status", status);
        Put(response, "status_text", StatusTexts.TryGetValue(status, out var statusText) ? $"{statusCode} {statusText}" : statusCode);
        Put(response, "body", responseBody);
        Put(response, "headers", responseHeaders);
        Put(response, "error", string.Empty);
        Put(response, "error_code", 0);
        Put(response, "proto", "HTTP/1.1");
        Put(response, "remote_ip", "127.0.0.1");
        Put(response, "remote_port", 443);
        Put(response, "tls_version", string.Empty);
        Put(response, "tls_cipher_suite", string.Empty);
        return Complete(response, method, url, body, headers);
    }

    // The fields every response has, whatever its status.
    private JsObject Complete(JsObject response, string method, string url, JsValue body, JsValue headers)
    {
        Put(response, "url", url);
        Put(response, "request", RequestObject(method, url, body, headers));
        Put(response, "timings", Timings());
        Put(response, "cookies", new JsObject(_engine));
        Put(response, "json", _responseJson.IsUndefined() ? _responseJson = Function("json", ResponseJson, 1) : _responseJson);
        Put(response, "html", _responseHtml.IsUndefined() ? _responseHtml = Function("html", ResponseHtml, 1) : _responseHtml);
        return response;
    }

    private JsObject RequestObject(string method, string url, JsValue body, JsValue headers)
    {
        var request = new JsObject(_engine);
        var requestHeaders = new JsObject(_engine);
        if (IsPlainObject(headers))
        {
            var headerObject = headers.AsObject();
            foreach (var name in Keys(headerObject))
            {
                Put(requestHeaders, CanonicalHeader(name), new JsArray(_engine, [Text(headerObject.Get(name))]));
            }
        }

        Put(request, "method", method);
        Put(request, "url", url);
        Put(request, "headers", requestHeaders);
        Put(request, "body", body.IsString() ? body : string.Empty);
        Put(request, "cookies", new JsObject(_engine));
        return request;
    }

    private JsObject Timings()
    {
        var timings = new JsObject(_engine);
        foreach (var name in (string[])["duration", "blocked", "connecting", "tls_handshaking", "sending", "waiting", "receiving"])
        {
            Put(timings, name, 0);
        }

        return timings;
    }

    // Go's textproto.CanonicalMIMEHeaderKey: "content-type" -> "Content-Type".
    private static string CanonicalHeader(string name)
    {
        foreach (var c in name)
        {
            if (!char.IsAsciiLetterOrDigit(c) && "!#$%&'*+-.^_`|~".IndexOf(c, StringComparison.Ordinal) < 0)
            {
                return name;
            }
        }

        var builder = new StringBuilder(name.Length);
        var upper = true;
        foreach (var c in name)
        {
            builder.Append(upper ? char.ToUpperInvariant(c) : char.ToLowerInvariant(c));
            upper = c == '-';
        }

        return builder.ToString();
    }

    private JsValue ResponseJson(JsValue self, JsValue[] arguments)
    {
        var body = self.IsObject() ? self.AsObject().Get("body") : JsValue.Undefined;
        if (IsNullish(body))
        {
            throw Error("the body is null so we can't transform it to JSON - this likely was because of a request error getting the response");
        }

        var text = body.IsArrayBuffer() ? Encoding.UTF8.GetString(body.AsArrayBuffer()!) : Text(body);
        var selector = Arg(arguments, 0);
        if (selector.IsUndefined())
        {
            try
            {
                return new JsonParser(_engine).Parse(text);
            }
            catch (JavaScriptException ex)
            {
                throw Error($"cannot parse json due to an error: {ex.Message}");
            }
        }

        var path = Text(selector);
        if (path.IndexOfAny(['*', '?', '|', '@']) >= 0 || path.Contains("#(", StringComparison.Ordinal))
        {
            Report($"res.json('{path}'): the dry run implements only the gjson paths 'a.b', 'items.0.id', 'items.#' and 'items.#.id'");
        }

        JsValue root;
        try
        {
            root = new JsonParser(_engine).Parse(text);
        }
        catch (JavaScriptException)
        {
            return JsValue.Undefined;
        }

        return Select(root, SplitPath(path), 0);
    }

    private static List<string> SplitPath(string path)
    {
        var parts = new List<string>();
        var current = new StringBuilder();
        for (var i = 0; i < path.Length; i++)
        {
            if (path[i] == '\\' && i + 1 < path.Length)
            {
                current.Append(path[++i]);
            }
            else if (path[i] == '.')
            {
                parts.Add(current.ToString());
                current.Clear();
            }
            else
            {
                current.Append(path[i]);
            }
        }

        parts.Add(current.ToString());
        return parts;
    }

    private JsValue Select(JsValue value, List<string> parts, int from)
    {
        for (var i = from; i < parts.Count; i++)
        {
            var key = parts[i];
            if (value.IsArray())
            {
                var array = value.AsArray();
                if (key == "#")
                {
                    if (i == parts.Count - 1)
                    {
                        return array.Length;
                    }

                    var selected = new List<JsValue>();
                    for (uint index = 0; index < array.Length; index++)
                    {
                        var item = Select(array.Get(index), parts, i + 1);
                        if (!item.IsUndefined())
                        {
                            selected.Add(item);
                        }
                    }

                    return new JsArray(_engine, selected.ToArray());
                }

                if (!uint.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var position) || position >= array.Length)
                {
                    return JsValue.Undefined;
                }

                value = array.Get(position);
            }
            else if (IsPlainObject(value) && value.AsObject().GetOwnProperty(key) != PropertyDescriptor.Undefined)
            {
                value = value.AsObject().Get(key);
            }
            else
            {
                return JsValue.Undefined;
            }
        }

        return value;
    }

    private JsValue ResponseHtml(JsValue self, JsValue[] arguments)
    {
        var body = self.IsObject() ? self.AsObject().Get("body") : JsValue.Undefined;
        return ParseHtml(IsNullish(body) ? string.Empty : Text(body));
    }

    private ExpectedStatusesObject ExpectedStatuses(JsValue[] arguments)
    {
        if (arguments.Length == 0)
        {
            throw Error("no arguments");
        }

        for (var i = 0; i < arguments.Length; i++)
        {
            var status = arguments[i];
            if (status.IsNumber() && double.IsInteger(status.AsNumber()))
            {
                continue;
            }

            if (!status.IsObject() || status.AsObject().Get("min").IsUndefined() || status.AsObject().Get("max").IsUndefined())
            {
                throw Error($"argument number {i + 1} to expectedStatuses was neither an integer nor an object like {{min:100, max:329}}");
            }

            var min = status.AsObject().Get("min");
            var max = status.AsObject().Get("max");
            if (!(min.IsNumber() && double.IsInteger(min.AsNumber()) && max.IsNumber() && double.IsInteger(max.AsNumber())))
            {
                throw Error($"both min and max need to be integers for argument number {i + 1}");
            }
        }

        return new ExpectedStatusesObject(_engine);
    }

    private JsValue SetResponseCallback(JsValue callback)
    {
        if (!IsNullish(callback) && callback is not ExpectedStatusesObject)
        {
            throw Error("unsupported argument, expected http.expectedStatuses");
        }

        return JsValue.Undefined;
    }

    private FileDataObject File(JsValue[] arguments)
    {
        var file = new FileDataObject(_engine);
        var filename = Arg(arguments, 1);
        var contentType = Arg(arguments, 2);
        Put(file, "data", Arg(arguments, 0));
        Put(file, "filename", filename.IsUndefined() ? "file" : Text(filename));
        Put(file, "content_type", contentType.IsUndefined() ? "application/octet-stream" : Text(contentType));
        return file;
    }

    // The http.url`...${x}...` tag: the URL, named after its template so that every value shares one time series.
    private UrlTemplateObject UrlTemplate(JsValue[] arguments)
    {
        var strings = Arg(arguments, 0);
        if (!strings.IsArray())
        {
            throw Error("http.url is a template tag: write http.url`${base}/items/${id}`");
        }

        var parts = strings.AsArray();
        var url = new StringBuilder(Text(parts.Get(0)));
        var name = new StringBuilder(Text(parts.Get(0)));
        for (uint i = 1; i < parts.Length; i++)
        {
            url.Append(Text(Arg(arguments, (int)i))).Append(Text(parts.Get(i)));
            name.Append("${}").Append(Text(parts.Get(i)));
        }

        var template = new UrlTemplateObject(_engine, url.ToString(), name.ToString());
        PutReadOnly(template, "url", template.Url);
        PutReadOnly(template, "name", template.Name);
        Put(template, "toString", Function("toString", (self, _) => self is UrlTemplateObject t ? t.Url : JsValue.Undefined));
        return template;
    }

    private sealed class ExpectedStatusesObject(Engine engine) : ObjectInstance(engine);

    private sealed class FileDataObject(Engine engine) : ObjectInstance(engine);

    private sealed class UrlTemplateObject(Engine engine, string url, string name) : ObjectInstance(engine)
    {
        public string Url { get; } = url;

        public string Name { get; } = name;
    }

    private sealed class CookieJarObject : ObjectInstance
    {
        public CookieJarObject(K6Host host)
            : base(host._engine)
        {
            foreach (var method in (string[])["set", "clear", "delete"])
            {
                Put(this, method, host.NoOp());
            }

            Put(this, "cookiesForURL", host.Function("cookiesForURL", (_, _) => new JsObject(host._engine), 1));
        }
    }
}
