-- The feed's positions are still given at commit under one lock (V11), but once per transaction instead of once per
-- entry: V11's trigger took the lock, inserted one feed row and checked its foreign key for every entry, all while
-- every other ledger-writing commit waited for that lock. Now each insert statement on the ledger leaves its entries
-- in a small table of entries awaiting their positions, and at commit the first firing moves all of the
-- transaction's waiting entries into the feed in one statement, in the order they were recorded. The later firings
-- only count down, as the outbox's do (platform V0_4): each waiting entry has exactly one firing, and the firings of
-- the entries one move took were all queued before those of any entry written after it (at commit, by another
-- trigger), so while the count is above zero nothing is left to move; at zero each firing moves whatever waits.
--
-- The trigger that numbers is on the waiting entries, not on the ledger: a firing then always comes after its entry
-- is waiting, whether constraints are deferred or set immediate (a row trigger on the ledger would fire before the
-- statement trigger that records the waiting entries).
--
-- The feed's foreign key to the ledger goes: only these triggers write the feed, from entries of the same
-- transaction, and the ledger is append-only (V1), so the key guarded nothing, and each check locked a ledger row.

drop trigger ledger_entry_in_feed on ledger_entry;
drop function ledger_entry_to_feed();
alter table ledger_feed drop constraint ledger_feed_entry_id_fkey;

create table ledger_feed_waiting (
    seq      bigint generated always as identity,
    entry_id uuid   not null,
    tx       xid8   not null default pg_current_xact_id()
);
create index ledger_feed_waiting_by_tx on ledger_feed_waiting (tx);

create function ledger_entries_wait_for_feed() returns trigger language plpgsql as $$
begin
    insert into ledger_feed_waiting (entry_id) select id from recorded;
    return null;
end;
$$;

create trigger ledger_entries_wait_for_feed
    after insert on ledger_entry referencing new table as recorded
    for each statement execute function ledger_entries_wait_for_feed();

create function ledger_feed_take_waiting() returns trigger language plpgsql as $$
declare
    this_tx text := pg_current_xact_id()::text;
    owed text := current_setting('pd.ledger_feed_firings_owed', true);
    fed int;
begin
    if owed like this_tx || ':%' and split_part(owed, ':', 2)::int > 0 then
        perform set_config('pd.ledger_feed_firings_owed', this_tx || ':' || (split_part(owed, ':', 2)::int - 1), true);
        return null;
    end if;
    perform pg_advisory_xact_lock(hashtextextended('plan-service.ledger_feed', 0));
    with taken as (delete from ledger_feed_waiting where tx = pg_current_xact_id() returning seq, entry_id)
    insert into ledger_feed (position, entry_id)
    select nextval('ledger_feed_position'), entry_id from (select seq, entry_id from taken order by seq) recorded;
    get diagnostics fed = row_count;
    perform set_config('pd.ledger_feed_firings_owed', this_tx || ':' || greatest(fed - 1, 0), true);
    return null;
end;
$$;

-- Keeps V11's name, so `set constraints ledger_entry_in_feed immediate` still numbers a transaction's entries early.
create constraint trigger ledger_entry_in_feed
    after insert on ledger_feed_waiting deferrable initially deferred
    for each row execute function ledger_feed_take_waiting();
