-- Renewal rule profiles, as data: the built-in states' are written at start when absent (BuiltInProfiles), a district
-- admin may change them or add more. body is a RenewalProfile as JSON.
create table renewal_profile (
    code       text primary key,
    body       jsonb       not null,
    built_in   boolean     not null,
    updated_at timestamptz not null,
    updated_by text        not null
);

-- An educator's license binds them to a profile; its dates are the renewal window, both days included, as days of the
-- district's time zone. Set only for educators in the directory.
create table educator_license (
    educator_id    uuid primary key,
    profile_code   text        not null references renewal_profile (code),
    license_type   text        not null,
    license_number text        not null,
    issued_on      date        not null,
    expires_on     date        not null check (expires_on > issued_on),
    updated_at     timestamptz not null,
    updated_by     text        not null
);

create index educator_license_by_expiry on educator_license (expires_on, educator_id);

-- What a ledger entry is about: provider (for states that count approved providers only) and earned_at (when what it
-- counts was earned: its own time, or for a reversing entry the time of the entry it takes back, so a revocation
-- takes hours out of the renewal window that counted them).
alter table ledger_entry add column provider text;
alter table ledger_entry add column earned_at timestamptz;

alter table ledger_entry disable trigger ledger_entry_append_only;
update ledger_entry set earned_at = occurred_at where activity_source is distinct from 'REVERSAL';
-- Outside courses came from a provider their events did not name yet: not the district, and not one approved.
update ledger_entry set provider = '(unknown provider)' where activity_source = 'EXTERNAL_APPROVED';
update ledger_entry r set provider = '(unknown provider)'
where r.activity_source = 'REVERSAL' and exists (
    select 1 from ledger_entry e
    where e.educator_id = r.educator_id and e.source_ref = r.source_ref and e.activity_source = 'EXTERNAL_APPROVED');
update ledger_entry r set earned_at = coalesce((
    select min(e.occurred_at) from ledger_entry e
    where e.educator_id = r.educator_id and e.source_ref = r.source_ref and e.activity_source <> 'REVERSAL'),
    r.occurred_at)
where r.activity_source = 'REVERSAL';
alter table ledger_entry enable trigger ledger_entry_append_only;
alter table ledger_entry alter column earned_at set not null;

create index ledger_entry_by_earned on ledger_entry (educator_id, earned_at);

-- The changes feed: every entry's position in commit order. Transactions that write entries take turns at their
-- commit (a deferred trigger under one advisory lock, held until the commit is visible): each numbers its entries
-- while it holds the lock, so a reader never sees a position before every lower one is visible too. Entries already
-- there are numbered in the order they were recorded.
create sequence ledger_feed_position;

create table ledger_feed (
    position bigint primary key,
    entry_id uuid   not null unique references ledger_entry (id)
);

insert into ledger_feed (position, entry_id)
select nextval('ledger_feed_position'), id from (select id from ledger_entry order by recorded_at, id) recorded;

create function ledger_entry_to_feed() returns trigger language plpgsql as $$
begin
    perform pg_advisory_xact_lock(hashtextextended('plan-service.ledger_feed', 0));
    insert into ledger_feed (position, entry_id) values (nextval('ledger_feed_position'), new.id);
    return null;
end;
$$;

create constraint trigger ledger_entry_in_feed
    after insert on ledger_entry deferrable initially deferred
    for each row execute function ledger_entry_to_feed();
