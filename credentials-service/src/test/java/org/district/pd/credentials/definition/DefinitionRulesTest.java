package org.district.pd.credentials.definition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import org.district.pd.credentials.definition.DefinitionBody.Criterion;
import org.district.pd.credentials.definition.DefinitionBody.EvidenceRequirement;
import org.district.pd.credentials.definition.DefinitionBody.Level;
import org.district.pd.credentials.definition.DefinitionBody.Passing;
import org.district.pd.credentials.definition.DefinitionBody.Renewal;
import org.district.pd.credentials.definition.DefinitionBody.Review;
import org.district.pd.credentials.definition.DefinitionBody.Rubric;
import org.district.pd.credentials.issuer.OpenBadges;
import org.district.pd.platform.problem.ProblemException;
import org.junit.jupiter.api.Test;

/** The rules of a definition beyond its fields, and its defaults. */
class DefinitionRulesTest {

    private static final List<EvidenceRequirement> EVIDENCE = List.of(
            new EvidenceRequirement("plan", ArtifactKind.LESSON_PLAN, null, null, "A plan"));
    private static final List<Level> LEVELS = List.of(new Level(1, "Emerging", null), new Level(2, "Developing", null),
            new Level(3, "Proficient", null));

    private static DefinitionBody micro(Rubric rubric, Review review, Integer validity, Renewal renewal) {
        return new DefinitionBody(DefinitionBody.Kind.MICRO_CREDENTIAL, " Name ", " ", "Competency", null, null,
                EVIDENCE, rubric, review, null, BigDecimal.TEN, validity, renewal, List.of("a", "a", "b"));
    }

    @Test
    void defaultsFillTheReviewSettings() {
        DefinitionBody body = DefinitionRules.checked(micro(new Rubric(List.of(new Criterion("c", "C", null)), LEVELS,
                new Passing(2, null)), null, null, null), 3, 14);
        assertThat(body.review()).isEqualTo(new Review(1, null, 3, 14));
        assertThat(body.name()).isEqualTo("Name");
        assertThat(body.description()).isNull();
        assertThat(body.competencyTags()).containsExactly("a", "b");
        DefinitionBody two = DefinitionRules.checked(micro(new Rubric(List.of(new Criterion("c", "C", null)), LEVELS,
                new Passing(2, null)), new Review(2, null, 5, null), null, null), 3, 14);
        assertThat(two.review()).isEqualTo(new Review(2, DefinitionBody.Disagreement.THIRD_ASSESSOR, 5, 14));
    }

    @Test
    void rubricAndRenewalMustHoldTogether() {
        Rubric wrong = new Rubric(List.of(new Criterion("c", "C", null), new Criterion("c", "D", null)),
                List.of(new Level(2, "B", null), new Level(1, "A", null)), new Passing(5, 99));
        assertThatThrownBy(() -> DefinitionRules.checked(micro(wrong, new Review(1,
                DefinitionBody.Disagreement.RESUBMIT, null, null), null, new Renewal(30, List.of("nope"))), 3, 14))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.violations())
                        .extracting(violation -> violation.field())
                        .containsExactlyInAnyOrder("rubric.criteria[1].key", "rubric.levels[1].score",
                                "rubric.passing.minimumLevel", "rubric.passing.minimumTotal",
                                "review.onDisagreement", "renewal", "renewal.evidence[0]"));
    }

    @Test
    void aStackHasMembersAndNothingToReview() {
        DefinitionBody stack = new DefinitionBody(DefinitionBody.Kind.STACK, "S", null, "C", null, null, EVIDENCE,
                null, null, List.of(UUID.randomUUID()), BigDecimal.ONE, null, null, null);
        assertThatThrownBy(() -> DefinitionRules.checked(stack, 3, 14))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.violations())
                        .extracting(violation -> violation.field()).containsExactly("members", "evidence"));
    }

    @Test
    void theRecipientHashIsOpenBadgesIdentityHash() {
        // The example in the Open Badges 3.0 schema: SHA-256 of 'a@example.comKosher'.
        assertThat(OpenBadges.identityHash("a@example.com", "Kosher"))
                .isEqualTo("sha256$b5809d8a92f8858436d7e6b87c12ebc0ae1eac4baecc2c0b913aee2c922ef399");
        assertThat(OpenBadges.identityHash(" A@Example.com ", "Kosher"))
                .isEqualTo(OpenBadges.identityHash("a@example.com", "Kosher"));
    }
}
