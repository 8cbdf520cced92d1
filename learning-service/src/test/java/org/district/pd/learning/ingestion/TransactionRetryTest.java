package org.district.pd.learning.ingestion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import io.smallrye.mutiny.Uni;
import io.vertx.pgclient.PgException;

class TransactionRetryTest {

    @Test
    void aDeadlockOrSerializationFailureRunsTheTransactionAgain() {
        AtomicInteger attempts = new AtomicInteger();
        String result = TransactionRetry.<String>retrying(() -> switch (attempts.incrementAndGet()) {
            case 1 -> Uni.createFrom().failure(new IllegalStateException("wrapped", pg("40P01")));
            case 2 -> Uni.createFrom().failure(pg("40001"));
            default -> Uni.createFrom().item("committed");
        }).await().atMost(Duration.ofSeconds(10));

        assertThat(result).isEqualTo("committed");
        assertThat(attempts).hasValue(3);
    }

    @Test
    void otherFailuresAreNotRetried() {
        AtomicInteger attempts = new AtomicInteger();
        assertThatThrownBy(() -> TransactionRetry.<String>retrying(() -> {
            attempts.incrementAndGet();
            return Uni.createFrom().failure(pg("23505"));
        }).await().atMost(Duration.ofSeconds(10))).isInstanceOf(PgException.class);
        assertThat(attempts).hasValue(1);
    }

    @Test
    void retriesAreBounded() {
        AtomicInteger attempts = new AtomicInteger();
        assertThatThrownBy(() -> TransactionRetry.<String>retrying(() -> {
            attempts.incrementAndGet();
            return Uni.createFrom().failure(pg("40P01"));
        }).await().atMost(Duration.ofSeconds(10))).isInstanceOf(PgException.class);
        assertThat(attempts).hasValue(1 + TransactionRetry.RETRIES);
    }

    private static PgException pg(String sqlState) {
        return new PgException("aborted", "ERROR", sqlState, null);
    }
}
