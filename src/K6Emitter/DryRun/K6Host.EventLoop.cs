using System;
using System.Collections.Generic;
using System.Globalization;
using Jint;
using Jint.Native;
using Jint.Native.Object;
using static K6Scenarios.Emitter.DryRun.JsValues;

namespace K6Scenarios.Emitter.DryRun;

/// <summary>
/// The simulated event loop of an iteration: timers (<c>k6/timers</c> and the globals) and <c>k6/websockets</c>
/// sessions, run in due order on a simulated clock after the exec function returns, and bounded.
/// </summary>
internal sealed partial class K6Host
{
    private const int MaxCallbacks = 10_000;

    private static readonly string[] SocketEvents = ["open", "message", "error", "close", "ping", "pong"];
    private static readonly string[] SocketParamKeys = ["headers", "tags", "jar", "compression"];

    private readonly List<LoopTask> _queue = [];
    private readonly Dictionary<int, LoopTask> _timers = [];
    private long _sequence;
    private int _nextTimerId = 1;
    private int _callbacks;
    private int _socketsCreated;
    private int _socketsOpen;
    private SocketMethods? _socketMethods;

    /// <summary>Runs the next due callback; false once the iteration is over (nothing left, or every socket closed).</summary>
    public bool RunNext()
    {
        if (_socketsCreated > 0 && _socketsOpen == 0)
        {
            _queue.Clear();
            return false;
        }

        var next = -1;
        for (var i = 0; i < _queue.Count; i++)
        {
            var task = _queue[i];
            if (!task.Cancelled && (next < 0 || task.Due < _queue[next].Due || (task.Due == _queue[next].Due && task.Sequence < _queue[next].Sequence)))
            {
                next = i;
            }
        }

        if (next < 0)
        {
            _queue.Clear();
            return false;
        }

        var due = _queue[next];
        _queue.RemoveAt(next);
        if (++_callbacks > MaxCallbacks)
        {
            Report($"the iteration was still running after {MaxCallbacks.ToString(CultureInfo.InvariantCulture)} timer and WebSocket callbacks: clear every setInterval and close every WebSocket so the iteration can end", due.Origin);
            _queue.Clear();
            return false;
        }

        _clock = Math.Max(_clock, due.Due);
        due.Run();
        return true;
    }

    private void ResetLoop()
    {
        _queue.Clear();
        _timers.Clear();
        _callbacks = 0;
        _socketsCreated = 0;
        _socketsOpen = 0;
    }

    private LoopTask Schedule(double delay, Action run, string? origin = null)
    {
        var task = new LoopTask(_clock + delay, _sequence++, run, origin);
        _queue.Add(task);
        return task;
    }

    // ---- timers ----

    public JsValue TimerFunction(string name) => name switch
    {
        "setTimeout" => Function(name, (_, a) => SetTimer(a, repeat: false), 2),
        "setInterval" => Function(name, (_, a) => SetTimer(a, repeat: true), 2),
        _ => Function(name, (_, a) => ClearTimer(Arg(a, 0)), 1),
    };

    private JsValue SetTimer(JsValue[] arguments, bool repeat)
    {
        var api = repeat ? "setInterval" : "setTimeout";
        var callback = Arg(arguments, 0);
        if (!callback.IsCallable())
        {
            throw TypeError($"{api} needs a function as its first argument, got {Describe(callback)}");
        }

        var delayValue = Arg(arguments, 1);
        var delay = delayValue.IsNumber() && double.IsFinite(delayValue.AsNumber()) ? Math.Max(0, delayValue.AsNumber()) : 0;
        var extra = arguments.Length > 2 ? arguments[2..] : [];
        var id = _nextTimerId++;
        if (repeat)
        {
            var period = Math.Max(delay, 1);
            var origin = _engine.Advanced.StackTrace;
            void Tick()
            {
                _engine.Call(callback, JsValue.Undefined, extra);
                if (_timers.ContainsKey(id))
                {
                    _timers[id] = Schedule(period, Tick, origin);
                }
            }

            _timers[id] = Schedule(period, Tick, origin);
        }
        else
        {
            _timers[id] = Schedule(delay, () =>
            {
                _timers.Remove(id);
                _engine.Call(callback, JsValue.Undefined, extra);
            });
        }

        return id;
    }

    private JsValue ClearTimer(JsValue id)
    {
        if (id.IsNumber() && _timers.Remove((int)id.AsNumber(), out var task))
        {
            task.Cancelled = true;
        }

        return JsValue.Undefined;
    }

