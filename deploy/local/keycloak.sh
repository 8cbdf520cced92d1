# Keycloak of the local runtime (realm district): start ours or reuse one that has the realm; stop ours; show its
# status. Sourced by start.sh, stop.sh and status.sh after common.sh.
# shellcheck shell=bash

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

# ---------------------------------------------------------------------------------------------- start

start_keycloak() {
    step "Keycloak $KEYCLOAK_VERSION"
    local pid port=$KEYCLOAK_PORT
    if [[ -n ${PD_KEYCLOAK_URL:-} ]]; then
        keycloak_realm_ready "$PD_KEYCLOAK_URL" || die "PD_KEYCLOAK_URL=$PD_KEYCLOAK_URL has no realm 'district'"
        KEYCLOAK_MODE=override KEYCLOAK_URL_EFFECTIVE=$PD_KEYCLOAK_URL
        ok "using PD_KEYCLOAK_URL=$PD_KEYCLOAK_URL; stop.sh will leave it alone"
        return
    fi
    if pid=$(keycloak_own_pid); then
        KEYCLOAK_MODE=own KEYCLOAK_URL_EFFECTIVE=http://localhost:$(keycloak_own_port)
        wait_until 180 Keycloak "$pid" "$LOG_DIR/keycloak.log" keycloak_realm_ready "$KEYCLOAK_URL_EFFECTIVE"
        ok "ours is already running on $KEYCLOAK_URL_EFFECTIVE (pid $pid)"
        if realm_changed; then
            warn "$(basename "$REALM_FILE") changed since it was imported; run stop.sh, then start.sh, to re-import it"
        fi
        return 0
    fi
    if port_open 127.0.0.1 "$port"; then
        if keycloak_realm_ready "http://localhost:$port"; then
            KEYCLOAK_MODE=external KEYCLOAK_URL_EFFECTIVE=http://localhost:$port
            ok "reusing the Keycloak with realm 'district' on port $port; stop.sh will leave it alone"
            return
        fi
        warn "port $port is taken by $(describe_port "$port"), which is not a Keycloak with realm 'district'"
        port=$KEYCLOAK_ALT_PORT
        info "starting our own Keycloak on port $port instead (PD_KEYCLOAK_ALT_PORT)"
        if port_open 127.0.0.1 "$port"; then die "the alternative port $port is taken too; set PD_KEYCLOAK_ALT_PORT"; fi
    fi
    install_keycloak
    start_own_keycloak "$port"
}

# Unzips and builds ("kc.sh build") once into the cache: the build is the slow part of a first start.
install_keycloak() {
    local zip_dir=$PD_CACHE_DIR/downloads tmp build_opts="--db=dev-file"
    if [[ ! -x $KEYCLOAK_HOME/bin/kc.sh ]]; then
        info "fetching keycloak-quarkus-dist $KEYCLOAK_VERSION from Maven Central"
        mvnw -f "$PD_ROOT/deploy/local/kafka/pom.xml" dependency:copy \
            -Dartifact="org.keycloak:keycloak-quarkus-dist:$KEYCLOAK_VERSION:zip" -DoutputDirectory="$zip_dir" \
            >>"$LOG_DIR/downloads.log" 2>&1 || die_with_log "$LOG_DIR/downloads.log" "could not fetch Keycloak"
        tmp=$(mktemp -d "$PD_CACHE_DIR/.keycloak.XXXXXX")
        unzip -q "$zip_dir/keycloak-quarkus-dist-$KEYCLOAK_VERSION.zip" -d "$tmp"
        rm -rf "$KEYCLOAK_HOME" && mv "$tmp/keycloak-$KEYCLOAK_VERSION" "$KEYCLOAK_HOME" && rm -rf "$tmp"
        rm -f "$zip_dir/keycloak-quarkus-dist-$KEYCLOAK_VERSION.zip"
    fi
    if [[ $(cat "$KEYCLOAK_HOME/.pd-build" 2>/dev/null) != "$build_opts" ]]; then
        info "building Keycloak once ($build_opts); about a minute"
        # shellcheck disable=SC2086
        "$KEYCLOAK_HOME/bin/kc.sh" build $build_opts >"$LOG_DIR/keycloak-build.log" 2>&1 \
            || die_with_log "$LOG_DIR/keycloak-build.log" "kc.sh build failed"
        echo "$build_opts" >"$KEYCLOAK_HOME/.pd-build"
    fi
}

