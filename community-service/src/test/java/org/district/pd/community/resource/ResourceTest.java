package org.district.pd.community.resource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.district.pd.community.Demo.ALICE;
import static org.district.pd.community.Demo.COMMUNITIES;
import static org.district.pd.community.Demo.LINCOLN;
import static org.district.pd.community.Demo.community;
import static org.district.pd.community.Demo.create;
import static org.district.pd.community.Requests.get;
import static org.district.pd.community.Requests.post;
import static org.district.pd.community.Requests.send;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import java.time.Duration;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.district.pd.community.Demo;
import org.district.pd.platform.testing.EventContracts;
import org.district.pd.platform.testing.KafkaTestClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** Sharing, upvoting and collecting resources, and the district library. */
@QuarkusTest
class ResourceTest {

    private static final String API = "/api/v1/community";

    @BeforeEach
    void roster() {
        Demo.rosterEveryone();
    }

    @Test
    void aSharedResourceIsAnnouncedUpvotedOnceEachAndRankedInTheLibraryByTag() {
        String network = create("alice", community("NETWORK", "OPEN", null, false));
        post("carol", COMMUNITIES + "/" + network + "/join", "{}").statusCode(200);
        String tag = "tag-" + UUID.randomUUID().toString().substring(0, 8);
        String first = share("alice", network, "https://example.org/talks", tag);
        String second = share("carol", network, "https://example.org/tasks", tag);

        ConsumerRecord<String, String> record = KafkaTestClient.awaitRecord("pd.community.events",
                r -> r.value().contains(first), Duration.ofSeconds(30));
        assertThat(record.key()).isEqualTo(ALICE);
        assertThat(KafkaTestClient.header(record, "ce_type")).isEqualTo("pd.community.resource.shared.v1");
        assertThat(EventContracts.violations("pd.community.resource.shared.v1", record.value())).isEmpty();

        post("carol", API + "/resources/" + second + "/upvote", "").statusCode(200).body("upvotes", equalTo(1));
        post("carol", API + "/resources/" + second + "/upvote", "").statusCode(200).body("upvotes", equalTo(1))
                .body("upvotedByMe", equalTo(true));
        post("alice", API + "/resources/" + second + "/upvote", "").statusCode(200).body("upvotes", equalTo(2));
        post("dan", API + "/resources/" + first + "/upvote", "").statusCode(200).body("upvotes", equalTo(1));
        // The library ranks by upvotes within the tag; Dan, at another school, reads it too.
        get("dan", API + "/library?tag=" + tag).statusCode(200).body("items.id", contains(second, first))
                .body("total", equalTo(2));
        get("dan", API + "/library/tags").statusCode(200).body("tag", hasItem(tag));
        send("delete", "alice", API + "/resources/" + second + "/upvote", "").statusCode(200)
                .body("upvotes", equalTo(1)).body("upvotedByMe", equalTo(false));
        post("bob", API + "/resources/" + first + "/upvote", "").statusCode(200).body("upvotes", equalTo(2));
        get("alice", COMMUNITIES + "/" + network + "/resources?sort=top&tag=" + tag + "&kind=ARTICLE").statusCode(200)
                .body("items.id", contains(first, second));
        get("alice", COMMUNITIES + "/" + network + "/resources?tag=other").statusCode(200)
                .body("items", hasSize(0));
        get("alice", COMMUNITIES + "/" + network + "/resources?sort=best").statusCode(400)
                .body("violations[0].field", equalTo("sort"));
    }

    @Test
    void aPrivateCommunitysResourcesStayInsideItAndCollectionsAreTheirOwnersAlone() {
        String plc = create("frank", community("PLC", "REQUEST", LINCOLN, false));
        // Frank is no member of his school's PLC: he started it, but only educators take part.
        post("frank", COMMUNITIES + "/" + plc + "/facilitators", "{\"educatorId\":\"" + ALICE + "\"}")
                .statusCode(400);
        String request = post("alice", COMMUNITIES + "/" + plc + "/join", "{}").extract().path("request.id");
        post("frank", COMMUNITIES + "/" + plc + "/requests/" + request + "/approval", "").statusCode(200);
        String tag = "tag-" + UUID.randomUUID().toString().substring(0, 8);
        String hidden = share("alice", plc, "https://example.org/private", tag);
        get("alice", API + "/library?tag=" + tag).statusCode(200).body("items", hasSize(0));
        get("bob", API + "/resources/" + hidden).statusCode(403);
        post("bob", COMMUNITIES + "/" + plc + "/resources", """
                {"url":"https://example.org","title":"x","kind":"BOOK"}""").statusCode(403);

        String collection = post("alice", API + "/collections", "{\"name\":\"Formative assessment\"}")
                .statusCode(200).extract().path("id");
        post("alice", API + "/collections/" + collection + "/items", "{\"resourceId\":\"" + hidden + "\"}")
                .statusCode(200).body("resources.id", contains(hidden));
        post("alice", API + "/collections/" + collection + "/items", "{\"resourceId\":\"" + hidden + "\"}")
                .statusCode(200).body("resources", hasSize(1));
        get("alice", API + "/collections").statusCode(200).body("id", hasItem(collection));
        get("bob", API + "/collections/" + collection).statusCode(404);
        get("bob", API + "/collections").statusCode(200).body("id", not(hasItem(collection)));
        String bobs = post("bob", API + "/collections", "{\"name\":\"Mine\"}").extract().path("id");
        post("bob", API + "/collections/" + bobs + "/items", "{\"resourceId\":\"" + hidden + "\"}").statusCode(400)
                .body("violations[0].field", equalTo("resourceId"));
        send("delete", "alice", API + "/collections/" + collection + "/items/" + hidden, "").statusCode(200)
                .body("resources", hasSize(0));
        send("delete", "alice", API + "/collections/" + collection, "").statusCode(204);
    }

    @Test
    void badResourcesAreRefusedNamingTheField() {
        String network = create("alice", community("NETWORK", "OPEN", null, false));
        post("alice", COMMUNITIES + "/" + network + "/resources", """
                {"url":"javascript:alert(1)","title":"x","kind":"BOOK"}""").statusCode(400)
                .body("violations[0].field", equalTo("url"));
        post("alice", COMMUNITIES + "/" + network + "/resources", """
                {"url":"https://example.org","title":"x","kind":"PODCAST"}""").statusCode(400)
                .body("violations[0].field", equalTo("kind"));
    }

    private static String share(String user, String community, String url, String tag) {
        return post(user, COMMUNITIES + "/" + community + "/resources", """
                {"url":"%s","title":"Number talks","kind":"ARTICLE","tags":["%s","math"],
                 "note":"Got every student talking"}""".formatted(url, tag)).statusCode(200)
                .body("tags", contains(tag, "math")).extract().path("id");
    }
}
