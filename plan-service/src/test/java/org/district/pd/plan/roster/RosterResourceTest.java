package org.district.pd.plan.roster;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.district.pd.plan.TestRoster;
import org.district.pd.platform.testing.EventContracts;
import org.district.pd.platform.testing.KafkaTestClient;
import org.district.pd.platform.testing.Tokens;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

@QuarkusTest
class RosterResourceTest {

    private static final String TOPIC = "pd.roster.educators";
    private static final String UPSERTED = "pd.roster.educator.upserted.v1";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    Pool database;

    @Test
    void anImportStoresEducatorsAndPublishesTheirSnapshots() throws IOException {
        TestRoster roster = new TestRoster().school("north").school("south")
                .teacher("ann", "Avery", "north", "south")
                .teacher("ben", "Brooks", "north");
        roster.importAsAdmin().body("status", equalTo("completed")).body("format", equalTo("oneroster-1.1"))
                .body("mode.users", equalTo("delta")).body("mode.orgs", equalTo("delta"))
                .body("counts.read", equalTo(4)).body("counts.accepted", equalTo(4))
                .body("counts.rejected", equalTo(0)).body("counts.skipped", equalTo(0))
                .body("educators.changed", equalTo(2)).body("educators.deactivated", equalTo(0))
                .body("finishedAt", notNullValue()).body("error", nullValue());

        String ann = roster.educatorId("ann").toString();
        ConsumerRecord<String, String> record = KafkaTestClient.awaitRecord(TOPIC, found -> ann.equals(found.key()),
                Duration.ofSeconds(30));
        assertThat(KafkaTestClient.header(record, "ce_type")).isEqualTo(UPSERTED);
        assertThat(KafkaTestClient.header(record, "ce_source")).isEqualTo("/plan-service");
        assertThat(KafkaTestClient.header(record, "ce_subject")).isEqualTo(ann);
        assertThat(KafkaTestClient.header(record, "ce_specversion")).isEqualTo("1.0");
        assertThat(UUID.fromString(KafkaTestClient.header(record, "ce_id"))).isNotNull();
        assertThat(Instant.parse(KafkaTestClient.header(record, "ce_time"))).isBefore(Instant.now());
        assertThat(EventContracts.violations(UPSERTED, record.value())).isEmpty();

        JsonNode data = JSON.readTree(record.value());
        assertThat(data.get("sourcedId").asText()).isEqualTo(roster.sourcedId("ann"));
        assertThat(data.get("name").get("givenName").asText()).isEqualTo("Ann");
        assertThat(data.get("name").get("familyName").asText()).isEqualTo("Avery");
        assertThat(data.get("email").asText()).isEqualTo(roster.email("ann"));
        assertThat(texts(data.get("schoolIds"))).containsExactlyInAnyOrder(roster.schoolId("north").toString(),
                roster.schoolId("south").toString());
        assertThat(texts(data.get("roles"))).containsExactly("teacher");
        assertThat(texts(data.get("grades"))).containsExactly("05", "06");
        assertThat(data.get("careerStage").isNull()).isTrue();
        assertThat(data.get("active").asBoolean()).isTrue();
        assertThat(data.get("identifiers").get("sisId").asText()).isEqualTo("SIS-" + roster.sourcedId("ann"));
        assertThat(data.get("identifiers").get("username").asText()).isEqualTo(roster.sourcedId("ann"));
        assertThat(texts(data.get("identifiers").get("lmsAccounts"))).containsExactly("canvas:" + roster.sourcedId("ann"));
    }

    @Test
    void reImportingTheSameFilesChangesAndPublishesNothing() {
        TestRoster roster = new TestRoster().school("north").teacher("ann", "Avery", "north").teacher("ben", "Brooks", "north");
        roster.importAsAdmin().body("educators.changed", equalTo(2));
        assertThat(outboxRows(roster, "ann", "ben")).isEqualTo(2);

        roster.importAsAdmin().body("counts.accepted", equalTo(3)).body("educators.changed", equalTo(0));
        assertThat(outboxRows(roster, "ann", "ben")).isEqualTo(2);
    }

