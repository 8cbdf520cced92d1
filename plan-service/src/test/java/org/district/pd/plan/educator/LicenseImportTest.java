package org.district.pd.plan.educator;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import org.district.pd.plan.TestRoster;
import org.district.pd.plan.roster.RosterIds;
import org.district.pd.platform.testing.Tokens;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

@QuarkusTest
class LicenseImportTest {

    private static final String IMPORTS = "/api/v1/plans/licenses/imports";

    @Test
    void hrSetsLicensesFromAFileAndLearnsWhatBecameOfEveryRow() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        TestRoster.importUsers("", "sourcedId,orgSourcedIds,role,givenName,familyName,email\n"
                + "kim-" + tag + ",lincoln-es,teacher,Kim,Kaur,\n"
                + "lee-" + tag + ",lincoln-es,teacher,Lee,Lam,\n"
                + "max-" + tag + ",lincoln-es,teacher,Max,Moss,\n").body("counts.rejected", equalTo(0));
        UUID lee = RosterIds.educatorId("lee-" + tag);
        String file = "\uFEFFSourcedId,EducatorId,Profile,LicenseType,LicenseNumber,IssuedOn,ExpiresOn\r\n"
                + "kim-" + tag + ",,TX,Standard,TX-1,2023-08-01,2028-07-31\r\n"
                + "," + lee + ",PA,Level II,PA-2,2024-07-01,\r\n"
                + "nobody-" + tag + ",,TX,Standard,TX-3,2023-08-01,\r\n"
                + "max-" + tag + ",,ZZ,Standard,TX-4,2023-08-01,\r\n"
                + "max-" + tag + ",,TX,Standard,TX-5,2023-13-01,\r\n"
                + "max-" + tag + ",,TX,Standard,TX-6,2023-08-01,2023-07-01\r\n"
                + "kim-" + tag + ",,TX,Standard,TX-7,2023-08-01,\r\n"
                + "max-" + tag + ",,NY,CTLE,,2023-08-01,\r\n"
                + ",,NY,CTLE,NY-9,2023-08-01,\r\n";
        String location = upload("henry", file).statusCode(201)
                .header("Location", startsWith(IMPORTS + "/"))
                .body("read", equalTo(9)).body("accepted", equalTo(2)).body("rejected", equalTo(7))
                .body("finishedAt", notNullValue())
                .extract().header("Location");
        String rows = given().auth().oauth2(Tokens.user("grace")).when().get(location).then().statusCode(200)
                .body("read", equalTo(9)).extract().path("rows");
        given().auth().oauth2(Tokens.user("henry")).queryParam("size", 200).when().get(rows).then().statusCode(200)
                .body("total", equalTo(9))
                .body("items.line", contains(2, 3, 4, 5, 6, 7, 8, 9, 10))
                .body("items.status", contains("accepted", "accepted", "rejected", "rejected", "rejected", "rejected",
                        "rejected", "rejected", "rejected"))
                .body("items.field", contains(null, null, "sourcedId", "profile", "issuedOn", "expiresOn", "sourcedId",
                        "licenseNumber", "sourcedId"))
                .body("items[1].educatorId", equalTo(lee.toString()))
                .body("items[6].reason", equalTo("is repeated in the file; each educator has one license"));
        // Pages of 4: the third holds the last row alone.
        given().auth().oauth2(Tokens.user("henry")).queryParam("size", 4).queryParam("page", 2).when().get(rows)
                .then().statusCode(200).body("total", equalTo(9)).body("items.line", contains(10));
        given().auth().oauth2(Tokens.user("frank")).when().get(rows).then().statusCode(403);
        given().auth().oauth2(Tokens.user("grace")).when().get(IMPORTS + "/" + UUID.randomUUID() + "/rows").then()
                .statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(Tokens.user("grace")).when().get(IMPORTS + "/nope").then().statusCode(400)
                .body("violations.field", contains("id"));

        given().auth().oauth2(Tokens.user("frank")).when()
                .get("/api/v1/plans/educators/" + RosterIds.educatorId("kim-" + tag) + "/profile").then()
                .statusCode(200).body("license.number", equalTo("TX-1")).body("license.expiresOn", equalTo("2028-07-31"));
        given().auth().oauth2(Tokens.user("grace")).when().get("/api/v1/plans/educators/" + lee + "/profile").then()
                .statusCode(200).body("license.profile", equalTo("PA")).body("license.expiresOn", equalTo("2029-06-30"));
        given().auth().oauth2(Tokens.user("grace")).when()
                .get("/api/v1/plans/educators/" + RosterIds.educatorId("max-" + tag) + "/profile").then()
                .statusCode(200).body("license", equalTo(null));
    }

    @Test
    void aFileThatCannotBeReadIsA400BeforeAnyLicenseChanges() {
        upload("grace", "sourcedId,profile,licenseType,licenseNumber\r\nx,TX,Standard,1\r\n").statusCode(400)
                .contentType("application/problem+json").body("violations.field", contains("licenses.issuedOn"));
        upload("grace", "sourcedId,profile,licenseType,licenseNumber,issuedOn\r\n\"x,TX,Standard,1,2024-01-01\r\n")
                .statusCode(400).body("violations.field", contains("licenses"));
        upload("grace", "sourcedId,profile,licenseType,licenseNumber,issuedOn\r\n").statusCode(400)
                .body("violations.field", contains("licenses"));
        given().auth().oauth2(Tokens.user("grace")).multiPart("other", "x.csv", new byte[] { 1 }, "text/csv")
                .when().post(IMPORTS).then().statusCode(400).body("violations.field", contains("licenses"));
    }

    @Test
    void onlyHrAndDistrictAdminsImportLicenses() {
        String file = "sourcedId,profile,licenseType,licenseNumber,issuedOn\r\nnobody,TX,Standard,1,2024-01-01\r\n";
        for (String other : List.of("frank", "alice", "erin")) {
            upload(other, file).statusCode(403);
        }
        given().auth().oauth2(Tokens.hrConnector())
                .multiPart("licenses", "licenses.csv", file.getBytes(StandardCharsets.UTF_8), "text/csv")
                .when().post(IMPORTS).then().statusCode(201).body("rejected", equalTo(1));
        given().multiPart("licenses", "licenses.csv", file.getBytes(StandardCharsets.UTF_8), "text/csv")
                .when().post(IMPORTS).then().statusCode(401);
    }

    private static ValidatableResponse upload(String user, String csv) {
        return given().auth().oauth2(Tokens.user(user))
                .multiPart("licenses", "licenses.csv", csv.getBytes(StandardCharsets.UTF_8), "text/csv")
                .when().post(IMPORTS).then();
    }
}
