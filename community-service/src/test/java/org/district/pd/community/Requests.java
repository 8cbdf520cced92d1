package org.district.pd.community;

import static io.restassured.RestAssured.given;

import org.district.pd.platform.testing.Tokens;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/** Requests as a demo user, with a JSON body when one is given. */
public final class Requests {

    private Requests() {
    }

    public static ValidatableResponse send(String method, String user, String path, String body) {
        var request = given().auth().oauth2(Tokens.user(user));
        if (!body.isEmpty()) {
            request = request.contentType(ContentType.JSON).body(body);
        }
        return request.when().request(method.toUpperCase(), path).then();
    }

    public static ValidatableResponse get(String user, String path) {
        return send("get", user, path, "");
    }

    public static ValidatableResponse post(String user, String path, String body) {
        return send("post", user, path, body);
    }
}
