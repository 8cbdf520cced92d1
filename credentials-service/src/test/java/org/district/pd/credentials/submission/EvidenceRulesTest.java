package org.district.pd.credentials.submission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

import org.district.pd.credentials.definition.ArtifactKind;
import org.district.pd.credentials.definition.DefinitionBody;
import org.district.pd.credentials.definition.DefinitionBody.EvidenceRequirement;
import org.district.pd.credentials.submission.rest.NewSubmission.NewArtifact;
import org.district.pd.platform.problem.ProblemException;
import org.junit.jupiter.api.Test;

/** Evidence against its requirements: forms, counts, file types by their bytes, sizes and hashes. */
class EvidenceRulesTest {

    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0};
    private static final DefinitionBody DEFINITION = new DefinitionBody(DefinitionBody.Kind.MICRO_CREDENTIAL, "n",
            null, "c", null, null, List.of(
                    new EvidenceRequirement("work", ArtifactKind.STUDENT_WORK, 2, 3, "Samples"),
                    new EvidenceRequirement("video", ArtifactKind.VIDEO_LINK, null, null, "A video"),
                    new EvidenceRequirement("reflection", ArtifactKind.REFLECTION, null, null, "Reflect")),
            null, null, null, BigDecimal.ONE, null, null, List.of());
    private static final Set<String> ALL = Set.of("work", "video", "reflection");

    private static List<EvidenceRules.Checked> check(List<NewArtifact> artifacts, List<Upload> uploads) {
        return EvidenceRules.check(DEFINITION, ALL, artifacts, uploads, 100);
    }

    @Test
    void filesAreStoredWithTheirSha256() {
        List<EvidenceRules.Checked> checked = check(List.of(
                new NewArtifact("work", null, null, "one"), new NewArtifact("work", "https://x.example/2", null, null),
                new NewArtifact("video", "https://video.example/v", null, null),
                new NewArtifact("reflection", null, "It worked", null)),
                List.of(new Upload("one", "one.png", "image/png", PNG)));
        assertThat(checked).hasSize(4);
        // sha256 of the ten bytes, computed with sha256sum
        assertThat(checked.get(0).sha256()).isEqualTo(EvidenceRules.sha256(PNG)).hasSize(64);
        assertThat(EvidenceRules.sha256("abc".getBytes(StandardCharsets.US_ASCII)))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void eachProblemIsNamed() {
        assertThatThrownBy(() -> check(List.of(
                new NewArtifact("work", null, null, "one"),
                new NewArtifact("video", null, null, "two"),
                new NewArtifact("reflection", "https://x.example/r", null, null),
                new NewArtifact("unknown", "https://x.example", null, null)),
                List.of(new Upload("one", "one.pdf", "application/pdf", PNG),
                        new Upload("two", "two.png", "image/png", PNG))))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.violations())
                        .extracting(violation -> violation.field())
                        .contains("artifacts[0].file", "artifacts[1].file", "artifacts[2].url",
                                "artifacts[3].requirement", "artifacts"));
    }

    @Test
    void aFileOverTheLimitIsA413() {
        assertThatThrownBy(() -> check(List.of(new NewArtifact("work", null, null, "big")),
                List.of(new Upload("big", "big.png", "image/png", new byte[101]))))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.status()).isEqualTo(413));
    }

    @Test
    void contentMustBeWhatItsTypeSays() {
        assertThat(ContentTypes.matches(ContentTypes.PNG, PNG)).isTrue();
        assertThat(ContentTypes.matches(ContentTypes.PDF, PNG)).isFalse();
        assertThat(ContentTypes.matches(ContentTypes.TEXT, "plain words".getBytes(StandardCharsets.UTF_8))).isTrue();
        assertThat(ContentTypes.matches(ContentTypes.TEXT, new byte[] {'a', 0, 'b'})).isFalse();
        assertThat(ContentTypes.matches(ContentTypes.TEXT, new byte[] {(byte) 0xc3, '('})).isFalse();
        assertThat(ContentTypes.accepted("Application/PDF; charset=x")).contains(ContentTypes.PDF);
        assertThat(ContentTypes.accepted("application/x-msdownload")).isEmpty();
    }
}
