#!/usr/bin/env bash
# Shows each part of the local runtime: running or not, pid, address, health.
# Exit status 0 when PostgreSQL, Kafka and Keycloak are all healthy. Safe to run anytime.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=deploy/local/common.sh
source "$here/common.sh"
for part in postgres kafka keycloak services; do
    # shellcheck source=/dev/null
    source "$here/$part.sh"
done

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
