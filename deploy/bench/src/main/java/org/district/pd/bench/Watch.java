package org.district.pd.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/** What the bench watches besides the answers: services' memory, plan-service's backlog, the ledger and plans. */
final class Watch {

    static final List<String> SERVICES = List.of("gateway", "learning-service", "plan-service", "credentials-service",
            "community-service");

    private Watch() {
    }

    /** Resident memory of the services started by deploy/local/start.sh, from /proc. */
    static final class Memory {
        private final Path pids = Path.of(Settings.env("PD_STATE_DIR", "deploy/local/.run"), "pids");

        Map<String, Long> rssMib() {
            Map<String, Long> rss = new LinkedHashMap<>();
            for (String service : SERVICES) {
                rss.put(service, rssMib(service));
            }
            return rss;
        }

        long rssMib(String service) {
            try {
                String pid = Files.readString(pids.resolve(service + ".pid")).trim();
                for (String line : Files.readAllLines(Path.of("/proc", pid, "status"))) {
                    if (line.startsWith("VmRSS:")) {
                        return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
                    }
                }
            } catch (IOException | RuntimeException e) {
                return -1;
            }
            return -1;
        }
    }

    /**
     * What the machine did while a phase ran, sampled every second: how busy its cores were, the share of each service
     * and of PostgreSQL (all its processes), and whether PostgreSQL ran an autovacuum or a checkpoint meanwhile. A
     * phase shares the two cores with the database's own upkeep; this says how much of it there was.
     */
    static final class Activity implements AutoCloseable {
        private static final List<String> PROCESSES = Stream.concat(SERVICES.stream(), Stream.of("kafka", "keycloak"))
                .toList();
        private final Connection db;
        private final Path pids = Path.of(Settings.env("PD_STATE_DIR", "deploy/local/.run"), "pids");
        private final long[] machineStart = machineTicks();
        private final Map<String, Long> processStart = processTicks();
        private final long checkpointsStart;
        private volatile int seconds;
        private volatile int autovacuumSeconds;
        private volatile boolean running = true;
        private final Thread sampler;

        Activity(Settings settings) throws SQLException {
            db = DriverManager.getConnection(settings.jdbc("pd_plan"), settings.pgUser(), settings.pgPassword());
            checkpointsStart = checkpoints();
            sampler = new Thread(this::sample, "activity-watch");
            sampler.setDaemon(true);
            sampler.start();
        }

