#!/usr/bin/env python3
"""CPU seconds per category of `perf script` outputs (bench/profile-compile.sh), one column per file.

A sample counts for the first category whose test its stack passes, in this order: our analyzer's code (any frame of
K6Scenarios or YamlDotNet, whatever it calls), the garbage collector's threads, the runtime's background tiering thread
(re-compiling hot methods), the JIT called from anywhere else, the analyzer driver and the other analyzers, and the
rest (the compiler). For the first file it then lists what our code's CPU is spent in, and at which JIT tier our
innermost frames ran.
"""
import collections
import re
import sys

SAMPLE_RATE = 499  # perf record -F
FRAME = re.compile(r'\s*[0-9a-f]+ (.*) \((.*)\)$')
TIER = re.compile(r'\[(QuickJitted|OptimizedTier1OSR|OptimizedTier1|Optimized|InstrumentedTierOptimized|InstrumentedTier|PreJIT)\]')
OURS = ('[K6Scenarios', '[YamlDotNet]')
# Precompiled (ReadyToRun) code has no perf-map names: its frames are known by the file they ran in.
OUR_FILES = ('K6Scenarios.Analyzers.dll', 'YamlDotNet.dll')


def is_ours(symbol, dso):
    return any(marker in symbol for marker in OURS) or dso.endswith(OUR_FILES)


def samples(path):
    """Yields (thread name, [(symbol, object file)], innermost first) per sample."""
    thread, frames = None, []
    with open(path, errors='replace') as lines:
        for line in lines:
            line = line.rstrip('\n')
            if not line.strip():
                if thread is not None:
                    yield thread, frames
                thread, frames = None, []
            elif not line[0].isspace():
                thread = re.split(r'\s+\d+\s', line, maxsplit=1)[0]
            else:
                match = FRAME.match(line)
                if match:
                    frames.append((match.group(1), match.group(2)))
    if thread is not None:
        yield thread, frames


def name(symbol, dso):
    """A frame's method name without signature and tier, or the object file it ran in."""
    if symbol.startswith('[unknown]'):
        return '(' + dso.rsplit('/', 1)[-1] + ')'
    match = re.search(r'\] ([^\s\[\]]+::[^\(]+)\(', symbol)
    return match.group(1) if match else re.sub(r'\+0x[0-9a-f]+$', '', symbol)


def category(thread, frames):
    symbols = ' '.join(s for s, _ in frames)
    if any(is_ours(s, d) for s, d in frames):
        return 'K6Scenarios analyzer'
    if 'GC' in thread or 'gc_heap' in symbols:
        return 'garbage collector threads'
    if 'Tiered' in thread:
        return 'tiering thread (re-JIT)'
    if frames and 'libclrjit' in frames[0][1]:
        return 'JIT (first calls)'
    if 'AnalyzerExecutor' in symbols or 'AnalyzerDriver' in symbols:
        return 'analyzer driver, other analyzers'
    return 'compiler and the rest'


def main(paths):
    columns, ours = [], None
    for index, path in enumerate(paths):
        counts = collections.Counter()
        callees, tiers = collections.Counter(), collections.Counter()
        for thread, frames in samples(path):
            kind = category(thread, frames)
            counts[kind] += 1
            if index == 0 and kind == 'K6Scenarios analyzer':
                for depth, (symbol, dso) in enumerate(frames):
                    if is_ours(symbol, dso):
                        callee = frames[depth - 1] if depth > 0 else None
                        jit = any('libclrjit' in d for _, d in frames[:depth])
                        callees['JIT' if jit else ('(own code)' if callee is None or is_ours(*callee) else name(*callee))] += 1
                        tier = TIER.search(symbol)
                        tiers[tier.group(1) if tier else ('PreJIT' if dso.endswith(OUR_FILES) else 'unknown')] += 1
                        break
        columns.append(counts)
        if index == 0:
            ours = (callees, tiers)
    kinds = sorted({k for c in columns for k in c}, key=lambda k: -columns[0][k])
    print('%-34s' % 'CPU seconds' + ''.join('%14s' % ('column %d' % (i + 1)) for i in range(len(columns))))
    for kind in kinds + ['total']:
        print('%-34s' % kind + ''.join('%14.2f' % ((sum(c.values()) if kind == 'total' else c[kind]) / SAMPLE_RATE) for c in columns))
    print('(columns: ' + ', '.join(paths) + ')')
    callees, tiers = ours
    if callees:
        total = sum(callees.values())
        print('\nour code\'s CPU by what its innermost frame called (first column):')
        for key, value in callees.most_common(12):
            print('  %6.2f s %5.1f %%  %s' % (value / SAMPLE_RATE, 100 * value / total, key[:120]))
        print('JIT tier of our innermost frames: ' + ', '.join('%s %.0f %%' % (k, 100 * v / total) for k, v in tiers.most_common()))


if __name__ == '__main__':
    main(sys.argv[1:])
