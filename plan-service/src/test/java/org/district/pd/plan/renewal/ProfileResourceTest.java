package org.district.pd.plan.renewal;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.nullValue;

import java.util.List;
import java.util.UUID;

import org.district.pd.platform.testing.Tokens;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;

@QuarkusTest
class ProfileResourceTest {

    private static final String PROFILES = "/api/v1/plans/renewal-profiles";
    private static final String OHIO = """
            {"name": "Ohio five-year professional license", "requiredHours": 180, "windowYears": 5,
             "conversions": {"CLOCK_HOUR": 1, "CEU": 10, "SEMESTER_HOUR": 30, "CREDIT": 30},
             "caps": {"INDEPENDENT_STUDY": 0.25}, "carryOver": {"maxHours": 30, "lastYears": 1},
             "approvedProviders": null}""";

    @Test
    void theBuiltInStatesAreThereForEveryoneWhoWorksWithLicenses() {
        for (String reader : List.of("alice", "frank", "henry", "grace")) {
            as(reader).when().get(PROFILES).then().statusCode(200)
                    .body("code", hasItems("IL", "NY", "PA", "TX", "TX-PRO"));
        }
        as("alice").when().get(PROFILES + "/TX").then().statusCode(200)
                .body("builtIn", equalTo(true)).body("requiredHours", equalTo(150))
                .body("caps.keySet()", containsInAnyOrder("INDEPENDENT_STUDY", "PRESENTING", "MENTORING"))
                .body("caps.MENTORING", equalTo(0.3f)).body("carryOver", nullValue());
        as("henry").when().get(PROFILES + "/PA").then().statusCode(200)
                .body("conversions.CREDIT", equalTo(30)).body("carryOver.maxHours", equalTo(50))
                .body("carryOver.lastYears", equalTo(2));
        as("henry").when().get(PROFILES + "/IL").then().statusCode(200)
                .body("approvedProviders", hasItems("Regional Office of Education"));
        as("henry").when().get(PROFILES + "/NOPE").then().statusCode(404).contentType("application/problem+json");
        as("ivy").when().get(PROFILES).then().statusCode(403);
        given().when().get(PROFILES).then().statusCode(401);
    }

    @Test
    void aDistrictAdminDefinesAProfileAndNoOneElseMay() {
        String code = "OH-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        as("grace").contentType("application/json").body(OHIO).when().put(PROFILES + "/" + code).then()
                .statusCode(200).body("code", equalTo(code)).body("builtIn", equalTo(false))
                .body("requiredHours", equalTo(180)).body("carryOver.maxHours", equalTo(30));
        as("alice").when().get(PROFILES + "/" + code).then().statusCode(200).body("name",
                equalTo("Ohio five-year professional license"));
        for (String other : List.of("henry", "frank", "alice")) {
            as(other).contentType("application/json").body(OHIO).when().put(PROFILES + "/" + code).then()
                    .statusCode(403);
        }
        given().contentType("application/json").body(OHIO).when().put(PROFILES + "/" + code).then().statusCode(401);
    }

    @Test
    void aProfileThatCannotBeAppliedIsA400NamingEachField() {
        as("grace").contentType("application/json").body("""
                {"name": "", "requiredHours": 0, "windowYears": 11,
                 "conversions": {"CLOCK_HOUR": 1, "CEU": 10, "SEMESTER_HOUR": 15},
                 "caps": {"INDEPENDENT_STUDY": 1.5}}""").when().put(PROFILES + "/XX").then().statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", hasItems("name", "requiredHours", "windowYears", "conversions"));
        as("grace").contentType("application/json").body(OHIO).when().put(PROFILES + "/oh").then().statusCode(400)
                .body("violations.field", hasItems("code"));
        as("grace").contentType("application/json").body(OHIO.replace("\"lastYears\": 1", "\"lastYears\": 6"))
                .when().put(PROFILES + "/OH-X").then().statusCode(400)
                .body("violations.field", hasItems("carryOver.lastYears"));
    }

    private static RequestSpecification as(String user) {
        return given().auth().oauth2(Tokens.user(user));
    }
}
