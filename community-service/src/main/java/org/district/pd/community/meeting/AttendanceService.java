package org.district.pd.community.meeting;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.district.pd.community.community.Community;
import org.district.pd.community.community.MemberRepository;
import org.district.pd.community.educator.EducatorRepository;
import org.district.pd.community.meeting.MeetingService.InCommunity;
import org.district.pd.community.meeting.MeetingViews.AttendanceView;
import org.district.pd.community.meeting.MeetingViews.CheckInCodeView;
import org.district.pd.community.meeting.MeetingViews.MarkResult;
import org.district.pd.community.meeting.MeetingViews.MarksView;
import org.district.pd.community.meeting.rest.MeetingBodies.Mark;
import org.district.pd.community.messaging.events.AttendanceVoided;
import org.district.pd.community.messaging.events.SessionAttended;
import org.district.pd.community.messaging.events.Topics;
import org.district.pd.community.security.CommunityAccess;
import org.district.pd.platform.checkin.CheckInCode;
import org.district.pd.platform.id.TimeOrderedIds;
import org.district.pd.platform.outbox.Outbox;
import org.district.pd.platform.problem.ProblemException;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * Attendance at community meetings, once per educator and meeting: taken by a facilitator from the roster, or by the
 * member's own check-in with the code on the facilitator's screen (the same rotating code and window as workshop
 * sessions). Each attendance announces pd.community.session.attended.v1 in its transaction; a credit-bearing
 * community's meetings carry their minutes as credit hours.
 */
@ApplicationScoped
public class AttendanceService {

    /** A facilitator takes the roster of a meeting up to this long after it ended. */
    static final Duration ROSTER_OPEN_AFTER = Duration.ofDays(14);

    private final MeetingService meetings;
    private final AttendanceRepository attendance;
    private final MemberRepository members;
    private final EducatorRepository educators;
    private final CommunityAccess access;
    private final Outbox outbox;

    AttendanceService(MeetingService meetings, AttendanceRepository attendance, MemberRepository members,
            EducatorRepository educators, CommunityAccess access, Outbox outbox) {
        this.meetings = meetings;
        this.attendance = attendance;
        this.members = members;
        this.educators = educators;
        this.access = access;
        this.outbox = outbox;
    }

    /** The code to show now, to the meeting's facilitators, while check-in is open. */
    @WithSession
    public Uni<CheckInCodeView> code(UUID meetingId) {
        return meetings.withCommunity(meetingId).map(pair -> {
            access.facilitate(pair.found().membership());
            Meeting meeting = pair.meeting();
            MeetingService.requireOpenForAttendance(pair);
            Instant now = Instant.now();
            CheckInCode.requireOpen("meeting", meeting.startsAt, meeting.endsAt(), now);
            return new CheckInCodeView(CheckInCode.at(meeting.checkInSecret, now), CheckInCode.rotatesAt(now),
                    CheckInCode.STEP_SECONDS, CheckInCode.opensAt(meeting.startsAt), meeting.endsAt());
        });
    }

    /** A member checks in with the code on screen, once, while check-in is open. */
    @WithTransaction
    public Uni<AttendanceView> checkIn(UUID meetingId, String code) {
        UUID me = access.educator();
        return meetings.withCommunity(meetingId).flatMap(pair -> {
            access.participate(pair.found().membership());
            if (pair.found().membership().facilitates()) {
                throw ProblemException.forbidden("A facilitator's own attendance is taken by another facilitator");
            }
            Meeting meeting = pair.meeting();
            MeetingService.requireOpenForAttendance(pair);
            Instant now = Instant.now();
            CheckInCode.requireOpen("meeting", meeting.startsAt, meeting.endsAt(), now);
            return attendance.of(meetingId, me).flatMap(earlier -> {
                if (earlier != null) {
                    throw ProblemException.conflict("You checked in to this meeting at " + earlier.recordedAt);
                }
                if (!CheckInCode.accepts(meeting.checkInSecret, code.strip(), now)) {
                    throw ProblemException.invalid("code", "is not this meeting's current code; codes rotate every "
                            + CheckInCode.STEP_SECONDS + " seconds, use the one on screen");
                }
                return record(pair, me, meeting.durationMinutes, Attendance.Source.CHECK_IN, me, now)
                        .map(saved -> view(saved, pair.community(), null));
            });
        });
    }

