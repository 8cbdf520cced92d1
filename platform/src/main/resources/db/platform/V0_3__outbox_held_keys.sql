-- The relay finds keys held back by a failed row from the few failed rows themselves, not by searching each pending
-- row's predecessors: that search grew with the square of a backlog.
drop index outbox_event_pending_by_key;
create index outbox_event_failed on outbox_event (event_key) where sent_at is null and next_attempt_at is not null;
