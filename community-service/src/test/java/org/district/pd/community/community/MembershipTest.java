package org.district.pd.community.community;

import static io.restassured.RestAssured.given;
import static org.district.pd.community.Demo.ALICE;
import static org.district.pd.community.Demo.BOB;
import static org.district.pd.community.Demo.CAROL;
import static org.district.pd.community.Demo.COMMUNITIES;
import static org.district.pd.community.Demo.ERIN;
import static org.district.pd.community.Demo.JACK;
import static org.district.pd.community.Demo.LINCOLN;
import static org.district.pd.community.Demo.ROOSEVELT;
import static org.district.pd.community.Demo.community;
import static org.district.pd.community.Demo.create;
import static org.district.pd.community.Requests.get;
import static org.district.pd.community.Requests.post;
import static org.district.pd.community.Requests.send;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import org.district.pd.community.Demo;
import org.district.pd.platform.testing.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Starting communities and the membership lifecycle, with real tokens, roster and database. */
@QuarkusTest
class MembershipTest {

    @BeforeEach
    void roster() {
        Demo.rosterEveryone();
    }

    @Test
    void whoStartsWhichCommunity() {
        // A teacher starts a network, not a PLC; a facilitator a PLC of their school, not another school's.
        create("alice", community("NETWORK", "OPEN", null, false));
        post("alice", COMMUNITIES, community("PLC", "OPEN", LINCOLN, false)).statusCode(403);
        create("jack", community("PLC", "OPEN", ROOSEVELT, false));
        post("jack", COMMUNITIES, community("PLC", "OPEN", LINCOLN, false)).statusCode(403);
        // Ledger hours are granted, not taken: a facilitator or teacher does not make a community credit-bearing.
        post("jack", COMMUNITIES, community("PLC", "OPEN", ROOSEVELT, true)).statusCode(403);
        post("alice", COMMUNITIES, community("NETWORK", "OPEN", null, true)).statusCode(403);
        String credited = create("frank", community("PLC", "OPEN", LINCOLN, true));
        get("frank", COMMUNITIES + "/" + credited).body("creditBearing", equalTo(true));
        String jacks = create("jack", community("PLC", "OPEN", ROOSEVELT, false));
        send("put", "jack", COMMUNITIES + "/" + jacks + "/credit-bearing", "{\"creditBearing\":true}")
                .statusCode(403);
        send("put", "jack", COMMUNITIES + "/" + jacks, community("PLC", "OPEN", ROOSEVELT, true)).statusCode(403);
        send("put", "frank", COMMUNITIES + "/" + jacks + "/credit-bearing", "{\"creditBearing\":true}")
                .statusCode(404);
        send("put", "grace", COMMUNITIES + "/" + jacks + "/credit-bearing", "{\"creditBearing\":true}")
                .statusCode(200).body("creditBearing", equalTo(true));
        // Editing the purpose leaves the credit as granted; a facilitator who tries to drop it is refused.
        send("put", "jack", COMMUNITIES + "/" + jacks, """
                {"kind":"PLC","name":"Renamed","purpose":"p","schoolId":"%s","visibility":"OPEN"}"""
                .formatted(ROOSEVELT)).statusCode(200).body("creditBearing", equalTo(true));
        send("put", "jack", COMMUNITIES + "/" + jacks, community("PLC", "OPEN", ROOSEVELT, false)).statusCode(403);
        // A principal starts their own school's communities only; HR none at all; no token is a 401.
        create("frank", community("COHORT", "REQUEST", LINCOLN, false));
        post("frank", COMMUNITIES, community("COHORT", "REQUEST", null, false)).statusCode(403);
        post("henry", COMMUNITIES, community("NETWORK", "OPEN", null, false)).statusCode(403);
        given().contentType(ContentType.JSON).body(community("NETWORK", "OPEN", null, false))
                .when().post(COMMUNITIES).then().statusCode(401);
        // The founder is its first facilitator.
        String id = create("jack", community("PLC", "OPEN", ROOSEVELT, false));
        get("jack", COMMUNITIES + "/" + id).statusCode(200).body("facilitators.educatorId", contains(JACK))
                .body("myRole", equalTo("FACILITATOR")).body("members", equalTo(1));
    }

