package org.district.pd.plan;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.district.pd.plan.roster.RosterIds;
import org.district.pd.platform.testing.Tokens;

import io.restassured.response.ValidatableResponse;

/** A small OneRoster roster written by a test, with sourcedIds unique to it because Kafka topics outlive test runs. */
public final class TestRoster {

    public static final String IMPORTS = "/api/v1/plans/roster/imports";
    public static final String ORGS_HEADER = "sourcedId,status,dateLastModified,name,type,identifier,parentSourcedId";
    public static final String USERS_HEADER = "sourcedId,status,dateLastModified,enabledUser,orgSourcedIds,role,username,"
            + "userIds,givenName,familyName,middleName,identifier,email,sms,phone,agentSourcedIds,grades,password";

    private final String tag;
    private final StringBuilder orgs = new StringBuilder(ORGS_HEADER + "\r\n");
    private final StringBuilder users = new StringBuilder(USERS_HEADER + "\r\n");
    private final Set<String> schools = new HashSet<>();
    private String manifest;

    public TestRoster() {
        this(UUID.randomUUID().toString().substring(0, 8));
    }

    private TestRoster(String tag) {
        this.tag = tag;
    }

    /** The same orgs and sourcedIds with users.csv still to be written: the next export of the same district. */
    public TestRoster nextExport() {
        TestRoster next = new TestRoster(tag);
        next.orgs.append(orgs.substring(ORGS_HEADER.length() + 2));
        next.schools.addAll(schools);
        return next;
    }

    /** The next export of the same district with only these of its schools in orgs.csv. */
    public TestRoster nextExportWithOrgs(String... keptSchools) {
        TestRoster next = new TestRoster(tag);
        for (String school : keptSchools) {
            next.school(school);
        }
        return next;
    }

    /** The sourcedId of a short name in this roster, e.g. {@code ann} becomes {@code ann-1a2b3c4d}. */
    public String sourcedId(String name) {
        return name + "-" + tag;
    }

    public UUID educatorId(String name) {
        return UUID.nameUUIDFromBytes(("educator:" + sourcedId(name)).getBytes(StandardCharsets.UTF_8));
    }

    public UUID schoolId(String name) {
        return orgId(sourcedId(name));
    }

    public static UUID orgId(String sourcedId) {
        return UUID.nameUUIDFromBytes(("org:" + sourcedId).getBytes(StandardCharsets.UTF_8));
    }

    public String email(String name) {
        return sourcedId(name) + "@schools.example";
    }

    public TestRoster school(String name) {
        schools.add(name);
        return org(sourcedId(name) + ",active,2026-08-01T00:00:00.000Z," + name + " School,school,,district-demo");
    }

    /** A row of orgs.csv as written, e.g. one of the demo district's orgs. */
    public TestRoster org(String line) {
        orgs.append(line).append("\r\n");
        return this;
    }

    /**
     * An active teacher; {@code familyName} is written as a CSV field, so it may be quoted. Orgs are this roster's
     * schools by short name, or any other org by sourcedId.
     */
    public TestRoster teacher(String name, String familyName, String... memberOf) {
        return user(name, "active", "true", familyName, email(name), memberOf);
    }

    public TestRoster user(String name, String status, String enabled, String familyName, String email,
            String... memberOf) {
        String orgIds = Arrays.stream(memberOf).map(org -> schools.contains(org) ? sourcedId(org) : org)
                .collect(Collectors.joining(","));
        String givenName = Character.toUpperCase(name.charAt(0)) + name.substring(1);
        return line(String.join(",", sourcedId(name), status, "2026-08-01T00:00:00.000Z", enabled, '"' + orgIds + '"',
                "teacher", sourcedId(name), "{canvas:" + sourcedId(name) + "}", givenName, familyName, "",
                "SIS-" + sourcedId(name), email, "", "", "", "\"05,06\"", ""));
    }

    /** A row of users.csv as written. */
    public TestRoster line(String line) {
        users.append(line).append("\r\n");
        return this;
    }

