#!/usr/bin/env bash
# The system benchmark, one command against the RUNNING system (deploy/local/start.sh): raw limits, the district
# (roster and catalog), ingest at rising rates (JSON batches and xAPI), end to end, backfill, HR reports, footprint.
# Writes deploy/bench/results/<UTC start>-<preset>/report.md with PNG charts, and prints the headline.
#   run.sh                   --preset=small: 2,000 teachers, 8 s steps; about 4.5 minutes
#   run.sh --preset=full     75,654 teachers in 1,800 schools, 5,000 offerings, 1,000,000 backfilled; about 40 min
#   run.sh --skip=district   keep the district already imported (roster and catalog steps skipped); also
#                            --skip=scaleout (no second plan-service and learning-service instances), comma-separated
#   run.sh --skip=district,scaleout --phases=e2e ...        one phase of the load step alone
# Other flags go to the load steps: --rates=1000,2000 --step-seconds=30 --backfill=N ... (see README.md).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
cd "$root"

preset=small skip="" extra=()
for arg; do
    case $arg in
        --preset=*) preset=${arg#*=} ;;
        --skip=*) skip=${arg#*=} ;;
        -h | --help) sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) extra+=("$arg") ;;
    esac
done
case $preset in
    small) teachers=2000 schools=50 offerings=500 searches=20 report_args=(--roster --entries=10) ;;
    full) teachers=75654 schools=1800 offerings=5000 searches=200 report_args=(--roster) ;;
    *) echo "run.sh: --preset is small or full" >&2; exit 2 ;;
esac

# shellcheck source=deploy/local/common.sh
source "$root/deploy/local/common.sh"
# shellcheck source=deploy/local/services.sh
source "$root/deploy/local/services.sh"
[[ -f $ENV_FILE ]] || { echo "run.sh: no $ENV_FILE; start the system with deploy/local/start.sh first" >&2; exit 1; }
# shellcheck disable=SC1090
source "$ENV_FILE"
for svc in $SERVICES; do
    service_ready "${svc##*:}" || { echo "run.sh: ${svc%%:*} is not ready; run deploy/local/start.sh" >&2; exit 1; }
done
command -v fc-list >/dev/null && [[ -n $(fc-list 2>/dev/null | head -1) ]] \
    || { echo "run.sh: the charts need a font: installing fonts-dejavu-core"; apt-get update -q >/dev/null && apt-get install -y -q fonts-dejavu-core >/dev/null; }

stamp=$(date -u +%Y%m%dT%H%M%SZ)
out="$here/results/$stamp-$preset"
mkdir -p "$out"
changed="$(git status --porcelain --untracked-files=no 2>/dev/null | wc -l | tr -d ' ')"
export BENCH_STARTED=$stamp PD_ROOT=$root BENCH_GIT_COMMIT="$(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
export BENCH_GIT_DIRTY="$([ "$changed" = 0 ] && echo "clean tree" || echo "dirty: $changed file(s)")"

echo "==> building the bench (deploy/bench/pom.xml)"
"$root/mvnw" -B -q -f "$here/pom.xml" package dependency:build-classpath -DskipTests \
    -Dmdep.outputFile="$here/target/classpath.txt" >"$out/build.log" 2>&1 || { cat "$out/build.log"; exit 1; }
bench() { # step
    java -Xmx1g -Djava.awt.headless=true -cp "$here/target/classes:$(cat "$here/target/classpath.txt")" \
        org.district.pd.bench.Bench "$1" --preset="$preset" --out="$out" "${extra[@]}"
}

echo "==> 1. raw limits"
bench raw
if [[ ,$skip, != *,district,* ]]; then
    echo "==> 2. district: $teachers teachers in $schools schools through the roster API, then $offerings offerings"
    "$here/roster.sh" --teachers="$teachers" --schools="$schools" | tee "$out/roster.txt"
    BENCH_OFFERINGS=$offerings BENCH_SEARCHES=$searches "$here/catalog.sh" | tee "$out/catalog.txt"
