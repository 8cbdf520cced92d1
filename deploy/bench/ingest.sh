#!/usr/bin/env bash
# Ingestion benchmark against the RUNNING system (it starts and stops nothing): single-item posts and 100-item
# batches by concurrent LMS clients through the gateway, then the HR report's catch-up. See deploy/bench/README.md.
# Flags (--duration=30 ...) and BENCH_* variables are passed to deploy/bench/src/IngestBench.java.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
cd "$root"

command -v java >/dev/null || { echo "ingest.sh: java (JDK 17+) is needed" >&2; exit 1; }

commit="$(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
if [ "$commit" = unknown ]; then
  dirty=unknown
else
  changed="$(git status --porcelain --untracked-files=no 2>/dev/null | wc -l | tr -d ' ')"
  if [ "$changed" = 0 ]; then dirty="clean tree"; else dirty="dirty: $changed tracked file(s) changed"; fi
fi
export BENCH_GIT_COMMIT="$commit" BENCH_GIT_DIRTY="$dirty"
export BENCH_RESULTS_DIR="${BENCH_RESULTS_DIR:-$here/results}"

exec java -Xmx512m "$here/src/IngestBench.java" "$@"
