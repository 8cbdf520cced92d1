package org.district.pd.learning.ingestion;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import org.district.pd.learning.educator.LearnerIdentity;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/** Releases held completions once their learner and course resolve; runs inside the caller's transaction. */
@ApplicationScoped
public class HeldCompletionService {

    private final HeldCompletionRepository held;
    private final Matching matching;
    private final CompletionRecorder recorder;

    HeldCompletionService(HeldCompletionRepository held, Matching matching, CompletionRecorder recorder) {
        this.held = held;
        this.matching = matching;
        this.recorder = recorder;
    }

    public Uni<Integer> releaseForCourses(Collection<String> lmsCourseIds) {
        return held.pendingForCourses(lmsCourseIds).flatMap(this::release);
    }

    public Uni<Integer> releaseForLearner(List<LearnerIdentity> identities) {
        List<LearnerRef> refs = Matching.refsOf(identities);
        return held.pendingForLearner(values(refs, LearnerRef::email), values(refs, LearnerRef::sisId),
                values(refs, LearnerRef::lmsAccount)).flatMap(this::release);
    }

    private Uni<Integer> release(List<HeldCompletion> pending) {
        if (pending.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        return matching.resolve(pending.stream().map(HeldCompletion::learner).toList(),
                pending.stream().map(item -> item.lmsCourseId).toList())
                .flatMap(resolution -> Multi.createFrom().iterable(pending)
                        .onItem().transformToUniAndConcatenate(item -> releaseOne(item, resolution))
                        .filter(Boolean::booleanValue)
                        .collect().asList()
                        .map(List::size));
    }

    private Uni<Boolean> releaseOne(HeldCompletion item, Resolution resolution) {
        var educator = resolution.educator(item.learner());
        var offering = resolution.offering(item.lmsCourseId);
        if (educator.isEmpty() || offering.isEmpty()) {
            Unmatched unmatched = Unmatched.of(educator.isEmpty(), offering.isEmpty(), item.learner(), item.lmsCourseId);
            item.reason = unmatched.reason();
            item.detail = unmatched.detail();
            return Uni.createFrom().item(false);
        }
        return recorder.record(item.clientId, item.externalId, educator.get(), offering.get(), item.completedAt,
                item.creditHours).map(completion -> {
                    item.releasedAt = Instant.now();
                    item.completionId = completion.id;
                    return true;
                });
    }

    private static List<String> values(List<LearnerRef> refs, Function<LearnerRef, String> part) {
        return refs.stream().map(part).filter(Objects::nonNull).toList();
    }
}
