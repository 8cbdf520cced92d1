#!/usr/bin/env bash
# Starts the local runtime without Docker: PostgreSQL, Kafka (KRaft), Keycloak, the services, demo data.
#   start.sh           everything
#   start.sh --infra   only PostgreSQL, Kafka and Keycloak (what the tests need)
# Idempotent: what already runs is reused. See deploy/local/README.md.
set -euo pipefail
# shellcheck source=deploy/local/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

usage() {
    sed -n '2,5p' "$0" | sed 's/^# \{0,1\}//'
    exit "${1:-0}"
}

# ---------------------------------------------------------------------------------------------- PostgreSQL

start_postgres() {
    step "PostgreSQL"
    local port=$PG_PORT
    if pg_running_own; then
        use_own_postgres "$(pg_own_port)"
        ok "our cluster is already running on 127.0.0.1:$PG_PORT_EFFECTIVE (pid $(pg_own_pid))"
        # A database added to PG_DATABASES since the cluster was made is created now, not only on a fresh cluster.
        pg_prepare_external 127.0.0.1 "$PG_PORT_EFFECTIVE" || warn "could not check the databases on our cluster"
        return
    fi
    if port_open "$PG_HOST" "$PG_PORT"; then
        if pg_speaks_postgres "$PG_HOST" "$PG_PORT" && pg_prepare_external "$PG_HOST" "$PG_PORT"; then
            PG_MODE=external PG_HOST_EFFECTIVE=$PG_HOST PG_PORT_EFFECTIVE=$PG_PORT
            ok "reusing the PostgreSQL server on $PG_HOST:$PG_PORT (user $PG_USER accepted); stop.sh will leave it alone"
            return
        fi
        port=$PG_ALT_PORT
        warn "$PG_HOST:$PG_PORT is taken by $(describe_port "$PG_PORT"), which is not PostgreSQL or does not accept" \
            "user $PG_USER/password (set PD_PG_SUPERUSER and PD_PG_SUPERPASSWORD to let us create it there)."
        info "starting our own cluster on 127.0.0.1:$port instead (PD_PG_ALT_PORT)"
        if port_open 127.0.0.1 "$port"; then die "the alternative port $port is taken too ($(describe_port "$port")); set PD_PG_ALT_PORT"; fi
    elif ! is_local_host "$PG_HOST"; then
        die "nothing answers on PD_PG_HOST=$PG_HOST port $PG_PORT; unset PD_PG_HOST to run a local cluster"
    fi
    start_own_postgres "$port"
}

describe_port() {
    local owner
    owner=$(port_owner "$1")
    echo "${owner:-another process}"
}

is_local_host() { [[ $1 == localhost || $1 == 127.0.0.1 || $1 == ::1 ]]; }

use_own_postgres() {
    PG_MODE=own PG_HOST_EFFECTIVE=localhost PG_PORT_EFFECTIVE=$1
}

start_own_postgres() {
    local port=$1 bindir data log
    bindir=$(pg_bindir) || die "no PostgreSQL server binaries found, and neither apt-get nor Maven Central gave us some;" \
        "install the Debian package 'postgresql' or set PD_PG_BINDIR"
    info "binaries: $bindir ($("$bindir/postgres" --version))"
    ensure_pg_os_user
    data=$(pg_data_dir)
    [[ -f $data/PG_VERSION ]] || init_postgres "$bindir"
    data=$(pg_data_dir)
    bootstrap_postgres "$bindir" "$data"
    log=$LOG_DIR/postgresql.log
    touch "$log" && chown "$(pg_os_user)" "$log"
    as_pg_user "$bindir/pg_ctl" -D "$data" -l "$log" -w -t 60 -o "-p $port" start >>"$LOG_DIR/pg_ctl.log" 2>&1 \
        || die_with_log "$log" "PostgreSQL did not start (see also $LOG_DIR/pg_ctl.log)"
    use_own_postgres "$port"
    wait_until 30 PostgreSQL "$(pg_own_pid)" "$log" postgres_healthy
    info "our cluster: 127.0.0.1:$port, data $data"
}

postgres_healthy() {
    port_open 127.0.0.1 "$PG_PORT_EFFECTIVE" || return 1
    [[ -z $(psql_cmd) ]] || pg_accepts 127.0.0.1 "$PG_PORT_EFFECTIVE" "$PG_USER" "$PG_PASSWORD"
}

