-- Credit comes from the catalog: an offering gives fixed credit, or lets the LMS report hours up to a maximum.
alter table offering
    add column variable_credit  boolean not null default false,
    add column max_credit_hours numeric(7, 2),
    add constraint offering_credit_range check (
        (variable_credit and max_credit_hours is not null and max_credit_hours >= credit_hours and max_credit_hours <= 999)
        or (not variable_credit and max_credit_hours is null));

-- Each LMS client speaks for one LMS, bound by a district admin; an unbound client may post nothing.
create table lms_client (
    client_id text primary key,
    lms       text        not null,
    bound_at  timestamptz not null,
    bound_by  text        not null
);

-- Course ids are per LMS. Mappings and held completions from before this version belong to the LMS named 'legacy':
-- binding a client to 'legacy' carries on as before, mapping the courses under the real LMS name replaces them.
alter table lms_course_mapping add column lms text not null default 'legacy';
alter table lms_course_mapping alter column lms drop default;
alter table lms_course_mapping drop constraint lms_course_mapping_pkey;
alter table lms_course_mapping add primary key (lms, lms_course_id);

alter table held_completion add column lms text not null default 'legacy';
alter table held_completion alter column lms drop default;
drop index held_completion_pending;
create index held_completion_pending on held_completion (lms, lms_course_id) where released_at is null;

-- Every external id a client reported and that was accepted or held. Claiming it here first is what makes a re-post a
-- duplicate, whichever table the first post went to, without a lock.
create table reported_completion (
    client_id   text        not null,
    external_id text        not null,
    reported_at timestamptz not null,
    primary key (client_id, external_id)
);

insert into reported_completion (client_id, external_id, reported_at)
select client_id, external_id, min(received_at)
from (select client_id, external_id, received_at from completion
      union all
      select client_id, external_id, received_at from held_completion) reported
group by client_id, external_id;

-- One completion per educator, offering and UTC day, whatever the external id or client. Extra completions accepted
-- before this rule existed were credited and stay so; they keep a null day, which the unique index does not compare.
alter table completion add column completed_day date;
update completion set completed_day = (completed_at at time zone 'UTC')::date;
update completion later set completed_day = null
where exists (select 1 from completion earlier
              where earlier.educator_id = later.educator_id
                and earlier.offering_id = later.offering_id
                and earlier.completed_day = later.completed_day
                and (earlier.received_at, earlier.id) < (later.received_at, later.id));
create unique index completion_once_per_day on completion (educator_id, offering_id, completed_day);

-- A roster snapshot that claims an identity another educator holds: the holder keeps it until its own roster drops it.
create table identity_conflict (
    id          uuid primary key,
    kind        text        not null check (kind in ('EMAIL', 'SIS_ID', 'LMS_ACCOUNT')),
    value       text        not null,
    holder_id   uuid        not null references educator (id),
    claimant_id uuid        not null references educator (id),
    detected_at timestamptz not null,
    resolved_at timestamptz,
    resolution  text check (resolution in ('HOLDER_DROPPED', 'CLAIM_WITHDRAWN')),
    check ((resolved_at is null) = (resolution is null))
);

create unique index identity_conflict_open on identity_conflict (kind, value, claimant_id) where resolved_at is null;
create index identity_conflict_claimant on identity_conflict (claimant_id) where resolved_at is null;
create index identity_conflict_listed on identity_conflict (detected_at, id);
