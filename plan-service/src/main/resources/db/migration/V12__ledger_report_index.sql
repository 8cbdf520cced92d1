-- The reports read an educator's entries by when they were earned or occurred, with their hours, credit type,
-- category and provider: all from this one index (index-only scans), not from the table. It serves every lookup of
-- an educator's entries the two indexes it replaces did.
create index ledger_entry_for_reports on ledger_entry (educator_id, earned_at)
    include (occurred_at, credit_hours, credit_type, category, provider);
drop index ledger_entry_by_earned;
drop index ledger_entry_by_educator;
