package org.district.pd.community.discussion;

import static io.restassured.RestAssured.given;
import static org.district.pd.community.Demo.ALICE;
import static org.district.pd.community.Demo.BOB;
import static org.district.pd.community.Demo.COMMUNITIES;
import static org.district.pd.community.Demo.ERIN;
import static org.district.pd.community.Demo.LINCOLN;
import static org.district.pd.community.Demo.community;
import static org.district.pd.community.Demo.create;
import static org.district.pd.community.Requests.send;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import org.district.pd.community.Demo;
import org.district.pd.platform.testing.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Threads, replies, mentions, reactions, edit history and moderation, for members only where it is private. */
@QuarkusTest
class DiscussionTest {

    private static final String API = "/api/v1/community";

    @BeforeEach
    void roster() {
        Demo.rosterEveryone();
    }

    @Test
    void membersDiscussMentionAndReactAndNonMembersOfAPrivateCommunityReadNothing() {
        String plc = create("erin", community("PLC", "REQUEST", LINCOLN, false));
        invite(plc, ALICE);
        String thread = send("post", "alice", COMMUNITIES + "/" + plc + "/threads", """
                {"title":"Exit tickets","body":"How do you sort them fast?","mentions":["%s"]}""".formatted(ERIN))
                .statusCode(200).body("kind", equalTo("DISCUSSION")).body("mentions.educatorId", contains(ERIN))
                .body("author.name", equalTo("Alice Demo")).extract().path("id");
        // Bob (Lincoln, not a member) neither reads nor posts; a mention must name a member.
        send("get", "bob", COMMUNITIES + "/" + plc + "/threads", "").statusCode(403);
        send("get", "bob", API + "/threads/" + thread, "").statusCode(403);
        send("post", "alice", COMMUNITIES + "/" + plc + "/threads", """
                {"title":"x","body":"y","mentions":["%s","%s"]}""".formatted(ERIN, BOB)).statusCode(400)
                .body("violations[0].field", equalTo("mentions[1]"));
        send("post", "erin", API + "/threads/" + thread + "/replies", "{\"body\":\"Three piles: got it, almost, "
                + "not yet\"}").statusCode(200).body("kind", equalTo("REPLY"));
        send("post", "alice", API + "/posts/" + thread + "/reactions", "{\"reaction\":\"THANKS\"}").statusCode(200);
        send("post", "erin", API + "/posts/" + thread + "/reactions", "{\"reaction\":\"THANKS\"}").statusCode(200);
        send("post", "erin", API + "/posts/" + thread + "/reactions", "{\"reaction\":\"THANKS\"}").statusCode(200)
                .body("reactions.THANKS", equalTo(2)).body("myReactions", contains("THANKS"));
        send("get", "alice", API + "/threads/" + thread, "").statusCode(200)
                .body("thread.replyCount", equalTo(1)).body("replies.items", hasSize(1))
                .body("replies.items[0].author.educatorId", equalTo(ERIN));
        send("get", "erin", API + "/me/mentions", "").statusCode(200).body("items.id", hasItem(thread));
        send("delete", "erin", API + "/posts/" + thread + "/reactions/THANKS", "").statusCode(200)
                .body("reactions.THANKS", equalTo(1)).body("myReactions", hasSize(0));
        // Frank oversees Lincoln's communities but is no member: a private community's discussions are not his.
        send("get", "frank", COMMUNITIES + "/" + plc + "/threads", "").statusCode(403);
    }

    @Test
    void anEditKeepsTheEarlierVersionAndOnlyItsAuthorEdits() {
        String network = create("alice", community("NETWORK", "OPEN", null, false));
        send("post", "carol", COMMUNITIES + "/" + network + "/join", "{}").statusCode(200);
        String thread = send("post", "carol", COMMUNITIES + "/" + network + "/threads",
                "{\"title\":\"Number talks\",\"body\":\"First draft\"}").extract().path("id");
        send("put", "alice", API + "/posts/" + thread, "{\"body\":\"Not mine\"}").statusCode(403);
        send("put", "carol", API + "/posts/" + thread, "{\"body\":\"Second draft\"}").statusCode(200)
                .body("body", equalTo("Second draft")).body("revisions", equalTo(1));
        send("get", "alice", API + "/posts/" + thread + "/revisions", "").statusCode(200)
                .body("body", contains("First draft")).body("revision", contains(0));
        // An open community's discussions are read by anyone it is for, members or not; posting is for members.
        send("get", "dan", COMMUNITIES + "/" + network + "/threads", "").statusCode(200)
                .body("items.id", hasItem(thread));
        send("post", "dan", API + "/threads/" + thread + "/replies", "{\"body\":\"hi\"}").statusCode(403);
    }

