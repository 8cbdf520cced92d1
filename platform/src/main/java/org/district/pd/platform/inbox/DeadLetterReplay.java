package org.district.pd.platform.inbox;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;

import org.apache.kafka.common.header.internals.RecordHeaders;
import org.district.pd.platform.problem.Outage;
import org.district.pd.platform.problem.ProblemException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.smallrye.mutiny.Uni;

/**
 * Replays dead letters through the same inbox and effect as a live record: an event that was applied meanwhile changes
 * nothing, one that is still poison stays a dead letter with its new reason.
 */
@ApplicationScoped
public class DeadLetterReplay {

    private static final Logger LOG = Logger.getLogger(DeadLetterReplay.class);

    /** What a replay did: APPLIED, ALREADY_APPLIED, or FAILED with the reason. */
    public record Result(UUID id, String outcome, String reason) {
    }

    /** What replaying every pending dead letter did. */
    public record Summary(int replayed, int applied, int alreadyApplied, int failed, boolean more) {
    }

    private static final int PAGE = 100;

    private final DeadLetters deadLetters;
    private final Inbox inbox;
    private final Instance<EventHandler> handlers;
    private final String topicPrefix;

    DeadLetterReplay(DeadLetters deadLetters, Inbox inbox, @Any Instance<EventHandler> handlers,
            @ConfigProperty(name = "pd.kafka.topic-prefix") Optional<String> topicPrefix) {
        this.deadLetters = deadLetters;
        this.inbox = inbox;
        this.handlers = handlers;
        this.topicPrefix = topicPrefix.orElse("");
    }

    public Uni<Result> replay(UUID id) {
        return deadLetters.find(id)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("No dead letter " + id))
                .flatMap(this::replay);
    }

    /** Replays pending dead letters oldest first, up to {@code limit}; {@code more} tells whether some remain. */
    public Uni<Summary> replayPending(int limit) {
        return replayPage(null, limit, new Summary(0, 0, 0, 0, false));
    }

    private Uni<Summary> replayPage(DeadLetterView after, int limit, Summary sofar) {
        int wanted = Math.min(PAGE, limit - sofar.replayed());
        if (wanted <= 0) {
            return deadLetters.pendingAfter(after, 1).map(rest -> withMore(sofar, !rest.isEmpty()));
        }
        return deadLetters.pendingAfter(after, wanted).flatMap(page -> {
            Uni<Summary> chain = Uni.createFrom().item(sofar);
            for (DeadLetterView deadLetter : page) {
                chain = chain.flatMap(summary -> replay(deadLetter).map(result -> add(summary, result)));
            }
            return page.size() < wanted ? chain
                    : chain.flatMap(summary -> replayPage(page.get(page.size() - 1), limit, summary));
        });
    }

    private Uni<Result> replay(DeadLetterView deadLetter) {
        Optional<EventHandler> handler = handlers.stream().filter(h -> h.consumer().equals(deadLetter.consumer())
                && (topicPrefix + h.topic()).equals(deadLetter.topic())).findFirst();
        if (handler.isEmpty()) {
            return failed(deadLetter, "no consumer named '" + deadLetter.consumer() + "' of " + deadLetter.topic()
                    + " in this service");
        }
        return Uni.createFrom().deferred(() -> inbox.replay(handler.get(), headers(deadLetter), deadLetter.payload()))
                .flatMap(outcome -> deadLetters.replayed(deadLetter.id(), outcome.name())
                        .replaceWith(new Result(deadLetter.id(), outcome.name(), null)))
                .onFailure(failure -> !Outage.causedBy(failure))
                .recoverWithUni(failure -> failed(deadLetter, failure instanceof PoisonRecord ? failure.getMessage()
                        : failure.getClass().getSimpleName() + ": " + failure.getMessage()))
                .onFailure().transform(outage -> new ProblemException(503, "Service unavailable",
                        "The database or broker is unreachable; replay again once it is back", List.of()));
    }

    private RecordHeaders headers(DeadLetterView deadLetter) {
        RecordHeaders headers = new RecordHeaders();
        deadLetters.headersOf(deadLetter).forEach((name, value) ->
                headers.add(name, value == null ? null : value.getBytes(StandardCharsets.UTF_8)));
        return headers;
    }

    private Uni<Result> failed(DeadLetterView deadLetter, String reason) {
        LOG.warnf("Replay of dead letter %s failed again: %s", deadLetter.id(), LogSafe.text(reason));
        return deadLetters.replayFailed(deadLetter.id(), reason).replaceWith(new Result(deadLetter.id(), "FAILED", reason));
    }

    private static Summary add(Summary summary, Result result) {
        return new Summary(summary.replayed() + 1,
                summary.applied() + ("APPLIED".equals(result.outcome()) ? 1 : 0),
                summary.alreadyApplied() + ("ALREADY_APPLIED".equals(result.outcome()) ? 1 : 0),
                summary.failed() + ("FAILED".equals(result.outcome()) ? 1 : 0), false);
    }

    private static Summary withMore(Summary summary, boolean more) {
        return new Summary(summary.replayed(), summary.applied(), summary.alreadyApplied(), summary.failed(), more);
    }
}