    public String orgsCsv() {
        return orgs.toString();
    }

    public String usersCsv() {
        return users.toString();
    }

    /** Adds a OneRoster 1.1 manifest declaring users.csv and orgs.csv whole sets: absentees are deactivated. */
    public TestRoster bulk() {
        manifest = "propertyName,value\r\nmanifest.version,1.0\r\noneroster.version,1.1\r\n"
                + "file.orgs,bulk\r\nfile.users,bulk\r\n";
        return this;
    }

    /** Imports the files as multipart parts, as the district admin: the 202 with the running import. */
    public ValidatableResponse postAsAdmin() {
        var request = given().auth().oauth2(Tokens.user("grace"))
                .multiPart("orgs", "orgs.csv", orgsCsv().getBytes(StandardCharsets.UTF_8), "text/csv")
                .multiPart("users", "users.csv", usersCsv().getBytes(StandardCharsets.UTF_8), "text/csv");
        if (manifest != null) {
            request.multiPart("manifest", "manifest.csv", manifest.getBytes(StandardCharsets.UTF_8), "text/csv");
        }
        return request.when().post(IMPORTS).then();
    }

    /** Imports the files and waits for the import to end: the import as its poller finally sees it. */
    public ValidatableResponse importAsAdmin() {
        // Relative, so it holds through the gateway too.
        String location = postAsAdmin().statusCode(202).header("Location", startsWith(IMPORTS + "/"))
                .extract().header("Location");
        return awaitImport(location);
    }

    /** Polls an import until it is no longer running. */
    public static ValidatableResponse awaitImport(String location) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (true) {
            ValidatableResponse found = given().auth().oauth2(Tokens.user("grace")).when().get(location).then()
                    .statusCode(200);
            if (!"running".equals(found.extract().path("status"))) {
                return found;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("roster import " + location + " still running after 60 s");
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    /** The per-row report of an import: its rows not accepted, in file and line order. */
    public static ValidatableResponse report(ValidatableResponse finished) {
        return given().auth().oauth2(Tokens.user("grace")).queryParam("size", 200)
                .when().get((String) finished.extract().path("rows")).then().statusCode(200);
    }

    /** The demo district's schools, as orgs.csv rows: frank leads Lincoln, carol teaches at Roosevelt. */
    public static final String DEMO_SCHOOLS = ORGS_HEADER + "\n"
            + "lincoln-es,active,2026-08-01T00:00:00.000Z,Lincoln Elementary,school,DSD-0101,\n"
            + "roosevelt-ms,active,2026-08-01T00:00:00.000Z,Roosevelt Middle,school,DSD-0201,\n";

    /**
     * Imports {@code users} (a users.csv, OneRoster 1.1 columns) with the demo's schools and {@code moreOrgs} (orgs.csv
     * rows), as a delta, and waits until it completed.
     */
    public static ValidatableResponse importUsers(String moreOrgs, String users) {
        String location = given().auth().oauth2(Tokens.user("grace"))
                .multiPart("orgs", "orgs.csv", (DEMO_SCHOOLS + moreOrgs).getBytes(StandardCharsets.UTF_8), "text/csv")
                .multiPart("users", "users.csv", users.getBytes(StandardCharsets.UTF_8), "text/csv")
                .when().post(IMPORTS).then().statusCode(202).extract().header("Location");
        return awaitImport(location).body("status", equalTo("completed"));
    }

    /** A teacher of Lincoln (frank's school) of their own, so no other test's facts or plans are theirs. */
    public static UUID newLincolnTeacher() {
        String sourcedId = "t-plan-" + UUID.randomUUID().toString().substring(0, 8);
        importUsers("", "sourcedId,orgSourcedIds,role,givenName,familyName,email\n"
                + sourcedId + ",lincoln-es,teacher,Pat,Progress,\n").body("counts.rejected", equalTo(0));
        return RosterIds.educatorId(sourcedId);
    }
}
