package org.district.pd.learning.xapi;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.FlushModeType;

import org.district.pd.learning.catalog.persistence.Offering;
import org.district.pd.learning.catalog.persistence.OfferingRepository;
import org.district.pd.learning.catalog.persistence.XapiActivityMappingRepository;
import org.district.pd.learning.educator.LearnerIdentity;
import org.district.pd.learning.educator.LearnerIdentityRepository;
import org.district.pd.learning.ingestion.CompletionRecorder;
import org.district.pd.learning.ingestion.CompletionSource;
import org.district.pd.learning.lmsclient.LmsClientRepository;
import org.district.pd.learning.messaging.events.CourseVoided;
import org.district.pd.learning.messaging.events.Topics;
import org.district.pd.platform.outbox.Outbox;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * What stored statements earn, in their transaction: "completed" or "passed" on an activity mapped to an offering, by
 * an actor whose email (or account, for a client bound to an LMS) names a rostered educator, records a completion
 * with source XAPI and the offering's credit, once per statement id and once per educator, offering and day. Voiding
 * such a statement voids its completion and publishes course.voided. Other statements earn nothing.
 */
@ApplicationScoped
public class XapiCredit {

    static final Set<String> CREDITED = Set.of("http://adlnet.gov/expapi/verbs/completed",
            "http://adlnet.gov/expapi/verbs/passed");
    private static final String VOID = """
            update completion set voided_at = :now
            where source = 'XAPI' and voided_at is null and client_id = :client and external_id in (:targets)
            returning cast(id as text), cast(educator_id as text), external_id""";

    private final XapiActivityMappingRepository activities;
    private final OfferingRepository offerings;
    private final LearnerIdentityRepository identities;
    private final LmsClientRepository clients;
    private final CompletionRecorder recorder;
    private final Outbox outbox;

    XapiCredit(XapiActivityMappingRepository activities, OfferingRepository offerings,
            LearnerIdentityRepository identities, LmsClientRepository clients, CompletionRecorder recorder,
            Outbox outbox) {
        this.activities = activities;
        this.offerings = offerings;
        this.identities = identities;
        this.clients = clients;
        this.recorder = recorder;
        this.outbox = outbox;
    }

    Uni<Void> credit(String clientId, List<JsonNode> stored, Instant now) {
        List<JsonNode> completions = stored.stream().filter(statement -> Statements.isAboutActivity(statement)
                && CREDITED.contains(statement.get("verb").get("id").asText())).toList();
        List<String> voided = stored.stream().filter(Statements::isVoiding)
                .map(statement -> statement.get("object").get("id").asText().toLowerCase(Locale.ROOT)).toList();
        return record(clientId, completions, now).call(() -> voidCompletions(clientId, voided, now));
    }

    private Uni<Void> record(String clientId, List<JsonNode> completions, Instant now) {
        if (completions.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<String> activityIds = completions.stream().map(statement -> statement.get("object").get("id").asText())
                .distinct().toList();
        return activities.findByActivities(activityIds).flatMap(mapped -> {
            Map<String, UUID> offeringOf = mapped.stream().collect(Collectors.toMap(m -> m.activityId,
                    m -> m.offeringId));
            return offerings.list("id in ?1", Set.copyOf(offeringOf.values())).flatMap(found -> {
                Map<UUID, Offering> byId = found.stream().collect(Collectors.toMap(o -> o.id, Function.identity()));
                return clients.findById(clientId).flatMap(client -> {
                    String lms = client == null ? null : client.lms;
                    List<LearnerIdentity.Key> keys = completions.stream().map(s -> identity(s.get("actor"), lms))
                            .filter(key -> key != null).distinct().toList();
                    return identities.holders(keys).flatMap(holders -> {
                        List<CompletionRecorder.Entry> entries = new ArrayList<>();
                        for (JsonNode statement : completions) {
                            UUID offeringId = offeringOf.get(statement.get("object").get("id").asText());
                            LearnerIdentity.Key key = identity(statement.get("actor"), lms);
                            UUID educatorId = key == null ? null : holders.get(key);
                            if (offeringId == null || educatorId == null || !byId.containsKey(offeringId)) {
                                continue;
                            }
                            Offering offering = byId.get(offeringId);
                            BigDecimal hours = offering.creditHours;
                            entries.add(CompletionRecorder.Entry.of(entries.size(), CompletionSource.XAPI, clientId,
                                    statement.get("id").asText(), educatorId, offering,
                                    Instant.parse(statement.get("timestamp").asText()), hours, now));
                        }
                        return recorder.record(entries).replaceWithVoid();
                    });
                });
            });
        });
    }

    private Uni<Void> voidCompletions(String clientId, List<String> targets, Instant now) {
        if (targets.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return Panache.getSession().flatMap(session -> session.createNativeQuery(VOID, Object[].class)
                .setParameter("now", now)
                .setParameter("client", clientId)
                .setParameter("targets", targets)
                .setFlushMode(FlushModeType.COMMIT)
                .getResultList())
                .call(rows -> Multi.createFrom().iterable(rows).onItem().transformToUniAndConcatenate(row -> {
                    UUID educatorId = UUID.fromString((String) row[1]);
                    return outbox.append(Topics.LEARNING_EVENTS, CourseVoided.TYPE, educatorId, now,
                            new CourseVoided(UUID.fromString((String) row[0]), educatorId, now,
                                    "xAPI statement " + row[2] + " was voided"));
                }).collect().last())
                .replaceWithVoid();
    }

    /** The identity an actor names: its email, or its account on the client's LMS. */
    static LearnerIdentity.Key identity(JsonNode actor, String lms) {
        String mbox = actor.path("mbox").asText(null);
        if (mbox != null && mbox.startsWith("mailto:")) {
            return new LearnerIdentity.Key(LearnerIdentity.Kind.EMAIL,
                    mbox.substring("mailto:".length()).toLowerCase(Locale.ROOT));
        }
        String account = actor.path("account").path("name").asText(null);
        return account != null && lms != null
                ? new LearnerIdentity.Key(LearnerIdentity.Kind.LMS_ACCOUNT, lms + ":" + account) : null;
    }
}
