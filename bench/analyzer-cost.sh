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
# K6BENCH_BASELINE=<git revision> adds a third compile to every run, with the analyzers as that revision builds them
# (from `git archive`, so the checkout is not touched): a change is judged against its baseline in the same run, on
# the same machine state, rather than against a series recorded on another day.
set -euo pipefail
# A failed build inside $(...) (the analyzer sets) must stop the script, not leave a compile without its analyzers.
shopt -s inherit_errexit

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
analyzer_items() { # source-tree condition: the Analyzer items of that tree's analyzer project, built in Release
  dotnet build -c Release "$1/src/Analyzers/Analyzers.csproj" -v:q -nologo >/dev/null
  local paths
  mapfile -t paths < <(dotnet msbuild "$1/src/Analyzers/Analyzers.csproj" -nologo -p:Configuration=Release -getTargetResult:GetTargetPath |
    sed -n 's/^ *"Identity": "\(.*\)",*$/\1/p')
  [ "${#paths[@]}" -ge 2 ] || { echo "the analyzer project in $1 returned ${#paths[@]} assemblies, expected the analyzers and YamlDotNet" >&2; exit 1; }
  echo "  <ItemGroup Condition=\"$2\">"
  for path in "${paths[@]}"; do echo "    <Analyzer Include=\"$(echo "$path" | sed 's/&/\&amp;/g')\" />"; done
  echo '  </ItemGroup>'
}
baseline=${K6BENCH_BASELINE:-}
modes="with without"
echo "== building the analyzers"
current_items=$(analyzer_items "$repo" "'\$(K6BenchAnalyzerSet)' != 'baseline'")
baseline_items=
if [ -n "$baseline" ]; then
  # The baseline's tree is extracted beside the generated project (not in it: the project compiles every file below it)
  # and built there; the compiler loads each set of analyzers from its own folder, so the two same-named assemblies
  # do not meet.
  baseline_rev=$(git -C "$repo" rev-parse --short "$baseline^{commit}")
  echo "== building the baseline analyzers ($baseline = $baseline_rev)"
  baseline_src=$(dirname "$work")/analyzer-baseline
  rm -rf "$baseline_src"
  mkdir -p "$baseline_src"
  git -C "$repo" archive "$baseline_rev" | tar -x -C "$baseline_src"
  baseline_items=$(analyzer_items "$baseline_src" "'\$(K6BenchAnalyzerSet)' == 'baseline'")
  modes="with baseline without"
fi
{
  echo '<Project>'
  echo '  <!-- Written by bench/analyzer-cost.sh: the analyzer assemblies the generated project compiles with. -->'
  echo "$current_items"
  [ -n "$baseline_items" ] && echo "$baseline_items"
  echo '</Project>'
} >"$work/K6BenchAnalyzers.props"

# Restores, builds the model, and warms the compiler server: not timed.
echo "== warm-up build"
dotnet build -c Release "$work/AnalyzerLoad.csproj" -v:q -nologo "${shared_arg[@]}" >"$work/warmup.log" 2>&1 || { cat "$work/warmup.log"; exit 1; }
grep -Eo 'warning K6S[0-9]+' "$work/warmup.log" | sort | uniq -c || echo "   no K6Scenarios warnings in the generated project"

# One line per compile: Csc ms, all analyzers s, ours s, server CPU ms (compare reads two files pasted side by side).
for mode in with without baseline; do : >"$work/$mode.tsv"; done
# The compiler server's CPU time (all its threads, the garbage collector's included) so far, in ms, or n/a without a
# server: its growth over a compile is what the compile cost the machine, far steadier from run to run than the wall
# clock on a shared machine, though the target is the wall clock.
tick_ms=$((1000 / $(getconf CLK_TCK)))
server_cpu_ms() {
  local pid
  # A server left from another build runs nothing of a compile that does not use it.
  if [ "${shared:-${UseSharedCompilation:-}}" = false ]; then echo n/a; return; fi
  pid=$(pgrep -f 'VBCSCompiler' | head -1 || true)
  if [ -z "$pid" ] || [ ! -r "/proc/$pid/stat" ]; then echo n/a; return; fi
  awk -v t="$tick_ms" '{ sub(/^.*\) /, ""); print ($12 + $13) * t }' "/proc/$pid/stat"
}
compile() { # mode log
  local enabled=true
  [ "$1" = without ] && enabled=false
  # A touched source recompiles only this project (its references are not built again: --no-dependencies).
  touch "$work/LoadTests/LoadTests000.cs"
  dotnet build -c Release "$work/AnalyzerLoad.csproj" --no-dependencies -nologo -v:d -clp:PerformanceSummary \
    -p:ReportAnalyzer=true -p:K6BenchAnalyzers=$enabled -p:K6BenchAnalyzerSet="$1" "${shared_arg[@]}" >"$2" 2>&1 || { tail -30 "$2"; exit 1; }
}
for pair in $(seq "$warmup"); do
  for mode in $modes; do compile "$mode" "$work/warmup-$mode-$pair.log"; done
done
[ "$warmup" -gt 0 ] && echo "   $warmup untimed rounds of compiles first"