    /**
     * A facilitator records who attended, from the start of the meeting on. Each attendee gets their own answer:
     * recorded, recorded already (nothing changes), or refused for not being a member.
     */
    @WithTransaction
    public Uni<MarksView> mark(UUID meetingId, List<Mark> marks) {
        return meetings.withCommunity(meetingId).flatMap(pair -> {
            access.facilitate(pair.found().membership());
            Meeting meeting = pair.meeting();
            MeetingService.requireOpenForAttendance(pair);
            Instant now = Instant.now();
            if (now.isBefore(meeting.startsAt)) {
                throw ProblemException.conflict("Meeting " + meetingId + " begins at " + meeting.startsAt
                        + "; attendance is taken from then on");
            }
            if (now.isAfter(meeting.endsAt().plus(ROSTER_OPEN_AFTER))) {
                throw ProblemException.conflict("Meeting " + meetingId + " ended at " + meeting.endsAt()
                        + "; its roster is taken within " + ROSTER_OPEN_AFTER.toDays() + " days");
            }
            UUID by = access.educatorOrNull();
            List<MarkResult> results = new ArrayList<>();
            Uni<Void> chain = Uni.createFrom().voidItem();
            Map<UUID, Integer> seen = new HashMap<>();
            for (int i = 0; i < marks.size(); i++) {
                int index = i;
                Mark mark = marks.get(i);
                int minutes = mark.minutes() == null ? meeting.durationMinutes : mark.minutes();
                if (mark.educatorId().equals(by)) {
                    results.add(new MarkResult(index, mark.educatorId(), "SELF",
                            "a facilitator's own attendance is taken by another facilitator", null));
                    continue;
                }
                if (minutes > meeting.durationMinutes) {
                    results.add(new MarkResult(index, mark.educatorId(), "INVALID",
                            "minutes must be at most the meeting's " + meeting.durationMinutes, null));
                    continue;
                }
                if (seen.putIfAbsent(mark.educatorId(), i) != null) {
                    results.add(new MarkResult(index, mark.educatorId(), "DUPLICATE",
                            "named already at attendees[" + seen.get(mark.educatorId()) + "]", null));
                    continue;
                }
                chain = chain.call(() -> members.current(pair.community().id, mark.educatorId()).flatMap(member -> {
                    if (member == null) {
                        results.add(new MarkResult(index, mark.educatorId(), "NOT_A_MEMBER",
                                "is not a member of this community", null));
                        return Uni.createFrom().voidItem();
                    }
                    return attendance.of(meetingId, mark.educatorId()).flatMap(earlier -> {
                        if (earlier != null) {
                            results.add(new MarkResult(index, mark.educatorId(), "ALREADY_RECORDED",
                                    "attendance was recorded at " + earlier.recordedAt,
                                    view(earlier, pair.community(), null)));
                            return Uni.createFrom().voidItem();
                        }
                        return record(pair, mark.educatorId(), minutes, Attendance.Source.FACILITATOR,
                                by == null ? mark.educatorId() : by, now)
                                .invoke(saved -> results.add(new MarkResult(index, mark.educatorId(), "RECORDED",
                                        null, view(saved, pair.community(), null))))
                                .replaceWithVoid();
                    });
                }));
            }
            return chain.map(ignored -> {
                results.sort(java.util.Comparator.comparingInt(MarkResult::index));
                int recorded = (int) results.stream().filter(r -> r.status().equals("RECORDED")).count();
                int already = (int) results.stream().filter(r -> r.status().equals("ALREADY_RECORDED")).count();
                return new MarksView(recorded, already, results.size() - recorded - already, results);
            });
        });
    }

