package org.district.pd.community.strength;

import static org.assertj.core.api.Assertions.assertThat;
import static org.district.pd.community.Demo.CAROL;
import static org.district.pd.community.Demo.COMMUNITIES;
import static org.district.pd.community.Demo.ERIN;
import static org.district.pd.community.Demo.community;
import static org.district.pd.community.Demo.create;
import static org.district.pd.community.Requests.get;
import static org.district.pd.community.Requests.post;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.time.Duration;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.district.pd.community.Demo;
import org.district.pd.platform.testing.EventContracts;
import org.district.pd.platform.testing.KafkaTestClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** Endorsements by colleagues, never by oneself, and the strength profile they make. */
@QuarkusTest
class StrengthTest {

    private static final String STRENGTHS = "/api/v1/community/strengths";

    @BeforeEach
    void roster() {
        Demo.rosterEveryone();
    }

    @Test
    void colleaguesEndorseAStrengthOnceAndTheProfileCountsThem() {
        get("dan", STRENGTHS).statusCode(200).body("key", hasItem("assessment-design"))
                .body("find { it.key == 'flexibility' }.category", equalTo("PERSONAL"));
        // Erin works at Carol's school: a colleague. Nobody endorses themselves.
        String id = post("erin", STRENGTHS + "/profiles/" + CAROL + "/endorsements",
                "{\"strength\":\"assessment-design\",\"note\":\"Her exit tickets changed my teaching\"}")
                .statusCode(200).body("endorsedBy.educatorId", equalTo(ERIN)).extract().path("id");
        post("erin", STRENGTHS + "/profiles/" + CAROL + "/endorsements", "{\"strength\":\"assessment-design\"}")
                .statusCode(409);
        post("carol", STRENGTHS + "/profiles/" + CAROL + "/endorsements", "{\"strength\":\"flexibility\"}")
                .statusCode(403);
        post("erin", STRENGTHS + "/profiles/" + CAROL + "/endorsements", "{\"strength\":\"juggling\"}")
                .statusCode(400).body("violations[0].field", equalTo("strength"));
        // Dan teaches at Jefferson High and shares no community with Carol: no endorsement until they do.
        post("dan", STRENGTHS + "/profiles/" + CAROL + "/endorsements", "{\"strength\":\"flexibility\"}")
                .statusCode(403);
        String network = create("dan", community("NETWORK", "OPEN", null, false));
        post("carol", COMMUNITIES + "/" + network + "/join", "{}").statusCode(200);
        post("dan", STRENGTHS + "/profiles/" + CAROL + "/endorsements",
                "{\"strength\":\"assessment-design\",\"note\":\"Great rubrics\"}").statusCode(200);

        get("alice", STRENGTHS + "/profiles/" + CAROL).statusCode(200)
                .body("strengths.find { it.key == 'assessment-design' }.endorsements", equalTo(2))
                .body("strengths.find { it.key == 'assessment-design' }.recent[0].note", equalTo("Great rubrics"));

        ConsumerRecord<String, String> record = KafkaTestClient.awaitRecord("pd.community.events",
                r -> r.value().contains(id), Duration.ofSeconds(30));
        assertThat(record.key()).isEqualTo(CAROL);
        assertThat(KafkaTestClient.header(record, "ce_type")).isEqualTo("pd.community.strength.endorsed.v1");
        assertThat(EventContracts.violations("pd.community.strength.endorsed.v1", record.value())).isEmpty();
        assertThat(record.value()).contains("\"endorsedBy\":\"" + ERIN + "\"");
        get("carol", STRENGTHS + "/profiles/not-a-uuid").statusCode(400);
        get("henry", STRENGTHS + "/profiles/" + CAROL).statusCode(403);
    }
}
