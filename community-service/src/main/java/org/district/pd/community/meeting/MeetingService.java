package org.district.pd.community.meeting;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.district.pd.community.CommunityConfig;
import org.district.pd.community.community.Communities;
import org.district.pd.community.community.Community;
import org.district.pd.community.community.CommunityRepository;
import org.district.pd.community.meeting.MeetingViews.MeetingView;
import org.district.pd.community.meeting.MeetingViews.Scheduled;
import org.district.pd.community.meeting.rest.MeetingBodies.MeetingEdit;
import org.district.pd.community.meeting.rest.MeetingBodies.NewMeeting;
import org.district.pd.community.security.CommunityAccess;
import org.district.pd.platform.checkin.CheckInCode;
import org.district.pd.platform.problem.ProblemException;
import org.dmfs.rfc5545.recur.RecurrenceRule;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/** A community's meetings: scheduled once or by an RRULE, edited, cancelled, and shown as a schedule. */
@ApplicationScoped
public class MeetingService {

    /** The longest stretch a schedule shows at once. */
    static final Duration MAX_RANGE = Duration.ofDays(366);
    /** Meetings are scheduled from a day ago to five years ahead. */
    static final Duration MAX_AHEAD = Duration.ofDays(5 * 366);
    private static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("2100-01-01T00:00:00Z");
    private static final UUID NOBODY = new UUID(0, 0);

    private final Communities finder;
    private final MeetingRepository meetings;
    private final AttendanceRepository attendance;
    private final CommunityRepository communities;
    private final CommunityAccess access;
    private final ZoneId zone;
    private final int maxOccurrences;

    MeetingService(Communities finder, MeetingRepository meetings, AttendanceRepository attendance,
            CommunityRepository communities, CommunityAccess access, CommunityConfig config) {
        this.finder = finder;
        this.meetings = meetings;
        this.attendance = attendance;
        this.communities = communities;
        this.access = access;
        this.zone = config.timeZone();
        this.maxOccurrences = config.maxOccurrences();
    }

    /** A facilitator (or who oversees the community) schedules a meeting or a recurring series. */
    @WithTransaction
    public Uni<Scheduled> schedule(UUID communityId, NewMeeting body) {
        return finder.findActive(communityId).flatMap(found -> {
            access.manage(found.community(), found.membership());
            Instant now = Instant.now();
            requireSchedulable("startsAt", body.startsAt(), now);
            List<Instant> starts;
            MeetingSeries series = null;
            if (body.recurrence() == null || body.recurrence().isBlank()) {
                starts = List.of(body.startsAt());
            } else {
                RecurrenceRule rule = Recurrence.parse("recurrence", body.recurrence());
                starts = Recurrence.starts(rule, body.startsAt(), zone, maxOccurrences, "recurrence");
                series = new MeetingSeries();
                series.id = UUID.randomUUID();
                series.communityId = communityId;
                series.rrule = rule.toString();
                series.firstStartsAt = body.startsAt();
                series.durationMinutes = body.durationMinutes();
                series.timeZone = zone.getId();
                series.createdAt = now;
                UUID by = access.educatorOrNull();
                series.createdBy = by == null ? NOBODY : by;
            }
            List<Meeting> made = new ArrayList<>();
            UUID seriesId = series == null ? null : series.id;
            for (Instant start : starts) {
                Meeting meeting = new Meeting();
                meeting.id = UUID.randomUUID();
                meeting.communityId = communityId;
                meeting.seriesId = seriesId;
                meeting.title = body.title().strip();
                meeting.agenda = body.agenda() == null ? "" : body.agenda();
                meeting.notes = "";
                meeting.startsAt = start;
                meeting.durationMinutes = body.durationMinutes();
                meeting.location = body.location();
                meeting.checkInSecret = CheckInCode.newSecret();
                meeting.createdAt = now;
                made.add(meeting);
            }
            MeetingSeries saved = series;
            return Panache.getSession()
                    .flatMap(session -> (saved == null ? Uni.createFrom().voidItem() : session.persist(saved))
                            .call(() -> session.persistAll(made.toArray())))
                    .map(ignored -> new Scheduled(seriesId, saved == null ? null : saved.rrule,
                            saved == null ? null : saved.timeZone,
                            made.stream().map(m -> view(m, found.community())).toList()));
        });
    }

    /**
     * A facilitator edits one meeting: the agenda before, the notes after, or moves it; a meeting with attendance
     * keeps its time and length, which its attendance and credit were recorded against.
     */
    @WithTransaction
    public Uni<MeetingView> edit(UUID meetingId, MeetingEdit edit) {
        return managed(meetingId).flatMap(pair -> {
            Meeting meeting = pair.meeting();
            if (edit.title() != null) {
                if (edit.title().isBlank()) {
                    throw ProblemException.invalid("title", "must not be blank");
                }
                meeting.title = edit.title().strip();
            }
            if (edit.agenda() != null) {
                meeting.agenda = edit.agenda();
            }
            if (edit.notes() != null) {
                meeting.notes = edit.notes();
            }
            if (edit.location() != null) {
                meeting.location = edit.location();
            }
            if (edit.startsAt() == null && edit.durationMinutes() == null) {
                return Uni.createFrom().item(view(meeting, pair.community()));
            }
            requireNotCancelled(meeting);
            if (edit.startsAt() != null) {
                requireSchedulable("startsAt", edit.startsAt(), Instant.now());
            }
            return attendance.count("meetingId = ?1", meetingId).map(recorded -> {
                if (recorded > 0) {
                    throw ProblemException.conflict("Meeting " + meetingId + " has attendance recorded against its "
                            + "time; it keeps its time and length");
                }
                if (edit.startsAt() != null) {
                    meeting.startsAt = edit.startsAt();
                }
                if (edit.durationMinutes() != null) {
                    meeting.durationMinutes = edit.durationMinutes();
                }
                return view(meeting, pair.community());
            });
        });
    }

