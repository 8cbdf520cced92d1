-- District goals (school_id null), set by district admins, and school goals, set by a principal for their school and
-- optionally aligned to a district goal.
create table goal (
    id              uuid        primary key,
    school_id       uuid,
    aligned_to      uuid        references goal (id),
    title           text        not null,
    description     text,
    competency_tags jsonb       not null,
    school_year     text        not null,
    created_by      text        not null,
    created_at      timestamptz not null,
    updated_at      timestamptz not null
);

create index goal_by_school on goal (school_id, school_year);

-- What the teacher means to do in a cycle of their plan: their goals, each linked to a school or district goal and to
-- competencies, and the optional milestones they chose. A cycle without a row carries the last one forward.
create table plan_cycle_intent (
    plan_id    uuid        not null references plan (id),
    cycle      int         not null,
    goals      jsonb       not null,
    choices    jsonb       not null,
    updated_at timestamptz not null,
    primary key (plan_id, cycle)
);
