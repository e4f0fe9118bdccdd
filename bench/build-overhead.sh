#!/usr/bin/env bash
# What K6Scenarios adds to a user's `dotnet build` (see bench/README.md):
#   1. a no-op incremental build with the package's targets and with -p:K6ScenariosEmit=false, side by side
#      (hyperfine when installed, else alternating runs and medians); target ratio at most 1.05;
#   2. a one-file-change rebuild (a touched source: compile, copy, emit) with the emission target's own time
#      read from MSBuild's performance summary, next to the same rebuild with emission off.
#
#   bench/build-overhead.sh [runs=10]
#
# Environment:
#   K6BENCH_SAMPLE=consumer (default) packs src/Package into artifacts/packages and builds a copy of samples/Consumer
#                 restored from it, as a user would; K6BENCH_SAMPLE=seeds builds samples/Seeds, which imports the
#                 same targets from src/Package in the repository (dogfooding).
#   K6BENCH_SKIP_PACK=1 reuses the package already in artifacts/packages.
#   K6BENCH_WORK (default $TMPDIR or /tmp, + /k6scenarios-bench) holds the copy and the logs.
set -euo pipefail

runs=${1:-10}
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
work=${K6BENCH_WORK:-${TMPDIR:-/tmp}/k6scenarios-bench}/build-overhead
sample=${K6BENCH_SAMPLE:-consumer}
mkdir -p "$work"

median() { sort -n | awk '{ v[NR] = $1 } END { if (NR == 0) print "n/a"; else if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
now_ms() { date +%s%3N; }

case "$sample" in
  consumer)
    if [ "${K6BENCH_SKIP_PACK:-0}" != 1 ]; then
      echo "== packing src/Package into artifacts/packages"
      dotnet pack "$repo/src/Package/Package.csproj" -c Release -o "$repo/artifacts/packages" -nologo -v:q
      # The consumer restores into its own packages folder; a re-packed 0.1.0 must not come from a stale copy.
      rm -rf "$repo/artifacts/consumer-packages/k6scenarios"
    fi
    # A copy, so that the benchmark never touches the sample's sources; its nuget.config points back at the repository.
    project_dir="$work/consumer"
    rm -rf "$project_dir"
    mkdir -p "$project_dir"
    cp -r "$repo/samples/Consumer/." "$project_dir"
    rm -rf "$project_dir/bin" "$project_dir/obj"
    sed -i "s#\.\./\.\./artifacts/#$repo/artifacts/#g" "$project_dir/nuget.config"
    project="$project_dir/Consumer.csproj"
    edited=$(find "$project_dir" -maxdepth 1 -name '*LoadTests.cs' | head -1)
    ;;
  seeds)
    project="$repo/samples/Seeds/Seeds.csproj"
    edited="$repo/samples/Seeds/LoadTests/Evospin.cs"
    ;;
  *)
    echo "K6BENCH_SAMPLE must be consumer or seeds" >&2
    exit 2
    ;;
esac

echo "== sample: $sample ($project)"
echo "== first build (restore, compile, emit): not timed"
dotnet build "$project" -nologo -v:q >"$work/first.log" 2>&1 || { tail -40 "$work/first.log"; exit 1; }

build_noop="dotnet build $project --no-restore -nologo -v:q"
echo
echo "== 1. no-op incremental build, $runs runs each (load average: $(cut -d' ' -f1-3 /proc/loadavg))"
if command -v hyperfine >/dev/null; then
  hyperfine --warmup 2 --runs "$runs" --export-json "$work/noop.json" \
    -n "with K6Scenarios targets" "$build_noop" \
    -n "K6ScenariosEmit=false" "$build_noop -p:K6ScenariosEmit=false"
  with_noop=$(grep -o '"median": *[0-9.e-]*' "$work/noop.json" | sed -n 1p | awk '{ print $2 * 1000 }')
  without_noop=$(grep -o '"median": *[0-9.e-]*' "$work/noop.json" | sed -n 2p | awk '{ print $2 * 1000 }')
else
  : >"$work/noop-with.txt"
  : >"$work/noop-without.txt"
  $build_noop >/dev/null && $build_noop -p:K6ScenariosEmit=false >/dev/null
  for _ in $(seq "$runs"); do
    start=$(now_ms); $build_noop >/dev/null; echo $(($(now_ms) - start)) >>"$work/noop-with.txt"
    start=$(now_ms); $build_noop -p:K6ScenariosEmit=false >/dev/null; echo $(($(now_ms) - start)) >>"$work/noop-without.txt"
  done
  with_noop=$(median <"$work/noop-with.txt")
  without_noop=$(median <"$work/noop-without.txt")
fi

echo
echo "== 2. one-file-change rebuild (touch $(basename "$edited")), $runs runs each"
: >"$work/rebuild-with.txt"
: >"$work/rebuild-without.txt"
: >"$work/emit-target.txt"
for run in $(seq "$runs"); do
  for mode in with without; do
    flag=""
    [ "$mode" = without ] && flag="-p:K6ScenariosEmit=false"
    touch "$edited"
    log="$work/rebuild-$mode-$run.log"
    start=$(now_ms)
    dotnet build "$project" --no-restore -nologo -v:n -clp:PerformanceSummary $flag >"$log" 2>&1 || { tail -30 "$log"; exit 1; }
    echo $(($(now_ms) - start)) >>"$work/rebuild-$mode.txt"
    if [ "$mode" = with ]; then
      # The emission's own time: the target that runs the emit command, from the target performance summary.
      awk '$2 == "ms" && $3 == "_K6ScenariosEmitCore" { print $1 }' "$log" | tail -1 >>"$work/emit-target.txt"
    fi
  done
done
with_rebuild=$(median <"$work/rebuild-with.txt")
without_rebuild=$(median <"$work/rebuild-without.txt")
emit_target=$(median <"$work/emit-target.txt")
scripts=$(grep -c 'k6 script ->' "$work/rebuild-with-1.log" || true)

echo
echo "== medians ($sample sample, $runs runs, load average: $(cut -d' ' -f1-3 /proc/loadavg))"
awk -v w="$with_noop" -v wo="$without_noop" -v rw="$with_rebuild" -v rwo="$without_rebuild" -v e="$emit_target" -v s="$scripts" 'BEGIN {
  printf "no-op build with targets        %7.0f ms\n", w
  printf "no-op build, K6ScenariosEmit=false %4.0f ms\n", wo
  printf "no-op ratio                     %7.3f (target <= 1.05)\n", w / wo
  printf "rebuild, one file changed       %7.0f ms (emission on), %.0f ms (emission off)\n", rw, rwo
  printf "emission target (%d scripts)     %7.0f ms  = %.0f %% of the rebuild\n", s, e, 100 * e / rw
}'
