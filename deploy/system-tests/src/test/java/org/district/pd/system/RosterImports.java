package org.district.pd.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.startsWith;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.district.pd.platform.testing.Tokens;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/** Roster imports through the gateway: posted, answered 202, and followed at their Location until they end. */
final class RosterImports {

    static final String IMPORTS = "/api/v1/plans/roster/imports";

    private RosterImports() {
    }

    /** Posts an import and follows it; returns every state a poll saw, the last one ended. */
    static List<JsonPath> run(RequestSpecification upload, Duration atMost) {
        Response accepted = upload.when().post(IMPORTS);
        accepted.then().statusCode(202).header("Location", startsWith(IMPORTS + "/"));
        String location = accepted.header("Location");
        List<JsonPath> seen = new ArrayList<>(List.of(accepted.jsonPath()));
        Instant deadline = Instant.now().plus(atMost);
        while ("running".equals(seen.get(seen.size() - 1).getString("status"))) {
            assertThat(Instant.now()).as("import %s still running", location).isBefore(deadline);
            sleep(200);
            Response polled = Gateway.as(Tokens.user("grace")).when().get(location);
            polled.then().statusCode(200);
            seen.add(polled.jsonPath());
        }
        return seen;
    }

    /** Every entry of an import's per-row report, read page by page. */
    static List<JsonPath> report(JsonPath finished, int pageSize) {
        List<JsonPath> pages = new ArrayList<>();
        for (int page = 0; ; page++) {
            JsonPath found = Gateway.as(Tokens.user("grace")).queryParam("page", page).queryParam("size", pageSize)
                    .when().get(finished.getString("rows")).then().statusCode(200).extract().jsonPath();
            if (found.getList("items").isEmpty()) {
                return pages;
            }
            pages.add(found);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
