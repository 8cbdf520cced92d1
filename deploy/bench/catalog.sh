#!/usr/bin/env bash
# Catalog search benchmark against the RUNNING system (it starts and stops nothing): tops the catalog up to 10,000
# published offerings through the gateway, times teachers' searches through the gateway, then shows PostgreSQL's plan
# and time for the same searches (EXPLAIN ANALYZE). See deploy/bench/README.md.
# Environment: BENCH_OFFERINGS (10000), BENCH_SEARCHES per query (200).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
cd "$root"
command -v java >/dev/null || { echo "catalog.sh: java (JDK 17+) is needed" >&2; exit 1; }
# shellcheck disable=SC1091
[[ -f "${PD_STATE_DIR:-$root/deploy/local/.run}/env" ]] && source "${PD_STATE_DIR:-$root/deploy/local/.run}/env"
commit="$(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
changed="$(git status --porcelain --untracked-files=no 2>/dev/null | wc -l | tr -d ' ')"
export BENCH_GIT_COMMIT="$commit" BENCH_GIT_DIRTY="$([ "$changed" = 0 ] && echo "clean tree" || echo "dirty: $changed file(s)")"
mkdir -p "$here/results"
out="$here/results/$(date -u +%Y%m%dT%H%M%SZ)-catalog.txt"
{
    java -Xmx512m "$here/src/CatalogBench.java"
    echo
    echo "PostgreSQL's plan and time for the service's search SQL (alice: the district's and Lincoln's offerings):"
    schools="bafd1764-384a-3c8f-9104-11542913b123"
    for where in "o.search_document @@ websearch_to_tsquery('english', 'assessment')" \
                 "o.search_document @@ websearch_to_tsquery('english', '\"classroom discourse\"')" \
                 "o.competency_tags @> string_to_array('leadership', ',') and o.standards @> string_to_array('IMPLEMENTATION', ',')" \
                 "o.format = any(string_to_array('MICRO', ',')) and o.duration_minutes <= 15"; do
        order="o.title, o.id"
        [[ $where == *websearch* ]] && order="ts_rank(o.search_document, ${where#*@@ }) desc, $order"
        echo
        echo "-- where $where"
        PGPASSWORD="${PD_PG_PASSWORD:-pd}" psql -h "${PD_PG_HOST:-localhost}" -p "${PD_PG_PORT:-5432}" \
            -U "${PD_PG_USER:-pd}" -d pd_learning -X -q -c "explain (analyze, costs off, timing on)
            select cast(o.id as text) from offering o
            where o.status = 'PUBLISHED' and (o.school_id is null or o.school_id = any(string_to_array('$schools', ',')::uuid[]))
              and $where
            order by $order limit 20 offset 0"
    done
} 2>&1 | tee "$out"
echo "results: $out"
