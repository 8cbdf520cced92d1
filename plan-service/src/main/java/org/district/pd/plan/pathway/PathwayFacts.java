package org.district.pd.plan.pathway;

import java.util.LinkedHashSet;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.district.pd.plan.messaging.events.CourseCompleted;
import org.district.pd.plan.messaging.events.SessionAttended;
import org.district.pd.plan.pathway.persistence.FactRepository;

import io.smallrye.mutiny.Uni;

/** Turns events into the facts plans are derived from; runs inside the inbox's transaction. */
@ApplicationScoped
public class PathwayFacts {

    private final FactRepository facts;

    PathwayFacts(FactRepository facts) {
        this.facts = facts;
    }

    /** A completion counts for the offering it completed, with its tags, category and hours, at its time. */
    public Uni<Void> courseCompleted(CourseCompleted completed) {
        Set<String> tags = completed.competencyTags() == null ? Set.of()
                : new LinkedHashSet<>(completed.competencyTags());
        String subject = completed.offeringId() != null ? completed.offeringId().toString() : completed.externalRef();
        // The completion id is the fact's id: a later void of the completion names it, and a redelivery is the same.
        return facts.record(completed.educatorId(), new Fact("completion:" + completed.completionId(),
                Fact.Kind.COURSE_COMPLETED, completed.completedAt(), subject, tags, null, completed.category(),
                completed.creditHours(), null));
    }

    /** An attendance counts for its session, of its kind, with its category and hours, at the session's time. */
    public Uni<Void> sessionAttended(SessionAttended attended) {
        return facts.record(attended.educatorId(), Fact.attendance("attendance:" + attended.attendanceId(),
                attended.attendedAt(), attended.sessionId(), attended.sessionKind(), attended.category(),
                attended.creditHours()));
    }
}
