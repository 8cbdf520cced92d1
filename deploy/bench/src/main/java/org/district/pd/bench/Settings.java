package org.district.pd.bench;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What one run of the system benchmark does, from its preset ({@code small} for development, {@code full} for the
 * committed report), flags ({@code --name=value}) and the runtime's environment (deploy/local/.run/env).
 */
record Settings(String preset, Path out, String gateway, String keycloak, String kafka, String pgHost, int pgPort,
                String pgUser, String pgPassword, int teachers, int warmUpSeconds, int rampStepSeconds,
                List<Integer> rampRates, List<Integer> xapiRates, int batchSize, int maxInFlight, int endToEndSeconds,
                int endToEndWarmUpSeconds,
                int backfill, int backfillClients, int rawKafkaRecords, int rawPgRows, int drainTimeoutSeconds,
                List<String> phases, int endToEndRate, int scaleOut, boolean inCycle) {

    static Settings of(Map<String, String> flags) {
        String preset = flags.getOrDefault("preset", env("BENCH_PRESET", "small"));
        boolean full = switch (preset) {
            case "full" -> true;
            case "small" -> false;
            default -> throw new IllegalArgumentException("--preset is small or full, not " + preset);
        };
        return new Settings(preset, Path.of(flags.getOrDefault("out", "deploy/bench/results/latest")),
                env("PD_GATEWAY_URL", "http://localhost:8080"), env("PD_KEYCLOAK_URL", "http://localhost:8180"),
                env("PD_KAFKA_BOOTSTRAP", "127.0.0.1:9092"), env("PD_PG_HOST", "localhost"),
                Integer.parseInt(env("PD_PG_PORT", "5432")), env("PD_PG_USER", "pd"), env("PD_PG_PASSWORD", "pd"),
                integer(flags, "teachers", full ? 75_654 : 2_000), integer(flags, "warm-up-seconds", 5),
                integer(flags, "step-seconds", full ? 30 : 8),
                rates(flags, "rates", full ? "250,500,750,1000,1500,2000,3000,4000,5000,6000" : "500,1000,2000"),
                rates(flags, "xapi-rates", full ? "100,250,500,1000,2000,3000,5000" : "250,500,1000"),
                integer(flags, "batch-size", 100), integer(flags, "max-in-flight", 256),
                integer(flags, "e2e-seconds", full ? 60 : 15), integer(flags, "e2e-warm-up-seconds", full ? 20 : 5),
                integer(flags, "backfill", full ? 1_000_000 : 20_000),
                integer(flags, "backfill-clients", 8), integer(flags, "raw-kafka-records", full ? 1_000_000 : 200_000),
                integer(flags, "raw-pg-rows", full ? 1_000_000 : 200_000),
                integer(flags, "drain-timeout", full ? 3600 : 600),
                List.of(flags.getOrDefault("phases", env("BENCH_PHASES", "ingest,xapi,e2e,backfill")).split(",")),
                integer(flags, "e2e-rate", 500), integer(flags, "scale-out", full ? 200_000 : 5_000),
                switch (flags.getOrDefault("dated", env("BENCH_DATED", "history"))) {
                    case "history" -> false;
                    case "cycle" -> true;
                    default -> throw new IllegalArgumentException("--dated is history or cycle");
                });
    }

    String jdbc(String database) {
        return "jdbc:postgresql://" + pgHost + ":" + pgPort + "/" + database;
    }

    /** The generated district's teachers (deploy/bench/roster.sh): nyc-t000001@nyc.example onwards. */
    String teacherEmail(int n) {
        return String.format("nyc-t%06d@nyc.example", n + 1);
    }

    static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    private static int integer(Map<String, String> flags, String name, int fallback) {
        String value = flags.getOrDefault(name, env("BENCH_" + name.toUpperCase().replace('-', '_'), null));
        return value == null ? fallback : Integer.parseInt(value.replace("_", "").replace(",", ""));
    }

    private static List<Integer> rates(Map<String, String> flags, String name, String fallback) {
        String value = flags.getOrDefault(name, env("BENCH_" + name.toUpperCase().replace('-', '_'), fallback));
        return Arrays.stream(value.split("[ ,]+")).map(Integer::parseInt).collect(Collectors.toList());
    }
}
