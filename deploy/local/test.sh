#!/usr/bin/env bash
# The whole test suite, on a fresh machine or a used one:
#   1. the real servers (PostgreSQL, Kafka, Keycloak) via start.sh --infra;
#   2. every module's tests with ./mvnw install: plain JUnit and @QuarkusTest against those servers;
#   3. the whole system started with the fresh jars, and deploy/system-tests run through the gateway.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
started=$SECONDS

"$here/start.sh" --infra
# shellcheck disable=SC1091
source "${PD_STATE_DIR:-$here/.run}/env"

# Services from an earlier start run out of the jars that install rewrites.
"$here/stop.sh" --services

cd "$repo"
./mvnw -B install

"$here/start.sh"
./mvnw -B -f deploy/system-tests/pom.xml verify -Psystem-tests -Dpd.gateway.url="$PD_GATEWAY_URL"

echo "All tests passed in $((SECONDS - started)) s."
