#!/usr/bin/env bash
# HR report benchmark against the RUNNING system (it starts and stops nothing): seeds plan-service's database with a
# district of New York City size with five years of ledger entries (once), then times the credit-hours and
# renewal-status reports through the gateway. See deploy/bench/README.md.
# Flags: --educators=N --schools=N --entries=N (per educator), or BENCH_EDUCATORS, BENCH_SCHOOLS, BENCH_ENTRIES.
#        --roster: no district of its own; the five years go to the teachers roster.sh imported (run.sh passes it).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
cd "$root"
command -v java >/dev/null || { echo "reports.sh: java (JDK 17+) is needed" >&2; exit 1; }
educators=${BENCH_EDUCATORS:-75654} schools=${BENCH_SCHOOLS:-1800} entries=${BENCH_ENTRIES:-40} roster=false
for arg in "$@"; do
    case $arg in
        --educators=*) educators=${arg#*=} ;;
        --schools=*) schools=${arg#*=} ;;
        --entries=*) entries=${arg#*=} ;;
        --roster) roster=true ;;
        *) echo "reports.sh: unknown flag $arg" >&2; exit 2 ;;
    esac
done
# shellcheck disable=SC1091
[[ -f "${PD_STATE_DIR:-$root/deploy/local/.run}/env" ]] && source "${PD_STATE_DIR:-$root/deploy/local/.run}/env"
export PD_ROOT="$root"
# shellcheck disable=SC1091
source "$root/deploy/local/common.sh"
# shellcheck disable=SC1091
source "$root/deploy/local/postgres.sh"
psql=$(psql_cmd) || { echo "reports.sh: no psql; run deploy/local/start.sh first" >&2; exit 1; }
sql() { PGPASSWORD=${PD_PG_PASSWORD:-pd} "$psql" -h "${PD_PG_HOST:-localhost}" -p "${PD_PG_PORT:-5432}" \
    -U "${PD_PG_USER:-pd}" -d pd_plan -XAtq -v ON_ERROR_STOP=1 "$@"; }

seconds() { awk -v from="$1" -v to="$(date +%s%N)" 'BEGIN { printf "%.2f", (to - from) / 1e9 }'; }
start=$(date +%s%N)
if $roster; then
    # roster.sh's district: teachers nyc-t<n> in schools nyc-s<n>.
    prefix=nyc-t school=nyc-s0001
    teacher="e.active and e.sourced_id ~ '^nyc-t[0-9]+\$'"
    IFS='|' read -r educators last_n <<<"$(sql -c "select count(*), coalesce(max(substr(e.sourced_id, 6)::int), 0)
        from educator e where $teacher")"
    schools=$(sql -c "select count(distinct s.school_id) from educator e join educator_school s on s.educator_id = e.id
        where $teacher")
    ((educators > 0)) || { echo "reports.sh: --roster, but no teacher nyc-t<n> was imported; run roster.sh first" >&2; exit 1; }
else
    prefix=rpt- school=rpt-school-1 last_n=$educators
    sql -v educators="$educators" -v schools="$schools" -f "$here/sql/report-district.sql"
fi
sql -v prefix="$prefix" -f "$here/sql/report-licenses.sql"
for ((first = 1; first <= last_n; first += 5000)); do
    sql -v prefix="$prefix" -v first="$first" -v last="$((first + 4999 < last_n ? first + 4999 : last_n))" \
        -v entries="$entries" -f "$here/sql/report-ledger.sql"
done
sql -c "vacuum analyze ledger_entry"
rows=$(sql -c "select count(*) from ledger_entry where source_ref like 'rpt-%'")
echo "district seeded or reactivated in $(seconds "$start") s: $educators educators ($prefix<n>), $schools schools, $rows entries"

# The raw limit: PostgreSQL alone sums five years of entries per educator and category, streamed to nowhere.
from=$(date -u -d '5 years ago + 1 day' +%F) to=$(date -u +%F)
start=$(date +%s%N)
sql -c "\\copy (select l.educator_id, l.category, sum(l.credit_hours) from ledger_entry l
        where l.occurred_at >= '$from' and l.occurred_at < date '$to' + 1 group by 1, 2) to '/dev/null'"
raw=$(seconds "$start")

commit="$(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
changed="$(git status --porcelain --untracked-files=no 2>/dev/null | wc -l | tr -d ' ')"
export BENCH_GIT_COMMIT="$commit" BENCH_GIT_DIRTY="$([ "$changed" = 0 ] && echo "clean tree" || echo "dirty: $changed file(s)")"
export BENCH_RAW_CREDIT_SECONDS="$raw"
export BENCH_SCHOOL_ID="$(sql -c "select id from org where sourced_id = '$school'")"
export BENCH_DISTRICT="district: $(sql -c "select count(*) from educator where active") active educators ($educators of the bench in $schools schools), $(sql -c "select count(*) from ledger_entry") ledger entries ($rows of the bench)"
exec java -Xmx256m "$here/src/ReportsBench.java"
