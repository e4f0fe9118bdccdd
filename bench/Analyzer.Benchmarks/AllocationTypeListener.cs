using System;
using System.Collections.Generic;
using System.Diagnostics.Tracing;

namespace K6Scenarios.Benchmarks.Analyzers;

/// <summary>
/// The runtime's allocation samples (one <c>GCAllocationTick</c> event about every 100 KB allocated, naming the type of
/// the object that crossed the mark), summed by type while <see cref="Recording"/> is set: which types an analysis
/// allocates most, to the nearest 100 KB per type.
/// </summary>
internal sealed class AllocationTypeListener : EventListener
{
    private const EventKeywords GcKeyword = (EventKeywords)0x1;
    private readonly object _gate = new();
    private Dictionary<string, long> _bytes = new(StringComparer.Ordinal);

    /// <summary>Gets or sets whether samples are summed now.</summary>
    public bool Recording { get; set; }

    /// <summary>Returns the bytes by type summed since the last call, and starts a new sum.</summary>
    public Dictionary<string, long> TakeBytesByType()
    {
        lock (_gate)
        {
            var bytes = _bytes;
            _bytes = new Dictionary<string, long>(StringComparer.Ordinal);
            return bytes;
        }
    }

    /// <inheritdoc />
    protected override void OnEventSourceCreated(EventSource eventSource)
    {
        if (eventSource.Name == "Microsoft-Windows-DotNETRuntime")
        {
            EnableEvents(eventSource, EventLevel.Verbose, GcKeyword);
        }
    }

    /// <inheritdoc />
    protected override void OnEventWritten(EventWrittenEventArgs eventData)
    {
        if (!Recording || eventData.EventName is null || !eventData.EventName.StartsWith("GCAllocationTick", StringComparison.Ordinal) || eventData.PayloadNames is null)
        {
            return;
        }

        var type = "?";
        long amount = 0;
        for (var i = 0; i < eventData.PayloadNames.Count; i++)
        {
            switch (eventData.PayloadNames[i])
            {
                case "TypeName":
                    type = eventData.Payload![i] as string ?? "?";
                    break;
                case "AllocationAmount64":
                    amount = Convert.ToInt64(eventData.Payload![i], System.Globalization.CultureInfo.InvariantCulture);
                    break;
                case "AllocationAmount" when amount == 0:
                    amount = Convert.ToInt64(eventData.Payload![i], System.Globalization.CultureInfo.InvariantCulture);
                    break;
            }
        }

        lock (_gate)
        {
            _bytes[type] = _bytes.GetValueOrDefault(type) + amount;
        }
    }
}
