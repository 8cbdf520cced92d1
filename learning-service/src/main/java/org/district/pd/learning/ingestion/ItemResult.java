package org.district.pd.learning.ingestion;

import java.util.List;
import java.util.UUID;

import org.district.pd.platform.problem.Problem.Violation;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** What happened to one item of a batch. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ItemResult(int index, String externalId, Status status, UUID completionId, String reason, String detail,
        List<Violation> violations) {

    /**
     * accepted: recorded and published; duplicate: reported before, or the same completion (educator, offering, day)
     * was; unmatched: held; rejected: never recorded, fix it and post it again.
     */
    public enum Status {
        @JsonProperty("accepted") ACCEPTED,
        @JsonProperty("duplicate") DUPLICATE,
        @JsonProperty("unmatched") UNMATCHED,
        @JsonProperty("rejected") REJECTED
    }

    static ItemResult accepted(CompletionItem item, UUID completionId) {
        return new ItemResult(item.index(), item.externalId(), Status.ACCEPTED, completionId, null, null, List.of());
    }

    static ItemResult duplicateExternalId(CompletionItem item) {
        return new ItemResult(item.index(), item.externalId(), Status.DUPLICATE, null, "DUPLICATE",
                "external id was already reported by this client", List.of());
    }

    static ItemResult duplicateCompletion(CompletionItem item) {
        return new ItemResult(item.index(), item.externalId(), Status.DUPLICATE, null, "DUPLICATE",
                "this educator's completion of this offering on " + CompletionItem.dayOf(item.completedAt())
                        + " (UTC) was already reported, under another external id or by another client", List.of());
    }

    static ItemResult unmatched(CompletionItem item, Unmatched unmatched) {
        return new ItemResult(item.index(), item.externalId(), Status.UNMATCHED, null, unmatched.reason(),
                unmatched.detail() + "; held until the roster or catalog is fixed", List.of());
    }

    static ItemResult rejected(int index, String externalId, List<Violation> violations) {
        return new ItemResult(index, externalId, Status.REJECTED, null, "INVALID", "the item is invalid", violations);
    }

    static ItemResult hoursRefused(CompletionItem item, Credit credit) {
        String field = "items[" + item.index() + "].hours";
        return new ItemResult(item.index(), item.externalId(), Status.REJECTED, null, "HOURS_NOT_ALLOWED",
                "hours " + credit.refusal(), List.of(new Violation(field, credit.refusal())));
    }
}
