# Kafka of the local runtime (KRaft, from Maven Central jars): start ours or reuse one that answers, with the topics;
# stop ours; show its status. Sourced by start.sh, stop.sh and status.sh after common.sh.
# shellcheck shell=bash

KAFKA_PORT=${PD_KAFKA_PORT:-9092}
KAFKA_ALT_PORT=${PD_KAFKA_ALT_PORT:-59092}
KAFKA_CONTROLLER_PORT=${PD_KAFKA_CONTROLLER_PORT:-9093}
KAFKA_ALT_CONTROLLER_PORT=${PD_KAFKA_ALT_CONTROLLER_PORT:-59093}
KAFKA_DIR=$PD_STATE_DIR/kafka

kafka_own_pid() { live_pid kafka "$KAFKA_DIR/server.properties"; }

# The recorded port of our own broker, from its generated config.
kafka_own_port() { sed -n 's/^listeners=PLAINTEXT:\/\/[^:]*:\([0-9]*\),.*/\1/p' "$KAFKA_DIR/server.properties"; }

# A hung admin client must not hang start.sh.
kafka_tool() { # class args...
    local class=$1; shift
    timeout "${KAFKA_TOOL_TIMEOUT:-60}" java -Xmx256m -Dlog4j2.configurationFile="$KAFKA_DIR/tools-log4j2.properties" \
        -cp "$KAFKA_HOME/tools-libs/*" "$class" "$@"
}

kafka_tool_config() {
    mkdir -p "$KAFKA_DIR"
    cat >"$KAFKA_DIR/tools-log4j2.properties" <<'EOF'
status = warn
appender.err.type = Console
appender.err.name = STDERR
appender.err.target = SYSTEM_ERR
appender.err.layout.type = PatternLayout
appender.err.layout.pattern = %p %m (%c)%n
rootLogger.level = ERROR
rootLogger.appenderRef.err.ref = STDERR
EOF
    # Short timeouts: these clients only probe or create topics, and must fail fast on a dead port.
    cat >"$KAFKA_DIR/admin.properties" <<'EOF'
request.timeout.ms=5000
default.api.timeout.ms=10000
socket.connection.setup.timeout.ms=2000
socket.connection.setup.timeout.max.ms=3000
EOF
}

kafka_list_topics() { # bootstrap
    KAFKA_TOOL_TIMEOUT=30 kafka_tool org.apache.kafka.tools.TopicCommand --bootstrap-server "$1" \
        --command-config "$KAFKA_DIR/admin.properties" --list 2>/dev/null
}

kafka_answers() { kafka_list_topics "$1" >/dev/null; }

# ---------------------------------------------------------------------------------------------- start

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
# Generated by deploy/local/start.sh on each start; edit deploy/local/kafka.sh, not this file.
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

# ---------------------------------------------------------------------------------------------- stop

stop_kafka() {
    local pid
    if pid=$(kafka_own_pid); then stop_pid "$pid" Kafka 60; fi
    sweep Kafka "$KAFKA_DIR/server.properties"
}

# ---------------------------------------------------------------------------------------------- status

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