ensure_pg_os_user() {
    is_root || return 0
    id postgres >/dev/null 2>&1 && return 0
    info "creating the system user 'postgres' (root may not run the server)"
    useradd --system --user-group --no-create-home --shell /usr/sbin/nologin postgres
}

# The server runs as the postgres user, which must reach the data directory; when the state dir sits
# somewhere it cannot traverse (a private home, say), the data goes to /var/tmp and we remember where.
init_postgres() {
    local bindir=$1 data=$PD_STATE_DIR/pgdata
    if is_root && ! runuser -u postgres -- test -x "$PD_STATE_DIR"; then
        data=/var/tmp/pd-local-pgdata-$(echo "$PD_STATE_DIR" | cksum | cut -d' ' -f1)
        info "user postgres cannot reach $PD_STATE_DIR; keeping the data in $data"
    fi
    info "initialising a new cluster in $data"
    mkdir -p "$data"
    chmod 700 "$data"
    is_root && chown postgres: "$data"
    as_pg_user "$bindir/initdb" -D "$data" -U postgres -E UTF8 --no-locale \
        --auth-local=peer --auth-host=scram-sha-256 >"$LOG_DIR/initdb.log" 2>&1 \
        || die_with_log "$LOG_DIR/initdb.log" "initdb failed"
    cat >>"$data/postgresql.conf" <<'EOF'

# deploy/local: reachable over TCP on the loopback only; no unix socket, so no socket directory to own.
listen_addresses = '127.0.0.1'
unix_socket_directories = ''
max_connections = 200
log_line_prefix = '%m [%p] %q%u@%d '
EOF
    echo "$data" >"$PD_STATE_DIR/pgdata.location"
}

# Creates the role and databases in single-user mode, before the server starts: no superuser password
# and no psql needed. Re-running only reports "already exists", which is ignored.
bootstrap_postgres() {
    local bindir=$1 data=$2 out db pw
    pw=$(sql_literal "$PG_PASSWORD")
    out=$(
        {
            echo "CREATE ROLE \"$PG_USER\" LOGIN CREATEDB PASSWORD $pw"
            echo "ALTER ROLE \"$PG_USER\" LOGIN CREATEDB PASSWORD $pw"
            for db in $PG_DATABASES; do echo "CREATE DATABASE \"$db\" OWNER \"$PG_USER\""; done
        } | as_pg_user "$bindir/postgres" --single -D "$data" -c unix_socket_directories= -c listen_addresses= postgres 2>&1
    ) || die "PostgreSQL single-user bootstrap failed: $out"
    if grep 'ERROR:' <<<"$out" | grep -qv 'already exists'; then
        die "PostgreSQL bootstrap reported errors:"$'\n'"$(grep -A1 'ERROR:' <<<"$out")"
    fi
}

# ---------------------------------------------------------------------------------------------- Kafka

start_kafka() {
    step "Kafka $KAFKA_VERSION (KRaft, single node)"
    fetch_kafka
    kafka_tool_config
    local pid port=$KAFKA_PORT cport=$KAFKA_CONTROLLER_PORT
    if [[ -n ${PD_KAFKA_BOOTSTRAP:-} ]]; then
        kafka_answers "$PD_KAFKA_BOOTSTRAP" || die "PD_KAFKA_BOOTSTRAP=$PD_KAFKA_BOOTSTRAP does not answer as Kafka"
        KAFKA_MODE=override KAFKA_BOOTSTRAP_EFFECTIVE=$PD_KAFKA_BOOTSTRAP
        ok "using PD_KAFKA_BOOTSTRAP=$PD_KAFKA_BOOTSTRAP; stop.sh will leave it alone"
    elif pid=$(kafka_own_pid); then
        KAFKA_MODE=own KAFKA_BOOTSTRAP_EFFECTIVE=127.0.0.1:$(kafka_own_port)
        wait_until 60 Kafka "$pid" "$LOG_DIR/kafka.log" kafka_answers "$KAFKA_BOOTSTRAP_EFFECTIVE"
        ok "our broker is already running on $KAFKA_BOOTSTRAP_EFFECTIVE (pid $pid)"
    elif port_open 127.0.0.1 "$port" && kafka_answers "127.0.0.1:$port"; then
        KAFKA_MODE=external KAFKA_BOOTSTRAP_EFFECTIVE=127.0.0.1:$port
        ok "reusing the Kafka broker answering on 127.0.0.1:$port; stop.sh will leave it alone"
    else
        if port_open 127.0.0.1 "$port"; then
            warn "port $port is taken by $(describe_port "$port"), which does not answer as Kafka"
            port=$KAFKA_ALT_PORT
            info "starting our own broker on 127.0.0.1:$port instead (PD_KAFKA_ALT_PORT)"
            if port_open 127.0.0.1 "$port"; then die "the alternative port $port is taken too; set PD_KAFKA_ALT_PORT"; fi
        fi
        if port_open 127.0.0.1 "$cport"; then
            warn "controller port $cport is taken by $(describe_port "$cport"); using $KAFKA_ALT_CONTROLLER_PORT"
            cport=$KAFKA_ALT_CONTROLLER_PORT
            if port_open 127.0.0.1 "$cport"; then die "controller port $cport is taken too; set PD_KAFKA_ALT_CONTROLLER_PORT"; fi
        fi
        start_own_kafka "$port" "$cport"
    fi
    create_topics "$KAFKA_BOOTSTRAP_EFFECTIVE"
}

