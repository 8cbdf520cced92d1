package org.district.pd.plan.pathway;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.district.pd.plan.messaging.events.AttendanceVoided;
import org.district.pd.plan.messaging.events.CommunityAttendanceVoided;
import org.district.pd.plan.messaging.events.CommunitySessionAttended;
import org.district.pd.plan.messaging.events.CourseCompleted;
import org.district.pd.plan.messaging.events.CourseVoided;
import org.district.pd.plan.messaging.events.CredentialAwarded;
import org.district.pd.plan.messaging.events.CredentialRevoked;
import org.district.pd.plan.messaging.events.EvidenceSubmitted;
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
        return facts.record(completed.educatorId(), completion(completed));
    }

    /** {@link #courseCompleted} of each, in one statement. */
    public Uni<Void> coursesCompleted(List<CourseCompleted> completions) {
        return facts.recordAll(completions.stream()
                .map(completed -> Map.entry(completed.educatorId(), completion(completed))).toList());
    }

    private static Fact completion(CourseCompleted completed) {
        Set<String> tags = completed.competencyTags() == null ? Set.of()
                : new LinkedHashSet<>(completed.competencyTags());
        String subject = completed.offeringId() != null ? completed.offeringId().toString() : completed.externalRef();
        // The completion id is the fact's id: a later void of the completion names it, and a redelivery is the same.
        return new Fact("completion:" + completed.completionId(), Fact.Kind.COURSE_COMPLETED, completed.completedAt(),
                subject, tags, null, completed.category(), completed.creditHours(), null);
    }

    /** A voided completion counts as if it had never happened, from when it was voided. */
    public Uni<Void> courseVoided(CourseVoided voided) {
        return facts.record(voided.educatorId(), Fact.reversal("voided:" + voided.completionId(), voided.voidedAt(),
                "completion:" + voided.completionId()));
    }

    /** A voided attendance counts as if it had never happened, from when it was voided. */
    public Uni<Void> attendanceVoided(AttendanceVoided voided) {
        return facts.record(voided.educatorId(), Fact.reversal("attendance-voided:" + voided.attendanceId(),
                voided.voidedAt(), "attendance:" + voided.attendanceId()));
    }

    /** Evidence counts for the micro-credential it was submitted for, once however many attempts. */
    public Uni<Void> evidenceSubmitted(EvidenceSubmitted submitted) {
        return facts.record(submitted.educatorId(), Fact.evidence("evidence:" + submitted.submissionId(),
                submitted.submittedAt(), submitted.credentialDefinitionId()));
    }

    /** An award counts for its credential, and its hours for earn-hours milestones. */
    public Uni<Void> credentialAwarded(CredentialAwarded awarded) {
        return facts.record(awarded.educatorId(), Fact.award("award:" + awarded.awardId(), awarded.awardedAt(),
                awarded.credentialDefinitionId(), awarded.ledgerCategory(), awarded.creditHours()));
    }

    /** A revoked award counts as if it had never been awarded, reopening what it had completed. */
    public Uni<Void> credentialRevoked(CredentialRevoked revoked) {
        return facts.record(revoked.educatorId(), Fact.reversal("revoked:" + revoked.awardId(), revoked.at(),
                "award:" + revoked.awardId()));
    }

    /** A voided community attendance counts as if it had never happened, from when it was voided. */
    public Uni<Void> communityAttendanceVoided(CommunityAttendanceVoided voided) {
        return facts.record(voided.educatorId(), Fact.reversal("community-attendance-voided:" + voided.attendanceId(),
                voided.voidedAt(), "community-attendance:" + voided.attendanceId()));
    }

    /** A community meeting counts as a session of the community's kind (plc, cohort, network, coaching). */
    public Uni<Void> communitySessionAttended(CommunitySessionAttended attended) {
        return facts.record(attended.educatorId(), Fact.attendance("community-attendance:" + attended.attendanceId(),
                attended.attendedAt(), attended.meetingId(), attended.communityKind(), attended.category(),
                attended.creditHours()));
    }

    /** An attendance counts for its session, of its kind, with its category and hours, at the session's time. */
    public Uni<Void> sessionAttended(SessionAttended attended) {
        return facts.record(attended.educatorId(), Fact.attendance("attendance:" + attended.attendanceId(),
                attended.attendedAt(), attended.sessionId(), attended.sessionKind(), attended.category(),
                attended.creditHours()));
    }
}
