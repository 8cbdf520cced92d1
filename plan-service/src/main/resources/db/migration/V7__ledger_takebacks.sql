-- What was taken back (a revoked award, a voided completion), by the producer's id of what it had earned, whether or
-- not that had reached the ledger yet: an entry that arrives after its takeback (a replayed dead letter) is reversed
-- at once, with the takeback's event id, so the ledger ends the same in either order.
create table ledger_takeback (
    educator_id uuid        not null,
    source_ref  text        not null,
    event_id    uuid        not null,
    event_type  text        not null,
    taken_at    timestamptz not null,
    primary key (educator_id, source_ref)
);