    /**
     * A facilitator takes back an attendance recorded by mistake, saying why: it is kept, voided, and
     * pd.community.attendance.voided.v1 lets plan-service reverse what it earned. The educator may be recorded again.
     */
    @WithTransaction
    public Uni<AttendanceView> voidAttendance(UUID meetingId, UUID educatorId, String reason) {
        return meetings.withCommunity(meetingId).flatMap(pair -> {
            access.facilitate(pair.found().membership());
            return attendance.of(meetingId, educatorId).flatMap(found -> {
                if (found == null) {
                    throw ProblemException.notFound("Educator " + educatorId + " has no attendance in force at "
                            + "meeting " + meetingId);
                }
                Instant now = Instant.now();
                found.voidedAt = now;
                found.voidedBy = access.educatorOrNull();
                found.voidReason = reason;
                AttendanceVoided event = new AttendanceVoided(found.id, educatorId, pair.community().id, meetingId,
                        now, reason);
                return outbox.append(Topics.COMMUNITY_EVENTS, AttendanceVoided.TYPE, educatorId, now, event)
                        .map(ignored -> view(found, pair.community(), null));
            });
        });
    }

    /** Who attended, for the facilitators and those who oversee the community; voided attendances last. */
    @WithSession
    public Uni<List<AttendanceView>> of(UUID meetingId) {
        return meetings.withCommunity(meetingId).flatMap(pair -> {
            boolean facilitates = pair.found().membership() != null && pair.found().membership().facilitates();
            if (!facilitates && !access.oversees(pair.community())) {
                throw ProblemException.forbidden("Only this community's facilitators and those who oversee it see "
                        + "attendance");
            }
            return attendance.list("meetingId = ?1 order by case when voidedAt is null then 0 else 1 end, recordedAt, "
                    + "educatorId", meetingId)
                    .flatMap(list -> educators.byIds(list.stream().map(a -> a.educatorId).toList()).map(people -> {
                        Map<UUID, String> names = new HashMap<>();
                        people.forEach(e -> names.put(e.id, e.displayName()));
                        return list.stream().map(a -> view(a, pair.community(), names.get(a.educatorId))).toList();
                    }));
        });
    }

    private Uni<Attendance> record(InCommunity pair, UUID educatorId, int minutes, Attendance.Source source,
            UUID by, Instant now) {
        Attendance saved = new Attendance();
        saved.id = TimeOrderedIds.next();
        saved.meetingId = pair.meeting().id;
        saved.educatorId = educatorId;
        saved.minutes = minutes;
        saved.source = source;
        saved.recordedAt = now;
        saved.recordedBy = by;
        Community community = pair.community();
        SessionAttended event = new SessionAttended(saved.id, educatorId, community.id, community.kind.eventKind,
                pair.meeting().id, pair.meeting().title, pair.meeting().startsAt, minutes,
                creditHours(community, minutes), community.kind.creditCategory);
        return attendance.persist(saved)
                .call(() -> outbox.append(Topics.COMMUNITY_EVENTS, SessionAttended.TYPE, educatorId,
                        pair.meeting().startsAt, event));
    }

    /** A credit-bearing community's meeting earns its minutes in clock hours, to the hundredth; others earn none. */
    static BigDecimal creditHours(Community community, int minutes) {
        return community.creditBearing ? BigDecimal.valueOf(minutes).divide(BigDecimal.valueOf(60), 2,
                RoundingMode.HALF_UP) : BigDecimal.ZERO;
    }

    private static AttendanceView view(Attendance a, Community community, String name) {
        return new AttendanceView(a.id, a.meetingId, a.educatorId, name, a.minutes, creditHours(community, a.minutes),
                a.source, a.recordedAt, a.voidedAt, a.voidReason);
    }
}
