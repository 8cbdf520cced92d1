#!/usr/bin/env bash
# Shows each part of the local runtime: running or not, pid, address, health.
# Exit status 0 when PostgreSQL, Kafka and Keycloak are all healthy. Safe to run anytime.
set -euo pipefail
# shellcheck source=deploy/local/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

INFRA_OK=yes

row() { # part state pid address health
    printf '%-20s %-22s %-8s %-28s %s\n' "$@"
}

check() { # command...
    if "$@"; then echo "${C_G}healthy${C_0}"; else echo "${C_R}not answering${C_0}"; return 1; fi
}

status_postgres() {
    local port h host=${PD_PG_HOST:-localhost}
    if pg_running_own; then
        port=$(pg_own_port)
        h=$(check pg_up 127.0.0.1 "$port") || INFRA_OK=no
        row PostgreSQL "running (ours)" "$(pg_own_pid)" "127.0.0.1:$port" "$h"
    elif [[ ${PD_PG_MODE:-} == external ]]; then
        h=$(check pg_up "$host" "$PD_PG_PORT") || INFRA_OK=no
        row PostgreSQL "external (not ours)" - "$host:$PD_PG_PORT" "$h"
    else
        INFRA_OK=no
        row PostgreSQL stopped - - -
    fi
}

pg_up() { # host port
    if [[ -n $(psql_cmd) ]]; then pg_accepts "$1" "$2" "$PG_USER" "$PG_PASSWORD"; else port_open "$1" "$2"; fi
}

status_kafka() {
    local pid h
    kafka_tool_config
    if pid=$(kafka_own_pid); then
        h=$(check kafka_answers "127.0.0.1:$(kafka_own_port)") || INFRA_OK=no
        row Kafka "running (ours)" "$pid" "127.0.0.1:$(kafka_own_port)" "$h"
    elif [[ ${PD_KAFKA_MODE:-} == external || ${PD_KAFKA_MODE:-} == override ]]; then
        h=$(check kafka_answers "$PD_KAFKA_BOOTSTRAP") || INFRA_OK=no
        row Kafka "external (not ours)" - "$PD_KAFKA_BOOTSTRAP" "$h"
    else
        INFRA_OK=no
        row Kafka stopped - - -
    fi
}

status_keycloak() {
    local pid url h
    if pid=$(keycloak_own_pid); then
        url=http://localhost:$(keycloak_own_port)
        h=$(check keycloak_realm_ready "$url") || INFRA_OK=no
        row Keycloak "running (ours)" "$pid" "$url" "$h"
    elif [[ ${PD_KEYCLOAK_MODE:-} == external || ${PD_KEYCLOAK_MODE:-} == override ]]; then
        h=$(check keycloak_realm_ready "$PD_KEYCLOAK_URL") || INFRA_OK=no
        row Keycloak "external (not ours)" - "$PD_KEYCLOAK_URL" "$h"
    else
        INFRA_OK=no
        row Keycloak stopped - - -
    fi
}

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

main() {
    ensure_dirs
    # The recorded modes say which servers were reused rather than started by us.
    forget_own_env_values
    load_env_file
    row PART STATE PID ADDRESS HEALTH
    status_postgres
    status_kafka
    status_keycloak
    status_services
    echo "state: $PD_STATE_DIR   logs: $LOG_DIR"
    [[ $INFRA_OK == yes ]]
}

main "$@"
