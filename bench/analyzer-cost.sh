#!/usr/bin/env bash
# What the K6Scenarios analyzers cost a compile: generates a project with many load tests and an OpenAPI document
# (bench/Analyzer.Benchmarks), then compiles it again and again, alternating with and without our analyzers, with the
# compiler's analyzer telemetry (-p:ReportAnalyzer=true). Prints medians; see bench/README.md.
#
#   bench/analyzer-cost.sh [runs=6] [load-tests=1000] [operations=200]
#
# Environment: K6BENCH_WORK (default $TMPDIR or /tmp, + /k6scenarios-bench) holds the generated project and the logs.
# K6BENCH_SHARED_COMPILATION=true|false chooses the compiler server (the default of `dotnet build` on a workstation:
# the compiler and the analyzers stay loaded and optimized between compiles) or a fresh compiler process per compile
# (what UseSharedCompilation=false gives, as many CI machines set it); unset, the environment's setting applies.
# K6BENCH_WARMUP (default 2) is how many untimed pairs run first: the server's first compiles with our analyzers load
# and JIT-compile them, and are seconds slower than the ones after.
set -euo pipefail

runs=${1:-6}
load_tests=${2:-1000}
operations=${3:-200}
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
work=${K6BENCH_WORK:-${TMPDIR:-/tmp}/k6scenarios-bench}/analyzer-load
mkdir -p "$work"

warmup=${K6BENCH_WARMUP:-2}
shared=${K6BENCH_SHARED_COMPILATION:-}
shared_arg=()
[ -n "$shared" ] && shared_arg=("-p:UseSharedCompilation=$shared")

