# What every deploy/local script shares: settings, output, the lock, processes and ports, the env file, status rows.
# Source it; do not run it.
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
DEMO_USERS="alice:teacher bob:teacher carol:teacher dan:teacher erin:teacher+coach+assessor frank:principal grace:district-admin henry:hr ivy:assessor jack:facilitator+assessor paula:principal quinn:principal"

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
        echo "export PD_CREDENTIALS_KEY_ENCRYPTION_KEY='$(credentials_key_encryption_key)'"
    } >"$tmp"
    mv "$tmp" "$ENV_FILE"
}

# The key the issuer's signing keys are stored under in credentials-service's database: made once per machine and kept
# beside the data it protects, unless PD_CREDENTIALS_KEY_ENCRYPTION_KEY is given.
credentials_key_encryption_key() {
    local file=$PD_STATE_DIR/credentials-key-encryption-key
    if [[ -n ${PD_CREDENTIALS_KEY_ENCRYPTION_KEY:-} ]]; then
        echo "$PD_CREDENTIALS_KEY_ENCRYPTION_KEY"
        return
    fi
    [[ -s $file ]] || (umask 077 && head -c 32 /dev/urandom | base64 >"$file")
    cat "$file"
}

service_url_var() { # gateway -> PD_GATEWAY_URL, learning-service -> PD_LEARNING_URL
    local base=${1%-service}
    echo "PD_${base^^}_URL" | tr '-' '_'
}

describe_port() {
    local owner
    owner=$(port_owner "$1")
    echo "${owner:-another process}"
}

is_local_host() { [[ $1 == localhost || $1 == 127.0.0.1 || $1 == ::1 ]]; }

# Catches processes of ours whose pid file was lost, by a command-line path unique to this state dir.
sweep() { # name pattern
    local pid
    for pid in $(pgrep -f -- "$2" || true); do
        [[ $pid == "$$" ]] && continue
        stop_pid "$pid" "$1 (no pid file)" 30
    done
}

INFRA_OK=yes

row() { # part state pid address health
    printf '%-20s %-22s %-8s %-28s %s\n' "$@"
}

check() { # command...
    if "$@"; then echo "${C_G}healthy${C_0}"; else echo "${C_R}not answering${C_0}"; return 1; fi
}
