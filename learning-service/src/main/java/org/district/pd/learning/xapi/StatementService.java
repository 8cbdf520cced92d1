package org.district.pd.learning.xapi;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.district.pd.platform.id.TimeOrderedIds;
import org.district.pd.platform.problem.Problem.Violation;
import org.district.pd.platform.problem.ProblemException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * Storing statements by the xAPI rules: a batch is valid as a whole or not stored at all; the LRS sets id (when
 * missing), stored, authority, timestamp (when missing) and version (when missing); a statement sent again under its
 * id changes nothing, and one that differs from what that id holds is a 409.
 */
@ApplicationScoped
public class StatementService {

    private final StatementStore store;
    private final XapiCredit credit;
    private final Attachments attachments;
    private final String authorityHomePage;

    StatementService(StatementStore store, XapiCredit credit, Attachments attachments,
            @ConfigProperty(name = "pd.xapi.authority-home-page", defaultValue = "https://pd.district.example/clients")
            String authorityHomePage) {
        this.store = store;
        this.credit = credit;
        this.attachments = attachments;
        this.authorityHomePage = authorityHomePage;
    }

    /**
     * Stores the statements a client sent, with the contents of their attachments by SHA-2 (none in a JSON request),
     * and returns their ids in the order sent.
     */
    @WithTransaction
    public Uni<List<UUID>> store(String clientId, List<JsonNode> sent, Map<String, Attachments.Content> contents) {
        List<Violation> violations = new ArrayList<>();
        for (int i = 0; i < sent.size(); i++) {
            String prefix = sent.size() == 1 ? "" : "statements[" + i + "].";
            for (Violation violation : violations(sent.get(i))) {
                violations.add(new Violation(prefix + violation.field(), violation.message()));
            }
        }
        if (violations.isEmpty()) {
            violations.addAll(Attachments.violations(sent, contents));
        }
        if (violations.isEmpty()) {
            violations.addAll(Signatures.violations(sent, contents));
        }
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(violations);
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        List<ObjectNode> statements = new ArrayList<>();
        Set<UUID> ids = new HashSet<>();
        for (JsonNode statement : sent) {
            ObjectNode copy = statement.deepCopy();
            // Ids are kept in their canonical lower-case form: they are compared as text (completions' external ids).
            copy.put("id", (copy.has("id") ? UUID.fromString(copy.get("id").asText()) : TimeOrderedIds.next()).toString());
            UUID id = UUID.fromString(copy.get("id").asText());
            if (!ids.add(id)) {
                throw ProblemException.invalid("id", "the batch holds statement " + id + " more than once");
            }
            statements.add(copy);
        }
        return store.existing(ids).flatMap(existing -> {
            List<JsonNode> fresh = new ArrayList<>();
            for (ObjectNode statement : statements) {
                StatementStore.OfClient earlier = existing.get(UUID.fromString(statement.get("id").asText()));
                if (earlier == null) {
                    fresh.add(stamped(statement, clientId, now));
                } else if (!earlier.clientId().equals(clientId)) {
                    // Ids are random: another client's id is a mistake, and says nothing of what that client sent.
                    throw ProblemException.conflict("Statement id " + statement.get("id").asText()
                            + " is taken; send the statement under a new id");
                } else if (!StatementComparison.same(earlier.statement(), statement)) {
                    throw ProblemException.conflict("Statement " + statement.get("id").asText()
                            + " is stored already with other content; a statement never changes");
                }
            }
            List<UUID> targets = fresh.stream().filter(Statements::isVoiding)
                    .map(statement -> UUID.fromString(statement.get("object").get("id").asText())).toList();
            return requireOwnTargets(clientId, targets)
                    .call(() -> attachments.store(clientId, contents.values(), now))
                    .call(() -> store.insert(clientId, fresh, now))
                    .call(() -> credit.credit(clientId, fresh, now));
        }).map(stored -> statements.stream().map(statement -> UUID.fromString(statement.get("id").asText())).toList());
    }

    /**
     * One of the client's statements by id; a voided one only by {@code voided}, and the other way round (404
     * otherwise).
     */
    @WithSession
    public Uni<JsonNode> find(String clientId, UUID id, boolean voided, StatementQuery.Format format,
            List<Locale> languages) {
        return store.find(clientId, id).map(found -> {
            if (found == null || found.voided() != voided) {
                throw ProblemException.notFound(found == null ? "No statement " + id
                        : voided ? "Statement " + id + " is not voided" : "Statement " + id + " is voided; ask for "
                                + "it by voidedStatementId");
            }
            return StatementFormat.apply(found.statement(), format, languages);
        });
    }

    /**
     * A page of the client's statements that match the query, in the format asked for ({@code languages} in the
     * caller's order of preference, for the canonical format), with the link to the next page when there is one.
     */
    @WithSession
    public Uni<StatementPage> query(String clientId, StatementQuery query, List<Locale> languages) {
        return store.query(clientId, query).map(found -> {
            boolean more = found.size() > query.limit();
            List<StatementStore.Stored> page = more ? found.subList(0, query.limit()) : found;
            List<JsonNode> statements = page.stream()
                    .map(stored -> StatementFormat.apply(stored.statement(), query.format(), languages)).toList();
            Instant lastModified = page.stream().map(stored -> Instant.parse(stored.statement().get("stored")
                    .asText())).max(Instant::compareTo).orElse(null);
            return new StatementPage(statements, more ? query.more(page.get(page.size() - 1).seq()) : "",
                    lastModified);
        });
    }

    /** The stored contents of the attachments these statements carry, those there are. */
    @WithSession
    public Uni<List<Attachments.Content>> attachmentsOf(String clientId, Collection<JsonNode> statements) {
        return attachments.find(clientId, Attachments.named(statements));
    }

    /** A StatementResult, and the latest stored time among its statements (null when it has none). */
    public record StatementPage(List<JsonNode> statements, String more, Instant lastModified) {
    }

    /** Rule 115: a client voids only its own statements (a target not stored yet is no reason to refuse, rule 110). */
    private Uni<Void> requireOwnTargets(String clientId, List<UUID> targets) {
        if (targets.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return store.clients(targets).invoke(clients -> clients.forEach((id, owner) -> {
            if (!owner.equals(clientId)) {
                throw ProblemException.forbidden("Statement " + id + " was stored by another client; only that "
                        + "client may void it");
            }
        })).replaceWithVoid();
    }

    /** The statement rules, and rule 108: a voiding statement's object is a StatementRef. */
    private static List<Violation> violations(JsonNode statement) {
        List<Violation> violations = new ArrayList<>(StatementValidator.violations(statement));
        if (violations.isEmpty() && Statements.VOIDED.equals(statement.path("verb").path("id").asText())
                && !Statements.isVoiding(statement)) {
            violations.add(new Violation("object.objectType", "a voiding statement's object is a StatementRef"));
        }
        return violations;
    }

    private ObjectNode stamped(ObjectNode statement, String clientId, Instant now) {
        Statements.contextActivitiesAsArrays(statement);
        statement.put("stored", now.toString());
        ObjectNode authority = statement.putObject("authority");
        authority.put("objectType", "Agent");
        authority.putObject("account").put("homePage", authorityHomePage).put("name", clientId);
        if (!statement.has("timestamp")) {
            statement.put("timestamp", now.toString());
        }
        if (!statement.has("version")) {
            statement.put("version", XapiVersion.LATEST);
        }
        return statement;
    }
}