    @Test
    void aChangedOrDeactivatedEducatorIsPublishedAgain() throws IOException {
        TestRoster before = new TestRoster().school("north").teacher("ann", "Avery", "north");
        before.importAsAdmin().body("educators.changed", equalTo(1));

        TestRoster after = before.nextExport().user("ann", "tobedeleted", "true", "Avery", before.email("ann"), "north");
        after.importAsAdmin().body("educators.changed", equalTo(1));
        assertThat(outboxRows(before, "ann")).isEqualTo(2);

        String ann = before.educatorId("ann").toString();
        ConsumerRecord<String, String> deactivated = KafkaTestClient.awaitRecord(TOPIC,
                found -> ann.equals(found.key()) && found.value().contains("\"active\":false"), Duration.ofSeconds(30));
        assertThat(EventContracts.violations(UPSERTED, deactivated.value())).isEmpty();
        assertThat(JSON.readTree(deactivated.value()).get("email").asText()).isEqualTo(before.email("ann"));
        assertThat(activeInDatabase(before.educatorId("ann"))).isFalse();
    }

    @Test
    void aZippedRosterIsImportedLikeTheParts() throws IOException {
        TestRoster roster = new TestRoster().school("north").teacher("ann", "Avery", "north");
        byte[] zip = zip(roster.orgsCsv(), roster.usersCsv());
        String location = given().auth().oauth2(Tokens.user("grace")).contentType("application/zip").body(zip)
                .when().post(TestRoster.IMPORTS)
                .then().statusCode(202).extract().header("Location");
        TestRoster.awaitImport(location).body("status", equalTo("completed"))
                .body("counts.accepted", equalTo(2)).body("educators.changed", equalTo(1));
        assertThat(activeInDatabase(roster.educatorId("ann"))).isTrue();
    }

    @Test
    void badRowsAreReportedOneByOneAndTheRestIsImported() {
        TestRoster roster = new TestRoster().school("north")
                .teacher("ann", "Avery", "north")
                .teacher("uma", "Unknown", "nowhere-" + UUID.randomUUID())
                .teacher("nfn", "", "north")
                .user("bad", "active", "true", "Mail", "bad.at.schools.example", "north")
                .teacher("ann", "Again", "north");
        String student = roster.sourcedId("stu");
        roster.line(student + ",active,2026-08-01T00:00:00.000Z,true,lincoln-es,student,stu,,Stu,Dent,,,,,,,03,");

        ValidatableResponse finished = roster.importAsAdmin().body("status", equalTo("completed"))
                .body("counts.read", equalTo(7)).body("counts.accepted", equalTo(2))
                .body("counts.rejected", equalTo(4)).body("counts.skipped", equalTo(1));
        TestRoster.report(finished).body("total", equalTo(5))
                .body("items.line", contains(3, 4, 5, 6, 7))
                .body("items.status", contains("rejected", "rejected", "rejected", "rejected", "skipped"))
                .body("items.field", contains("orgSourcedIds", "familyName", "email", "sourcedId", null))
                .body("items.sourcedId", contains(roster.sourcedId("uma"), roster.sourcedId("nfn"), roster.sourcedId("bad"),
                        roster.sourcedId("ann"), student))
                .body("items.file", containsInAnyOrder("users.csv", "users.csv", "users.csv", "users.csv", "users.csv"))
                .body("items[0].reason", startsWith("unknown or inactive org"))
                .body("items[3].reason", equalTo("sourcedId appears twice in users.csv"))
                .body("items[4].reason", startsWith("role student is not staff"));
        assertThat(activeInDatabase(roster.educatorId("ann"))).isTrue();
        assertThat(activeInDatabase(roster.educatorId("uma"))).isNull();
    }

