package org.district.pd.plan.roster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.district.pd.platform.problem.ProblemException;
import org.district.pd.platform.testing.LocalServers;
import org.junit.jupiter.api.Test;

class RosterCsvTest {

    @Test
    void theDemoDistrictReadsWithoutARejectedRow() throws IOException {
        Path demo = LocalServers.repositoryRoot().resolve("deploy/demo");
        RosterFiles files = RosterFiles.read(Files.readString(demo.resolve("orgs.csv")),
                Files.readString(demo.resolve("users.csv")));

        Map<String, Org> orgs = new HashMap<>();
        for (CsvRow row : files.orgs()) {
            Parsed<OrgRow> org = OrgRow.parse(row);
            assertThat(org.problem()).as("orgs.csv line %d", row.line()).isNull();
            Org known = new Org();
            known.id = Org.idOf(org.value().sourcedId());
            known.type = org.value().type();
            orgs.put(org.value().sourcedId(), known);
        }
        assertThat(files.users()).isNotEmpty();
        for (CsvRow row : files.users()) {
            Parsed<EducatorRow> user = EducatorRow.parse(row, orgs);
            assertThat(user.isAccepted() || user.problem().status() == RowResult.Status.SKIPPED)
                    .as("users.csv line %d: %s", row.line(), user.problem()).isTrue();
        }
    }

    @Test
    void oneRosterListsAndOtherSystemsIdsAreSplit() {
        RosterFiles files = RosterFiles.read(null, """
                \uFEFFsourcedId,orgSourcedIds,role,givenName,familyName,userIds,grades,enabledUser,status
                t-1,"a,b",teacher,Tess,Ng,"{canvas:tess01},{google:tng}","10, 11",false,active
                """);
        Map<String, Org> orgs = Map.of("a", school("a"), "b", school("b"));
        EducatorRow row = EducatorRow.parse(files.users().get(0), orgs).value();
        assertThat(row.orgSourcedIds()).containsExactly("a", "b");
        assertThat(row.lmsAccounts()).containsExactly("canvas:tess01", "google:tng");
        assertThat(row.grades()).containsExactly("10", "11");
        assertThat(row.active()).isFalse();
        assertThat(files.users().get(0).line()).isEqualTo(2);
    }

    @Test
    void aRowStartsWhereItsFirstLineIsEvenAfterAQuotedLineBreak() {
        RosterFiles files = RosterFiles.read(null, """
                sourcedId,orgSourcedIds,role,givenName,familyName
                t-1,a,teacher,"Two
                Lines",Ng
                t-2,a,teacher,Ann
                """);
        assertThat(files.users()).extracting(CsvRow::line).containsExactly(2L, 4L);
        assertThat(EducatorRow.parse(files.users().get(1), Map.of("a", school("a"))).problem().field())
                .isEqualTo("familyName");
    }

    @Test
    void everyMissingRequiredColumnIsNamed() {
        assertThatThrownBy(() -> RosterFiles.read("sourcedId,name\n", "sourcedId,role\n"))
                .isInstanceOfSatisfying(ProblemException.class, problem -> assertThat(problem.violations())
                        .extracting(violation -> violation.field())
                        .containsExactly("orgs.type"));
        assertThatThrownBy(() -> RosterFiles.read(null, "sourcedId,role\n"))
                .isInstanceOfSatisfying(ProblemException.class, problem -> assertThat(problem.violations())
                        .extracting(violation -> violation.field())
                        .containsExactly("users.orgSourcedIds", "users.givenName", "users.familyName"));
        assertThatThrownBy(() -> RosterFiles.read(null, ""))
                .isInstanceOfSatisfying(ProblemException.class, problem -> assertThat(problem.violations())
                        .hasSize(EducatorRow.REQUIRED_COLUMNS.size()));
    }

    @Test
    void aFileThatIsNotCsvIsNamedWithItsLineButNotWithTheParsersInternals() {
        String users = "sourcedId,orgSourcedIds,role,givenName,familyName\n"
                + "t-1,a,teacher,Tess,Ng\n"
                + "t-2,a,teacher,\"Unclosed,Quote\n";
        assertThatThrownBy(() -> RosterFiles.read(null, users))
                .isInstanceOfSatisfying(ProblemException.class, problem -> {
                    assertThat(problem.violations()).extracting(violation -> violation.field()).containsExactly("users");
                    String message = problem.violations().get(0).message();
                    assertThat(message).startsWith("users.csv is not valid CSV after line 2: ")
                            .doesNotContain("Exception", "java.", "org.apache", "IOException");
                });
        assertThatThrownBy(() -> RosterFiles.fromZip(truncatedZip(users)))
                .isInstanceOfSatisfying(ProblemException.class, problem -> assertThat(problem.violations().get(0).message())
                        .isEqualTo("is not a readable zip file"));
    }

    @Test
    void aZipBombIsRefusedBeforeItIsUnpacked() throws IOException {
        ByteArrayOutputStream many = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(many)) {
            for (int i = 0; i < 101; i++) {
                zip.putNextEntry(new ZipEntry("junk-" + i + ".txt"));
            }
        }
        assertThatThrownBy(() -> RosterFiles.fromZip(many.toByteArray()))
                .isInstanceOfSatisfying(ProblemException.class, problem -> assertThat(problem.violations().get(0).message())
                        .startsWith("has more than 100 entries"));

        // 200 MB of zeros compress to a few hundred KB; skipping the entry unpacks it, so it counts too.
        ByteArrayOutputStream bomb = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bomb)) {
            zip.putNextEntry(new ZipEntry("padding.bin"));
            byte[] zeros = new byte[1024 * 1024];
            for (int i = 0; i < 200; i++) {
                zip.write(zeros);
            }
            zip.putNextEntry(new ZipEntry("users.csv"));
            zip.write("sourcedId,orgSourcedIds,role,givenName,familyName\n".getBytes(StandardCharsets.UTF_8));
        }
        assertThat(bomb.size()).isLessThan(1024 * 1024);
        assertThatThrownBy(() -> RosterFiles.fromZip(bomb.toByteArray()))
                .isInstanceOfSatisfying(ProblemException.class, problem -> assertThat(problem.violations().get(0).message())
                        .isEqualTo("unpacks to more than 128 MB"));
    }

    /** A zip of users.csv cut off in the middle of its compressed data. */
    private static byte[] truncatedZip(String users) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("users.csv"));
            zip.write(users.repeat(200).getBytes(StandardCharsets.UTF_8));
        }
        return Arrays.copyOf(bytes.toByteArray(), 60);
    }

    private static Org school(String sourcedId) {
        Org org = new Org();
        org.id = Org.idOf(sourcedId);
        org.type = Org.SCHOOL;
        return org;
    }
}
