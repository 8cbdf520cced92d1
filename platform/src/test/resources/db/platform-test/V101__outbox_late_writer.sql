-- For the outbox's commit-order tests: a table whose deferred trigger writes an outbox row at commit, after the
-- outbox's own first firing has numbered the transaction's rows (deferred firings run in the order they were queued).
create table outbox_test_late_writer (
    id        uuid primary key,
    topic     text not null,
    event_key text not null
);

create function outbox_test_late_write() returns trigger language plpgsql as $$
begin
    insert into outbox_event (id, topic, event_key, type, source, subject, event_time, payload)
    values (new.id, new.topic, new.event_key, 'pd.platform.relay-test.v1', '/test', new.event_key, now(), '{}');
    return null;
end;
$$;

create constraint trigger outbox_test_late_write
    after insert on outbox_test_late_writer deferrable initially deferred
    for each row execute function outbox_test_late_write();
