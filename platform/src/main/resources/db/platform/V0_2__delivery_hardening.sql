-- Outbox: rows published in commit order per key, retried with back-off, parked after bounded attempts.
-- Inbox: poison records kept as dead letters, listed and replayed by a district admin.

-- The transaction that wrote the row, so the commit trigger finds all of its rows at once.
alter table outbox_event add column tx xid8 not null default pg_current_xact_id();
-- Order of publication: taken at commit, under a per-key lock, so one key's rows follow their commit order.
alter table outbox_event add column commit_seq bigint;
alter table outbox_event add column attempts int not null default 0;
alter table outbox_event add column next_attempt_at timestamptz;
alter table outbox_event add column last_error text;
alter table outbox_event add column parked_at timestamptz;
-- Raw Kafka headers for records that are not our own CloudEvents (dead letters); null means build ce_* headers.
alter table outbox_event add column headers jsonb;
alter table outbox_event alter column type drop not null;
alter table outbox_event alter column source drop not null;
alter table outbox_event alter column subject drop not null;
alter table outbox_event alter column event_time drop not null;

create sequence outbox_commit_seq;
update outbox_event set commit_seq = seq;
select setval('outbox_commit_seq', coalesce((select max(seq) from outbox_event), 0) + 1, false);

drop index outbox_event_pending;
create index outbox_event_pending on outbox_event (commit_seq, seq) where sent_at is null;
create index outbox_event_pending_by_key on outbox_event (event_key, commit_seq, seq) where sent_at is null;
create index outbox_event_uncommitted on outbox_event (tx) where commit_seq is null;
create index outbox_event_parked on outbox_event (parked_at) where parked_at is not null and sent_at is null;
create index outbox_event_sent on outbox_event (sent_at) where sent_at is not null;

-- Runs at commit. The first of a transaction's rows locks every key the transaction wrote, in hash order so two
-- committers never deadlock, then gives all its rows one commit number. A later transaction on the same key waits
-- for that lock until this one has committed, so its number is higher: per key, numbers follow commit order.
create function outbox_event_commit_order() returns trigger language plpgsql as $$
declare
    key_hash int;
    commit_number bigint;
begin
    if exists (select 1 from outbox_event where id = new.id and commit_seq is null) then
        for key_hash in select distinct hashtext(event_key) from outbox_event
                        where tx = pg_current_xact_id() and commit_seq is null order by 1 loop
            perform pg_advisory_xact_lock(7001, key_hash);
        end loop;
        commit_number := nextval('outbox_commit_seq');
        update outbox_event set commit_seq = commit_number
        where tx = pg_current_xact_id() and commit_seq is null;
    end if;
    return null;
end;
$$;

-- Every row of a transaction shares its number; the relay orders by (commit_seq, seq), so they keep insert order.
create constraint trigger outbox_event_commit_order
    after insert on outbox_event
    deferrable initially deferred
    for each row execute function outbox_event_commit_order();

create table dead_letter (
    id               uuid primary key,
    consumer         text        not null,
    topic            text        not null,
    partition_no     int         not null,
    record_offset    bigint      not null,
    record_key       text,
    headers          jsonb       not null,
    payload          text,
    event_id         uuid,
    event_type       text,
    reason           text        not null,
    dead_lettered_at timestamptz not null default now(),
    replay_count     int         not null default 0,
    replayed_at      timestamptz,
    replay_outcome   text,
    unique (consumer, topic, partition_no, record_offset)
);

create index dead_letter_pending on dead_letter (dead_lettered_at, id) where replayed_at is null;
create index inbox_event_processed on inbox_event (processed_at);