        private void sample() {
            try (PreparedStatement autovacuum = db.prepareStatement(
                    "select count(*) from pg_stat_activity where backend_type = 'autovacuum worker'")) {
                while (running) {
                    Thread.sleep(1000);
                    try (ResultSet rows = autovacuum.executeQuery()) {
                        rows.next();
                        autovacuumSeconds += rows.getInt(1) > 0 ? 1 : 0;
                    }
                    seconds++;
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        /**
         * Since this was opened: {@code busyPercent} of the machine's CPU time, each process's share of it in percent
         * ({@code postgres} and the services), the seconds an autovacuum worker was running, and checkpoints begun.
         */
        Map<String, Object> summary() throws SQLException {
            long[] machine = machineTicks();
            double total = machine[0] - machineStart[0];
            Map<String, Object> summary = new LinkedHashMap<>();
            summary.put("busyPercent", percent(total - (machine[1] - machineStart[1]), total));
            Map<String, Double> shares = new LinkedHashMap<>();
            processTicks().forEach((name, ticks) -> shares.put(name,
                    percent(ticks - processStart.getOrDefault(name, ticks), total)));
            summary.put("processPercent", shares);
            summary.put("seconds", seconds);
            summary.put("autovacuumSeconds", autovacuumSeconds);
            summary.put("checkpoints", checkpoints() - checkpointsStart);
            return summary;
        }

        private static double percent(double part, double whole) {
            return whole <= 0 ? 0 : Math.round(1000 * part / whole) / 10.0;
        }

        /** {all, idle and iowait} jiffies of every core, from /proc/stat's first line. */
        private static long[] machineTicks() {
            try {
                String[] cpu = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
                long all = 0;
                for (int i = 1; i < Math.min(cpu.length, 9); i++) { // user .. steal; guest time is in user already
                    all += Long.parseLong(cpu[i]);
                }
                return new long[] {all, Long.parseLong(cpu[4]) + Long.parseLong(cpu[5])};
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }

        /** CPU jiffies so far of the services run by deploy/local/start.sh and of all of PostgreSQL's processes. */
        private Map<String, Long> processTicks() {
            Map<String, Long> ticks = new LinkedHashMap<>();
            long postgres = 0;
            try (var processes = Files.list(Path.of("/proc"))) {
                for (Path process : processes.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
                    String stat = read(process.resolve("stat"));
                    if (stat.contains(" (postgres) ")) {
                        postgres += cpuTicks(stat);
                    }
                }
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            ticks.put("postgres", postgres);
            for (String process : PROCESSES) {
                try {
                    String pid = Files.readString(pids.resolve(process + ".pid")).trim();
                    ticks.put(process, cpuTicks(read(Path.of("/proc", pid, "stat"))));
                } catch (IOException e) {
                    // not running: left out
                }
            }
            ticks.put("bench", cpuTicks(read(Path.of("/proc/self/stat")))); // this JVM: load, watchers
            return ticks;
        }

        /** A process's stat, or "" when it has gone. */
        private static String read(Path stat) {
            try {
                return Files.readString(stat);
            } catch (IOException gone) {
                return "";
            }
        }

        /** utime + stime: the 14th and 15th fields, counted after the command's closing parenthesis. */
        private static long cpuTicks(String stat) {
            if (stat.isEmpty()) {
                return 0;
            }
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        }

        private long checkpoints() throws SQLException {
            try (ResultSet rows = db.createStatement()
                    .executeQuery("select checkpoints_timed + checkpoints_req from pg_stat_bgwriter")) {
                rows.next();
                return rows.getLong(1);
            }
        }

        @Override
        public void close() throws SQLException {
            running = false;
            sampler.interrupt();
            try {
                sampler.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            db.close();
        }
    }

    /** plan-service's consumer group on learning's events: how far behind the topic's end it has committed. */
    static final class Backlog implements AutoCloseable {
        private static final String TOPIC = "pd.learning.events";
        private static final String GROUP = "plan-service";
        private final Admin admin;

        Backlog(Settings settings) {
            admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, settings.kafka()));
        }

        /** {committed, end} summed over the topic's partitions. */
        long[] offsets() throws ExecutionException, InterruptedException {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(GROUP)
                    .partitionsToOffsetAndMetadata().get();
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            int partitions = admin.describeTopics(List.of(TOPIC)).allTopicNames().get().get(TOPIC).partitions().size();
            for (int p = 0; p < partitions; p++) {
                latest.put(new TopicPartition(TOPIC, p), OffsetSpec.latest());
            }
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(latest).all().get();
            long end = ends.values().stream().mapToLong(ListOffsetsResult.ListOffsetsResultInfo::offset).sum();
            long done = committed.entrySet().stream().filter(e -> e.getKey().topic().equals(TOPIC) && e.getValue() != null)
                    .mapToLong(e -> e.getValue().offset()).sum();
            return new long[] {done, end};
        }

        /** The group's consumers of the topic, each as "client id: partitions", by client id. */
        List<String> consumers() throws ExecutionException, InterruptedException {
            ConsumerGroupDescription group = admin.describeConsumerGroups(List.of(GROUP)).all().get().get(GROUP);
            return group.members().stream()
                    .map(member -> Map.entry(member.clientId(), member.assignment().topicPartitions().stream()
                            .filter(partition -> partition.topic().equals(TOPIC)).map(TopicPartition::partition)
                            .sorted().toList()))
                    .filter(member -> !member.getValue().isEmpty())
                    .map(member -> member.getKey() + ": " + member.getValue()).sorted().toList();
        }

        long lag() throws ExecutionException, InterruptedException {
            long[] offsets = offsets();
            return offsets[1] - offsets[0];
        }

        @Override
        public void close() {
            admin.close();
        }
    }

    /**
     * Polls plan-service's database every 20 ms: the ledger's changes feed (entries in commit order) for the
     * completions it was told of, and plans that were at a stage for whether they have left it.
     */
    static final class Ledger implements AutoCloseable {
        private final Connection db;
        private final Map<String, Long> awaited = new ConcurrentHashMap<>();
        private final Map<String, Long> seen = new ConcurrentHashMap<>();
        private final Map<String, Long> plansAwaited = new ConcurrentHashMap<>();
        private final Map<String, Long> plansMoved = new ConcurrentHashMap<>();
        private volatile boolean running = true;
        private long position;
        private final Thread poller;

        Ledger(Settings settings) throws SQLException {
            db = DriverManager.getConnection(settings.jdbc("pd_plan"), settings.pgUser(), settings.pgPassword());
            try (ResultSet end = db.createStatement().executeQuery("select coalesce(max(position), 0) from ledger_feed")) {
                end.next();
                position = end.getLong(1);
            }
            poller = new Thread(this::poll, "ledger-watch");
            poller.setDaemon(true);
            poller.start();
        }

        /** A completion accepted at {@code acceptedAt} (nanoTime): when does its entry show in the feed? */
        void await(String completionId, long acceptedAt) {
            awaited.put(completionId, acceptedAt);
        }

        /** A plan expected to leave its stage after {@code acceptedAt} (nanoTime). */
        void awaitPlan(String planId, long acceptedAt) {
            plansAwaited.put(planId, acceptedAt);
        }

        /** Delays from acceptance to the ledger entry in the feed, in nanoseconds (0 when it came first). */
        List<Long> ledgerDelays() {
            return delays(awaited, seen);
        }

        List<Long> planDelays() {
            return delays(plansAwaited, plansMoved);
        }

        int ledgerMissing() {
            return (int) awaited.keySet().stream().filter(ref -> !seen.containsKey(ref)).count();
        }

        int plansMissing() {
            return plansAwaited.size() - plansMoved.size();
        }

        private static List<Long> delays(Map<String, Long> from, Map<String, Long> to) {
            List<Long> delays = new ArrayList<>();
            from.forEach((key, start) -> {
                Long at = to.get(key);
                if (at != null) {
                    delays.add(Math.max(0, at - start));
                }
            });
            return delays;
        }

        private void poll() {
            try (PreparedStatement feed = db.prepareStatement("""
                    select f.position, l.source_ref from ledger_feed f join ledger_entry l on l.id = f.entry_id
                    where f.position > ? order by f.position limit 20000""");
                 PreparedStatement plans = db.prepareStatement(
                         "select cast(id as text) from plan where id = any(cast(? as uuid[])) and stage_name <> 'Learn'")) {
                while (running) {
                    feed.setLong(1, position);
                    try (ResultSet rows = feed.executeQuery()) {
                        long now = System.nanoTime();
                        while (rows.next()) {
                            position = rows.getLong(1);
                            // Every entry, awaited or not yet: the ledger may commit one before its POST's answer
                            // has been read here.
                            seen.putIfAbsent(rows.getString(2), now);
                        }
                    }
                    Set<String> pending = plansAwaited.keySet().stream().filter(id -> !plansMoved.containsKey(id))
                            .collect(Collectors.toSet());
                    if (!pending.isEmpty()) {
                        plans.setArray(1, db.createArrayOf("text", pending.toArray()));
                        try (ResultSet rows = plans.executeQuery()) {
                            long now = System.nanoTime();
                            while (rows.next()) {
                                plansMoved.putIfAbsent(rows.getString(1), now);
                            }
                        }
                    }
                    Thread.sleep(20);
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        boolean allSeen() {
            return ledgerMissing() == 0 && plansMoved.size() >= plansAwaited.size();
        }

        @Override
        public void close() throws SQLException {
            running = false;
            try {
                poller.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            db.close();
        }
    }
}
