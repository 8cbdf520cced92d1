#!/usr/bin/env bash
# Roster benchmark against the RUNNING system (it starts and stops nothing): a generated OneRoster 1.2 district of
# New York City size (75,654 teachers in 1,800 schools) imported through the gateway. See deploy/bench/README.md.
# Flags: --teachers=N --schools=N (or BENCH_TEACHERS, BENCH_SCHOOLS).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
cd "$root"
command -v java >/dev/null || { echo "roster.sh: java (JDK 17+) is needed" >&2; exit 1; }
# shellcheck disable=SC1091
[[ -f "${PD_STATE_DIR:-$root/deploy/local/.run}/env" ]] && source "${PD_STATE_DIR:-$root/deploy/local/.run}/env"
commit="$(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
changed="$(git status --porcelain --untracked-files=no 2>/dev/null | wc -l | tr -d ' ')"
export BENCH_GIT_COMMIT="$commit" BENCH_GIT_DIRTY="$([ "$changed" = 0 ] && echo "clean tree" || echo "dirty: $changed file(s)")"
export PD_ROOT="$root"
# The Kafka admin client, to read learning-service's lag on the roster topic: from the Kafka that start.sh installed.
# shellcheck disable=SC1091
source "$root/deploy/local/common.sh"
[[ -d $KAFKA_HOME/tools-libs ]] || { echo "roster.sh: no $KAFKA_HOME/tools-libs; run deploy/local/start.sh first" >&2; exit 1; }
exec java -Xmx1g -cp "$KAFKA_HOME/tools-libs/*" "$here/src/RosterBench.java" "$@"
