#!/usr/bin/env bash
# Stops what deploy/local/start.sh started: the services, Keycloak (and its java child), Kafka and our own
# PostgreSQL cluster. Servers that were only reused (external ones) are never touched. Safe to run anytime.
#   stop.sh             everything
#   stop.sh --services  only the five services (the infrastructure keeps running)
set -euo pipefail
# shellcheck source=deploy/local/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

stop_services() {
    local svc name pid order=()
    for svc in $SERVICES; do order=("${svc%%:*}" "${order[@]}"); done
    for name in "${order[@]}"; do
        if pid=$(service_pid "$name"); then stop_pid "$pid" "$name" 30; fi
        sweep "$name" "$(service_jar "$name")"
    done
}

stop_keycloak() {
    local pid
    if pid=$(keycloak_own_pid); then stop_pid "$pid" "Keycloak (java)" 30; fi
    if pid=$(keycloak_launcher_pid); then stop_pid "$pid" "Keycloak (kc.sh)" 10; fi
    sweep Keycloak "$KEYCLOAK_DIR/h2/"
    rm -f "$(pid_file keycloak)" "$(pid_file keycloak-launcher)"
}

stop_kafka() {
    local pid
    if pid=$(kafka_own_pid); then stop_pid "$pid" Kafka 60; fi
    sweep Kafka "$KAFKA_DIR/server.properties"
}

stop_postgres() {
    local data bindir
    pg_running_own || return 0
    data=$(pg_data_dir)
    bindir=$(pg_find_bindir) || { stop_pid "$(pg_own_pid)" PostgreSQL 60; return 0; }
    if as_pg_user "$bindir/pg_ctl" -D "$data" -m fast -w -t 60 stop >>"$LOG_DIR/pg_ctl.log" 2>&1; then
        ok "stopped PostgreSQL (our cluster in $data)"
    else
        warn "pg_ctl stop failed (see $LOG_DIR/pg_ctl.log); sending TERM"
        stop_pid "$(pg_own_pid)" PostgreSQL 60
    fi
}

# Catches processes of ours whose pid file was lost, by a command-line path unique to this state dir.
sweep() { # name pattern
    local pid
    for pid in $(pgrep -f -- "$2" || true); do
        [[ $pid == "$$" ]] && continue
        stop_pid "$pid" "$1 (no pid file)" 30
    done
}

usage() {
    sed -n '2,5p' "$0" | sed 's/^# \{0,1\}//'
    exit "${1:-0}"
}

main() {
    local all=yes
    case ${1:-} in
        --services) all=no ;;
        -h | --help) usage 0 ;;
        "") ;;
        *) usage 2 ;;
    esac
    take_lock 120 optional
    if [[ $all == yes ]]; then step "Stopping the local runtime in $PD_STATE_DIR"; else step "Stopping the services"; fi
    stop_services
    if [[ $all == yes ]]; then
        stop_keycloak
        stop_kafka
        stop_postgres
    fi
    ok "done"
}

main "$@"
