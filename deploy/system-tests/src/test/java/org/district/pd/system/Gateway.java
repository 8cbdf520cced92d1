package org.district.pd.system;

import static io.restassured.RestAssured.given;

import io.restassured.specification.RequestSpecification;

/** Requests to the running system, always through the gateway. */
final class Gateway {

    static final String URL = System.getProperty("pd.gateway.url", "http://localhost:8080");

    private Gateway() {
    }

    static RequestSpecification as(String token) {
        return anonymous().auth().oauth2(token);
    }

    static RequestSpecification anonymous() {
        return given().baseUri(URL);
    }
}
