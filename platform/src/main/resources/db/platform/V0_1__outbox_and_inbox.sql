-- Shared by every service: the transactional outbox and the idempotent inbox.

create table outbox_event (
    seq        bigserial primary key,
    id         uuid        not null unique,
    topic      text        not null,
    event_key  text        not null,
    type       text        not null,
    source     text        not null,
    subject    text        not null,
    event_time timestamptz not null,
    correlation_id text,
    payload    text        not null,
    created_at timestamptz not null default now(),
    sent_at    timestamptz
);

create index outbox_event_pending on outbox_event (seq) where sent_at is null;

create table inbox_event (
    consumer     text        not null,
    event_id     uuid        not null,
    event_type   text        not null,
    processed_at timestamptz not null default now(),
    primary key (consumer, event_id)
);