    @Test
    void columnsMayComeInAnyOrderWithExtraColumns() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String users = "email,familyName,favouriteColour,givenName,role,orgSourcedIds,sourcedId\r\n"
                + "zed-" + suffix + "@schools.example,Zimmer,green,Zed,teacher,lincoln-es,zed-" + suffix + "\r\n";
        String location = given().auth().oauth2(Tokens.user("grace"))
                .multiPart("orgs", "orgs.csv", (TestRoster.ORGS_HEADER + "\r\n"
                        + "lincoln-es,active,2026-08-01T00:00:00.000Z,Lincoln Elementary,school,DSD-0101,district-demo\r\n")
                        .getBytes(StandardCharsets.UTF_8), "text/csv")
                .multiPart("users", "users.csv", users.getBytes(StandardCharsets.UTF_8), "text/csv")
                .when().post(TestRoster.IMPORTS)
                .then().statusCode(202).extract().header("Location");
        TestRoster.awaitImport(location).body("counts.accepted", equalTo(2)).body("counts.rejected", equalTo(0));
        Row zed = database.preparedQuery("select * from educator where sourced_id = $1").execute(Tuple.of("zed-" + suffix))
                .await().indefinitely().iterator().next();
        assertThat(zed.getString("family_name")).isEqualTo("Zimmer");
        assertThat(zed.getString("given_name")).isEqualTo("Zed");
        assertThat(zed.getString("email")).isEqualTo("zed-" + suffix + "@schools.example");
    }

    @Test
    void aMissingFileOrColumnIsAProblemNamingIt() {
        TestRoster roster = new TestRoster().school("north").teacher("ann", "Avery", "north");
        given().auth().oauth2(Tokens.user("grace"))
                .multiPart("orgs", "orgs.csv", roster.orgsCsv().getBytes(StandardCharsets.UTF_8), "text/csv")
                .when().post(TestRoster.IMPORTS)
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", contains("users"));

        String withoutFamilyName = roster.usersCsv().replace(",familyName,", ",surname,");
        given().auth().oauth2(Tokens.user("grace"))
                .multiPart("users", "users.csv", withoutFamilyName.getBytes(StandardCharsets.UTF_8), "text/csv")
                .when().post(TestRoster.IMPORTS)
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", contains("users.familyName"));

        given().auth().oauth2(Tokens.user("grace")).contentType("application/zip").body(zip(roster.orgsCsv(), null))
                .when().post(TestRoster.IMPORTS)
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", contains("users"));
        assertThat(activeInDatabase(roster.educatorId("ann"))).isNull();
    }

    @Test
    void onlyDistrictAdminsImport() {
        TestRoster roster = new TestRoster().school("north").teacher("ann", "Avery", "north");
        given().multiPart("users", "users.csv", roster.usersCsv().getBytes(StandardCharsets.UTF_8), "text/csv")
                .when().post(TestRoster.IMPORTS).then().statusCode(401);
        for (String token : List.of(Tokens.user("alice"), Tokens.user("henry"), Tokens.hrConnector())) {
            given().auth().oauth2(token)
                    .multiPart("users", "users.csv", roster.usersCsv().getBytes(StandardCharsets.UTF_8), "text/csv")
                    .when().post(TestRoster.IMPORTS)
                    .then().statusCode(403).contentType("application/problem+json");
        }
        assertThat(activeInDatabase(roster.educatorId("ann"))).isNull();
    }

    private long outboxRows(TestRoster roster, String... names) {
        String[] keys = Arrays.stream(names).map(name -> roster.educatorId(name).toString()).toArray(String[]::new);
        return database.preparedQuery("select count(*) from outbox_event where topic = $1 and event_key = any($2)")
                .execute(Tuple.of(TOPIC, keys)).await().indefinitely().iterator().next().getLong(0);
    }

    private Boolean activeInDatabase(UUID educatorId) {
        var rows = database.preparedQuery("select active from educator where id = $1").execute(Tuple.of(educatorId))
                .await().indefinitely();
        return rows.size() == 0 ? null : rows.iterator().next().getBoolean(0);
    }

    private static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }

    private static byte[] zip(String orgs, String users) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("roster/orgs.csv"));
            zip.write(orgs.getBytes(StandardCharsets.UTF_8));
            if (users != null) {
                zip.putNextEntry(new ZipEntry("roster/users.csv"));
                zip.write(users.getBytes(StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return bytes.toByteArray();
    }
}
