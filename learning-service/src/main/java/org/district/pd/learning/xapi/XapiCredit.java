package org.district.pd.learning.xapi;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.district.pd.learning.catalog.persistence.Offering;
import org.district.pd.learning.catalog.persistence.OfferingRepository;
import org.district.pd.learning.catalog.persistence.XapiActivityMappingRepository;
import org.district.pd.learning.educator.LearnerIdentity;
import org.district.pd.learning.educator.LearnerIdentityRepository;
import org.district.pd.learning.ingestion.CompletionRecorder;
import org.district.pd.learning.ingestion.CompletionSource;
import org.district.pd.learning.ingestion.Credit;
import org.district.pd.learning.lmsclient.LmsClientRepository;
import org.district.pd.learning.session.AttendanceService;
import org.district.pd.platform.problem.Problem.Violation;
import org.district.pd.platform.problem.ProblemException;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * What stored statements earn, in their transaction. A statement earns when its object is an activity mapped to an
 * offering and its actor's email (or account, for a client bound to an LMS) names a rostered educator:
 * <ul>
 * <li>"completed" or "passed" records a completion with source XAPI and the offering's credit, once per statement id
 * and once per educator, offering and day;</li>
 * <li>"attended" records an attendance at the offering's session held at the statement's time (session.attended).</li>
 * </ul>
 * Voiding such a statement voids what it recorded (course.voided, attendance.voided). A statement on a mapped activity
 * whose actor names no rostered educator yet is held, and earns when a roster update or an admin's link names the
 * learner. Other statements earn nothing.
 */
@ApplicationScoped
public class XapiCredit {

    private static final Logger LOG = Logger.getLogger(XapiCredit.class);

    static final Set<String> CREDITED = Set.of("http://adlnet.gov/expapi/verbs/completed",
            "http://adlnet.gov/expapi/verbs/passed");
    static final String ATTENDED = "http://adlnet.gov/expapi/verbs/attended";
    /** The result extension a statement reports the credit hours of a variable-credit offering in. */
    public static final String CREDIT_HOURS = "https://pd.district.example/xapi/extensions/credit-hours";
    static final List<String> EARNING_VERBS = List.of("http://adlnet.gov/expapi/verbs/completed",
            "http://adlnet.gov/expapi/verbs/passed", ATTENDED);

    private final XapiActivityMappingRepository activities;
    private final OfferingRepository offerings;
    private final LearnerIdentityRepository identities;
    private final LmsClientRepository clients;
    private final CompletionRecorder recorder;
    private final AttendanceService attendance;
    private final StatementStore store;

    XapiCredit(XapiActivityMappingRepository activities, OfferingRepository offerings,
            LearnerIdentityRepository identities, LmsClientRepository clients, CompletionRecorder recorder,
            AttendanceService attendance, StatementStore store) {
        this.store = store;
        this.activities = activities;
        this.offerings = offerings;
        this.identities = identities;
        this.clients = clients;
        this.recorder = recorder;
        this.attendance = attendance;
    }

    /**
     * What statements just stored earn; those whose learner is not known yet are held. What they void is taken back
     * first, so a statement sent again under a new id in the same batch finds the educator's day free; a statement
     * already voided (by a voiding statement that came first, rule 110) earns nothing.
     */
    Uni<Void> credit(String clientId, List<JsonNode> stored, Instant now) {
        List<JsonNode> earning = stored.stream().filter(XapiCredit::mayEarn).toList();
        List<UUID> voided = stored.stream().filter(Statements::isVoiding)
                .map(statement -> UUID.fromString(statement.get("object").get("id").asText())).toList();
        return recorder.voidReported(clientId, CompletionSource.XAPI, voided.stream().map(UUID::toString).toList(),
                        now, statementId -> "xAPI statement " + statementId + " was voided")
                .call(() -> attendance.voidStatements(voided, now))
                .call(() -> Panache.getSession().flatMap(session -> session.flush()))
                .flatMap(takenBack -> store.voidedAmong(clientId, earning.stream()
                        .map(statement -> UUID.fromString(statement.get("id").asText())).toList()))
                .flatMap(alreadyVoided -> earn(clientId, earning.stream().filter(statement -> !alreadyVoided
                        .contains(UUID.fromString(statement.get("id").asText()))).toList(), now, true))
                .flatMap(unknown -> store.hold(unknown, now));
    }

    /**
     * Credits what these statements of one client, stored earlier, earn now; those whose learner is not known yet are
     * held.
     */
    Uni<Void> creditStored(String clientId, List<JsonNode> earning, Instant now) {
        return earn(clientId, earning, now, false).flatMap(unknown -> store.hold(unknown, now));
    }

    /** Credits held statements of one client whose learners are known now; answers how many were released. */
    Uni<Integer> release(String clientId, List<JsonNode> held, Instant now) {
        return earn(clientId, held, now, false).flatMap(unknown -> {
            Set<UUID> stillHeld = Set.copyOf(unknown);
            List<UUID> released = held.stream().map(statement -> UUID.fromString(statement.get("id").asText()))
                    .filter(id -> !stillHeld.contains(id)).toList();
            return store.release(released).replaceWith(released.size());
        });
    }

    private static boolean mayEarn(JsonNode statement) {
        return Statements.isAboutActivity(statement)
                && (CREDITED.contains(verb(statement)) || ATTENDED.equals(verb(statement)));
    }

