-- A deferred row trigger whose first firing in a transaction does the work of all of that transaction's rows lets
-- the later firings skip by counting them down in a setting local to the transaction. The outbox's commit order (V0_4)
-- counts this way, and so may a service's own trigger (plan-service's ledger feed): the counting is held here once.
--
-- Why counting is enough: every row gets exactly one firing, and the firings of the rows one pass did were all queued
-- before those of any row written after it (one added at commit by another deferred trigger, say), because those rows
-- already existed. So while the count is above zero the firing is one of a row already done, or of a row deleted
-- before commit, which needs nothing either; once it reaches zero each firing does again whatever is still to do.
-- The setting holds the transaction's id with the count, so a count left by an earlier transaction never matches.

-- True when this firing's row was already done by an earlier pass in this transaction: the firing is counted off.
create function pd_firing_already_done(setting text) returns boolean language plpgsql as $$
declare
    this_tx text := pg_current_xact_id()::text;
    owed text := current_setting(setting, true);
begin
    if owed like this_tx || ':%' and split_part(owed, ':', 2)::int > 0 then
        perform set_config(setting, this_tx || ':' || (split_part(owed, ':', 2)::int - 1), true);
        return true;
    end if;
    return false;
end;
$$;

-- After a pass that did the work of this many rows: the firing that ran it is one of them, the others still to come.
create function pd_firings_to_skip(setting text, rows int) returns void language plpgsql as $$
begin
    perform set_config(setting, pg_current_xact_id()::text || ':' || greatest(rows - 1, 0), true);
end;
$$;

create or replace function outbox_event_commit_order() returns trigger language plpgsql as $$
declare
    key_hash int;
    commit_number bigint;
    numbered int;
begin
    if pd_firing_already_done('pd.outbox_firings_owed') then
        return null;
    end if;
    for key_hash in select distinct hashtext(event_key) from outbox_event
                    where tx = pg_current_xact_id() and commit_seq is null order by 1 loop
        perform pg_advisory_xact_lock(7001, key_hash);
    end loop;
    commit_number := nextval('outbox_commit_seq');
    update outbox_event set commit_seq = commit_number
    where tx = pg_current_xact_id() and commit_seq is null;
    get diagnostics numbered = row_count;
    perform pd_firings_to_skip('pd.outbox_firings_owed', numbered);
    return null;
end;
$$;
