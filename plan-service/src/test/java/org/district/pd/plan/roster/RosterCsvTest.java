package org.district.pd.plan.roster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.district.pd.plan.messaging.events.EducatorUpserted;
import org.district.pd.platform.problem.ProblemException;
import org.district.pd.platform.testing.LocalServers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The files of a roster bundle and the rules that turn their rows into educators, without a database. */
class RosterCsvTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 30);

    @TempDir
    Path folder;

    @Test
    void theDemoDistrictIsARealOneRoster12BundleThatReadsWithoutARejectedRow() throws IOException {
        RosterUpload demo = RosterUpload.in(LocalServers.repositoryRoot().resolve("deploy/demo"));
        Manifest manifest = demo.check();
        assertThat(manifest.format()).isEqualTo("oneroster-1.2");
        assertThat(manifest.mode(RosterUpload.USERS)).isEqualTo(Manifest.BULK);

        Map<String, KnownOrg> orgs = new HashMap<>();
        for (CsvRow row : rows(demo, RosterUpload.ORGS, manifest)) {
            Parsed<OrgRow> org = OrgRow.parse(row);
            assertThat(org.problem()).as("orgs.csv line %d", row.line()).isNull();
            orgs.put(org.value().sourcedId(), new KnownOrg(org.value().id(), org.value().type().equals("school")));
        }
        Map<String, List<RoleRow>> roles = new HashMap<>();
        for (CsvRow row : rows(demo, RosterUpload.ROLES, manifest)) {
            Parsed<RoleRow> role = RoleRow.parse(row);
            assertThat(role.problem()).as("roles.csv line %d", row.line()).isNull();
            roles.computeIfAbsent(role.value().userSourcedId(), key -> new ArrayList<>()).add(role.value());
        }
        List<CsvRow> users = rows(demo, RosterUpload.USERS, manifest);
        assertThat(users).isNotEmpty();
        EducatorRows.Context context = new EducatorRows.Context(manifest, orgs, Map.of(), TODAY);
        int educators = 0;
        for (CsvRow row : users) {
            Parsed<Rostered> user = EducatorRows.parse(row, roles.getOrDefault(row.get("sourcedId"), List.of()),
                    List.of(), context);
            assertThat(user.isAccepted() || user.problem().status() == RowResult.Status.SKIPPED)
                    .as("users.csv line %d: %s", row.line(), user.problem()).isTrue();
            educators += user.isAccepted() ? 1 : 0;
        }
        assertThat(educators).isEqualTo(16);
    }

    @Test
    void oneRosterListsAndOtherSystemsIdsAreSplit() throws IOException {
        Manifest manifest = Manifest.implied(Set.of(RosterUpload.USERS));
        CsvRow row = rows(write(RosterUpload.USERS, """
                \uFEFFsourcedId,orgSourcedIds,role,givenName,familyName,userIds,grades,enabledUser,status
                t-1,"a,b",teacher,Tess,Ng,"{canvas:tess01},{google:tng}","10, 11",false,active
                """), RosterUpload.USERS, manifest).get(0);
        EducatorUpserted tess = EducatorRows.parse(row, List.of(), List.of(), context(manifest)).value().snapshot();
        assertThat(tess.schoolIds()).containsExactlyInAnyOrder(RosterIds.orgId("a"), RosterIds.orgId("b"));
        assertThat(tess.identifiers().lmsAccounts()).containsExactly("canvas:tess01", "google:tng");
        assertThat(tess.grades()).containsExactly("10", "11");
        assertThat(tess.active()).isFalse();
        assertThat(row.line()).isEqualTo(2);
    }

    @Test
    void rolesThatHaveEndedOrNotBegunDoNotCountAndSecondaryRolesAddTheirSchools() throws IOException {
        Manifest manifest = new Manifest("1.2", Map.of(RosterUpload.USERS, Manifest.BULK, RosterUpload.ROLES,
                Manifest.BULK));
        CsvRow user = new CsvRow("users.csv", 2, Map.of("sourcedid", "t-1", "givenname", "Tess", "familyname", "Ng"));
        RoleRow teacherAtA = role("teacher", "primary", "a", "2020-08-01", "");
        RoleRow coachAtB = role("aide", "secondary", "b", "2026-08-01", "2027-06-30");
        RoleRow endedAtC = role("teacher", "secondary", "c", "2019-08-01", "2026-06-30");
        RoleRow futureAtD = role("principal", "secondary", "d", "2027-01-01", "");

        EducatorUpserted tess = EducatorRows.parse(user, List.of(coachAtB, endedAtC, futureAtD, teacherAtA), List.of(),
                context(manifest)).value().snapshot();
        assertThat(tess.roles()).containsExactly("teacher", "aide");
        assertThat(tess.schoolIds()).containsExactlyInAnyOrder(RosterIds.orgId("a"), RosterIds.orgId("b"));
        assertThat(tess.active()).isTrue();

        EducatorUpserted left = EducatorRows.parse(user, List.of(endedAtC), List.of(), context(manifest)).value()
                .snapshot();
        assertThat(left.active()).as("every role has ended").isFalse();
        assertThat(left.roles()).isEmpty();
    }

    @Test
    void aUserWithoutAStaffRoleIsSkippedAndOneWithoutAnyRoleIsRejected() {
        Manifest manifest = new Manifest("1.2", Map.of(RosterUpload.USERS, Manifest.BULK, RosterUpload.ROLES,
                Manifest.BULK));
        CsvRow user = new CsvRow("users.csv", 5, Map.of("sourcedid", "s-1", "givenname", "Stu", "familyname", "Dent"));
        RowResult student = EducatorRows.parse(user, List.of(role("student", "primary", "a", "", "")), List.of(),
                context(manifest)).problem();
        assertThat(student.status()).isEqualTo(RowResult.Status.SKIPPED);
        assertThat(student.reason()).isEqualTo("role student is not staff; only educators are imported");

        RowResult none = EducatorRows.parse(user, List.of(), List.of(), context(manifest)).problem();
        assertThat(none.status()).isEqualTo(RowResult.Status.REJECTED);
        assertThat(none.field()).isEqualTo("roles");
        Rostered rostered = EducatorRows.parse(user, List.of(role("teacher", "primary", "a", "", "")), List.of(),
                context(manifest)).value();
        EducatorRows.Context known = new EducatorRows.Context(manifest, context(manifest).orgs(),
                Map.of(rostered.snapshot().educatorId(), rostered), TODAY);
        assertThat(EducatorRows.parse(user, List.of(), List.of(), known).problem().field())
                .as("a known educator without roles rows in a bulk roles.csv is rejected, so kept as they were")
                .isEqualTo("roles");

        RowResult unknownOrg = EducatorRows.parse(user, List.of(role("teacher", "primary", "x", "", "")), List.of(),
                context(manifest)).problem();
        assertThat(unknownOrg.field()).isEqualTo("roles");
        assertThat(unknownOrg.reason()).isEqualTo("unknown or inactive org(s) [x]");
    }

    @Test
    void aDeltaThatChangesAUserButNotTheirRolesOrProfilesKeepsThem() {
        Manifest delta = new Manifest("1.2", Map.of(RosterUpload.USERS, Manifest.DELTA));
        CsvRow user = new CsvRow("users.csv", 2, Map.of("sourcedid", "t-1", "givenname", "Tessa", "familyname", "Ng"));
        EducatorUpserted before = new EducatorUpserted(RosterIds.educatorId("t-1"), "t-1",
                new EducatorUpserted.Name("Tess", "Ng"), null, List.of(RosterIds.orgId("a")), List.of("teacher"), null,
                List.of(), List.of(), true, new EducatorUpserted.Identifiers(null, null, List.of("canvas:tng")));
        // Rostered before the directory kept roles: the snapshot's roles are all there is to keep.
        EducatorRows.Context context = new EducatorRows.Context(delta, Map.of(),
                Map.of(before.educatorId(), new Rostered(before, new RosterSource(Map.of(), null))), TODAY);

        EducatorUpserted after = EducatorRows.parse(user, List.of(), List.of(), context).value().snapshot();
        assertThat(after.name().givenName()).isEqualTo("Tessa");
        assertThat(after.roles()).containsExactly("teacher");
        assertThat(after.schoolIds()).containsExactly(RosterIds.orgId("a"));
        assertThat(after.identifiers().lmsAccounts()).containsExactly("canvas:tng");
        assertThat(after.active()).isTrue();
    }

    @Test
    void aDeltaOfRolesChangesReplacesAndDeletesTheRolesTheDirectoryHasBySourcedId() {
        Manifest delta = new Manifest("1.2", Map.of(RosterUpload.USERS, Manifest.DELTA, RosterUpload.ROLES,
                Manifest.DELTA));
        CsvRow user = new CsvRow("users.csv", 2, Map.of("sourcedid", "t-1", "givenname", "Tess", "familyname", "Ng"));
        RoleRow teacherAtA = sourcedRole("r1", "active", "teacher", "a", "");
        RoleRow aideAtB = sourcedRole("r2", "active", "aide", "b", "");
        Rostered before = EducatorRows.parse(user, List.of(teacherAtA, aideAtB), List.of(), context(delta)).value();
        assertThat(before.source().roles()).containsExactly(teacherAtA, aideAtB);
        EducatorRows.Context context = new EducatorRows.Context(delta, context(delta).orgs(),
                Map.of(before.snapshot().educatorId(), before), TODAY);

        List<RoleRow> changes = List.of(sourcedRole("r2", "tobedeleted", "aide", "b", ""),
                sourcedRole("r1", "active", "teacher", "a", "2026-06-30"), sourcedRole("r3", "active", "principal", "c", ""));
        EducatorUpserted withUser = EducatorRows.parse(user, changes, List.of(), context).value().snapshot();
        CsvRow firstRoleRow = new CsvRow("roles.csv", 7, Map.of("usersourcedid", "t-1"));
        Rostered rolesAlone = EducatorRows.reparse(firstRoleRow, changes, List.of(), before, context).value();
        for (EducatorUpserted after : List.of(withUser, rolesAlone.snapshot())) {
            assertThat(after.roles()).as("r1 ended in June, r2 is gone, r3 is new").containsExactly("principal");
            assertThat(after.schoolIds()).containsExactly(RosterIds.orgId("c"));
            assertThat(after.name().givenName()).isEqualTo("Tess");
            assertThat(after.active()).isTrue();
        }
        assertThat(rolesAlone.source().roles()).extracting(RoleRow::sourcedId).containsExactly("r1", "r3");

        Rostered none = EducatorRows.reparse(firstRoleRow, List.of(sourcedRole("r1", "tobedeleted", "teacher", "a", ""),
                sourcedRole("r3", "tobedeleted", "principal", "c", "")), List.of(), rolesAlone, context).value();
        assertThat(none.snapshot().active()).as("no role left").isFalse();
        assertThat(none.snapshot().roles()).isEmpty();
    }

    @Test
    void userProfilesAddTheAccountsAnLmsKnowsTheUserBy() {
        Manifest manifest = new Manifest("1.2", Map.of(RosterUpload.USERS, Manifest.BULK));
        CsvRow user = new CsvRow("users.csv", 2, Map.of("sourcedid", "t-1", "givenname", "Tess", "familyname", "Ng",
                "userids", "{LDAP:12}"));
        CsvRow canvas = new CsvRow("userProfiles.csv", 2, Map.of("usersourcedid", "t-1", "profiletype", "lms",
                "vendorid", "canvas", "username", "tng"));
        CsvRow bare = new CsvRow("userProfiles.csv", 3, Map.of("usersourcedid", "t-1", "profiletype", "sso",
                "username", "tess.ng"));
        EducatorUpserted tess = EducatorRows.parse(user, List.of(role("teacher", "primary", "a", "", "")),
                List.of(canvas, bare), context(manifest)).value().snapshot();
        assertThat(tess.identifiers().lmsAccounts()).containsExactly("LDAP:12", "canvas:tng", "sso:tess.ng");
    }

    @Test
    void badRoleRowsNameTheirField() {
        assertThat(RoleRow.parse(roleRow("teacher", "primary", "a", "2026-13-01", "")).problem().field())
                .isEqualTo("beginDate");
        assertThat(RoleRow.parse(roleRow("teacher", "tertiary", "a", "", "")).problem().field()).isEqualTo("roleType");
        assertThat(RoleRow.parse(roleRow("wizard", "primary", "a", "", "")).problem().field()).isEqualTo("role");
        assertThat(RoleRow.parse(roleRow("teacher", "primary", "a", "2026-08-01", "2026-07-01")).problem().reason())
                .isEqualTo("endDate is before beginDate");
        assertThat(RoleRow.parse(roleRow("teacher", "primary", "a", "2026-08-01T00:00:00.000Z", "")).isAccepted())
                .isTrue();
    }

    @Test
    void theManifestDecidesTheVersionAndTheModeOfEachFile() throws IOException {
        write(RosterUpload.USERS, "sourcedId,givenName,familyName\n");
        write(RosterUpload.ROLES, "sourcedId,userSourcedId,roleType,role,orgSourcedId\n");
        write(RosterUpload.MANIFEST, "propertyName,value\nmanifest.version,1.0\noneroster.version,1.2\n"
                + "file.users,bulk\nfile.roles,delta\nfile.orgs,absent\n");
        Manifest manifest = RosterUpload.in(folder).check();
        assertThat(manifest.format()).isEqualTo("oneroster-1.2");
        assertThat(manifest.mode(RosterUpload.USERS)).isEqualTo(Manifest.BULK);
        assertThat(manifest.mode(RosterUpload.ROLES)).isEqualTo(Manifest.DELTA);
        assertThat(manifest.has(RosterUpload.ORGS)).isFalse();

        write(RosterUpload.MANIFEST, "propertyName,value\noneroster.version,1.2\nfile.users,bulk\nfile.roles,\n");
        assertThat(RosterUpload.in(folder).check().has(RosterUpload.ROLES)).as("a blank mode is absent").isFalse();
        write(RosterUpload.MANIFEST, "propertyName,value\noneroster.version,1.2\nfile.users,bulk\nfile.orgs,bulk\n");
        assertProblem(() -> RosterUpload.in(folder).check(), "orgs",
                "manifest.csv lists orgs.csv as bulk, but the bundle has no orgs.csv");
        write(RosterUpload.MANIFEST, "propertyName,value\noneroster.version,1.2\nfile.users,sometimes\n");
        assertProblem(() -> RosterUpload.in(folder).check(), "manifest",
                "manifest.csv: file.users must be bulk, delta or absent");
        write(RosterUpload.MANIFEST, "propertyName,value\noneroster.version,2.0\n");
        assertProblem(() -> RosterUpload.in(folder).check(), "manifest",
                "manifest.csv: oneroster.version must be 1.1 or 1.2");
    }

    @Test
    void aOneRoster12DeltaAsOtherToolsWriteItIsReadWithItsExtraColumns() throws IOException {
        // Shaped like third-party exports: users.csv still carries orgSourcedIds, roles.csv names its last column
        // userProfile, and the manifest lists files (classes, enrollments) this service does not read.
        write(RosterUpload.MANIFEST, "propertyName,value\nmanifest.version,1.0\noneroster.version,1.2\n"
                + "file.orgs,delta\nfile.users,delta\nfile.roles,delta\nfile.classes,delta\nfile.enrollments,delta\n");
        write(RosterUpload.ORGS, "sourcedId,status,dateLastModified,name,type,identifier,parentSourcedId\n"
                + "x:org:1,active,2026-09-01T00:00:00.000Z,Example Academy,school,t-1,\n");
        write(RosterUpload.USERS, "sourcedId,status,dateLastModified,enabledUser,username,userIds,givenName,familyName,"
                + "middleName,identifier,email,sms,phone,agents,orgSourcedIds,grades\n"
                + "x:p:s1,active,2026-09-01T00:00:00.000Z,true,s@example.test,S-1,Sam,Student,,S-1,s@example.test,,,,x:org:1,\n"
                + "x:p:t1,active,2026-09-01T00:00:00.000Z,true,t@example.test,,Theo,Teacher,,,t@example.test,,,,x:org:1,\n");
        write(RosterUpload.ROLES, "sourcedId,status,dateLastModified,userSourcedId,roleType,role,beginDate,endDate,"
                + "orgSourcedId,userProfile\n"
                + "x:r:s1,active,2026-09-01T00:00:00.000Z,x:p:s1,primary,student,,,x:org:1,\n"
                + "x:r:t1,active,2026-09-01T00:00:00.000Z,x:p:t1,primary,teacher,,,x:org:1,\n");
        RosterUpload upload = RosterUpload.in(folder);
        Manifest manifest = upload.check();
        assertThat(manifest.format()).isEqualTo("oneroster-1.2");
        assertThat(manifest.mode(RosterUpload.USERS)).isEqualTo(Manifest.DELTA);

        Map<String, List<RoleRow>> roles = new HashMap<>();
        rows(upload, RosterUpload.ROLES, manifest).forEach(row -> roles.computeIfAbsent(row.get("userSourcedId"),
                key -> new ArrayList<>()).add(RoleRow.parse(row).value()));
        EducatorRows.Context context = new EducatorRows.Context(manifest,
                Map.of("x:org:1", new KnownOrg(RosterIds.orgId("x:org:1"), true)), Map.of(), TODAY);
        List<CsvRow> users = rows(upload, RosterUpload.USERS, manifest);
        assertThat(EducatorRows.parse(users.get(0), roles.get("x:p:s1"), List.of(), context).problem().status())
                .isEqualTo(RowResult.Status.SKIPPED);
        EducatorUpserted theo = EducatorRows.parse(users.get(1), roles.get("x:p:t1"), List.of(), context).value()
                .snapshot();
        assertThat(theo.roles()).containsExactly("teacher");
        assertThat(theo.schoolIds()).containsExactly(RosterIds.orgId("x:org:1"));
        assertThat(theo.email()).isEqualTo("t@example.test");
    }

    @Test
    void aBundleWithoutAManifestIsADeltaAndItsVersionFollowsItsFiles() throws IOException {
        write(RosterUpload.USERS, "sourcedId,orgSourcedIds,role,givenName,familyName\n");
        Manifest v11 = RosterUpload.in(folder).check();
        assertThat(v11.format()).isEqualTo("oneroster-1.1");
        assertThat(v11.mode(RosterUpload.USERS)).isEqualTo(Manifest.DELTA);

        write(RosterUpload.ROLES, "userSourcedId,role,orgSourcedId\n");
        assertThat(RosterUpload.in(folder).check().format()).isEqualTo("oneroster-1.2");
    }

    @Test
    void aRowStartsWhereItsFirstLineIsEvenAfterAQuotedLineBreak() throws IOException {
        Manifest manifest = Manifest.implied(Set.of(RosterUpload.USERS));
        List<CsvRow> users = rows(write(RosterUpload.USERS, """
                sourcedId,orgSourcedIds,role,givenName,familyName
                t-1,a,teacher,"Two
                Lines",Ng
                t-2,a,teacher,Ann
                """), RosterUpload.USERS, manifest);
        assertThat(users).extracting(CsvRow::line).containsExactly(2L, 4L);
        assertThat(EducatorRows.parse(users.get(1), List.of(), List.of(), context(manifest)).problem().field())
                .isEqualTo("familyName");
    }

    @Test
    void everyMissingRequiredColumnIsNamed() throws IOException {
        write(RosterUpload.ORGS, "sourcedId,name\n");
        write(RosterUpload.USERS, "sourcedId,orgSourcedIds,role,givenName,familyName\n");
        assertThatThrownBy(() -> RosterUpload.in(folder).check())
                .isInstanceOfSatisfying(ProblemException.class, problem -> assertThat(problem.violations())
                        .extracting(violation -> violation.field()).containsExactly("orgs.type"));
        Files.delete(folder.resolve("orgs.csv"));
        write(RosterUpload.USERS, "sourcedId,role\n");
        assertThatThrownBy(() -> RosterUpload.in(folder).check())
                .isInstanceOfSatisfying(ProblemException.class, problem -> assertThat(problem.violations())
                        .extracting(violation -> violation.field())
                        .containsExactly("users.orgSourcedIds", "users.givenName", "users.familyName"));
        Files.delete(folder.resolve("users.csv"));
        assertProblem(() -> RosterUpload.in(folder).check(), "users",
                "users.csv is required, unless manifest.csv declares it absent");
        write(RosterUpload.MANIFEST, "propertyName,value\noneroster.version,1.2\nfile.users,absent\n");
        assertProblem(() -> RosterUpload.in(folder).check(), "users", "manifest.csv declares no file to import: orgs, "
                + "users, roles and userProfiles are all absent");
    }

    @Test
    void aFileThatIsNotCsvIsNamedWithItsLineButNotWithTheParsersInternals() throws IOException {
        String users = "sourcedId,orgSourcedIds,role,givenName,familyName\n"
                + "t-1,a,teacher,Tess,Ng\n"
                + "t-2,a,teacher,\"Unclosed,Quote\n";
        write(RosterUpload.USERS, users);
        assertThatThrownBy(() -> RosterUpload.in(folder).check())
                .isInstanceOfSatisfying(ProblemException.class, problem -> {
                    assertThat(problem.violations()).extracting(violation -> violation.field()).containsExactly("users");
                    String message = problem.violations().get(0).message();
                    assertThat(message).startsWith("users.csv is not valid CSV after line 2: ")
                            .doesNotContain("Exception", "java.", "org.apache", "IOException");
                });
        assertProblem(() -> RosterUpload.in(folder.resolve("zip")).unzip(truncatedZip(users)), "body",
                "is not a readable zip file");
    }

    @Test
    void aZipBombIsRefusedBeforeItIsUnpacked() throws IOException {
        ByteArrayOutputStream many = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(many)) {
            for (int i = 0; i < 101; i++) {
                zip.putNextEntry(new ZipEntry("junk-" + i + ".txt"));
            }
        }
        assertThatThrownBy(() -> RosterUpload.in(folder).unzip(many.toByteArray()))
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
        assertProblem(() -> RosterUpload.in(folder).unzip(bomb.toByteArray()), "body", "unpacks to more than 128 MB");
    }

    @Test
    void aZippedBundleIsUnpackedFromAnyFolderAndOtherFilesAreLeft() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("export/2026/Users.csv"));
            zip.write("sourcedId,orgSourcedIds,role,givenName,familyName\n".getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry("export/2026/enrollments.csv"));
            zip.write("sourcedId\n".getBytes(StandardCharsets.UTF_8));
        }
        RosterUpload upload = RosterUpload.in(folder.resolve("unzipped"));
        upload.unzip(bytes.toByteArray());
        assertThat(upload.file(RosterUpload.USERS)).isPresent();
        try (var files = Files.list(upload.folder())) {
            assertThat(files.map(path -> path.getFileName().toString())).containsExactly("users.csv");
        }
        upload.delete();
        assertThat(upload.folder()).doesNotExist();
    }

    private static EducatorRows.Context context(Manifest manifest) {
        Map<String, KnownOrg> orgs = new HashMap<>();
        for (String org : List.of("a", "b", "c", "d")) {
            orgs.put(org, new KnownOrg(RosterIds.orgId(org), true));
        }
        return new EducatorRows.Context(manifest, orgs, Map.of(), TODAY);
    }

    private static RoleRow role(String role, String roleType, String org, String begin, String end) {
        return RoleRow.parse(roleRow(role, roleType, org, begin, end)).value();
    }

    private static RoleRow sourcedRole(String sourcedId, String status, String role, String org, String end) {
        return RoleRow.parse(new CsvRow("roles.csv", 2, Map.of("sourcedid", sourcedId, "status", status,
                "usersourcedid", "t-1", "role", role, "orgsourcedid", org, "enddate", end))).value();
    }

    private static CsvRow roleRow(String role, String roleType, String org, String begin, String end) {
        return new CsvRow("roles.csv", 2, Map.of("usersourcedid", "t-1", "role", role, "roletype", roleType,
                "orgsourcedid", org, "begindate", begin, "enddate", end));
    }

    private RosterUpload write(String part, String content) throws IOException {
        Files.writeString(folder.resolve(part + ".csv"), content, StandardCharsets.UTF_8);
        return RosterUpload.in(folder);
    }

    private static List<CsvRow> rows(RosterUpload upload, String part, Manifest manifest) {
        List<CsvRow> rows = new ArrayList<>();
        try (RosterCsv csv = RosterCsv.open(part, upload.path(part), RosterColumns.required(part, manifest))) {
            csv.forEachRemaining(rows::add);
        }
        return rows;
    }

    private static void assertProblem(Runnable action, String field, String message) {
        assertThatThrownBy(action::run).isInstanceOfSatisfying(ProblemException.class, problem -> {
            assertThat(problem.violations()).extracting(violation -> violation.field()).containsExactly(field);
            assertThat(problem.violations().get(0).message()).isEqualTo(message);
        });
    }

    /** A zip of users.csv cut off in the middle of its compressed data. */
    private static byte[] truncatedZip(String users) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("users.csv"));
            zip.write(users.repeat(200).getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Arrays.copyOf(bytes.toByteArray(), 60);
    }
}