# Broker and tools need different kafka-clients versions (see deploy/local/kafka/pom.xml): two class paths.
fetch_kafka() {
    local pom=$PD_ROOT/deploy/local/kafka/pom.xml
    fetch_libs "$KAFKA_HOME/libs" -f "$pom"
    fetch_libs "$KAFKA_HOME/tools-libs" -f "$pom" -P tools
}

fetch_libs() { # dir maven-args...
    local dir=$1 tmp; shift
    [[ -f $dir/.complete ]] && return 0
    info "fetching $(basename "$dir") from Maven Central into $dir"
    tmp=$dir.tmp
    rm -rf "$tmp"
    mvnw "$@" dependency:copy-dependencies -DoutputDirectory="$tmp" >>"$LOG_DIR/downloads.log" 2>&1 \
        || die_with_log "$LOG_DIR/downloads.log" "could not fetch the Kafka jars"
    rm -rf "$dir" && mv "$tmp" "$dir" && touch "$dir/.complete"
}

start_own_kafka() {
    local port=$1 cport=$2 log=$LOG_DIR/kafka.log pid
    mkdir -p "$KAFKA_DIR/data"
    write_kafka_config "$port" "$cport"
    [[ -f $KAFKA_DIR/data/meta.properties ]] || format_kafka_storage
    launch kafka "$log" java -Xms128m -Xmx512m -XX:+UseG1GC -XX:MaxGCPauseMillis=20 -Djava.awt.headless=true \
        -Dlog4j2.configurationFile="$KAFKA_DIR/log4j2.properties" \
        -cp "$KAFKA_HOME/libs/*" kafka.Kafka "$KAFKA_DIR/server.properties"
    pid=$(<"$(pid_file kafka)")
    KAFKA_MODE=own KAFKA_BOOTSTRAP_EFFECTIVE=127.0.0.1:$port
    wait_until 90 Kafka "$pid" "$log" kafka_answers "$KAFKA_BOOTSTRAP_EFFECTIVE"
}

write_kafka_config() {
    local port=$1 cport=$2
    cat >"$KAFKA_DIR/server.properties" <<EOF
# Generated by deploy/local/start.sh on each start; edit lib.sh/start.sh, not this file.
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:$cport
listeners=PLAINTEXT://127.0.0.1:$port,CONTROLLER://127.0.0.1:$cport
advertised.listeners=PLAINTEXT://127.0.0.1:$port
controller.listener.names=CONTROLLER
inter.broker.listener.name=PLAINTEXT
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
log.dirs=$KAFKA_DIR/data
num.partitions=12
default.replication.factor=1
min.insync.replicas=1
offsets.topic.replication.factor=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
group.initial.rebalance.delay.ms=0
EOF
    cat >"$KAFKA_DIR/log4j2.properties" <<'EOF'
status = warn
appender.out.type = Console
appender.out.name = STDOUT
appender.out.layout.type = PatternLayout
appender.out.layout.pattern = [%d] %p %m (%c)%n
rootLogger.level = INFO
rootLogger.appenderRef.out.ref = STDOUT
logger.state.name = state.change.logger
logger.state.level = WARN
logger.clients.name = org.apache.kafka.clients
logger.clients.level = WARN
EOF
}

