package org.district.pd.community.peer;

import static org.district.pd.community.Demo.ALICE;
import static org.district.pd.community.Demo.CAROL;
import static org.district.pd.community.Demo.DAN;
import static org.district.pd.community.Demo.community;
import static org.district.pd.community.Demo.create;
import static org.district.pd.community.Requests.get;
import static org.district.pd.community.Requests.send;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import org.district.pd.community.Demo;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** Suggested communities and colleagues across schools, from the roster and the teacher's own tags. */
@QuarkusTest
class PeerTest {

    private static final String ME = "/api/v1/community/me";

    @BeforeEach
    void roster() {
        Demo.rosterEveryone();
    }

    @Test
    void aTeacherFindsColleaguesAtOtherSchoolsBySubjectAndCommunitiesByTheirTags() {
        send("put", "alice", ME + "/interests", "{\"tags\":[\"number-talks\",\"assessment-design\"]}")
                .statusCode(200).body("tags", contains("number-talks", "assessment-design"));
        send("put", "alice", ME + "/interests", "{\"tags\":[\"Number Talks\"]}").statusCode(400)
                .body("violations[0].field", equalTo("tags[0]"));
        String network = create("dan", """
                {"kind":"NETWORK","name":"Number talks across the district","purpose":"Share number talks",
                 "tags":["number-talks"],"visibility":"OPEN"}""");
        // Carol teaches mathematics in grades 7-8 at Roosevelt: Alice (Lincoln, mathematics 6-7) should meet her.
        // Bob teaches at Alice's own school: not a suggestion. Dan teaches English in grade 10: nothing in common.
        get("alice", ME + "/suggestions").statusCode(200)
                .body("basedOn", hasItem("mathematics")).body("basedOn", hasItem("grades-6-8"))
                .body("communities.id", hasItem(network))
                .body("communities.find { it.id == '" + network + "' }.matched", contains("number-talks"))
                .body("colleagues.educatorId", hasItem(CAROL))
                .body("colleagues.find { it.educatorId == '" + CAROL + "' }.sharedSubjects", contains("Mathematics"))
                .body("colleagues.find { it.educatorId == '" + CAROL + "' }.sharedGradeBands", contains("6-8"))
                .body("colleagues.educatorId", not(hasItem(Demo.BOB)))
                .body("colleagues.educatorId", not(hasItem(DAN)))
                .body("colleagues.educatorId", not(hasItem(ALICE)));
        // Once she has joined, the network is no longer suggested.
        send("post", "alice", "/api/v1/community/communities/" + network + "/join", "{}").statusCode(200);
        get("alice", ME + "/suggestions").statusCode(200).body("communities.id", not(hasItem(network)));
        get("grace", ME + "/interests").statusCode(200);
        get("henry", ME + "/suggestions").statusCode(403);
    }

    @Test
    void aSubjectBecomesATagAndGradesBecomeBands() {
        org.assertj.core.api.Assertions.assertThat(PeerService.slug("Social Studies / História")).isEqualTo(
                "social-studies-historia");
        org.assertj.core.api.Assertions.assertThat(PeerService.tagsOf(new String[] {"x"},
                new String[] {"Mathematics"}, new String[] {"6-8"})).containsExactly("x", "mathematics",
                        "grades-6-8");
        org.assertj.core.api.Assertions.assertThat(
                org.district.pd.community.educator.GradeBands.of(new String[] {"KG", "01", "07", "12", "13", "x"}))
                .containsExactly("K-2", "6-8", "9-12");
        org.hamcrest.MatcherAssert.assertThat(community("NETWORK", "OPEN", null, false),
                org.hamcrest.Matchers.containsString("NETWORK"));
    }
}