    // ---- k6/websockets ----

    public JsValue WebSocketClass() => Class("WebSocket", (_, arguments) => NewWebSocket(arguments));

    public JsValue BlobClass() => Class("Blob", (_, arguments) =>
    {
        var blob = new JsObject(_engine);
        var options = Arg(arguments, 1);
        Put(blob, "type", IsPlainObject(options) && !options.AsObject().Get("type").IsUndefined() ? Text(options.AsObject().Get("type")) : string.Empty);
        return blob;
    });

    private SocketObject NewWebSocket(JsValue[] arguments)
    {
        RequireNotInit("Using WebSocket in the init context is not supported");
        var urlValue = Arg(arguments, 0);
        if (IsNullish(urlValue))
        {
            throw Error("WebSocket requires a url");
        }

        var url = Text(urlValue);
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Host.Length == 0)
        {
            throw Error($"WebSocket requires valid url, but got '{url}'; is a base URL missing from __ENV?");
        }

        if (uri.Scheme is not "ws" and not "wss")
        {
            throw Error($"WebSocket requires url with scheme ws or wss, but got '{uri.Scheme}'");
        }

        var parameters = Arg(arguments, 2);
        if (!IsNullish(parameters))
        {
            if (!IsPlainObject(parameters))
            {
                Report($"new WebSocket(): params must be an object, got {Describe(parameters)}");
            }
            else
            {
                foreach (var key in Keys(parameters.AsObject()))
                {
                    if (Array.IndexOf(SocketParamKeys, key) < 0)
                    {
                        Report($"new WebSocket(): k6 ignores the unknown params key '{key}'; the known keys are {string.Join(", ", SocketParamKeys)}");
                    }
                }
            }
        }

