using System;
using System.Threading;
using System.Threading.Tasks;

namespace K6Scenarios.Analyzers.Infrastructure;

/// <summary>
/// Works through a list's items on the calling thread and, when it starts in time, on one thread-pool thread beside it:
/// each thread takes the next item not yet taken. A file's load-test chains are independent of each other, and in a
/// build the driver runs a file's action late (after the compiler has bound every file), where the analyzers' events
/// are worked through with cores to spare: through the compiler server, the benchmark's compile with our analyzers went
/// from 1.079 to 1.044 times the one without them (bench/README.md section 2).
/// </summary>
internal static class TwoReaders
{
    private const int HelperNotStarted = 0;
    private const int HelperRunning = 1;
    private const int HelperNotNeeded = 2;

    /// <summary>
    /// Runs a reader over every index in <c>[0, count)</c>, each index exactly once; returns when every index is done.
    /// </summary>
    /// <param name="count">How many items.</param>
    /// <param name="minimumToShare">Fewer items than this are read on the calling thread alone: a second thread would cost more than it saves.</param>
    /// <param name="createReader">Creates one thread's reader (each thread gets its own, so that its caches are not shared).</param>
    /// <param name="cancellationToken">Stops both threads between items.</param>
    public static void ForEach(int count, int minimumToShare, Func<Action<int>> createReader, CancellationToken cancellationToken)
    {
        var next = -1;
        void Read()
        {
            var read = createReader();
            for (var i = Interlocked.Increment(ref next); i < count; i = Interlocked.Increment(ref next))
            {
                cancellationToken.ThrowIfCancellationRequested();
                read(i);
            }
        }

        // The helper takes part only if it starts before this thread is done: waiting for a task still queued on a busy
        // thread pool could take longer than the reading itself.
        var helperState = HelperNotStarted;
        var helper = count >= minimumToShare
            ? Task.Run(
                () =>
                {
                    if (Interlocked.CompareExchange(ref helperState, HelperRunning, HelperNotStarted) == HelperNotStarted)
                    {
                        Read();
                    }
                },
                cancellationToken)
            : null;
        Read();
        if (helper is not null && Interlocked.CompareExchange(ref helperState, HelperNotNeeded, HelperNotStarted) == HelperRunning)
        {
            // The helper is reading its last item (or has finished): its findings must be in before they are reported.
            helper.GetAwaiter().GetResult();
        }
    }
}
