-- Where each plan stands, kept by the progress refresher: the engine's state as last evaluated, and the columns lists
-- filter on. A plan moves to its template's latest version when a new cycle opens; plan.template_version is the
-- version of its latest cycle, and plan_template_version the version each run of cycles started on.
alter table plan
    add column state         jsonb,
    add column refreshed_at  timestamptz,
    add column cycle_number  int,
    add column cycle_status  text,
    add column cycle_opens_at timestamptz,
    add column cycle_ends_at timestamptz,
    add column stage_index   int,
    add column stage_name    text,
    add column ended         boolean not null default false;

create index plan_by_stage on plan (stage_name, id);

create table plan_template_version (
    plan_id    uuid not null references plan (id),
    from_cycle int  not null,
    version    int  not null,
    primary key (plan_id, from_cycle)
);

insert into plan_template_version (plan_id, from_cycle, version) select id, 1, template_version from plan;

-- Why a plan must be evaluated again, and from when: a fact about its teacher (the fact's id), the end of its open
-- cycle ('cadence'), its start. The refresher takes the due rows of the plans it locks, so two instances never
-- evaluate the same plan at once, and a row written while a plan is being evaluated waits for the next round.
create table plan_refresh_due (
    plan_id uuid        not null references plan (id),
    cause   text        not null,
    due_at  timestamptz not null,
    primary key (plan_id, cause)
);

create index plan_refresh_due_by_time on plan_refresh_due (due_at);

insert into plan_refresh_due (plan_id, cause, due_at) select id, 'started', now() from plan;

-- Facts about one plan only, such as a coach's sign-off of one of its milestones; null for facts about the teacher.
alter table educator_fact add column plan_id uuid;

-- Every evaluation that changed a plan: what caused it (facts, the cadence, the plan's start) and what it changed.
create table plan_timeline (
    seq         bigserial   primary key,
    plan_id     uuid        not null references plan (id),
    recorded_at timestamptz not null,
    causes      jsonb       not null,
    changes     jsonb       not null
);

create index plan_timeline_by_plan on plan_timeline (plan_id, seq);
