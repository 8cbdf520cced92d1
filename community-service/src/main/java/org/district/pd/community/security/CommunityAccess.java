package org.district.pd.community.security;

import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.RequestScoped;

import org.district.pd.community.community.Community;
import org.district.pd.community.community.CommunityKind;
import org.district.pd.community.community.Member;
import org.district.pd.community.community.Visibility;
import org.district.pd.platform.problem.ProblemException;
import org.district.pd.platform.security.Caller;
import org.district.pd.platform.security.Roles;

/**
 * The one place for community-service's rules of who may do what. Members read their communities; an open community
 * is readable by everyone it is for. Facilitators alone take attendance and moderate. A principal oversees the
 * communities of their own schools (members, meetings, attendance, growth) but, not being a member, does not read a
 * private community's discussions; a district admin oversees every community on the same terms.
 */
@RequestScoped
public class CommunityAccess {

    private final Caller caller;

    CommunityAccess(Caller caller) {
        this.caller = caller;
    }

    /** The educator the caller is; a token without one (a machine client) may not act as an educator. */
    public UUID educator() {
        return caller.educatorId().orElseThrow(() -> ProblemException.forbidden("Your token names no educator"));
    }

    /** The educator the caller is, or null for a token that names none. */
    public UUID educatorOrNull() {
        return caller.educatorId().orElse(null);
    }

    public boolean isDistrictAdmin() {
        return caller.is(Roles.DISTRICT_ADMIN);
    }

    public boolean isPrincipal() {
        return caller.is(Roles.PRINCIPAL);
    }

    public Set<UUID> schoolIds() {
        return caller.schoolIds();
    }

    /**
     * Who starts which community: a district admin any; a principal one of their own school; a facilitator or coach
     * any kind, for the district or a school of theirs; a teacher a professional learning network, which is open
     * across schools by nature.
     */
    public void create(CommunityKind kind, UUID schoolId) {
        if (isDistrictAdmin()) {
            return;
        }
        boolean ownSchool = schoolId == null || caller.schoolIds().contains(schoolId);
        if (isPrincipal()) {
            if (schoolId == null || !ownSchool) {
                throw ProblemException.forbidden("A principal starts communities of their own schools");
            }
            return;
        }
        if (caller.is(Roles.FACILITATOR) || caller.is(Roles.COACH)) {
            if (!ownSchool) {
                throw ProblemException.forbidden("You start communities for the district or a school of yours");
            }
            return;
        }
        if (caller.is(Roles.TEACHER) && kind == CommunityKind.NETWORK) {
            if (!ownSchool) {
                throw ProblemException.forbidden("You start networks for the district or a school of yours");
            }
            return;
        }
        throw ProblemException.forbidden("A teacher starts professional learning networks; other kinds are started "
                + "by facilitators, coaches, principals and district admins");
    }

    /**
     * A community's meetings earn ledger hours only where a district admin, or the principal of its school, says so:
     * facilitators and teachers do not make their own communities credit-bearing.
     */
    public void grantCredit(UUID schoolId) {
        if (isDistrictAdmin() || isPrincipal() && schoolId != null && caller.schoolIds().contains(schoolId)) {
            return;
        }
        throw ProblemException.forbidden("A district admin, or the principal of its school, makes a community "
                + "credit-bearing");
    }

    /** A district admin, or a principal of the community's school. */
    public boolean oversees(Community community) {
        return isDistrictAdmin()
                || isPrincipal() && community.schoolId != null && caller.schoolIds().contains(community.schoolId);
    }

    /** Whether the caller is among those a community is for: the whole district, or its school's educators. */
    public boolean inScope(Community community) {
        return community.schoolId == null || caller.schoolIds().contains(community.schoolId);
    }

    /** Whether the caller may know the community exists: listed, described. */
    public boolean sees(Community community, Member membership, boolean invited) {
        return membership != null || invited || oversees(community)
                || community.visibility != Visibility.INVITE && inScope(community);
    }

    /** Discussions, shared resources and the schedule: members, or everyone it is for when it is open. */
    public boolean readsContent(Community community, Member membership) {
        return membership != null || !community.isPrivate() && inScope(community);
    }

    public void readContent(Community community, Member membership) {
        if (!readsContent(community, membership)) {
            throw ProblemException.forbidden("Only members read what is shared in this community");
        }
    }

    /** Members and meetings: members, and those who oversee it. */
    public void readMembers(Community community, Member membership) {
        if (membership == null && !oversees(community) && (community.isPrivate() || !inScope(community))) {
            throw ProblemException.forbidden("Only members and those who oversee this community see its members");
        }
    }

    /** Editing, approving requests, inviting, removing, naming facilitators: its facilitators or who oversees it. */
    public void manage(Community community, Member membership) {
        if (!(membership != null && membership.facilitates()) && !oversees(community)) {
            throw ProblemException.forbidden("Only this community's facilitators manage it");
        }
    }

    /** Attendance and moderation: its facilitators only. */
    public void facilitate(Member membership) {
        if (membership == null || !membership.facilitates()) {
            throw ProblemException.forbidden("Only this community's facilitators do this");
        }
    }

    /** Posting, sharing, checking in: members only. */
    public void participate(Member membership) {
        if (membership == null) {
            throw ProblemException.forbidden("Only members take part in this community");
        }
    }
}
