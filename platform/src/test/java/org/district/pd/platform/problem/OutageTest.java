package org.district.pd.platform.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.JsonParseException;

import io.vertx.core.impl.NoStackTraceThrowable;
import io.vertx.pgclient.PgException;

class OutageTest {

    @Test
    void aLostOrClosedConnectionIsAnOutage() {
        assertThat(Outage.causedBy(new PgException("terminating connection", "FATAL", "57P01", null))).isTrue();
        assertThat(Outage.causedBy(new IllegalStateException("wrapped", new ConnectException("refused")))).isTrue();
        // What Vert.x's pool answers while the service shuts down.
        assertThat(Outage.causedBy(new NoStackTraceThrowable("Pool closed"))).isTrue();
    }

    @Test
    void aFailureThatRepeatsIsNot() {
        assertThat(Outage.causedBy(new PgException("duplicate key", "ERROR", "23505", null))).isFalse();
        assertThat(Outage.causedBy(new JsonParseException(null, "Unexpected character"))).isFalse();
        assertThat(Outage.causedBy(new NoStackTraceThrowable("Unexpected item"))).isFalse();
    }
}
