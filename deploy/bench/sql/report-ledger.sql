-- The ledger of the report benchmark's educators :first to :last (sourced ids :prefix<n>, from report-district.sql's
-- rpt-<n> or a roster's nyc-t<n>): :entries entries each over the five years before today, for each who has none yet.
-- One transaction per run: reports.sh runs it for 5,000 educators at a time.
\set ON_ERROR_STOP on

with bench as (
    select e.id as educator_id, substr(e.sourced_id, length(:'prefix') + 1)::int as n
    from educator e
    where e.active and e.sourced_id ~ ('^' || :'prefix' || '[0-9]+$')),
fresh as (
    select educator_id, n from bench
    where n between :first and :last
      and not exists (select 1 from ledger_entry e
                      where e.educator_id = bench.educator_id and e.source_ref = 'rpt-' || n || '-1'))
insert into ledger_entry (id, educator_id, event_id, event_type, source_ref, offering_id, occurred_at, earned_at,
                          credit_hours, credit_type, category, activity_source, recorded_at, provider)
select gen_random_uuid(), fresh.educator_id, gen_random_uuid(), 'pd.learning.course.completed.v1',
       'rpt-' || n || '-' || k, null, t.at, t.at,
       case when k % 7 = 0 then 0.5 else 1 + (n + k) % 6 end,
       case when k % 7 = 0 then 'CEU' else 'CLOCK_HOUR' end,
       (array['COURSEWORK', 'WORKSHOP', 'PLC', 'INDEPENDENT_STUDY', 'MENTORING'])[1 + (n * 31 + k) % 5],
       'LMS', t.at, case when k % 5 = 0 then 'Acme Webinars' end
from fresh, generate_series(1, :entries) k,
     lateral (select now() - make_interval(days => ((n * 7 + k * 1831) % 1826)) as at) t;
