# The five services: build stale jars, start, wait until ready, stop, show their status.
# Sourced by start.sh, stop.sh and status.sh after common.sh.
# shellcheck shell=bash

service_jar() { echo "$PD_ROOT/$1/target/quarkus-app/quarkus-run.jar"; }

service_pid() { live_pid "$1" "$(service_jar "$1")"; }

service_ready() { http_ok "http://localhost:$1/q/health/ready"; }

# ---------------------------------------------------------------------------------------------- start

start_services() {
    step "Services"
    local svc name port missing=()
    for svc in $SERVICES; do
        [[ -d $PD_ROOT/${svc%%:*} ]] || missing+=("${svc%%:*}")
    done
    ((${#missing[@]} == 0)) || die "modules missing from $PD_ROOT: ${missing[*]}; use start.sh --infra until they exist"
    build_services_if_stale
    # shellcheck disable=SC1090
    source "$ENV_FILE"
    for svc in $SERVICES; do start_service "${svc%%:*}" "${svc##*:}"; done
    for svc in $SERVICES; do await_service "${svc%%:*}" "${svc##*:}"; done
}

stale_modules() {
    local svc name jar
    for svc in $SERVICES; do
        name=${svc%%:*}
        jar=$(service_jar "$name")
        if [[ ! -f $jar ]] || [[ -n $(find "$PD_ROOT/$name/src/main" "$PD_ROOT/$name/pom.xml" "$PD_ROOT/platform/src/main" \
            "$PD_ROOT/platform/pom.xml" "$PD_ROOT/pom.xml" -newer "$jar" -print -quit 2>/dev/null) ]]; then
            echo "$name"
        fi
    done
}

# Packaging rewrites every module's quarkus-app, so running services are stopped before a rebuild.
build_services_if_stale() {
    local stale svc pid
    stale=$(stale_modules | paste -sd " " -)
    [[ -n ${stale// /} ]] || { ok "service jars are up to date"; return 0; }
    info "sources changed or jars missing ($stale); building with mvnw package -DskipTests"
    for svc in $SERVICES; do
        pid=$(service_pid "${svc%%:*}") && stop_pid "$pid" "${svc%%:*}"
    done
    local start=$SECONDS
    (cd "$PD_ROOT" && mvnw package -DskipTests) >"$LOG_DIR/build.log" 2>&1 \
        || die_with_log "$LOG_DIR/build.log" "the build failed"
    ok "built in $((SECONDS - start))s"
}

start_service() { # name port
    local name=$1 port=$2 pid
    if pid=$(service_pid "$name"); then
        info "$name already running (pid $pid)"
        return
    fi
    if port_open 127.0.0.1 "$port"; then
        service_ready "$port" || die "port $port for $name is taken by $(describe_port "$port"), which is not $name"
        warn "port $port answers health checks but was not started by us ($(describe_port "$port")); reusing it as $name"
        return
    fi
    launch "$name" "$LOG_DIR/$name.log" java "${SERVICE_JVM_OPTIONS[@]}" $(service_jvm_options "$name") \
        $(class_data_archive "$name") -jar "$(service_jar "$name")"
}

# Every service's JVM: a heap of at most 256 MiB that starts at 64, and the serial collector, which on 2 cores keeps
# up better than G1 and has no collector threads or remembered sets to keep (A/B in the README's "Performance").
SERVICE_JVM_OPTIONS=(-Xmx256m -Xms64m -XX:+UseSerialGC)
# The C library keeps what the JIT compiler and the start freed (C2's arenas peak at about 25 MB); the JVM hands it
# back every 2 s (idle RSS 255 -> 238 MiB for learning-service, README "Performance"). A JDK before 17.0.9 lacks the
# option, and would refuse to start with it.
if java -XX:TrimNativeHeapInterval=2000 -version >/dev/null 2>&1; then
    SERVICE_JVM_OPTIONS+=(-XX:TrimNativeHeapInterval=2000)
fi

# learning-service takes every LMS batch: a young generation of 64 MiB (about 20 MiB at -Xms64m) lets the batches in
# flight die young instead of being promoted and collected by full collections of 150-245 ms, three to six a minute
# from 3,000 completions/s on. The ingest ramp alone on the full district passed 5,000/s in both runs with it (p99
# 0.89-0.92 s), where the two without stopped at 3,000 and 4,000/s; idle RSS 253-287 against 237-248 MiB (README
# "Performance", deploy/bench/results/20261203T041000Z-ingest-young-ab.txt).
service_jvm_options() { # name
    case $1 in
        learning-service) echo "-Xmn64m" ;;
    esac
}

# A class-data archive for each build of a service (the JDK's dynamic CDS): the first start of a build records every
# class it loaded when it stops; each later start maps them instead of loading and verifying them again (plan-service
# restarted alone: ready in 6.5-7.7 s without, 3.9-5.3 s with). The archive is named after its jar's build time, so
# one written at the stop of a run of an older build never passes for this build's; a JDK that cannot use an archive
# ignores it. The replica plan-service of deploy/bench/run.sh starts from the same jar and only reads the archive.
class_data_archive() { # name
    local dir=$PD_STATE_DIR/class-data archive
    archive=$dir/$1-$(stat -c %Y "$(service_jar "$1")").jsa
    if [[ -f $archive ]]; then
        echo "-XX:SharedArchiveFile=$archive"
    else
        mkdir -p "$dir" && rm -f "$dir/$1"-[0-9]*.jsa
        # The JDK names each class it cannot keep (thousands of warnings at the stop) under the tag cds alone.
        echo "-XX:ArchiveClassesAtExit=$archive -Xlog:cds=off"
    fi
}

await_service() { # name port
    local name=$1 port=$2 pid
    # The raw pid file, not service_pid: a service that died at once must fail now, not after the timeout.
    pid=$(cat "$(pid_file "$name")" 2>/dev/null) || pid=
    wait_until 90 "$name" "$pid" "$LOG_DIR/$name.log" service_ready "$port"
}

# ---------------------------------------------------------------------------------------------- stop

stop_services() {
    local svc name pid order=()
    for svc in $SERVICES; do order=("${svc%%:*}" "${order[@]}"); done
    for name in "${order[@]}"; do
        if pid=$(service_pid "$name"); then stop_pid "$pid" "$name" 30; fi
        sweep "$name" "$(service_jar "$name")"
    done
}

# ---------------------------------------------------------------------------------------------- status

status_services() {
    local svc name port pid
    for svc in $SERVICES; do
        name=${svc%%:*} port=${svc##*:}
        if pid=$(service_pid "$name"); then
            row "$name" "running (ours)" "$pid" "http://localhost:$port" "$(check service_ready "$port" || true)"
        elif port_open 127.0.0.1 "$port"; then
            row "$name" "port taken (not ours)" - "http://localhost:$port" "$(check service_ready "$port" || true)"
        else
            row "$name" stopped - - -
        fi
    done
}