# A fixed cluster id per state dir, chosen once, so re-formatting never clashes with old data.
format_kafka_storage() {
    local id_file=$KAFKA_DIR/cluster.id
    [[ -s $id_file ]] || java -cp "$KAFKA_HOME/libs/*" kafka.tools.StorageTool random-uuid 2>/dev/null | tail -1 >"$id_file"
    info "formatting the KRaft storage (cluster id $(<"$id_file"))"
    java -Dlog4j2.configurationFile="$KAFKA_DIR/tools-log4j2.properties" -cp "$KAFKA_HOME/libs/*" \
        kafka.tools.StorageTool format -t "$(<"$id_file")" -c "$KAFKA_DIR/server.properties" \
        >>"$LOG_DIR/kafka-format.log" 2>&1 || die_with_log "$LOG_DIR/kafka-format.log" "kafka storage format failed"
}

# Creates the topics of deploy/kafka/topics.txt that do not exist yet: "<name> <partitions> [key=value ...]".
create_topics() {
    local bootstrap=$1 file=$PD_ROOT/deploy/kafka/topics.txt existing line fields name created=0 total=0
    [[ -f $file ]] || { warn "$file is missing; no topics created"; return 0; }
    existing=$(kafka_list_topics "$bootstrap") || die "could not list the topics on $bootstrap"
    # Each topic also gets a "test." twin: @QuarkusTest runs publish and consume there, never into a running system.
    while read -r line; do
        read -r -a fields <<<"${line%%#*}" || true
        ((${#fields[@]} > 0)) || continue
        total=$((total + 1))
        for name in "${fields[0]}" "test.${fields[0]}"; do
            grep -qxF -- "$name" <<<"$existing" && continue
            create_topic "$bootstrap" "$name" "${fields[@]:1}"
            created=$((created + 1))
        done
    done <"$file"
    ok "topics: $total in $(basename "$file") and their test. twins, $created created"
}

create_topic() { # bootstrap name partitions [key=value ...]
    local bootstrap=$1 name=$2 partitions=${3:-} kv args=()
    [[ $partitions =~ ^[0-9]+$ ]] || die "topics.txt: '$name' needs a partition count, got '${partitions:-nothing}'"
    shift 3
    for kv in "$@"; do args+=(--config "$kv"); done
    kafka_tool org.apache.kafka.tools.TopicCommand --bootstrap-server "$bootstrap" \
        --command-config "$KAFKA_DIR/admin.properties" --create --if-not-exists \
        --topic "$name" --partitions "$partitions" "${args[@]}" >>"$LOG_DIR/kafka-topics.log" 2>&1 \
        || die_with_log "$LOG_DIR/kafka-topics.log" "could not create topic $name"
    info "created topic $name ($partitions partitions${*:+, $*})"
}

# ---------------------------------------------------------------------------------------------- Keycloak

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

# ---------------------------------------------------------------------------------------------- services

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
    launch "$name" "$LOG_DIR/$name.log" java -Xmx256m -jar "$(service_jar "$name")"
}

await_service() { # name port
    local name=$1 port=$2 pid
    # The raw pid file, not service_pid: a service that died at once must fail now, not after the timeout.
    pid=$(cat "$(pid_file "$name")" 2>/dev/null) || pid=
    wait_until 90 "$name" "$pid" "$LOG_DIR/$name.log" service_ready "$port"
}

# ---------------------------------------------------------------------------------------------- demo data

load_demo() {
    step "Demo data (through the gateway)"
    local gw=$PD_GATEWAY_URL token
    token=$(password_token grace demo) || die "could not get a token for grace from $KEYCLOAK_URL_EFFECTIVE"
    demo_call "roster import" "$token" -X POST "$gw/api/v1/plans/roster/imports" \
        -F "orgs=@$PD_ROOT/deploy/demo/orgs.csv;type=text/csv" -F "users=@$PD_ROOT/deploy/demo/users.csv;type=text/csv"
    # Before any completion is posted: an LMS client that no admin bound to its LMS may post nothing.
    demo_call "LMS client lms-connector bound to $DEMO_LMS" "$token" -X PUT "$gw/api/v1/learning/lms-clients/lms-connector" \
        -H 'Content-Type: application/json' -d "{\"lms\":\"$DEMO_LMS\"}"
    demo_offering "$token" "Formative Assessment Foundations" LMS-FA-101 \
        '{"title":"Formative Assessment Foundations","format":"ONLINE","creditHours":6,"creditType":"CLOCK_HOUR","category":"COURSEWORK","lmsCourses":[{"lms":"'"$DEMO_LMS"'","courseId":"LMS-FA-101"}]}'
    demo_offering "$token" "Classroom Discourse Micro-course" LMS-DISC-15 \
        '{"title":"Classroom Discourse Micro-course","format":"MICRO","creditHours":0.25,"creditType":"CLOCK_HOUR","category":"COURSEWORK","lmsCourses":[{"lms":"'"$DEMO_LMS"'","courseId":"LMS-DISC-15"}]}'
    await_demo_roster "$token"
}

# The roster reaches learning-service over Kafka, a moment after the import answered. Ready means the README tour
# works at once: every demo educator is known there, so a completion for alice is accepted, not held as unmatched.
await_demo_roster() { # token
    local token=$1 emails email missing deadline=$((SECONDS + 90))
    emails=$(grep -o '[A-Za-z0-9._%+-]*@district-demo\.example' "$PD_ROOT/deploy/demo/users.csv" | sort -u)
    while :; do
        missing=
        for email in $emails; do
            [[ $(curl -sS --max-time 10 -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $token" \
                "$PD_GATEWAY_URL/api/v1/learning/learners/resolve?email=$email") == 200 ]] || { missing=$email; break; }
        done
        if [[ -z $missing ]]; then
            ok "learning-service knows all $(wc -w <<<"$emails") demo educators from the roster topic"
            return
        fi
        ((SECONDS < deadline)) || die_with_log "$LOG_DIR/learning-service.log" \
            "learning-service still does not know $missing from the roster after 90 s"
        sleep 1
    done
}

DEMO_LMS=demo-lms

password_token() { # username password
    curl -fsS --max-time 20 "$KEYCLOAK_URL_EFFECTIVE/realms/district/protocol/openid-connect/token" \
        -d grant_type=password -d client_id=pd-web -d username="$1" -d password="$2" \
        | sed -n 's/.*"access_token":"\([^"]*\)".*/\1/p' | grep .
}

# An offering already in the catalog is not posted again, whatever the service answers for duplicates. It still gets
# its course mapped for the demo LMS: a catalog made before course mappings were per LMS has it under 'legacy'.
demo_offering() { # token title lms-course-id json
    local token=$1 title=$2 course=$3 json=$4 id
    id=$(curl -fsS --max-time 20 -H "Authorization: Bearer $token" "$PD_GATEWAY_URL/api/v1/learning/offerings?size=200" \
        2>/dev/null | sed -n "s/.*\"id\":\"\([0-9a-f-]\{36\}\)\",\"title\":\"$title\".*/\1/p") || id=
    if [[ -n $id ]]; then
        ok "offering '$title' exists already"
        demo_call "offering '$title' mapped to $DEMO_LMS course $course" "$token" -X POST \
            "$PD_GATEWAY_URL/api/v1/learning/offerings/$id/lms-courses" -H 'Content-Type: application/json' \
            -d "{\"lms\":\"$DEMO_LMS\",\"courseId\":\"$course\"}"
        return
    fi
    demo_call "offering '$title'" "$token" -X POST "$PD_GATEWAY_URL/api/v1/learning/offerings" \
        -H 'Content-Type: application/json' -d "$json"
}

demo_call() { # label token curl-args...
    local label=$1 token=$2 body code; shift 2
    body=$(mktemp)
    code=$(curl -sS --max-time 60 -o "$body" -w '%{http_code}' -H "Authorization: Bearer $token" "$@") || code=000
    case $code in
        2??) ok "$label: HTTP $code" ;;
        409) ok "$label: exists already (HTTP 409)" ;;
        *) echo "response body: $(head -c 2000 "$body")" >&2; rm -f "$body"; die "$label failed: HTTP $code" ;;
    esac
    rm -f "$body"
}

# ---------------------------------------------------------------------------------------------- summary

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
