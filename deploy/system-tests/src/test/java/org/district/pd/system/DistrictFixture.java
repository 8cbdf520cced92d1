package org.district.pd.system;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** A school of its own for one test run, so runs never see each other's educators or hours. */
final class DistrictFixture {

    final String suffix = UUID.randomUUID().toString().substring(0, 8);
    final String schoolSourcedId = "sys-school-" + suffix;
    final String schoolId = uuid("org:" + schoolSourcedId);
    final Teacher first = new Teacher("sys-t1-" + suffix, "Rosa", "Parks, Jr.", "rosa." + suffix + "@sys.example");
    final Teacher second = new Teacher("sys-t2-" + suffix, "Ken", "O\"Neil", "ken." + suffix + "@sys.example");

    record Teacher(String sourcedId, String givenName, String familyName, String email) {
        String educatorId() {
            return uuid("educator:" + sourcedId);
        }
    }

    byte[] orgsCsv() {
        return ("sourcedId,status,dateLastModified,name,type,identifier,parentSourcedId\r\n"
                + schoolSourcedId + ",active,2026-08-01T00:00:00Z,System Test School " + suffix + ",school,ST-" + suffix + ",\r\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    byte[] usersCsv() {
        return ("sourcedId,status,dateLastModified,enabledUser,orgSourcedIds,role,username,userIds,givenName,familyName,"
                + "middleName,identifier,email,sms,phone,agentSourcedIds,grades,password,userMasterIdentifier,"
                + "resourceSourcedIds,preferredGivenName,preferredMiddleName,preferredFamilyName,primaryOrg,pronouns\r\n"
                + row(first) + row(second)).getBytes(StandardCharsets.UTF_8);
    }

    private String row(Teacher teacher) {
        return teacher.sourcedId() + ",active,2026-08-01T00:00:00Z,true," + schoolSourcedId + ",teacher," + teacher.sourcedId()
                + ",," + teacher.givenName() + "," + quote(teacher.familyName()) + ",,SIS-" + teacher.sourcedId() + ","
                + teacher.email() + ",,,,,,,,,,," + schoolSourcedId + ",\r\n";
    }

    private static String quote(String value) {
        return "\"" + value.replace("\"", "\"\"") + "\"";
    }

    static String uuid(String name) {
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
    }
}
