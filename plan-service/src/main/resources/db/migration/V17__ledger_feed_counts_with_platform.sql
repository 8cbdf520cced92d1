-- The feed's count-down (V16) is the platform's (V0_5), which now holds it once for the outbox and the feed.
create or replace function ledger_feed_take_waiting() returns trigger language plpgsql as $$
declare
    fed int;
begin
    if pd_firing_already_done('pd.ledger_feed_firings_owed') then
        return null;
    end if;
    perform pg_advisory_xact_lock(hashtextextended('plan-service.ledger_feed', 0));
    with taken as (delete from ledger_feed_waiting where tx = pg_current_xact_id() returning seq, entry_id)
    insert into ledger_feed (position, entry_id)
    select nextval('ledger_feed_position'), entry_id from (select seq, entry_id from taken order by seq) recorded;
    get diagnostics fed = row_count;
    perform pd_firings_to_skip('pd.ledger_feed_firings_owed', fed);
    return null;
end;
$$;
