#!/usr/bin/env bash
# Stops what deploy/local/start.sh started: the services, Keycloak (and its java child), Kafka and our own
# PostgreSQL cluster. Servers that were only reused (external ones) are never touched. Safe to run anytime.
#   stop.sh             everything
#   stop.sh --services  only the five services (the infrastructure keeps running)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=deploy/local/common.sh
source "$here/common.sh"
for part in postgres kafka keycloak services; do
    # shellcheck source=/dev/null
    source "$here/$part.sh"
done

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
