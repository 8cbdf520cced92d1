package org.district.pd.credentials.submission;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * A submission as its reader may see it: the teacher the decided reviews without who wrote them, an assessor their
 * own review only (reviews are independent), a district admin everything.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SubmissionView(UUID id, UUID educatorId, UUID definitionId, int definitionVersion, int attempt,
        Integer attemptsAllowed, UUID renewalOf, Submission.Status status, Instant submittedAt, Instant dueAt,
        Instant decidedAt, List<ArtifactView> artifacts, List<ReviewView> reviews, UUID awardId) {

    public record ArtifactView(int position, String requirement, String url, String text, FileView file) {

        static ArtifactView of(Artifact artifact) {
            return new ArtifactView(artifact.key.position(), artifact.requirement, artifact.url, artifact.text,
                    artifact.sha256 == null ? null : new FileView(artifact.fileName, artifact.contentType,
                            artifact.sizeBytes, artifact.sha256, "/api/v1/credentials/submissions/"
                                    + artifact.key.submissionId() + "/artifacts/" + artifact.key.position()));
        }
    }

    public record FileView(String name, String contentType, long size, String sha256, String href) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ReviewView(UUID assessorId, int round, Instant assignedAt, Instant reviewedAt,
            Assignment.Outcome outcome, JsonNode scores, String feedback) {
    }
}