    @Test
    void anOpenCommunityIsJoinedAtOnceByThoseItIsFor() {
        String plc = create("jack", community("PLC", "OPEN", ROOSEVELT, false));
        post("carol", COMMUNITIES + "/" + plc + "/join", "{}").statusCode(200)
                .body("membership.educatorId", equalTo(CAROL)).body("membership.role", equalTo("MEMBER"));
        post("carol", COMMUNITIES + "/" + plc + "/join", "{}").statusCode(409);
        // Alice teaches at Lincoln: she sees Roosevelt's open PLC nowhere and cannot join it.
        get("alice", COMMUNITIES + "/" + plc).statusCode(404);
        post("alice", COMMUNITIES + "/" + plc + "/join", "{}").statusCode(404);
        get("carol", COMMUNITIES + "/" + plc + "/members").statusCode(200)
                .body("items.educatorId", contains(JACK, CAROL)).body("total", equalTo(2));
        get("carol", COMMUNITIES + "?mine=true&size=200").statusCode(200).body("items.id", hasItem(plc));
        get("carol", COMMUNITIES + "?tag=grade-7&kind=PLC&q=plc&size=200").statusCode(200)
                .body("items.id", hasItem(plc));
        get("carol", COMMUNITIES + "?tag=grade-8&size=200").statusCode(200).body("items.id", not(hasItem(plc)));
        get("alice", COMMUNITIES + "?size=200").statusCode(200).body("items.id", not(hasItem(plc)));
    }

    @Test
    void aRequestWaitsForAFacilitatorWhoApprovesOrDeclines() {
        String network = create("alice", community("NETWORK", "REQUEST", null, false));
        String request = post("carol", COMMUNITIES + "/" + network + "/join", "{\"note\":\"I teach grade 7 math\"}")
                .statusCode(200).body("membership", nullValue()).body("request.status", equalTo("PENDING"))
                .extract().path("request.id");
        get("carol", COMMUNITIES + "/" + network).body("myRequest.id", equalTo(request)).body("myRole", nullValue());
        // Carol does not approve herself; Bob, not a facilitator, cannot either.
        post("bob", COMMUNITIES + "/" + network + "/requests/" + request + "/approval", "").statusCode(403);
        post("carol", "/api/v1/community/me/requests/" + request + "/accept", "").statusCode(409);
        get("alice", COMMUNITIES + "/" + network + "/requests").statusCode(200)
                .body("id", contains(request)).body("note", contains("I teach grade 7 math"));
        post("alice", COMMUNITIES + "/" + network + "/requests/" + request + "/approval", "").statusCode(200)
                .body("status", equalTo("APPROVED"));
        get("carol", COMMUNITIES + "/" + network).body("myRole", equalTo("MEMBER")).body("members", equalTo(2));
        // Bob asks and withdraws; Erin asks and is declined.
        String bobs = post("bob", COMMUNITIES + "/" + network + "/join", "{}").extract().path("request.id");
        post("bob", "/api/v1/community/me/requests/" + bobs + "/decline", "").statusCode(200)
                .body("status", equalTo("WITHDRAWN"));
        String erins = post("erin", COMMUNITIES + "/" + network + "/join", "{}").extract().path("request.id");
        post("alice", COMMUNITIES + "/" + network + "/requests/" + erins + "/decline", "").statusCode(200)
                .body("status", equalTo("DECLINED"));
        post("alice", COMMUNITIES + "/" + network + "/requests/" + erins + "/approval", "").statusCode(409);
        // Dan asks; the network then goes invite-only: his own request still lists, and he can still withdraw it.
        String dans = post("dan", COMMUNITIES + "/" + network + "/join", "{}").extract().path("request.id");
        send("put", "alice", COMMUNITIES + "/" + network, """
                {"kind":"NETWORK","name":"Closed now","purpose":"p","visibility":"INVITE"}""").statusCode(200);
        get("dan", COMMUNITIES + "/" + network).statusCode(404);
        get("dan", "/api/v1/community/me/requests").statusCode(200).body("id", hasItem(dans));
        post("dan", "/api/v1/community/me/requests/" + dans + "/decline", "").statusCode(200)
                .body("status", equalTo("WITHDRAWN"));
    }

