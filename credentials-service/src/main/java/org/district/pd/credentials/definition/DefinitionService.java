package org.district.pd.credentials.definition;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.district.pd.credentials.CredentialsConfig;
import org.district.pd.credentials.definition.CredentialDefinition.Status;
import org.district.pd.credentials.definition.DefinitionBody.Kind;
import org.district.pd.credentials.security.CredentialsAccess;
import org.district.pd.platform.problem.ProblemException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * Definitions and their versions. A draft is edited in place; editing a published definition supersedes it with a new
 * published version, so that submissions made against the old one stay tied to what they were judged by.
 */
@ApplicationScoped
public class DefinitionService {

    private final DefinitionRepository definitions;
    private final CredentialsAccess access;
    private final CredentialsConfig config;
    private final ObjectMapper json;

    DefinitionService(DefinitionRepository definitions, CredentialsAccess access, CredentialsConfig config,
            ObjectMapper json) {
        this.definitions = definitions;
        this.access = access;
        this.config = config;
        this.json = json;
    }

    @WithTransaction
    public Uni<DefinitionView> create(DefinitionBody written) {
        DefinitionBody body = checked(written);
        return requireMembers(body).flatMap(ok -> {
            CredentialDefinition definition = new CredentialDefinition();
            definition.id = UUID.randomUUID();
            definition.version = 1;
            definition.status = Status.DRAFT;
            definition.createdAt = Instant.now();
            definition.createdBy = access.name();
            write(definition, body);
            return definitions.persist(definition).map(saved -> DefinitionView.of(saved, body));
        });
    }

    @WithTransaction
    public Uni<DefinitionView> update(UUID id, DefinitionBody written) {
        DefinitionBody body = checked(written);
        return current(id).flatMap(found -> {
            if (found.kind != body.kind()) {
                throw ProblemException.invalid("kind", "cannot change: definition " + id + " is a " + found.kind);
            }
            return requireMembers(body).flatMap(ok -> {
                if (found.status == Status.DRAFT) {
                    write(found, body);
                    return Uni.createFrom().item(DefinitionView.of(found, body));
                }
                Instant now = Instant.now();
                found.status = Status.SUPERSEDED;
                CredentialDefinition next = new CredentialDefinition();
                next.id = id;
                next.version = found.version + 1;
                next.status = Status.PUBLISHED;
                next.createdAt = now;
                next.createdBy = access.name();
                next.publishedAt = now;
                write(next, body);
                // The superseded row first: the unique index allows one current version.
                return definitions.flush().flatMap(flushed -> definitions.persist(next))
                        .map(saved -> DefinitionView.of(saved, body));
            });
        });
    }

    @WithTransaction
    public Uni<DefinitionView> publish(UUID id) {
        return current(id).flatMap(found -> {
            if (found.status != Status.DRAFT) {
                throw ProblemException.conflict("Definition " + id + " version " + found.version
                        + " is published already");
            }
            DefinitionBody body = body(found);
            return requireMembers(body).map(ok -> {
                found.status = Status.PUBLISHED;
                found.publishedAt = Instant.now();
                return DefinitionView.of(found, body);
            });
        });
    }

    /** Retiring ends new submissions; awards already made keep their validity. */
    @WithTransaction
    public Uni<DefinitionView> retire(UUID id) {
        return current(id).map(found -> {
            if (found.status != Status.PUBLISHED) {
                throw ProblemException.conflict("Definition " + id + " is a draft; only a published one is retired");
            }
            found.status = Status.RETIRED;
            return DefinitionView.of(found, body(found));
        });
    }

    /** The latest version; drafts are the district admins' only. */
    @WithSession
    public Uni<DefinitionView> get(UUID id) {
        return definitions.latest(id).map(found -> {
            if (found == null || found.status == Status.DRAFT && !access.isDistrictAdmin()) {
                throw ProblemException.notFound("No credential definition " + id);
            }
            return DefinitionView.of(found, body(found));
        });
    }

    @WithSession
    public Uni<List<DefinitionView>> versions(UUID id) {
        return definitions.versions(id).map(found -> {
            List<DefinitionView> visible = found.stream()
                    .filter(version -> version.status != Status.DRAFT || access.isDistrictAdmin())
                    .map(version -> DefinitionView.of(version, body(version))).toList();
            if (visible.isEmpty()) {
                throw ProblemException.notFound("No credential definition " + id);
            }
            return visible;
        });
    }

    @WithSession
    public Uni<List<DefinitionView>> list(boolean all, int page, int size) {
        return definitions.list(!all || !access.isDistrictAdmin(), page, size)
                .map(found -> found.stream().map(version -> DefinitionView.of(version, body(version))).toList());
    }

    /** A definition's body as stored. */
    public DefinitionBody body(CredentialDefinition definition) {
        try {
            return json.readValue(definition.body, DefinitionBody.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("definition " + definition.id + " has an unreadable body", e);
        }
    }

    private DefinitionBody checked(DefinitionBody written) {
        return DefinitionRules.checked(written, config.maxAttempts(), config.turnaroundDays());
    }

    private Uni<CredentialDefinition> current(UUID id) {
        return definitions.currentLocked(id).invoke(found -> {
            if (found == null) {
                throw ProblemException.notFound("No draft or published credential definition " + id);
            }
        });
    }

    /** A stack's members must be published micro-credentials. */
    private Uni<Boolean> requireMembers(DefinitionBody body) {
        if (body.kind() != Kind.STACK) {
            return Uni.createFrom().item(true);
        }
        return definitions.published(body.members()).map(found -> {
            Set<UUID> micro = found.stream().filter(member -> member.kind == Kind.MICRO_CREDENTIAL)
                    .map(member -> member.id).collect(Collectors.toSet());
            for (int i = 0; i < body.members().size(); i++) {
                if (!micro.contains(body.members().get(i))) {
                    throw ProblemException.invalid("members[" + i + "]",
                            "names no published micro-credential");
                }
            }
            return true;
        });
    }

    private void write(CredentialDefinition definition, DefinitionBody body) {
        definition.kind = body.kind();
        definition.name = body.name();
        definition.competency = body.competency();
        definition.creditHours = body.creditHours();
        definition.validityMonths = body.validityMonths();
        definition.competencyTags = body.competencyTags().toArray(String[]::new);
        try {
            definition.body = json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
