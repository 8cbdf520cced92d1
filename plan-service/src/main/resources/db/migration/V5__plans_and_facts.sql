-- What events say about each educator's work, as the pathway engine reads it; a plan's state is derived from these
-- and its template, so the same facts give the same plan whatever order they came in.
create table educator_fact (
    fact_id     text          primary key,
    educator_id uuid          not null,
    kind        text          not null,
    occurred_at timestamptz   not null,
    subject     text,
    tags        jsonb         not null,
    format      text,
    category    text,
    hours       numeric(7, 2),
    reverses    text
);

create index educator_fact_by_educator on educator_fact (educator_id, occurred_at);

-- A template applied to one teacher, from a start; one plan per educator and template.
create table plan (
    id               uuid        primary key,
    educator_id      uuid        not null,
    template_id      uuid        not null,
    template_version int         not null,
    started_at       timestamptz not null,
    created_by       text        not null,
    created_at       timestamptz not null,
    unique (educator_id, template_id),
    foreign key (template_id, template_version) references pathway_template (id, version)
);
