package org.district.pd.learning.ingestion;

import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.district.pd.learning.catalog.LmsCourseMapping;
import org.district.pd.learning.catalog.LmsCourseMappingRepository;
import org.district.pd.learning.catalog.Offering;
import org.district.pd.learning.catalog.OfferingRepository;
import org.district.pd.learning.educator.LearnerIdentity;
import org.district.pd.learning.educator.LearnerIdentity.Kind;
import org.district.pd.learning.educator.LearnerIdentityRepository;

import io.smallrye.mutiny.Uni;

/** Resolves learners and LMS courses for many completions with a handful of queries, not one per item. */
@ApplicationScoped
class Matching {

    private final LearnerIdentityRepository identities;
    private final LmsCourseMappingRepository mappings;
    private final OfferingRepository offerings;

    Matching(LearnerIdentityRepository identities, LmsCourseMappingRepository mappings, OfferingRepository offerings) {
        this.identities = identities;
        this.mappings = mappings;
        this.offerings = offerings;
    }

    Uni<Resolution> resolve(Collection<LearnerRef> learners, Collection<String> lmsCourseIds) {
        Map<Kind, Map<String, UUID>> educators = new EnumMap<>(Kind.class);
        return collect(educators, Kind.EMAIL, values(learners, LearnerRef::email))
                .call(() -> collect(educators, Kind.SIS_ID, values(learners, LearnerRef::sisId)))
                .call(() -> collect(educators, Kind.LMS_ACCOUNT, values(learners, LearnerRef::lmsAccount)))
                .flatMap(ignored -> offerings(lmsCourseIds))
                .map(courses -> new Resolution(educators, courses));
    }

    private Uni<Void> collect(Map<Kind, Map<String, UUID>> into, Kind kind, List<String> values) {
        return identities.find(kind, values).invoke(found -> into.put(kind, found.stream()
                .collect(Collectors.toMap(identity -> identity.key.value(), identity -> identity.educatorId))))
                .replaceWithVoid();
    }

    private Uni<Map<String, Offering>> offerings(Collection<String> lmsCourseIds) {
        return mappings.findByCourseIds(lmsCourseIds.stream().distinct().toList()).flatMap(found -> {
            if (found.isEmpty()) {
                return Uni.createFrom().item(Map.<String, Offering>of());
            }
            List<UUID> offeringIds = found.stream().map(mapping -> mapping.offeringId).distinct().toList();
            return offerings.list("id in ?1", offeringIds).map(list -> {
                Map<UUID, Offering> byId = list.stream().collect(Collectors.toMap(offering -> offering.id, Function.identity()));
                Map<String, Offering> byCourse = new HashMap<>();
                for (LmsCourseMapping mapping : found) {
                    byCourse.put(mapping.lmsCourseId, byId.get(mapping.offeringId));
                }
                return byCourse;
            });
        });
    }

    private static List<String> values(Collection<LearnerRef> learners, Function<LearnerRef, String> part) {
        return learners.stream().map(part).filter(Objects::nonNull).distinct().toList();
    }

    static List<LearnerRef> refsOf(List<LearnerIdentity> identities) {
        return identities.stream().map(identity -> switch (identity.key.kind()) {
            case EMAIL -> new LearnerRef(identity.key.value(), null, null);
            case SIS_ID -> new LearnerRef(null, identity.key.value(), null);
            case LMS_ACCOUNT -> new LearnerRef(null, null, identity.key.value());
        }).toList();
    }
}