start_own_keycloak() {
    local port=$1 log=$LOG_DIR/keycloak.log launcher pid
    mkdir -p "$KEYCLOAK_DIR" "$KEYCLOAK_HOME/data/import"
    reset_keycloak_db_if_realm_changed
    cp "$REALM_FILE" "$KEYCLOAK_HOME/data/import/district-realm.json"
    echo "$port" >"$KEYCLOAK_DIR/port"
    launch keycloak-launcher "$log" env KC_BOOTSTRAP_ADMIN_USERNAME=admin KC_BOOTSTRAP_ADMIN_PASSWORD=admin \
        JAVA_OPTS_KC_HEAP="-Xms64m -Xmx512m" \
        "$KEYCLOAK_HOME/bin/kc.sh" start --optimized \
        --http-enabled=true --http-host=127.0.0.1 --http-port="$port" \
        --hostname="http://localhost:$port" --hostname-strict=false --cache=local \
        --db-url="jdbc:h2:file:$KEYCLOAK_DIR/h2/keycloakdb;NON_KEYWORDS=VALUE" \
        --import-realm
    launcher=$(<"$(pid_file keycloak-launcher)")
    pid=$(find_keycloak_java "$launcher") || die_with_log "$log" "Keycloak's java process did not appear"
    echo "$pid" >"$(pid_file keycloak)"
    KEYCLOAK_MODE=own KEYCLOAK_URL_EFFECTIVE=http://localhost:$port
    wait_until 180 Keycloak "$pid" "$log" keycloak_realm_ready "$KEYCLOAK_URL_EFFECTIVE"
}

# kc.sh passes its own pid to java as -Dkc.script.pid.
find_keycloak_java() {
    local launcher=$1 i pid
    for ((i = 0; i < 40; i++)); do
        pid=$(pgrep -f -- "-Dkc.script.pid=$launcher " | head -1) && [[ -n $pid ]] && { echo "$pid"; return 0; }
        kill -0 "$launcher" 2>/dev/null || return 1
        sleep 0.25
    done
    return 1
}

# The realm is imported only into an empty database (strategy IGNORE_EXISTING). When the realm file
# changes, the local database (realm and sessions only, nothing else) is dropped so the new file is imported.
reset_keycloak_db_if_realm_changed() {
    if [[ -d $KEYCLOAK_DIR/h2 ]] && realm_changed; then
        info "$(basename "$REALM_FILE") changed since the last import: resetting Keycloak's local database"
        rm -rf "$KEYCLOAK_DIR/h2"
    fi
    realm_sum >"$KEYCLOAK_DIR/realm.sha256"
}

realm_sum() { sha256sum "$REALM_FILE" | cut -d' ' -f1; }

realm_changed() { [[ $(cat "$KEYCLOAK_DIR/realm.sha256" 2>/dev/null) != "$(realm_sum)" ]]; }

# ---------------------------------------------------------------------------------------------- stop

stop_keycloak() {
    local pid
    if pid=$(keycloak_own_pid); then stop_pid "$pid" "Keycloak (java)" 30; fi
    if pid=$(keycloak_launcher_pid); then stop_pid "$pid" "Keycloak (kc.sh)" 10; fi
    sweep Keycloak "$KEYCLOAK_DIR/h2/"
    rm -f "$(pid_file keycloak)" "$(pid_file keycloak-launcher)"
}

# ---------------------------------------------------------------------------------------------- status

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