median() { sort -n | awk '{ v[NR] = $1 } END { if (NR == 0) print "n/a"; else if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

echo "== generating $load_tests load tests and $operations operations in $work"
dotnet build -c Release "$repo/bench/Analyzer.Benchmarks/Analyzer.Benchmarks.csproj" -v:q -nologo >/dev/null
dotnet "$repo/bench/Analyzer.Benchmarks/bin/Release/net10.0/Analyzer.Benchmarks.dll" generate "$work" "$load_tests" "$operations"

# The analyzers reach the compile as the package gives them to a user's project: Analyzer items for their assembly and
# YamlDotNet beside it (what the analyzer project's GetTargetPath returns, as for packing), so that the build is the
# same MSBuild graph with them and without them and only the compiler's arguments differ.
echo "== building the analyzers"
dotnet build -c Release "$repo/src/Analyzers/Analyzers.csproj" -v:q -nologo >/dev/null
mapfile -t analyzers < <(dotnet msbuild "$repo/src/Analyzers/Analyzers.csproj" -nologo -p:Configuration=Release -getTargetResult:GetTargetPath |
  sed -n 's/^ *"Identity": "\(.*\)",*$/\1/p')
[ "${#analyzers[@]}" -ge 2 ] || { echo "the analyzer project returned ${#analyzers[@]} assemblies, expected the analyzers and YamlDotNet" >&2; exit 1; }
{
  echo '<Project>'
  echo '  <!-- Written by bench/analyzer-cost.sh: the analyzer assemblies the generated project compiles with. -->'
  echo '  <ItemGroup>'
  for path in "${analyzers[@]}"; do echo "    <Analyzer Include=\"$(echo "$path" | sed 's/&/\&amp;/g')\" />"; done
  echo '  </ItemGroup>'
  echo '</Project>'
} >"$work/K6BenchAnalyzers.props"

# Restores, builds the model, and warms the compiler server: not timed.
echo "== warm-up build"
dotnet build -c Release "$work/AnalyzerLoad.csproj" -v:q -nologo "${shared_arg[@]}" >"$work/warmup.log" 2>&1 || { cat "$work/warmup.log"; exit 1; }
grep -Eo 'warning K6S[0-9]+' "$work/warmup.log" | sort | uniq -c || echo "   no K6Scenarios warnings in the generated project"

: >"$work/with.tsv"
: >"$work/without.tsv"
compile() { # mode log
  local enabled=true
  [ "$1" = without ] && enabled=false
  # A touched source recompiles only this project (its references are not built again: --no-dependencies).
  touch "$work/LoadTests/LoadTests000.cs"
  dotnet build -c Release "$work/AnalyzerLoad.csproj" --no-dependencies -nologo -v:d -clp:PerformanceSummary \
    -p:ReportAnalyzer=true -p:K6BenchAnalyzers=$enabled "${shared_arg[@]}" >"$2" 2>&1 || { tail -30 "$2"; exit 1; }
}
for pair in $(seq "$warmup"); do
  for mode in with without; do compile "$mode" "$work/warmup-$mode-$pair.log"; done
done
[ "$warmup" -gt 0 ] && echo "   $warmup untimed pairs of compiles first"

for run in $(seq "$runs"); do
  # Counterbalanced: odd runs compile with our analyzers first, even runs without them first, because on this kind of
  # machine the first compile of a pair is measurably slower than the second whichever it is (see bench/README.md).
  order="with without"
  [ $((run % 2)) -eq 0 ] && order="without with"
  for mode in $order; do
    log="$work/build-$mode-$run.log"
    compile "$mode" "$log"
    csc_ms=$(awk '$2 == "ms" && $3 == "Csc" { print $1 }' "$log" | tail -1)
    all_s=$(awk '/Total analyzer execution time:/ { v = $(NF - 1) } END { print v + 0 }' "$log")
    ours_s=$(awk '$3 ~ /^K6Scenarios\.Analyzers,/ { print $1 }' "$log" | head -1)
    printf '%s\t%s\t%s\n' "$csc_ms" "$all_s" "${ours_s:-0}" >>"$work/$mode.tsv"
    printf '   run %s %-7s Csc %6s ms, all analyzers %7ss, K6Scenarios analyzers %7ss\n' "$run" "$mode" "$csc_ms" "$all_s" "${ours_s:-0}"
  done
done

with_csc=$(cut -f1 "$work/with.tsv" | median)
without_csc=$(cut -f1 "$work/without.tsv" | median)
# Each pair's own ratio too: the two compiles of a pair run minutes apart from other pairs' but seconds from each other,
# so this median is the one a machine whose speed drifts during the run moves least.
pair_ratios=$(paste "$work/with.tsv" "$work/without.tsv" | awk -F'\t' '{ printf "%.4f\n", $1 / $4 }')
pair_ratio=$(echo "$pair_ratios" | median)
# The spread of the pairs' own ratios says whether a series this long can tell 1.05 from 1.00 on this machine: when the
# quartiles lie on both sides of the target, it cannot.
pair_quartiles=$(echo "$pair_ratios" | sort -n | awk '{ v[NR] = $1 } END { if (NR < 4) print "n/a"; else printf "%.3f-%.3f (all %.3f-%.3f)", v[int((NR + 3) / 4)], v[int((3 * NR + 1) / 4)], v[1], v[NR] }')
ours=$(cut -f3 "$work/with.tsv" | median)
all=$(cut -f2 "$work/with.tsv" | median)
# The compiler says whether the compiler server ran the compile or a process of its own did.
compiler=$(for run in $(seq "$runs"); do grep -ho 'CompilerServer: [a-z]*' "$work/build-with-$run.log" "$work/build-without-$run.log"; done | sort | uniq -c | tr -s ' ' | paste -sd, -)
echo
echo "== compiler: ${compiler:-unknown} (UseSharedCompilation=${shared:-${UseSharedCompilation:-default}})"
echo "== medians of $runs runs ($load_tests load tests, $operations operations; load average: $(cut -d' ' -f1-3 /proc/loadavg))"
awk -v w="$with_csc" -v wo="$without_csc" -v o="$ours" -v a="$all" -v p="$pair_ratio" -v q="$pair_quartiles" 'BEGIN {
  printf "Csc with K6Scenarios analyzers      %8.0f ms\n", w
  printf "Csc without them                   %8.0f ms\n", wo
  printf "wall-clock ratio with / without    %8.3f\n", w / wo
  printf "median of the ratio of each pair   %8.3f  quartiles %s\n", p, q
  printf "K6Scenarios analyzers (telemetry)  %8.0f ms  = %.1f %% of the compile with them (all analyzers: %.0f ms)\n", o * 1000, 100 * o * 1000 / w, a * 1000
}'
echo "(telemetry sums analyzer time over the compiler's threads, so it can exceed the wall-clock difference)"