    @Test
    void aFacilitatorHidesAPostWithAReasonAndOthersSeeTheReasonNotThePost() {
        String network = create("alice", community("NETWORK", "OPEN", null, false));
        send("post", "carol", COMMUNITIES + "/" + network + "/join", "{}").statusCode(200);
        send("post", "bob", COMMUNITIES + "/" + network + "/join", "{}").statusCode(200);
        String thread = send("post", "carol", COMMUNITIES + "/" + network + "/threads",
                "{\"title\":\"Grades\",\"body\":\"Student X failed again\"}").extract().path("id");
        send("post", "bob", API + "/posts/" + thread + "/hide", "{\"reason\":\"x\"}").statusCode(403);
        send("post", "alice", API + "/posts/" + thread + "/hide", "{}").statusCode(400)
                .body("violations[0].field", equalTo("reason"));
        send("post", "alice", API + "/posts/" + thread + "/hide", "{\"reason\":\"Names a student\"}")
                .statusCode(200).body("hidden", equalTo(true)).body("body", equalTo("Student X failed again"));
        send("get", "bob", API + "/threads/" + thread, "").statusCode(200).body("thread.hidden", equalTo(true))
                .body("thread.body", nullValue()).body("thread.hiddenReason", equalTo("Names a student"));
        send("get", "carol", API + "/threads/" + thread, "").statusCode(200)
                .body("thread.body", equalTo("Student X failed again"));
        send("post", "bob", API + "/threads/" + thread + "/replies", "{\"body\":\"hi\"}").statusCode(409);
        send("put", "carol", API + "/posts/" + thread, "{\"body\":\"edited\"}").statusCode(409);
        send("post", "alice", API + "/posts/" + thread + "/unhide", "").statusCode(200).body("hidden", equalTo(false));
    }

    @Test
    void aReflectionTellsWhatWasTriedWhyAndWhatHappenedForStudents() {
        String network = create("alice", community("NETWORK", "OPEN", null, false));
        send("post", "alice", COMMUNITIES + "/" + network + "/threads", "{\"kind\":\"REFLECTION\",\"tried\":\"x\"}")
                .statusCode(400).body("violations[0].field", equalTo("why"));
        send("post", "alice", COMMUNITIES + "/" + network + "/threads", """
                {"kind":"REFLECTION","tried":"Exit tickets every lesson","why":"To see who needs help tomorrow",
                 "impact":"Small groups formed the next day; quiz scores rose"}""").statusCode(200)
                .body("kind", equalTo("REFLECTION")).body("title", equalTo("Reflection"))
                .body("impact", equalTo("Small groups formed the next day; quiz scores rose"));
        send("get", "carol", COMMUNITIES + "/" + network + "/threads", "").statusCode(200)
                .body("items[0].kind", equalTo("REFLECTION"));
        send("post", "alice", COMMUNITIES + "/" + network + "/threads", "{\"title\":\"x\"}").statusCode(400)
                .body("violations[0].field", equalTo("body"));
        send("get", "alice", COMMUNITIES + "/" + network + "/threads?size=0", "").statusCode(400)
                .body("violations[0].field", equalTo("size"));
    }

    private static void invite(String community, String educator) {
        String invitation = send("post", "erin", COMMUNITIES + "/" + community + "/invitations",
                "{\"educatorId\":\"" + educator + "\"}").statusCode(200).extract().path("id");
        send("post", educator.equals(ALICE) ? "alice" : "carol", API + "/me/requests/" + invitation + "/accept", "")
                .statusCode(200);
    }
}
