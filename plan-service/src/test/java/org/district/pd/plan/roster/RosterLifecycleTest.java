package org.district.pd.plan.roster;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.startsWith;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import jakarta.inject.Inject;

import org.district.pd.plan.LearningEvents;
import org.district.pd.plan.TestRoster;
import org.district.pd.platform.testing.KafkaTestClient;
import org.district.pd.platform.testing.Tokens;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/** The roster over time: bulk and delta imports, deactivation and reactivation, one import at a time, crashes. */
@QuarkusTest
class RosterLifecycleTest {

    private static final String REPORT = "/api/v1/plans/reports/credit-hours";

    @Inject
    Pool database;

    @Inject
    RosterImportService roster;

    @Test
    void aBulkImportDeactivatesTheAbsentWhoKeepTheirHistoryAndALaterOneReactivatesThem() {
        TestRoster first = new TestRoster().school("north")
                .teacher("ann", "Avery", "north").teacher("ben", "Brooks", "north").bulk();
        first.importAsAdmin().body("status", equalTo("completed")).body("mode.users", equalTo("bulk"))
                .body("mode.orgs", equalTo("bulk"));
        UUID ben = first.educatorId("ben");
        LearningEvents.send(LearningEvents.completion(ben, "3.00", "COURSEWORK", Instant.now().minus(Duration.ofDays(1))));
        awaitLedgerEntries(ben, 1);

        // Ann's row has a typo this time: rejected, she stays as she was; Ben is not in the file at all.
        TestRoster withoutBen = first.nextExport().user("ann", "active", "true", "Avery", "ann-at-nowhere", "north").bulk();
        withoutBen.importAsAdmin().body("status", equalTo("completed")).body("counts.rejected", equalTo(1))
                .body("educators.deactivated", greaterThanOrEqualTo(1)).body("educators.changed", equalTo(0));
        Row benRow = educator(ben);
        assertThat(benRow.getBoolean("active")).isFalse();
        assertThat(benRow.getOffsetDateTime("deactivated_at")).isNotNull();
        assertThat(educator(first.educatorId("ann")).getBoolean("active")).isTrue();
        assertThat(KafkaTestClient.awaitRecord("pd.roster.educators", found -> ben.toString().equals(found.key())
                && found.value().contains("\"active\":false"), Duration.ofSeconds(30))).isNotNull();

        // Reports keep him for periods that began before he left, and only those; his ledger stays whole.
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        assertThat(reportedEducators(first, today.minusDays(7), today)).contains(ben.toString());
        assertThat(reportedEducators(first, today.plusDays(1), today.plusDays(30))).doesNotContain(ben.toString())
                .contains(first.educatorId("ann").toString());
        assertThat(ledgerEntries(ben)).isEqualTo(1);

        TestRoster benBack = first.nextExport().teacher("ann", "Avery", "north").teacher("ben", "Brooks", "north").bulk();
        benBack.importAsAdmin().body("status", equalTo("completed")).body("educators.changed", equalTo(1));
        assertThat(educator(ben).getBoolean("active")).isTrue();
        assertThat(educator(ben).getOffsetDateTime("deactivated_at")).isNull();
        assertThat(reportedEducators(first, today.plusDays(1), today.plusDays(30))).contains(ben.toString());
    }

    @Test
    void aBulkImportDeactivatesTheOrgsItDoesNotList() {
        TestRoster first = new TestRoster().school("north").school("south").teacher("ann", "Avery", "north").bulk();
        first.importAsAdmin().body("status", equalTo("completed"));
        TestRoster second = first.nextExportWithOrgs("north").teacher("ann", "Avery", "north").bulk();
        second.importAsAdmin().body("status", equalTo("completed")).body("orgs.deactivated", greaterThanOrEqualTo(1));
        assertThat(orgStatus(first.schoolId("south"))).isEqualTo("inactive");
        assertThat(orgStatus(first.schoolId("north"))).isEqualTo("active");
    }

