package org.district.pd.credentials;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;

import org.district.pd.platform.testing.Tokens;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;

/** The service starts on its own database, migrations, broker and security, before it has any feature. */
@QuarkusTest
class ServiceFoundationTest {

    @Inject
    Pool pool;

    @Test
    void readinessIsUpWithTheDatabaseAndKafkaChecked() {
        given().when().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItems("Reactive PostgreSQL connections health check",
                        "Database connections health check", "Kafka connection health check"));
    }

    @Test
    void theApiNeedsAToken() {
        given().when().get("/api/v1/credentials/anything").then().statusCode(401);
    }

    @Test
    void anUnknownApiPathWithAValidTokenIsA404Problem() {
        given().auth().oauth2(Tokens.user("alice")).header("X-Correlation-Id", "corr-credentials-404")
                .when().get("/api/v1/credentials/anything")
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404))
                .body("correlationId", equalTo("corr-credentials-404"));
    }

    @Test
    void thePlatformOutboxAndInboxTablesAreMigrated() {
        List<String> tables = new ArrayList<>();
        for (Row row : pool.query("""
                select table_name from information_schema.tables
                where table_schema = current_schema() and table_name in ('outbox_event', 'inbox_event')
                order by table_name""").execute().await().indefinitely()) {
            tables.add(row.getString("table_name"));
        }
        assertThat(tables).containsExactly("inbox_event", "outbox_event");
    }
}
