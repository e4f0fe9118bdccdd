#!/usr/bin/env bash
# Where the CPU of the benchmark's compile goes, with and without the K6Scenarios analyzers: runs the compile that
# bench/analyzer-cost.sh measures (its own csc command line, taken from its last log, in a fresh compiler process) under
# `perf record` (CPU-clock samples with call stacks; the runtime writes a perf map so that JIT-compiled frames have
# names) and prints CPU seconds per category, side by side. Thread time (dotnet-trace) mixes waiting with work; this
# counts only CPU. See bench/README.md section 2.
#
#   bench/profile-compile.sh [rounds=1]
#
# Needs perf (Debian's linux-perf) allowed to sample one's own processes, python3, and the generated project: run
# bench/analyzer-cost.sh first (the same K6BENCH_WORK). Profiles and perf scripts stay in the work folder.
set -euo pipefail

rounds=${1:-1}
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
work=${K6BENCH_WORK:-${TMPDIR:-/tmp}/k6scenarios-bench}/analyzer-load
log=$(ls -t "$work"/build-with-*.log 2>/dev/null | head -1 || true)
[ -n "$log" ] || { echo "no build log in $work: run bench/analyzer-cost.sh first" >&2; exit 1; }

# The Csc task logs its command line at detailed verbosity; without our analyzers is the same line without them.
with_cmd=$(grep -m1 -E '/csc .*/out:' "$log" | sed 's/^ *//')
[ -n "$with_cmd" ] || { echo "no csc command line in $log (was it built with -v:d?)" >&2; exit 1; }
without_cmd=$(echo "$with_cmd" | sed -E 's# /analyzer:[^ ]*(K6Scenarios\.Analyzers|YamlDotNet)\.dll##g')

# The command is split on spaces, not parsed as shell (its /define: holds semicolons): a project path with spaces in it
# is not supported.
profile() { # name command
  local out="$work/profile-$1-$run"
  # W^X off: JIT-compiled code then stays in mappings perf can attribute to the perf map's names.
  (cd "$work" && DOTNET_PerfMapEnabled=1 DOTNET_EnableWriteXorExecute=0 \
    perf record -q -e cpu-clock -F 499 -g -o "$out.perf" -- $2 >"$out.csc.log" 2>&1)
  perf script -i "$out.perf" 2>/dev/null >"$out.txt"
  echo "$out.txt"
}

for run in $(seq "$rounds"); do
  # Alternating order: the first compile of a pair is often the slower one on a busy machine.
  if [ $((run % 2)) -eq 1 ]; then
    with=$(profile with "$with_cmd"); without=$(profile without "$without_cmd")
  else
    without=$(profile without "$without_cmd"); with=$(profile with "$with_cmd")
  fi
  echo "== round $run"
  python3 "$repo/bench/perf-categories.py" "$with" "$without"
done
