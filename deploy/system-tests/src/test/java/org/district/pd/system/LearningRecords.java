package org.district.pd.system;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/** What learning-service stored, read from its database pd_learning: for the checks no API offers. */
final class LearningRecords {

    private static final String DATABASE = "pd_learning";

    private LearningRecords() {
    }

    /**
     * Completion ids by external id, from pd_learning.completion: only for completions accepted by a post whose answer
     * was lost, which the LMS knows only as {@code duplicate}.
     */
    static Map<String, String> completionIds(Collection<String> externalIds) {
        return ServiceDatabases.read(DATABASE, connection -> {
            try (PreparedStatement query = connection.prepareStatement(
                    "select external_id, id from completion where external_id = any(?)")) {
                query.setArray(1, connection.createArrayOf("text", externalIds.toArray()));
                Map<String, String> ids = new HashMap<>();
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        String earlier = ids.put(rows.getString(1), rows.getString(2));
                        if (earlier != null) {
                            throw new AssertionError("two completions with external id " + rows.getString(1));
                        }
                    }
                }
                return ids;
            }
        });
    }

    /** When the relay marked each of these events sent to Kafka (pd_learning.outbox_event.sent_at), by event id. */
    static Map<UUID, Instant> sentAt(Collection<UUID> eventIds) {
        return ServiceDatabases.read(DATABASE, connection -> {
            try (PreparedStatement query = connection.prepareStatement(
                    "select id, sent_at from outbox_event where id = any(?) and sent_at is not null")) {
                query.setArray(1, connection.createArrayOf("uuid", eventIds.toArray()));
                Map<UUID, Instant> sent = new HashMap<>();
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        sent.put(rows.getObject(1, UUID.class), rows.getObject(2, OffsetDateTime.class).toInstant());
                    }
                }
                return sent;
            }
        });
    }
}