fi
echo "==> 3-5. ingest, end to end, backfill"
bench load
if [[ ,$skip, != *,scaleout,* ]]; then
    replica=plan-service-2 replica_port=8085 ingest_replica=learning-service-2 ingest_replica_port=8086
    gateway_port=${SERVICES##*gateway:} gateway_port=${gateway_port%% *}
    echo "==> 5b. scale-out: a second plan-service instance ($replica, port $replica_port) in the same consumer group;"
    echo "    a second learning-service instance ($ingest_replica, port $ingest_replica_port), the gateway sending LMS batches to both in turn"
    for port in "$replica_port" "$ingest_replica_port"; do
        port_open 127.0.0.1 "$port" && die "port $port for a second instance is taken by $(describe_port "$port")"
    done
    launch_replica() { # name port service java-options...
        local name=$1 port=$2 service=$3 archive; shift 3
        archive=$(class_data_archive "$service") # only read: the service's own stop records a missing one
        [[ $archive == -XX:SharedArchiveFile=* ]] || archive=
        launch "$name" "$LOG_DIR/$name.log" java "${SERVICE_JVM_OPTIONS[@]}" $(service_jvm_options "$service") $archive \
            -Dquarkus.http.port="$port" "$@" -jar "$(service_jar "$service")"
    }
    stop_replica() { # name service
        local pid
        if pid=$(live_pid "$1" "$(service_jar "$2")"); then stop_pid "$pid" "$1" 30; fi
    }
    restart_gateway() { # learning-service URLs, comma-separated
        local pid
        if pid=$(service_pid gateway); then stop_pid "$pid" gateway 30; fi
        PD_LEARNING_URL=$1 start_service gateway "$gateway_port"
        wait_until 90 gateway "$(cat "$(pid_file gateway)")" "$LOG_DIR/gateway.log" service_ready "$gateway_port"
    }
    scale_in() {
        stop_replica "$replica" plan-service
        stop_replica "$ingest_replica" learning-service
        restart_gateway "$PD_LEARNING_URL"
    }
    # What each learning-service instance answered: POSTs of completion batches, from its Micrometer metrics.
    completion_posts() { # port
        curl -fsS "http://localhost:$1/q/metrics" | awk '/^http_server_requests_seconds_count[{]/ && /method="POST"/ \
            && /uri="[/]api[/]v1[/]learning[/]completions"/ { n += $NF } END { printf "%d", n }'
    }
    launch_replica "$replica" "$replica_port" plan-service -Dmp.messaging.incoming.learning-events.client-id-prefix="$replica-"
    launch_replica "$ingest_replica" "$ingest_replica_port" learning-service
    trap scale_in EXIT
    wait_until 90 "$replica" "$(cat "$(pid_file "$replica")")" "$LOG_DIR/$replica.log" service_ready "$replica_port"
    wait_until 90 "$ingest_replica" "$(cat "$(pid_file "$ingest_replica")")" "$LOG_DIR/$ingest_replica.log" \
        service_ready "$ingest_replica_port"
    restart_gateway "$PD_LEARNING_URL,http://localhost:$ingest_replica_port"
    posts_before=$(completion_posts "${PD_LEARNING_URL##*:}")
    bench scaleout
    first=$(( $(completion_posts "${PD_LEARNING_URL##*:}") - posts_before )) second=$(completion_posts "$ingest_replica_port")
    echo "scale-out: completion batches answered: learning-service $first, $ingest_replica $second" \
        | tee "$out/scaleout-learning.txt"
    scale_in
    trap - EXIT
fi
echo "==> 6. HR report"
"$here/reports.sh" "${report_args[@]}" | tee "$out/reports.txt"

echo "==> 7. footprint: each service restarted alone"
: >"$out/footprint.tsv"
for svc in $SERVICES; do
    name=${svc%%:*} port=${svc##*:}
    pid=$(service_pid "$name") && stop_pid "$pid" "$name" 30
    started=$(date +%s%N)
    start_service "$name" "$port"
    until service_ready "$port"; do
        (( $(date +%s%N) - started < 120000000000 )) || die "$name not ready 120 s after its start"
        sleep 0.05
    done
    ready_ms=$(( ($(date +%s%N) - started) / 1000000 ))
    sleep 5
    rss=$(awk '/^VmRSS:/ { print int($2 / 1024) }' "/proc/$(service_pid "$name")/status")
    printf '%s\t%s\t%s\n' "$name" "$ready_ms" "$rss" | tee -a "$out/footprint.tsv"
done

echo "==> report"
bench report
