package org.district.pd.community.community;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** What the API returns about communities and their members. */
public final class CommunityViews {

    private CommunityViews() {
    }

    /** A person as the caller sees them in a community: id and name. */
    public record Person(UUID educatorId, String name) {
    }

    /**
     * A community, its size and facilitators, and where the caller stands: their role (null if not a member) and a
     * pending request or invitation (null if none).
     */
    public record CommunityView(UUID id, CommunityKind kind, String name, String purpose, List<String> tags,
            UUID schoolId, Visibility visibility, boolean creditBearing, Instant createdAt, Instant archivedAt,
            long members, List<Person> facilitators, Member.Role myRole, JoinRequestView myRequest) {
    }

    public record MemberView(UUID educatorId, String name, Member.Role role, Instant joinedAt) {
    }

    public record JoinRequestView(UUID id, UUID communityId, String communityName, UUID educatorId, String name,
            JoinRequest.Kind kind, JoinRequest.Status status, String note, Instant createdAt, Instant decidedAt) {
    }

    /** A membership the caller or someone else just changed. */
    public record MembershipView(UUID communityId, UUID educatorId, Member.Role role, Instant joinedAt,
            Instant endedAt, Member.Ending endedHow, String endReason) {

        static MembershipView of(Member member) {
            return new MembershipView(member.communityId, member.educatorId, member.role, member.joinedAt,
                    member.endedAt, member.endedHow, member.endReason);
        }
    }

    /** Members at the end of each month, and who joined and left in it. */
    public record GrowthPoint(String month, long members, long joined, long left) {
    }

    public record GrowthView(UUID communityId, long members, long peak, List<GrowthPoint> months) {
    }

    /** A page of a list, with the total count of what matched. */
    public record PageView<T>(List<T> items, int page, int size, long total) {
    }
}
