package org.district.pd.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.district.pd.platform.testing.Tokens;
import org.junit.jupiter.api.Test;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * A district-sized roster through the gateway: a OneRoster 1.2 bundle of 5,000 teachers with the small faults real SIS
 * exports have, zipped, followed by polling to its end, its per-row report paged, and its last teacher known to
 * learning-service soon after. The bundle is a delta: a bulk one would deactivate every other test's educators.
 */
class RosterImportIT {

    private static final int TEACHERS = 5_000;
    private static final int SCHOOLS = 20;
    private static final String STAMP = "2026-08-01T00:00:00.000Z";

    private final String tag = UUID.randomUUID().toString().substring(0, 8);
    private final List<String> expectedReport = new ArrayList<>();

    @Test
    void severalThousandTeachersImportThroughTheGatewayWithEveryRowNotAcceptedReported() throws IOException {
        Map<String, String> bundle = bundle();
        List<JsonPath> states = RosterImports.run(Gateway.as(Tokens.user("grace")).contentType("application/zip")
                .body(zip(bundle)), Duration.ofMinutes(3));

        JsonPath finished = states.get(states.size() - 1);
        assertThat(finished.getString("status")).as(finished.prettify()).isEqualTo("completed");
        assertThat(finished.getString("format")).isEqualTo("oneroster-1.2");
        assertThat(finished.getString("mode.users")).isEqualTo("delta");
        int rows = bundle.values().stream().mapToInt(csv -> (int) csv.lines().count() - 1).sum()
                - (int) bundle.get("manifest.csv").lines().count() + 1;
        assertThat(finished.getInt("counts.read")).isEqualTo(rows);
        assertThat(finished.getInt("counts.rejected")).isEqualTo(5);
        assertThat(finished.getInt("counts.skipped")).isEqualTo(2);
        assertThat(finished.getInt("counts.accepted")).isEqualTo(rows - 7);
        assertThat(finished.getInt("educators.changed")).isEqualTo(TEACHERS);
        assertThat(finished.getInt("educators.deactivated")).isZero();
        for (int i = 1; i < states.size(); i++) {
            assertThat(states.get(i).getInt("counts.read")).as("progress only grows")
                    .isGreaterThanOrEqualTo(states.get(i - 1).getInt("counts.read"));
        }

        List<String> report = new ArrayList<>();
        List<JsonPath> pages = RosterImports.report(finished, 3);
        assertThat(pages).hasSize(3);
        for (JsonPath page : pages) {
            assertThat(page.getLong("total")).isEqualTo(7);
            for (Map<String, Object> item : page.<Map<String, Object>>getList("items")) {
                report.add(item.get("file") + ":" + item.get("line") + ":" + item.get("status") + ":" + item.get("field"));
            }
        }
        assertThat(report).containsExactlyElementsOf(expectedReport);

        // The last teacher reaches learning-service over the roster topic, and their completions are accepted.
        String lastEmail = email(TEACHERS);
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                Gateway.as(Tokens.lmsConnector()).queryParam("email", lastEmail)
                        .when().get("/api/v1/learning/learners/resolve").then().statusCode(200));
        Gateway.as(Tokens.lmsConnector()).contentType(ContentType.JSON)
                .body("""
                        {"items":[{"externalId":"roster-it-%s","learner":{"email":"%s"},"lmsCourseId":"LMS-DISC-15",
                         "completedAt":"2026-10-15T12:00:00Z"}]}""".formatted(tag, lastEmail))
                .when().post("/api/v1/learning/completions")
                .then().statusCode(200).body("items[0].status", equalTo("accepted"));
    }

    /** The bundle's files by name; {@link #expectedReport} gets each row that must not be accepted, in report order. */
    private Map<String, String> bundle() {
        StringBuilder orgs = new StringBuilder("sourcedId,status,dateLastModified,name,type,identifier,parentSourcedId\r\n");
        for (int s = 1; s <= SCHOOLS; s++) {
            orgs.append(school(s)).append(",active,").append(STAMP).append(",Roster IT School ").append(s)
                    .append(",school,,district-demo\r\n");
        }
        // The SIS's export: a byte-order mark, CRLF, quoted fields with commas, multi-valued fields.
        StringBuilder users = new StringBuilder("\uFEFFsourcedId,status,dateLastModified,enabledUser,username,userIds,"
                + "givenName,familyName,middleName,identifier,email,grades,primaryOrgSourcedId\r\n");
        StringBuilder roles = new StringBuilder("sourcedId,status,dateLastModified,userSourcedId,roleType,role,beginDate,"
                + "endDate,orgSourcedId,userProfileSourcedId\r\n");
        StringBuilder profiles = new StringBuilder("sourcedId,status,dateLastModified,userSourcedId,profileType,vendorId,"
                + "applicationId,description,credentialType,username,password\r\n");
        int userLine = 1;
        int roleLine = 1;
        for (int t = 1; t <= TEACHERS; t++) {
            String id = teacher(t);
            users.append(id).append(",active,").append(STAMP).append(",true,").append(id).append(",\"{LDAP:").append(t)
                    .append("},{SIS:").append(id).append("}\",Teacher,\"Number ").append(t).append(", IT\",,SIS-")
                    .append(id).append(',').append(email(t)).append(",\"09,10\",").append(school(1 + t % SCHOOLS))
                    .append("\r\n");
            userLine++;
            roles.append("r-").append(id).append(",active,").append(STAMP).append(',').append(id)
                    .append(",primary,teacher,2024-08-01,,").append(school(1 + t % SCHOOLS)).append(",\r\n");
            roleLine++;
            if (t % 10 == 0) {
                roles.append("r2-").append(id).append(",active,").append(STAMP).append(',').append(id)
                        .append(",secondary,aide,2025-08-01,2099-06-30,").append(school(1 + (t + 1) % SCHOOLS)).append(",\r\n");
                roleLine++;
            }
            profiles.append("up-").append(id).append(",active,").append(STAMP).append(',').append(id)
                    .append(",lms,canvas,,,,").append(id).append(",\r\n");
        }
        roles.append("r-ghost-").append(tag).append(",active,").append(STAMP).append(",ghost-").append(tag)
                .append(",primary,teacher,,,").append(school(1)).append(",\r\n");
        expectedReport.add("roles.csv:" + ++roleLine + ":rejected:userSourcedId");
        roles.append("r-bad-date-").append(tag).append(",active,").append(STAMP).append(',').append(teacher(1))
                .append(",secondary,teacher,2026-02-30,,").append(school(2)).append(",\r\n");
        expectedReport.add("roles.csv:" + ++roleLine + ":rejected:beginDate");
        for (String student : List.of("stu1", "stu2")) {
            String id = student + "-" + tag;
            users.append(id).append(",active,").append(STAMP).append(",true,,,Stu,Dent,,,,03,").append(school(1)).append("\r\n");
            expectedReport.add("users.csv:" + ++userLine + ":skipped:null");
            roles.append("r-").append(id).append(",active,").append(STAMP).append(',').append(id)
                    .append(",primary,student,,,").append(school(1)).append(",\r\n");
        }
        String badEmail = "bad-email-" + tag;
        users.append(badEmail).append(",active,").append(STAMP).append(",true,,,Bad,Mail,,,not-an-address,,")
                .append(school(1)).append("\r\n");
        expectedReport.add("users.csv:" + ++userLine + ":rejected:email");
        String noFamily = "no-family-" + tag;
        users.append(noFamily).append(",active,").append(STAMP).append(",true,,,No,,,,,,").append(school(1)).append("\r\n");
        expectedReport.add("users.csv:" + ++userLine + ":rejected:familyName");
        String elsewhere = "elsewhere-" + tag;
        users.append(elsewhere).append(",active,").append(STAMP).append(",true,,,Else,Where,,,,,").append(school(1))
                .append("\r\n");
        expectedReport.add("users.csv:" + ++userLine + ":rejected:roles");
        for (String id : List.of(badEmail, noFamily)) {
            roles.append("r-").append(id).append(",active,").append(STAMP).append(',').append(id)
                    .append(",primary,teacher,,,").append(school(1)).append(",\r\n");
        }
        roles.append("r-").append(elsewhere).append(",active,").append(STAMP).append(',').append(elsewhere)
                .append(",primary,teacher,,,nowhere-").append(tag).append(",\r\n");
        String manifest = "propertyName,value\r\nmanifest.version,1.0\r\noneroster.version,1.2\r\nfile.orgs,delta\r\n"
                + "file.users,delta\r\nfile.roles,delta\r\nfile.userProfiles,delta\r\nfile.enrollments,absent\r\n"
                + "source.systemName,Roster IT\r\n";
        return Map.of("manifest.csv", manifest, "orgs.csv", orgs.toString(), "users.csv", users.toString(),
                "roles.csv", roles.toString(), "userProfiles.csv", profiles.toString());
    }

    private String school(int n) {
        return "roster-it-s" + n + "-" + tag;
    }

    private String teacher(int n) {
        return "roster-it-t" + n + "-" + tag;
    }

    private String email(int n) {
        return teacher(n) + "@roster-it.example";
    }

    private static byte[] zip(Map<String, String> files) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, String> file : files.entrySet()) {
                zip.putNextEntry(new ZipEntry("export/" + file.getKey()));
                zip.write(file.getValue().getBytes(StandardCharsets.UTF_8));
            }
        }
        return bytes.toByteArray();
    }
}
