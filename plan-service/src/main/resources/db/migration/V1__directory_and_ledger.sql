-- Educator directory, imported from OneRoster CSV. Ids are derived from sourcedIds so every service agrees on them.
create table org (
    id                uuid primary key,
    sourced_id        text        not null unique,
    name              text        not null,
    type              text        not null,
    identifier        text,
    parent_sourced_id text,
    status            text        not null,
    updated_at        timestamptz not null
);

create table educator (
    id           uuid primary key,
    sourced_id   text        not null unique,
    given_name   text        not null,
    family_name  text        not null,
    email        text,
    sis_id       text,
    username     text,
    lms_accounts text[]      not null,
    roles        text[]      not null,
    grades       text[]      not null,
    active       boolean     not null,
    updated_at   timestamptz not null
);

-- Keyset order of the HR report.
create index educator_by_name on educator (family_name, given_name, id);

create table educator_school (
    educator_id uuid not null references educator (id),
    school_id   uuid not null references org (id),
    primary key (educator_id, school_id)
);

create index educator_school_by_school on educator_school (school_id, educator_id);

-- Credit-hour ledger. No foreign key to educator: learning events may arrive before the roster import does.
create table ledger_entry (
    id              uuid primary key,
    educator_id     uuid          not null,
    event_id        uuid          not null unique,
    event_type      text          not null,
    source_ref      text          not null,
    offering_id     uuid,
    occurred_at     timestamptz   not null,
    credit_hours    numeric(7, 2) not null,
    credit_type     text          not null,
    category        text          not null,
    activity_source text,
    recorded_at     timestamptz   not null
);

create index ledger_entry_by_educator on ledger_entry (educator_id, occurred_at);

-- Entries are facts: a correction is a new, reversing entry, never an edit.
create function ledger_entry_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'ledger_entry is append-only: % is not allowed', tg_op;
end;
$$;

create trigger ledger_entry_append_only
    before update or delete on ledger_entry
    for each row execute function ledger_entry_is_append_only();
