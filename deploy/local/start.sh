#!/usr/bin/env bash
# Starts the local runtime without Docker: PostgreSQL, Kafka (KRaft), Keycloak, the services, demo data.
#   start.sh           everything
#   start.sh --infra   only PostgreSQL, Kafka and Keycloak (what the tests need)
# Idempotent: what already runs is reused. See deploy/local/README.md.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=deploy/local/common.sh
source "$here/common.sh"
for part in postgres kafka keycloak services demo; do
    # shellcheck source=/dev/null
    source "$here/$part.sh"
done

usage() {
    sed -n '2,5p' "$0" | sed 's/^# \{0,1\}//'
    exit "${1:-0}"
}

print_summary() {
    local full=$1 user role
    step "Ready"
    if [[ $full == yes ]]; then
        info "Gateway:     $PD_GATEWAY_URL"
        info "Swagger UI:  $PD_GATEWAY_URL/q/swagger-ui"
    fi
    info "Keycloak:    $KEYCLOAK_URL_EFFECTIVE  (admin console $KEYCLOAK_URL_EFFECTIVE/admin, admin/admin; realm 'district')"
    info "PostgreSQL:  $PG_HOST_EFFECTIVE:$PG_PORT_EFFECTIVE  (user $PG_USER/$PG_PASSWORD, $PG_MODE)"
    info "Kafka:       $KAFKA_BOOTSTRAP_EFFECTIVE  ($KAFKA_MODE)"
    info "Logs:        $LOG_DIR"
    info "Environment: source $ENV_FILE"
    info "Demo users (password 'demo', client pd-web):"
    for user in $DEMO_USERS; do
        role=${user#*:}
        printf '      %-6s %s\n' "${user%%:*}" "${role//+/, }"
    done
    info "Machine clients: lms-connector/lms-connector-secret (lms-integration, bound to LMS $DEMO_LMS)," \
        "lms-connector-2/lms-connector-2-secret (lms-integration, not bound), hr-connector/hr-connector-secret (hr)"
}

main() {
    local full=yes
    case ${1:-} in
        --infra) full=no ;;
        -h | --help) usage 0 ;;
        "") ;;
        *) usage 2 ;;
    esac
    take_lock 600
    require_tools
    forget_own_env_values
    local start=$SECONDS
    start_postgres
    write_env_file
    start_kafka
    write_env_file
    start_keycloak
    write_env_file
    if [[ $full == yes ]]; then
        start_services
        load_demo
    fi
    print_summary "$full"
    info "(took $((SECONDS - start))s)"
}

main "$@"