    @WithTransaction
    public Uni<MeetingView> cancel(UUID meetingId) {
        return managed(meetingId).map(pair -> {
            requireNotCancelled(pair.meeting());
            pair.meeting().cancelledAt = Instant.now();
            return view(pair.meeting(), pair.community());
        });
    }

    /** A meeting, for whoever may see the community's schedule. */
    @WithSession
    public Uni<MeetingView> get(UUID meetingId) {
        return withCommunity(meetingId).map(pair -> {
            requireSchedule(pair.found());
            return view(pair.meeting(), pair.community());
        });
    }

    /** The community's meetings in a range (default: from a day ago, the next 90 days). */
    @WithSession
    public Uni<List<MeetingView>> ofCommunity(UUID communityId, Instant from, Instant to) {
        Instant[] range = range(from, to);
        return finder.find(communityId).flatMap(found -> {
            requireSchedule(found);
            return meetings.list("communityId = ?1 and startsAt >= ?2 and startsAt < ?3 order by startsAt",
                    communityId, range[0], range[1])
                    .map(list -> list.stream().map(m -> view(m, found.community())).toList());
        });
    }

    /** The caller's schedule: the meetings of every community they belong to, cancelled ones left out. */
    @WithSession
    public Uni<List<MeetingView>> mine(Instant from, Instant to) {
        Instant[] range = range(from, to);
        UUID me = access.educator();
        return meetings.list("""
                from Meeting m where m.cancelledAt is null and m.startsAt >= ?1 and m.startsAt < ?2
                and m.communityId in (select x.communityId from Member x where x.educatorId = ?3 and x.endedAt is null)
                order by m.startsAt""", range[0], range[1], me)
                .flatMap(list -> {
                    List<UUID> ids = list.stream().map(m -> m.communityId).distinct().toList();
                    Uni<List<Community>> named = ids.isEmpty() ? Uni.createFrom().item(List.of())
                            : communities.list("id in ?1", ids);
                    return named.map(found -> {
                        Map<UUID, Community> byId = new HashMap<>();
                        found.forEach(c -> byId.put(c.id, c));
                        return list.stream().map(m -> view(m, byId.get(m.communityId))).toList();
                    });
                });
    }

    /** A meeting with its community and the caller's standing in it. */
    record InCommunity(Meeting meeting, Communities.Found found) {

        Community community() {
            return found.community();
        }
    }

    Uni<InCommunity> withCommunity(UUID meetingId) {
        return meetings.findById(meetingId).flatMap(meeting -> {
            if (meeting == null) {
                throw ProblemException.notFound("No meeting " + meetingId);
            }
            return finder.find(meeting.communityId).map(found -> new InCommunity(meeting, found));
        });
    }

    private Uni<InCommunity> managed(UUID meetingId) {
        return withCommunity(meetingId).map(pair -> {
            access.manage(pair.community(), pair.found().membership());
            if (pair.community().archivedAt != null) {
                throw ProblemException.conflict("Community " + pair.community().id + " is archived");
            }
            return pair;
        });
    }

    private void requireSchedule(Communities.Found found) {
        if (!access.readsContent(found.community(), found.membership()) && !access.oversees(found.community())) {
            throw ProblemException.forbidden("Only members and those who oversee this community see its meetings");
        }
    }

    /** Attendance is taken only in an active community, at a meeting not cancelled. */
    static void requireOpenForAttendance(InCommunity pair) {
        if (pair.community().archivedAt != null) {
            throw ProblemException.conflict("Community " + pair.community().id + " is archived");
        }
        requireNotCancelled(pair.meeting());
    }

    static void requireNotCancelled(Meeting meeting) {
        if (meeting.cancelledAt != null) {
            throw ProblemException.conflict("Meeting " + meeting.id + " was cancelled at " + meeting.cancelledAt);
        }
    }

    /** From a day ago to five years ahead: a 400 naming {@code field} otherwise. */
    static void requireSchedulable(String field, Instant start, Instant now) {
        if (start.isBefore(now.minus(Duration.ofDays(1)))) {
            throw ProblemException.invalid(field, "is in the past; schedule meetings from today on");
        }
        if (start.isAfter(now.plus(MAX_AHEAD))) {
            throw ProblemException.invalid(field, "is more than five years ahead");
        }
    }

    private static Instant[] range(Instant from, Instant to) {
        for (Instant given : new Instant[] {from, to}) {
            if (given != null && (given.isBefore(EARLIEST) || given.isAfter(LATEST))) {
                throw ProblemException.invalid(given == from ? "from" : "to", "must be between 2000 and 2100");
            }
        }
        Instant start = from == null ? Instant.now().minus(Duration.ofDays(1)) : from;
        Instant end = to == null ? start.plus(Duration.ofDays(90)) : to;
        if (!end.isAfter(start)) {
            throw ProblemException.invalid("to", "must be after from");
        }
        if (Duration.between(start, end).compareTo(MAX_RANGE) > 0) {
            throw ProblemException.invalid("to", "must be at most 366 days after from");
        }
        return new Instant[] {start, end};
    }

    static MeetingView view(Meeting m, Community community) {
        return new MeetingView(m.id, m.communityId, community == null ? null : community.name, m.seriesId, m.title,
                m.agenda, m.notes, m.startsAt, m.endsAt(), m.durationMinutes, m.location, m.cancelledAt);
    }
}