for run in $(seq "$runs"); do
  # Counterbalanced: odd runs compile with our analyzers first, even runs without them first, because on this kind of
  # machine the first compile of a pair is measurably slower than the second whichever it is (see bench/README.md).
  # With a baseline, the three compiles of a run rotate, and every other run goes backwards, so that each comes first,
  # second and third, after and before each other one, equally often over six runs.
  order="with without"
  [ $((run % 2)) -eq 0 ] && order="without with"
  if [ -n "$baseline" ]; then
    case $((run % 6)) in
      1) order="with baseline without" ;; 2) order="without baseline with" ;;
      3) order="baseline without with" ;; 4) order="with without baseline" ;;
      5) order="without with baseline" ;; 0) order="baseline with without" ;;
    esac
  fi
  for mode in $order; do
    log="$work/build-$mode-$run.log"
    cpu_before=$(server_cpu_ms)
    compile "$mode" "$log"
    cpu_after=$(server_cpu_ms)
    server_ms=n/a
    [ "$cpu_before" != n/a ] && [ "$cpu_after" != n/a ] && server_ms=$((cpu_after - cpu_before))
    csc_ms=$(awk '$2 == "ms" && $3 == "Csc" { print $1 }' "$log" | tail -1)
    all_s=$(awk '/Total analyzer execution time:/ { v = $(NF - 1) } END { print v + 0 }' "$log")
    ours_s=$(awk '$3 ~ /^K6Scenarios\.Analyzers,/ { print $1 }' "$log" | head -1)
    printf '%s\t%s\t%s\t%s\n' "$csc_ms" "$all_s" "${ours_s:-0}" "$server_ms" >>"$work/$mode.tsv"
    printf '   run %s %-8s Csc %6s ms, all analyzers %7ss, K6Scenarios analyzers %7ss, server CPU %6s ms\n' "$run" "$mode" "$csc_ms" "$all_s" "${ours_s:-0}" "$server_ms"
  done
done

# Each pair's own ratio too: the compiles of a run are seconds apart, runs minutes apart, so the median of the runs' own
# ratios is the one a machine whose speed drifts during the series moves least. Their spread says whether a series this
# long can tell 1.05 from 1.00 on this machine: when the quartiles lie on both sides of the target, it cannot.
compare() { # mode reference label
  local ratios
  ratios=$(paste "$work/$1.tsv" "$work/$2.tsv" | awk -F'\t' '{ printf "%.4f\n", $1 / $5 }')
  awk -v m="$(cut -f1 "$work/$1.tsv" | median)" -v r="$(cut -f1 "$work/$2.tsv" | median)" -v p="$(echo "$ratios" | median)" \
    -v q="$(echo "$ratios" | sort -n | awk '{ v[NR] = $1 } END { if (NR < 4) print "n/a"; else printf "%.3f-%.3f (all %.3f-%.3f)", v[int((NR + 3) / 4)], v[int((3 * NR + 1) / 4)], v[1], v[NR] }')" \
    -v l="$3" 'BEGIN {
      printf "%-34s %8.3f\n", "wall-clock ratio " l, m / r
      printf "%-34s %8.3f  quartiles %s\n", "median of the runs\047 own ratios", p, q
    }'
  # The server's CPU: each run's own difference, whose median the machine's drift moves least.
  paste "$work/$1.tsv" "$work/$2.tsv" | awk -F'\t' '$4 != "n/a" && $8 != "n/a" { print $4 - $8 }' | median |
    awk -v l="$3" '$1 != "n/a" { printf "%-34s %8.0f ms  (median of the runs\047 own differences)\n", "server CPU " l, $1 }'
}
telemetry() { # mode label
  awk -v o="$(cut -f3 "$work/$1.tsv" | median)" -v a="$(cut -f2 "$work/$1.tsv" | median)" -v w="$(cut -f1 "$work/$1.tsv" | median)" -v l="$2" 'BEGIN {
    printf "%-34s %8.0f ms  = %.1f %% of the compile with them (all analyzers: %.0f ms)\n", "K6Scenarios analyzers " l, o * 1000, 100 * o * 1000 / w, a * 1000
  }'
}
# The compiler says whether the compiler server ran the compile or a process of its own did.
compiler=$(for run in $(seq "$runs"); do for mode in $modes; do grep -ho 'CompilerServer: [a-z]*' "$work/build-$mode-$run.log"; done; done | sort | uniq -c | tr -s ' ' | paste -sd, -)
echo
echo "== compiler: ${compiler:-unknown} (UseSharedCompilation=${shared:-${UseSharedCompilation:-default}})"
echo "== medians of $runs runs ($load_tests load tests, $operations operations; load average: $(cut -d' ' -f1-3 /proc/loadavg))"
printf '%-34s %8.0f ms\n' "Csc with K6Scenarios analyzers" "$(cut -f1 "$work/with.tsv" | median)"
[ -n "$baseline" ] && printf '%-34s %8.0f ms\n' "Csc with the baseline's ($baseline_rev)" "$(cut -f1 "$work/baseline.tsv" | median)"
printf '%-34s %8.0f ms\n' "Csc without them" "$(cut -f1 "$work/without.tsv" | median)"
for mode in $modes; do
  cut -f4 "$work/$mode.tsv" | { grep -v n/a || true; } | median | awk -v m="$mode" '$1 != "n/a" { printf "%-34s %8.0f ms\n", "server CPU a compile, " m, $1 }'
done
compare with without "with / without"
telemetry with "telemetry"
if [ -n "$baseline" ]; then
  echo "-- the baseline, $baseline_rev"
  compare baseline without "baseline / without"
  telemetry baseline "baseline telemetry"
  echo "-- this tree against the baseline"
  compare with baseline "with / baseline"
fi
echo "(telemetry sums analyzer time over the compiler's threads, so it can exceed the wall-clock difference)"
