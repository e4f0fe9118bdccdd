using System;
using System.Threading;
using K6Scenarios.Analyzers.Infrastructure;

namespace K6Scenarios.Analyzers.Tests;

/// <summary>How the analyzer shares a file's load-test chains between its own thread and one helper.</summary>
public sealed class TwoReadersTests
{
    [Fact]
    public void Every_item_is_read_once_and_done_before_it_returns_when_the_helper_takes_part()
    {
        const int count = 40;
        var caller = Environment.CurrentManagedThreadId;
        var done = new int[count];
        var readers = 0;
        var helperItems = 0;

        TwoReaders.ForEach(
            count,
            minimumToShare: 4,
            () =>
            {
                Interlocked.Increment(ref readers);
                var first = true;
                return i =>
                {
                    if (first)
                    {
                        // Both readers are there before either reads: the helper surely takes part.
                        first = false;
                        Assert.True(SpinWait.SpinUntil(() => Volatile.Read(ref readers) == 2, TimeSpan.FromMinutes(1)), "the helper never started");
                    }

                    if (Environment.CurrentManagedThreadId != caller)
                    {
                        // The helper is slow, so the caller runs out of items while the helper is still reading one.
                        Interlocked.Increment(ref helperItems);
                        Thread.Sleep(20);
                    }

                    Interlocked.Increment(ref done[i]);
                };
            },
            CancellationToken.None);

        Assert.Equal(2, readers);
        Assert.InRange(helperItems, 1, count - 1);
        Assert.All(done, d => Assert.Equal(1, d));
    }

    [Fact]
    public void Fewer_items_than_the_minimum_are_read_on_the_calling_thread_alone()
    {
        var caller = Environment.CurrentManagedThreadId;
        var threads = new int[3];
        var readers = 0;

        TwoReaders.ForEach(threads.Length, minimumToShare: 4, () => { readers++; return i => threads[i] = Environment.CurrentManagedThreadId; }, CancellationToken.None);

        Assert.Equal(1, readers);
        Assert.All(threads, t => Assert.Equal(caller, t));
    }

    [Fact]
    public void A_cancelled_analysis_stops_with_cancellation_and_reads_nothing()
    {
        using var cancellation = new CancellationTokenSource();
        cancellation.Cancel();
        var read = 0;

        Assert.ThrowsAny<OperationCanceledException>(() =>
            TwoReaders.ForEach(10, minimumToShare: 4, () => _ => Interlocked.Increment(ref read), cancellation.Token));

        Assert.Equal(0, read);
    }

    [Fact]
    public void A_failure_on_the_helper_reaches_the_caller()
    {
        var caller = Environment.CurrentManagedThreadId;
        var readers = 0;

        var failure = Assert.Throws<InvalidOperationException>(() => TwoReaders.ForEach(
            40,
            minimumToShare: 4,
            () =>
            {
                Interlocked.Increment(ref readers);
                return _ =>
                {
                    Assert.True(SpinWait.SpinUntil(() => Volatile.Read(ref readers) == 2, TimeSpan.FromMinutes(1)), "the helper never started");
                    if (Environment.CurrentManagedThreadId != caller)
                    {
                        throw new InvalidOperationException("helper");
                    }

                    Thread.Sleep(1);
                };
            },
            CancellationToken.None));

        Assert.Equal("helper", failure.Message);
        Assert.Equal(2, readers);
    }
}