    @Test
    void aDeltaImportTouchesOnlyItsOwnRows() {
        TestRoster first = new TestRoster().school("north")
                .teacher("ann", "Avery", "north").teacher("ben", "Brooks", "north");
        first.importAsAdmin().body("status", equalTo("completed")).body("mode.users", equalTo("delta"));
        TestRoster delta = first.nextExport().teacher("ann", "Avery-Lee", "north");
        delta.importAsAdmin().body("status", equalTo("completed")).body("educators.changed", equalTo(1))
                .body("educators.deactivated", equalTo(0)).body("orgs.deactivated", equalTo(0));
        assertThat(educator(first.educatorId("ann")).getString("family_name")).isEqualTo("Avery-Lee");
        assertThat(educator(first.educatorId("ben")).getBoolean("active")).isTrue();
    }

    @Test
    void aSecondImportWhileOneRunsIsAConflictNamingIt() {
        UUID running = UUID.randomUUID();
        insertRunningImport(running, Instant.now());
        try {
            new TestRoster().school("north").teacher("ann", "Avery", "north").postAsAdmin()
                    .statusCode(409).contentType("application/problem+json")
                    .body("detail", startsWith("Roster import " + running + " is still running"));
        } finally {
            database.preparedQuery("update roster_import set status = 'completed' where id = $1")
                    .execute(Tuple.of(running)).await().indefinitely();
        }
    }

    @Test
    void anImportWhoseRunnerStoppedIsMarkedFailedAndTheSameFilesImportAgain() {
        UUID interrupted = UUID.randomUUID();
        insertRunningImport(interrupted, Instant.now().minus(Duration.ofMinutes(10)));
        TestRoster roster = new TestRoster().school("north").teacher("ann", "Avery", "north");
        roster.importAsAdmin().body("status", equalTo("completed"));
        given().auth().oauth2(Tokens.user("grace")).when().get(TestRoster.IMPORTS + "/" + interrupted)
                .then().statusCode(200).body("status", equalTo("failed"))
                .body("error", startsWith("interrupted: plan-service stopped while this import ran"));
        roster.importAsAdmin().body("status", equalTo("completed")).body("educators.changed", equalTo(0));
    }

    @Test
    void aOneRoster12BundleReadsRolesWithTheirDatesSecondaryRolesAndProfiles() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String north = "north-" + tag;
        String south = "south-" + tag;
        String orgs = TestRoster.ORGS_HEADER + "\r\n"
                + north + ",active,2026-08-01T00:00:00.000Z,North School,school,,district-demo\r\n"
                + south + ",active,2026-08-01T00:00:00.000Z,South School,school,,district-demo\r\n";
        String users = "\uFEFFsourcedId,status,enabledUser,username,userIds,givenName,familyName,email,grades,"
                + "primaryOrgSourcedId\r\n"
                + "t-" + tag + ",active,true,tess,\"{LDAP:12},{SIS:99}\",Tess,\"Ng, Jr\",tess-" + tag + "@schools.example,"
                + "\"09,10\"," + north + "\r\n"
                + "s-" + tag + ",active,true,stu,,Stu,Dent,,03," + north + "\r\n"
                + "x-" + tag + ",active,true,xan,,Xan,Roleless,,," + north + "\r\n";
        String roles = "sourcedId,status,dateLastModified,userSourcedId,roleType,role,beginDate,endDate,orgSourcedId,"
                + "userProfileSourcedId\r\n"
                + "r1-" + tag + ",active,,t-" + tag + ",primary,teacher,2020-08-01,," + north + ",\r\n"
                + "r2-" + tag + ",active,,t-" + tag + ",secondary,aide,2020-08-01,2099-06-30," + south + ",\r\n"
                + "r3-" + tag + ",active,,t-" + tag + ",secondary,teacher,2019-08-01,2020-06-30,district-demo,\r\n"
                + "r4-" + tag + ",active,,s-" + tag + ",primary,student,,," + north + ",\r\n"
                + "r5-" + tag + ",active,,gone-" + tag + ",primary,teacher,,," + north + ",\r\n"
                + "r6-" + tag + ",active,,t-" + tag + ",primary,teacher,2026-02-30,," + north + ",\r\n";
        String profiles = "sourcedId,status,dateLastModified,userSourcedId,profileType,vendorId,applicationId,"
                + "description,credentialType,username,password\r\n"
                + "p1-" + tag + ",active,,t-" + tag + ",lms,canvas,,,,tng,\r\n";
        String manifest = "propertyName,value\r\nmanifest.version,1.0\r\noneroster.version,1.2\r\nfile.orgs,delta\r\n"
                + "file.users,delta\r\nfile.roles,bulk\r\nfile.userProfiles,delta\r\nfile.classes,absent\r\n";
        String location = given().auth().oauth2(Tokens.user("grace"))
                .multiPart("manifest", "manifest.csv", manifest.getBytes(StandardCharsets.UTF_8), "text/csv")
                .multiPart("orgs", "orgs.csv", orgs.getBytes(StandardCharsets.UTF_8), "text/csv")
                .multiPart("users", "users.csv", users.getBytes(StandardCharsets.UTF_8), "text/csv")
                .multiPart("roles", "roles.csv", roles.getBytes(StandardCharsets.UTF_8), "text/csv")
                .multiPart("userProfiles", "userProfiles.csv", profiles.getBytes(StandardCharsets.UTF_8), "text/csv")
                .when().post(TestRoster.IMPORTS).then().statusCode(202).extract().header("Location");
        ValidatableResponse finished = TestRoster.awaitImport(location).body("status", equalTo("completed"))
                .body("format", equalTo("oneroster-1.2")).body("educators.changed", equalTo(1));
        TestRoster.report(finished)
                .body("items.file", contains("roles.csv", "roles.csv", "users.csv", "users.csv"))
                .body("items.line", contains(6, 7, 3, 4))
                .body("items.field", contains("userSourcedId", "beginDate", null, "roles"))
                .body("items.status", contains("rejected", "rejected", "skipped", "rejected"))
                .body("items[0].reason", equalTo("user gone-" + tag + " is neither in users.csv nor in the directory"))
                .body("items[2].reason", equalTo("role student is not staff; only educators are imported"));