    /**
     * Records what the earning statements earn, and answers the ids of those on a mapped activity whose learner is
     * not known. Credit hours a statement reports that its offering does not accept are a 400 when it is
     * {@code fresh}ly sent; one stored earlier (before its activity was mapped) stays stored, uncredited, with a
     * warning: nobody can be asked any more.
     */
    private Uni<List<UUID>> earn(String clientId, List<JsonNode> earning, Instant now, boolean fresh) {
        return earners(clientId, earning).flatMap(found -> {
            if (!found.refused().isEmpty() && fresh) {
                throw ProblemException.invalid(found.refused());
            }
            found.refused().forEach(violation -> LOG.warnf("xAPI statement: no credit, %s %s", violation.field(),
                    violation.message()));
            return record(clientId, found.earners(), now).replaceWith(found.unknown());
        });
    }

    /** A statement that earns, with who earns, the offering it earns on, and the credit hours of a completion. */
    private record Earner(JsonNode statement, UUID educatorId, Offering offering, BigDecimal hours) {
    }

    /**
     * The statements that earn, those on a mapped activity whose learner is not known, and why the credit hours of
     * others are refused.
     */
    private record Earners(List<Earner> earners, List<UUID> unknown, List<Violation> refused) {
    }

    private Uni<Earners> earners(String clientId, List<JsonNode> earning) {
        if (earning.isEmpty()) {
            return Uni.createFrom().item(new Earners(List.of(), List.of(), List.of()));
        }
        List<String> activityIds = earning.stream().map(statement -> statement.get("object").get("id").asText())
                .distinct().toList();
        return activities.findByActivities(activityIds).flatMap(mapped -> {
            Map<String, UUID> offeringOf = mapped.stream().collect(Collectors.toMap(m -> m.activityId,
                    m -> m.offeringId));
            return offerings.list("id in ?1", Set.copyOf(offeringOf.values())).flatMap(found -> {
                Map<UUID, Offering> byId = found.stream().collect(Collectors.toMap(o -> o.id, Function.identity()));
                return clients.findById(clientId).flatMap(client -> {
                    String lms = client == null ? null : client.lms;
                    List<LearnerIdentity.Key> keys = earning.stream().map(s -> identity(s.get("actor"), lms))
                            .filter(key -> key != null).distinct().toList();
                    return identities.holders(keys).map(holders -> {
                        List<Earner> earners = new ArrayList<>();
                        List<UUID> unknown = new ArrayList<>();
                        List<Violation> refused = new ArrayList<>();
                        for (JsonNode statement : earning) {
                            Offering offering = byId.get(offeringOf.get(statement.get("object").get("id").asText()));
                            if (offering == null) {
                                continue;
                            }
                            Credit credit = credit(statement, offering);
                            if (credit.refused()) {
                                refused.add(new Violation("result.extensions." + CREDIT_HOURS, "of statement "
                                        + statement.get("id").asText() + " " + credit.refusal()));
                                continue;
                            }
                            LearnerIdentity.Key key = identity(statement.get("actor"), lms);
                            UUID educatorId = key == null ? null : holders.get(key);
                            if (educatorId != null) {
                                earners.add(new Earner(statement, educatorId, offering, credit.hours()));
                            } else if (key != null) {
                                unknown.add(UUID.fromString(statement.get("id").asText()));
                            }
                        }
                        return new Earners(earners, unknown, refused);
                    });
                });
            });
        });
    }

    private Uni<Void> record(String clientId, List<Earner> earners, Instant now) {
        List<CompletionRecorder.Entry> completions = new ArrayList<>();
        List<Earner> attended = new ArrayList<>();
        for (Earner earner : earners) {
            if (ATTENDED.equals(verb(earner.statement()))) {
                attended.add(earner);
            } else {
                completions.add(CompletionRecorder.Entry.of(completions.size(), CompletionSource.XAPI, clientId,
                        earner.statement().get("id").asText(), earner.educatorId(), earner.offering(),
                        timestamp(earner.statement()), earner.hours(), now));
            }
        }
        return recorder.record(completions).call(() -> Multi.createFrom().iterable(attended).onItem()
                .transformToUniAndConcatenate(earner -> attendance.recordStatement(
                        UUID.fromString(earner.statement().get("id").asText()), clientId, earner.educatorId(),
                        earner.offering(), timestamp(earner.statement()), duration(earner.statement()), now))
                .collect().last()).replaceWithVoid();
    }

    /**
     * The credit a completion earns: the offering's, or for a variable-credit offering the hours the statement
     * reports in the result extension {@value #CREDIT_HOURS}, at most the offering's maximum. An attendance's
     * credit is its session's, so it never refuses.
     */
    static Credit credit(JsonNode statement, Offering offering) {
        if (ATTENDED.equals(verb(statement))) {
            return new Credit(BigDecimal.ZERO, null);
        }
        JsonNode hours = statement.path("result").path("extensions").get(CREDIT_HOURS);
        if (hours == null) {
            return Credit.of(offering, null);
        }
        if (!hours.isNumber() || hours.decimalValue().signum() < 0 || hours.decimalValue().scale() > 2) {
            return new Credit(null, "must be a number of hours from 0, with at most two decimals");
        }
        return Credit.of(offering, hours.decimalValue());
    }

    private static String verb(JsonNode statement) {
        return statement.get("verb").get("id").asText();
    }

    private static Instant timestamp(JsonNode statement) {
        return OffsetDateTime.parse(statement.get("timestamp").asText()).toInstant();
    }

    /** The result's duration, when it gives one in days, hours, minutes and seconds; null otherwise. */
    static Duration duration(JsonNode statement) {
        String text = statement.path("result").path("duration").asText(null);
        if (text == null) {
            return null;
        }
        try {
            return Duration.parse(text);
        } catch (DateTimeParseException e) {
            return null; // years, months or weeks: longer than any session, which then counts whole
        }
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
