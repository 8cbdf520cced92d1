-- Renewal rule profiles, as data: the built-in states' are written at start when absent (BuiltInProfiles), a district
-- admin may change them or add more. body is a RenewalProfile as JSON.
create table renewal_profile (
    code       text primary key,
    body       jsonb       not null,
    built_in   boolean     not null,
    updated_at timestamptz not null,
    updated_by text        not null
);

-- An educator's license binds them to a profile; its dates are the renewal window, both days included. No foreign
-- key to educator: an HR file may name an educator the roster brings later.
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

-- What a ledger entry is about: provider (for states that count approved providers only), earned_at (when what it
-- counts was earned: its own time, or for a reversing entry the time of the entry it takes back, so a revocation
-- takes hours out of the renewal window that counted them), and its place in the changes feed: the transaction that
-- wrote it and a sequence within (ledger/LedgerFeed).
alter table ledger_entry add column provider text;
alter table ledger_entry add column earned_at timestamptz;
alter table ledger_entry add column seq bigserial;
alter table ledger_entry add column tx xid8 not null default pg_current_xact_id();

alter table ledger_entry disable trigger ledger_entry_append_only;
update ledger_entry set earned_at = occurred_at where activity_source is distinct from 'REVERSAL';
update ledger_entry r set earned_at = coalesce((
    select min(e.occurred_at) from ledger_entry e
    where e.educator_id = r.educator_id and e.source_ref = r.source_ref and e.activity_source <> 'REVERSAL'),
    r.occurred_at)
where r.activity_source = 'REVERSAL';
alter table ledger_entry enable trigger ledger_entry_append_only;
alter table ledger_entry alter column earned_at set not null;

create index ledger_entry_by_earned on ledger_entry (educator_id, earned_at);
create index ledger_entry_in_commit_order on ledger_entry (tx, seq);
