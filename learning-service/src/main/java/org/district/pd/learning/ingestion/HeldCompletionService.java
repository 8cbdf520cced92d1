package org.district.pd.learning.ingestion;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import org.district.pd.learning.catalog.CoursesMapped;
import org.district.pd.learning.catalog.LmsCourse;
import org.district.pd.learning.catalog.persistence.Offering;
import org.district.pd.learning.educator.LearnerIdentity;
import org.district.pd.learning.educator.LearnersIdentified;
import org.district.pd.learning.ingestion.CompletionRecorder.Entry;
import org.district.pd.learning.ingestion.persistence.HeldCompletion;
import org.district.pd.learning.ingestion.persistence.HeldCompletionRepository;
import org.jboss.logging.Logger;

import io.smallrye.mutiny.Uni;

/**
 * Releases held completions once their learner and course resolve; runs inside the caller's transaction. A released
 * completion is credited once: one that repeats a completion already recorded is released without credit.
 */
@ApplicationScoped
public class HeldCompletionService implements CoursesMapped, LearnersIdentified {

    private static final Logger LOG = Logger.getLogger(HeldCompletionService.class);

    private final HeldCompletionRepository held;
    private final Matching matching;
    private final CompletionRecorder recorder;

    HeldCompletionService(HeldCompletionRepository held, Matching matching, CompletionRecorder recorder) {
        this.held = held;
        this.matching = matching;
        this.recorder = recorder;
    }

    @Override
    public Uni<Void> coursesMapped(Collection<LmsCourse> courses) {
        return held.pendingForCourses(courses).flatMap(this::release).replaceWithVoid();
    }

    @Override
    public Uni<Integer> learnersIdentified(Collection<LearnerIdentity.Key> identities) {
        List<LearnerRef> refs = identities.stream().map(LearnerRef::of).toList();
        return held.pendingForLearner(values(refs, LearnerRef::email), values(refs, LearnerRef::sisId),
                values(refs, LearnerRef::lmsAccount)).flatMap(this::release);
    }

    private Uni<Integer> release(List<HeldCompletion> pending) {
        if (pending.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        return matching.resolve(pending.stream().map(LearnerRef::of).toList(),
                pending.stream().map(item -> new LmsCourse(item.lms, item.lmsCourseId)).toList())
                .flatMap(resolution -> {
                    Instant now = Instant.now();
                    Map<UUID, HeldCompletion> heldByCompletion = new HashMap<>();
                    List<Entry> entries = new ArrayList<>();
                    for (HeldCompletion item : pending) {
                        LearnerMatch learner = resolution.learner(LearnerRef.of(item));
                        Optional<Offering> offering = resolution.offering(item.lms, item.lmsCourseId);
                        if (!learner.found() || offering.isEmpty()) {
                            Unmatched unmatched = Unmatched.of(learner, offering.isEmpty(), LearnerRef.of(item), item.lms,
                                    item.lmsCourseId);
                            item.reason = unmatched.reason();
                            item.detail = unmatched.detail();
                            continue;
                        }
                        Credit credit = Credit.of(offering.get(), item.creditHours);
                        if (credit.refused()) {
                            refuseHours(item, credit, now);
                            continue;
                        }
                        Entry entry = Entry.of(entries.size(), item.clientId, item.externalId, learner.educatorId(),
                                offering.get(), item.completedAt, credit.hours(), now);
                        heldByCompletion.put(entry.completion().id, item);
                        entries.add(entry);
                    }
                    return recorder.record(entries).map(inserted -> {
                        heldByCompletion.forEach((completionId, item) ->
                                settle(item, completionId, inserted.contains(completionId), now));
                        return inserted.size();
                    });
                });
    }

    private static void settle(HeldCompletion item, UUID completionId, boolean credited, Instant now) {
        item.releasedAt = now;
        if (credited) {
            item.completionId = completionId;
        } else {
            item.reason = "DUPLICATE";
            item.detail = "released without credit: it repeats a completion already recorded for this external id, "
                    + "or for the same educator, offering and day";
        }
    }

    /**
     * The item can never be credited as reported, and the LMS was told "unmatched" long ago: it ends here, with the
     * reason kept on the row and a warning in the log.
     */
    private static void refuseHours(HeldCompletion item, Credit credit, Instant now) {
        item.releasedAt = now;
        item.reason = "HOURS_NOT_ALLOWED";
        item.detail = "released without credit: reported hours " + credit.refusal();
        LOG.warnf("Held completion %s of client %s released without credit: reported hours %s", item.externalId,
                item.clientId, credit.refusal());
    }

    private static List<String> values(List<LearnerRef> refs, Function<LearnerRef, String> part) {
        return refs.stream().map(part).filter(Objects::nonNull).toList();
    }
}