        var protocols = Arg(arguments, 1);
        var socket = new SocketObject(_engine, this);
        var methods = _socketMethods ??= new SocketMethods(this);
        PutReadOnly(socket, "url", url);
        PutReadOnly(socket, "protocol", protocols.IsString() ? protocols : protocols.IsArray() && protocols.AsArray().Length > 0 ? Text(protocols.AsArray().Get(0)) : string.Empty);
        Put(socket, "binaryType", "blob");
        Put(socket, "send", methods.Send);
        Put(socket, "close", methods.Close);
        Put(socket, "ping", methods.Ping);
        Put(socket, "addEventListener", methods.AddEventListener);
        _socketsCreated++;
        _socketsOpen++;
        Schedule(0, () =>
        {
            if (socket.State != SocketState.Connecting)
            {
                return;
            }

            socket.State = SocketState.Open;
            Dispatch(socket, "open", null);
            Schedule(1, () =>
            {
                if (socket.State == SocketState.Open && !socket.MessageDelivered)
                {
                    socket.MessageDelivered = true;
                    Dispatch(socket, "message", eventObject =>
                    {
                        Put(eventObject, "data", _input.WebSocketMessage);
                        Put(eventObject, "origin", url);
                    });
                }
            });
        });
        return socket;
    }

    private void Dispatch(SocketObject socket, string type, Action<JsObject>? fill)
    {
        var eventObject = new JsObject(_engine);
        Put(eventObject, "type", type);
        Put(eventObject, "target", socket);
        Put(eventObject, "timestamp", _clock);
        fill?.Invoke(eventObject);
        var handler = socket.Get("on" + type);
        if (handler.IsCallable())
        {
            _engine.Call(handler, socket, [eventObject]);
        }
        else if (!IsNullish(handler))
        {
            Report($"a value for 'on{type}' should be callable, got {Describe(handler)}", null);
        }

        if (socket.Listeners.TryGetValue(type, out var listeners))
        {
            foreach (var listener in listeners.ToArray())
            {
                _engine.Call(listener, socket, [eventObject]);
            }
        }
    }

    private enum SocketState
    {
        Connecting,
        Open,
        Closing,
        Closed,
    }

    private sealed class LoopTask(double due, long sequence, Action run, string? origin)
    {
        public double Due { get; } = due;

        public long Sequence { get; } = sequence;

        public Action Run { get; } = run;

        public string? Origin { get; } = origin;

        public bool Cancelled { get; set; }
    }

    private sealed class SocketObject(Engine engine, K6Host host) : ObjectInstance(engine)
    {
        public K6Host Host { get; } = host;

        public SocketState State { get; set; }

        public bool MessageDelivered { get; set; }

        public Dictionary<string, List<JsValue>> Listeners { get; } = new(StringComparer.Ordinal);

        public override JsValue Get(JsValue property, JsValue receiver) => property is JsString name && name.ToString() is var key
            ? key switch
            {
                "readyState" => (int)State,
                "bufferedAmount" => 0,
                _ => base.Get(property, receiver),
            }
            : base.Get(property, receiver);
    }

    // One set of socket methods per validation; `this` says which socket.
    private sealed class SocketMethods
    {
        public SocketMethods(K6Host host)
        {
            Send = host.Function("send", (self, a) => host.SocketSend(AsSocket(host, self), Arg(a, 0)), 1);
            Close = host.Function("close", (self, a) => host.SocketClose(AsSocket(host, self), Arg(a, 0), Arg(a, 1)), 2);
            Ping = host.Function("ping", (self, _) => host.SocketPing(AsSocket(host, self)));
            AddEventListener = host.Function("addEventListener", (self, a) => host.SocketListen(AsSocket(host, self), Arg(a, 0), Arg(a, 1)), 2);
        }

        public JsValue Send { get; }

        public JsValue Close { get; }

        public JsValue Ping { get; }

        public JsValue AddEventListener { get; }

        private static SocketObject AsSocket(K6Host host, JsValue self) =>
            self as SocketObject ?? throw host.TypeError("WebSocket methods must be called on a WebSocket (ws.send(...), not a detached function)");
    }

    private JsValue SocketSend(SocketObject socket, JsValue data)
    {
        RequireOpen(socket);
        if (!data.IsString() && !data.IsArrayBuffer() && data is not Jint.Native.JsTypedArray)
        {
            throw Error($"unsupported send type {Describe(data)}; send a string or an ArrayBuffer (JSON.stringify objects)");
        }

        return JsValue.Undefined;
    }

    private JsValue SocketPing(SocketObject socket)
    {
        RequireOpen(socket);
        Schedule(0, () =>
        {
            if (socket.State == SocketState.Open)
            {
                Dispatch(socket, "pong", null);
            }
        });
        return JsValue.Undefined;
    }

    private JsValue SocketClose(SocketObject socket, JsValue codeValue, JsValue reasonValue)
    {
        if (socket.State is SocketState.Closing or SocketState.Closed)
        {
            return JsValue.Undefined;
        }

        var code = codeValue.IsNumber() ? (int)codeValue.AsNumber() : 1000;
        if (!codeValue.IsUndefined() && code != 1000 && code is < 3000 or > 4999)
        {
            throw Error($"InvalidAccessError: Failed to execute 'close' on 'WebSocket': The close code must be either 1000, or between 3000 and 4999. {Text(codeValue)} is neither");
        }

        var reason = reasonValue.IsUndefined() ? string.Empty : Text(reasonValue);
        socket.State = SocketState.Closing;
        Schedule(0, () =>
        {
            if (socket.State == SocketState.Closed)
            {
                return;
            }

            socket.State = SocketState.Closed;
            _socketsOpen--;
            Dispatch(socket, "close", eventObject =>
            {
                Put(eventObject, "code", code);
                Put(eventObject, "reason", reason);
                Put(eventObject, "wasClean", JsBoolean.True);
            });
        });
        return JsValue.Undefined;
    }

    private JsValue SocketListen(SocketObject socket, JsValue typeValue, JsValue listener)
    {
        var type = Text(typeValue);
        if (Array.IndexOf(SocketEvents, type) < 0)
        {
            throw Error($"unknown event type '{type}'; WebSocket events are {string.Join(", ", SocketEvents)}");
        }

        if (!listener.IsCallable())
        {
            throw Error($"the listener of '{type}' should be callable, got {Describe(listener)}");
        }

        if (!socket.Listeners.TryGetValue(type, out var listeners))
        {
            socket.Listeners[type] = listeners = [];
        }

        listeners.Add(listener);
        return JsValue.Undefined;
    }

    // k6 throws InvalidStateError when a socket that is not open is used, e.g. send() before onopen.
    private void RequireOpen(SocketObject socket)
    {
        if (socket.State != SocketState.Open)
        {
            throw Error(socket.State == SocketState.Connecting
                ? "InvalidStateError: the WebSocket is not open yet; send from the onopen handler"
                : "InvalidStateError: the WebSocket is closing or closed");
        }
    }
}