    @Test
    void anInviteOnlyCircleIsUnseenUntilTheInvitationAndOverseenByItsPrincipal() {
        String circle = create("erin", community("COACHING_CIRCLE", "INVITE", LINCOLN, false));
        get("alice", COMMUNITIES + "/" + circle).statusCode(404);
        post("alice", COMMUNITIES + "/" + circle + "/join", "{}").statusCode(404);
        // Carol is not a Lincoln educator: she cannot be invited to a Lincoln circle.
        post("erin", COMMUNITIES + "/" + circle + "/invitations", "{\"educatorId\":\"" + CAROL + "\"}")
                .statusCode(400).body("violations[0].field", equalTo("educatorId"));
        String invitation = post("erin", COMMUNITIES + "/" + circle + "/invitations",
                "{\"educatorId\":\"" + ALICE + "\",\"note\":\"Join our coaching circle\"}").statusCode(200)
                .body("kind", equalTo("INVITATION")).extract().path("id");
        get("alice", "/api/v1/community/me/requests").statusCode(200).body("id", hasItem(invitation));
        get("alice", COMMUNITIES + "/" + circle).statusCode(200).body("myRequest.kind", equalTo("INVITATION"));
        get("bob", COMMUNITIES + "/" + circle).statusCode(404);
        // Nobody else answers Alice's invitation.
        post("bob", "/api/v1/community/me/requests/" + invitation + "/accept", "").statusCode(404);
        post("alice", "/api/v1/community/me/requests/" + invitation + "/accept", "").statusCode(200)
                .body("status", equalTo("APPROVED"));
        get("alice", COMMUNITIES + "/" + circle).statusCode(200).body("myRole", equalTo("MEMBER"));
        // Frank, Lincoln's principal, oversees it: sees it and its members. Jack's principal-less school does not.
        get("frank", COMMUNITIES + "/" + circle + "/members").statusCode(200)
                .body("items.educatorId", containsInAnyOrder(ERIN, ALICE));
        get("jack", COMMUNITIES + "/" + circle + "/members").statusCode(404);
        get("bob", COMMUNITIES + "/" + circle + "/members").statusCode(404);
    }

    @Test
    void membersLeaveAndAreRemovedWithAReasonAndTheLastFacilitatorNamesAnother() {
        String network = create("alice", community("NETWORK", "OPEN", null, false));
        post("bob", COMMUNITIES + "/" + network + "/join", "{}").statusCode(200);
        post("carol", COMMUNITIES + "/" + network + "/join", "{}").statusCode(200);
        post("alice", COMMUNITIES + "/" + network + "/leave", "").statusCode(409)
                .body("detail", containsString("facilitators"));
        post("bob", COMMUNITIES + "/" + network + "/members/" + CAROL + "/removal", "{\"reason\":\"x\"}")
                .statusCode(403);
        post("alice", COMMUNITIES + "/" + network + "/members/" + CAROL + "/removal", "{}").statusCode(400)
                .body("violations[0].field", equalTo("reason"));
        post("alice", COMMUNITIES + "/" + network + "/members/" + CAROL + "/removal",
                "{\"reason\":\"Posted student names\"}").statusCode(200)
                .body("endedHow", equalTo("REMOVED")).body("endReason", equalTo("Posted student names"));
        post("alice", COMMUNITIES + "/" + network + "/facilitators", "{\"educatorId\":\"" + BOB + "\"}")
                .statusCode(200).body("role", equalTo("FACILITATOR"));
        post("alice", COMMUNITIES + "/" + network + "/leave", "").statusCode(200).body("endedHow", equalTo("LEFT"));
        get("bob", COMMUNITIES + "/" + network + "/members").statusCode(200).body("items.educatorId", contains(BOB));
        // Rejoining opens a new period: the growth counts every join and departure in its month.
        post("carol", COMMUNITIES + "/" + network + "/join", "{}").statusCode(200);
        get("bob", COMMUNITIES + "/" + network + "/growth").statusCode(200)
                .body("members", equalTo(2)).body("peak", equalTo(2))
                .body("months[-1].joined", equalTo(4)).body("months[-1].left", equalTo(2));
    }

    @Test
    void badInputIsAProblemNamingTheField() {
        post("alice", COMMUNITIES, "{\"kind\":\"CLUB\",\"name\":\"x\",\"purpose\":\"y\",\"visibility\":\"OPEN\"}")
                .statusCode(400).contentType("application/problem+json").body("violations[0].field", equalTo("kind"));
        post("alice", COMMUNITIES, "{\"kind\":\"NETWORK\",\"name\":\"x\",\"purpose\":\"y\",\"visibility\":\"OPEN\","
                + "\"tags\":[\"Not A Tag\"]}").statusCode(400).body("violations[0].field", equalTo("tags[0]"));
        get("alice", COMMUNITIES + "/not-a-uuid").statusCode(400).body("violations[0].field", equalTo("id"));
        get("alice", COMMUNITIES + "?kind=CLUB").statusCode(400).body("violations[0].field", equalTo("kind"));
        given().auth().oauth2(Tokens.user("alice")).contentType(ContentType.TEXT).body("")
                .when().post(COMMUNITIES).then().statusCode(415).contentType("application/problem+json");
    }
}