        Row tess = educator(RosterIds.educatorId("t-" + tag));
        assertThat(tess.getString("family_name")).isEqualTo("Ng, Jr");
        assertThat(tess.getArrayOfStrings("roles")).containsExactly("teacher", "aide");
        assertThat(tess.getArrayOfStrings("lms_accounts")).containsExactly("LDAP:12", "SIS:99", "canvas:tng");
        assertThat(tess.getArrayOfStrings("grades")).containsExactly("09", "10");
        assertThat(schools(RosterIds.educatorId("t-" + tag)))
                .containsExactlyInAnyOrder(RosterIds.orgId(north), RosterIds.orgId(south));
    }

    @Test
    void aDeltaOfRolesAloneChangesTheRolesOfEducatorsTheDirectoryHasRoleByRole() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String north = "north-" + tag;
        String south = "south-" + tag;
        String teacher = "t-" + tag;
        String orgs = TestRoster.ORGS_HEADER + "\n" + north + ",active,,North School,school,,\n"
                + south + ",active,,South School,school,,\n";
        String users = "sourcedId,givenName,familyName,email\n" + teacher + ",Tess,Ng,tess-" + tag + "@schools.example\n";
        String roles = "sourcedId,userSourcedId,roleType,role,beginDate,endDate,orgSourcedId\n"
                + "r1-" + tag + "," + teacher + ",primary,teacher,2020-08-01,," + north + "\n"
                + "r2-" + tag + "," + teacher + ",secondary,aide,2020-08-01,," + south + "\n";
        post12(delta("orgs", "users", "roles"), Map.of("orgs", orgs, "users", users, "roles", roles))
                .body("status", equalTo("completed")).body("educators.changed", equalTo(1));
        UUID tess = RosterIds.educatorId(teacher);
        assertThat(educator(tess).getArrayOfStrings("roles")).containsExactly("teacher", "aide");

        // Next: no users.csv at all. r2 ends, r3 is new; a role of someone nobody rostered is reported.
        String change = "sourcedId,status,userSourcedId,roleType,role,beginDate,endDate,orgSourcedId\n"
                + "r2-" + tag + ",tobedeleted," + teacher + ",secondary,aide,,," + south + "\n"
                + "r3-" + tag + ",active," + teacher + ",secondary,principal,2020-08-01,," + north + "\n"
                + "r4-" + tag + ",active,nobody-" + tag + ",primary,teacher,,," + north + "\n";
        ValidatableResponse changed = post12(delta("roles"), Map.of("roles", change))
                .body("status", equalTo("completed")).body("mode.users", equalTo("absent"))
                .body("counts.read", equalTo(3)).body("counts.accepted", equalTo(2))
                .body("counts.rejected", equalTo(1)).body("educators.changed", equalTo(1));
        TestRoster.report(changed).body("items.line", contains(4)).body("items.field", contains("userSourcedId"))
                .body("items[0].reason", equalTo("user nobody-" + tag + " is neither in users.csv nor in the directory"));
        Row after = educator(tess);
        assertThat(after.getArrayOfStrings("roles")).containsExactly("teacher", "principal");
        assertThat(after.getString("email")).as("kept from the users.csv row imported before")
                .isEqualTo("tess-" + tag + "@schools.example");
        assertThat(schools(tess)).containsExactly(RosterIds.orgId(north));
        assertThat(KafkaTestClient.awaitRecord("pd.roster.educators", found -> tess.toString().equals(found.key())
                && found.value().contains("\"principal\""), Duration.ofSeconds(30))).isNotNull();

        // Deleting the roles left leaves her in the directory, inactive, with her history.
        String last = "sourcedId,status,userSourcedId,role,orgSourcedId\n"
                + "r1-" + tag + ",tobedeleted," + teacher + ",teacher," + north + "\n"
                + "r3-" + tag + ",tobedeleted," + teacher + ",principal," + north + "\n";
        post12(delta("roles"), Map.of("roles", last)).body("status", equalTo("completed"))
                .body("educators.changed", equalTo(1));
        assertThat(educator(tess).getBoolean("active")).isFalse();
        assertThat(educator(tess).getArrayOfStrings("roles")).isEmpty();
    }

    @Test
    void aBundleWhoseUsersFileIsWholeKeepsNoOneItLeftOutThroughTheirRoles() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String north = "north-" + tag;
        String orgs = TestRoster.ORGS_HEADER + "\n" + north + ",active,,North School,school,,\n";
        String roles = "sourcedId,userSourcedId,role,orgSourcedId\nr1-" + tag + ",ann-" + tag + ",teacher," + north
                + "\nr2-" + tag + ",ben-" + tag + ",teacher," + north + "\n";
        post12(delta("orgs", "users", "roles"), Map.of("orgs", orgs, "roles", roles, "users",
                "sourcedId,givenName,familyName\nann-" + tag + ",Ann,Avery\nben-" + tag + ",Ben,Brooks\n"))
                .body("status", equalTo("completed")).body("educators.changed", equalTo(2));

        String whole = "propertyName,value\noneroster.version,1.2\nfile.orgs,delta\nfile.users,bulk\nfile.roles,bulk\n";
        ValidatableResponse withoutBen = post12(whole, Map.of("orgs", orgs, "roles", roles, "users",
                "sourcedId,givenName,familyName\nann-" + tag + ",Ann,Avery\n"))
                .body("status", equalTo("completed")).body("educators.deactivated", greaterThanOrEqualTo(1));
        TestRoster.report(withoutBen).body("items.file", contains("roles.csv")).body("items.line", contains(3))
                .body("items[0].reason", equalTo("user ben-" + tag + " is not in users.csv, which this bundle declares "
                        + "whole"));
        assertThat(educator(RosterIds.educatorId("ben-" + tag)).getBoolean("active")).isFalse();
        assertThat(educator(RosterIds.educatorId("ann-" + tag)).getBoolean("active")).isTrue();
    }

    @Test
    void aRoleCountsFromItsBeginDateThroughItsEndDateWithoutAnImportOnThoseDays() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        String north = "north-" + tag;
        String users = "sourcedId,givenName,familyName\nleaving-" + tag + ",Lee,Leaving\ncoming-" + tag + ",Cam,Coming\n";
        String roles = "sourcedId,userSourcedId,role,beginDate,endDate,orgSourcedId\n"
                + "r1-" + tag + ",leaving-" + tag + ",teacher,2020-08-01," + today + "," + north + "\n"
                + "r2-" + tag + ",coming-" + tag + ",teacher," + today.plusDays(1) + ",," + north + "\n";
        post12(delta("orgs", "users", "roles"), Map.of("orgs", TestRoster.ORGS_HEADER + "\n" + north
                + ",active,,North School,school,,\n", "users", users, "roles", roles)).body("status", equalTo("completed"));
        UUID leaving = RosterIds.educatorId("leaving-" + tag);
        UUID coming = RosterIds.educatorId("coming-" + tag);
        assertThat(educator(leaving).getBoolean("active")).as("her role ends today, so counts today").isTrue();
        assertThat(educator(coming).getBoolean("active")).as("his begins tomorrow").isFalse();
        try {
            UUID job = roster.evaluateRoleDates(today.plusDays(1)).await().indefinitely().orElseThrow();
            TestRoster.awaitImport(TestRoster.IMPORTS + "/" + job).body("status", equalTo("completed"))
                    .body("format", equalTo("role-dates")).body("educators.changed", greaterThanOrEqualTo(2));
            assertThat(educator(leaving).getBoolean("active")).isFalse();
            assertThat(educator(leaving).getArrayOfStrings("roles")).isEmpty();
            assertThat(educator(coming).getBoolean("active")).isTrue();
            assertThat(educator(coming).getArrayOfStrings("roles")).containsExactly("teacher");
            assertThat(schools(coming)).containsExactly(RosterIds.orgId(north));
            assertThat(KafkaTestClient.awaitRecord("pd.roster.educators", found -> coming.toString().equals(found.key())
                    && found.value().contains("\"active\":true"), Duration.ofSeconds(30))).isNotNull();
            assertThat(roster.evaluateRoleDates(today.plusDays(1)).await().indefinitely())
                    .as("that day is done").isEmpty();
        } finally {
            database.preparedQuery("update roster_role_clock set evaluated_through = $1").execute(Tuple.of(today))
                    .await().indefinitely();
        }
    }

    @Test
    void anSisExportWithTheSmallErrorsRealOnesHaveImportsWhatCanBeReadAndReportsTheRest() throws IOException {
        // Shaped like third-party 1.2 bundles: CRLF, a BOM, no final line break, misspelt and unnamed columns, short
        // rows, d/m/yyyy dates, TRUE, blank manifest modes, a lower-case userprofiles.csv listed as blank, a
        // department whose parent is not in the file, an ended role, and files this service does not read.
        String tag = UUID.randomUUID().toString().substring(0, 8);
        byte[] zip = zipOf(Path.of("src/test/resources/roster/sis-export"), "Riverbend Export 2026/",
                text -> text.replace("sx-", "sx" + tag + "-"));
        String location = given().auth().oauth2(Tokens.user("grace")).contentType("application/zip").body(zip)
                .when().post(TestRoster.IMPORTS).then().statusCode(202).extract().header("Location");
        ValidatableResponse finished = TestRoster.awaitImport(location).body("status", equalTo("completed"))
                .body("format", equalTo("oneroster-1.2")).body("mode.users", equalTo("bulk"))
                .body("counts.read", equalTo(3 + 8 + 6)).body("counts.rejected", equalTo(3))
                .body("counts.skipped", equalTo(1)).body("educators.changed", equalTo(3));
        TestRoster.report(finished)
                .body("items.file", contains("roles.csv", "users.csv", "users.csv", "users.csv"))
                .body("items.line", contains(5, 4, 5, 7))
                .body("items.field", contains("beginDate", "roles", "email", null))
                .body("items.status", contains("rejected", "rejected", "rejected", "skipped"));

        Row nia = educator(RosterIds.educatorId("sx" + tag + "-t1"));
        assertThat(nia.getString("family_name")).isEqualTo("Okafor, Jr.");
        assertThat(nia.getArrayOfStrings("roles")).containsExactly("teacher", "aide");
        assertThat(nia.getArrayOfStrings("lms_accounts")).containsExactly("LDAP:12", "LTI:15");
        assertThat(nia.getArrayOfStrings("grades")).containsExactly("09", "10", "11");
        assertThat(schools(RosterIds.educatorId("sx" + tag + "-t1")))
                .as("a department is not a school").containsExactly(RosterIds.orgId("sx" + tag + "-high"));
        Row luis = educator(RosterIds.educatorId("sx" + tag + "-t2"));
        assertThat(luis.getBoolean("active")).as("his only role ended in 2025").isFalse();
        assertThat(educator(RosterIds.educatorId("sx" + tag + "-a1")).getArrayOfStrings("roles"))
                .containsExactly("siteAdministrator");
        assertThat(orgStatus(RosterIds.orgId("sx" + tag + "-science"))).isEqualTo("active");
    }

    private static String delta(String... parts) {
        StringBuilder manifest = new StringBuilder("propertyName,value\nmanifest.version,1.0\noneroster.version,1.2\n");
        for (String part : List.of("orgs", "users", "roles", "userProfiles")) {
            manifest.append("file.").append(part).append(',')
                    .append(List.of(parts).contains(part) ? "delta" : "absent").append('\n');
        }
        return manifest.toString();
    }

    private static ValidatableResponse post12(String manifest, Map<String, String> files) {
        var request = given().auth().oauth2(Tokens.user("grace"))
                .multiPart("manifest", "manifest.csv", manifest.getBytes(StandardCharsets.UTF_8), "text/csv");
        files.forEach((part, csv) -> request.multiPart(part, part + ".csv", csv.getBytes(StandardCharsets.UTF_8),
                "text/csv"));
        return TestRoster.awaitImport(request.when().post(TestRoster.IMPORTS).then().statusCode(202)
                .extract().header("Location"));
    }

    /** The files of {@code folder} zipped into {@code prefix}, each rewritten by {@code edit}. */
    private static byte[] zipOf(Path folder, String prefix, UnaryOperator<String> edit) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes); Stream<Path> files = Files.list(folder)) {
            for (Path file : files.sorted().toList()) {
                zip.putNextEntry(new ZipEntry(prefix + file.getFileName()));
                zip.write(edit.apply(Files.readString(file, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8));
            }
        }
        return bytes.toByteArray();
    }

    @Test
    void importsAreForDistrictAdminsOnly() {
        String someImport = TestRoster.IMPORTS + "/" + UUID.randomUUID();
        for (String path : List.of(TestRoster.IMPORTS, someImport, someImport + "/rows")) {
            given().when().get(path).then().statusCode(401);
            for (String token : List.of(Tokens.user("alice"), Tokens.user("henry"), Tokens.user("frank"))) {
                given().auth().oauth2(token).when().get(path).then().statusCode(403)
                        .contentType("application/problem+json");
            }
        }
        given().auth().oauth2(Tokens.user("grace")).when().get(someImport).then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(Tokens.user("grace")).when().get(TestRoster.IMPORTS + "/not-a-uuid").then()
                .statusCode(400).body("violations.field", contains("id"));
        given().auth().oauth2(Tokens.user("grace")).queryParam("size", 0).when().get(TestRoster.IMPORTS).then()
                .statusCode(400).body("violations.field", contains("size"));
    }

    private void insertRunningImport(UUID id, Instant heartbeat) {
        database.preparedQuery("""
                insert into roster_import (id, status, format, users_mode, orgs_mode, started_at, heartbeat_at)
                values ($1, 'running', 'oneroster-1.1', 'delta', 'delta', $2, $2)""")
                .execute(Tuple.of(id, heartbeat.atOffset(ZoneOffset.UTC))).await().indefinitely();
    }

    private List<String> reportedEducators(TestRoster roster, LocalDate from, LocalDate to) {
        return given().auth().oauth2(Tokens.hrConnector()).queryParam("from", from.toString())
                .queryParam("to", to.toString()).queryParam("schoolId", roster.schoolId("north").toString())
                .queryParam("size", 500).when().get(REPORT).then().statusCode(200)
                .extract().jsonPath().getList("educators.educatorId", String.class);
    }

    private Row educator(UUID id) {
        return database.preparedQuery("select * from educator where id = $1").execute(Tuple.of(id))
                .await().indefinitely().iterator().next();
    }

    private List<UUID> schools(UUID educatorId) {
        return database.preparedQuery("select school_id from educator_school where educator_id = $1")
                .execute(Tuple.of(educatorId)).await().indefinitely().stream().map(row -> row.getUUID(0)).toList();
    }

    private String orgStatus(UUID id) {
        return database.preparedQuery("select status from org where id = $1").execute(Tuple.of(id))
                .await().indefinitely().iterator().next().getString(0);
    }

    private long ledgerEntries(UUID educatorId) {
        return database.preparedQuery("select count(*) from ledger_entry where educator_id = $1")
                .execute(Tuple.of(educatorId)).await().indefinitely().iterator().next().getLong(0);
    }

    private void awaitLedgerEntries(UUID educatorId, long expected) {
        Instant deadline = Instant.now().plus(30, ChronoUnit.SECONDS);
        while (ledgerEntries(educatorId) < expected) {
            assertThat(Instant.now()).as("ledger entries for %s", educatorId).isBefore(deadline);
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
