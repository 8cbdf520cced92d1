package org.district.pd.learning.lmsclient;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.district.pd.platform.problem.ProblemException;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/** Which LMS each client speaks for: a client reports only the courses mapped for its LMS, and nothing unbound. */
@ApplicationScoped
public class LmsClientService {

    private final LmsClientRepository clients;

    LmsClientService(LmsClientRepository clients) {
        this.clients = clients;
    }

    /** Binding again moves the client to another LMS; completions it already reported keep the LMS they came from. */
    @WithTransaction
    public Uni<LmsClientView> bind(String clientId, String lms, String admin) {
        return clients.findById(clientId)
                .map(found -> found == null ? newClient(clientId) : found)
                .flatMap(client -> {
                    if (!lms.equals(client.lms)) {
                        client.lms = lms;
                        // As PostgreSQL keeps it, so that this answer and later reads agree.
                        client.boundAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
                        client.boundBy = admin;
                    }
                    return clients.persist(client);
                })
                .map(LmsClientView::of);
    }

    @WithSession
    public Uni<List<LmsClientView>> list(int page, int size) {
        return clients.find("order by clientId").page(page, size).list()
                .map(found -> found.stream().map(LmsClientView::of).toList());
    }

    /** The LMS of a client, in the caller's session; a 403 that says what to do when no admin has bound it yet. */
    public Uni<String> lmsOf(String clientId) {
        return clients.findById(clientId)
                .onItem().ifNull().failWith(() -> ProblemException.forbidden("LMS client '" + clientId + "' is not bound"
                        + " to an LMS yet: a district admin must bind it with PUT /api/v1/learning/lms-clients/" + clientId
                        + " before it can post completions"))
                .map(client -> client.lms);
    }

    private static LmsClient newClient(String clientId) {
        LmsClient client = new LmsClient();
        client.clientId = clientId;
        return client;
    }
}
