-- Catalog: offerings and the LMS courses mapped to them.
create table offering (
    id           uuid primary key,
    title        text          not null,
    format       text          not null,
    credit_hours numeric(7, 2) not null check (credit_hours >= 0),
    credit_type  text          not null,
    category     text          not null,
    created_at   timestamptz   not null
);

create table lms_course_mapping (
    lms_course_id text primary key,
    offering_id   uuid        not null references offering (id),
    mapped_at     timestamptz not null
);

create index lms_course_mapping_offering on lms_course_mapping (offering_id);

-- Projection of the roster topic, and the identities an LMS may use for a learner.
create table educator (
    id          uuid primary key,
    sourced_id  text        not null,
    given_name  text        not null,
    family_name text        not null,
    email       text,
    active      boolean     not null,
    updated_at  timestamptz not null
);

create table learner_identity (
    kind        text not null check (kind in ('EMAIL', 'SIS_ID', 'LMS_ACCOUNT')),
    value       text not null,
    educator_id uuid not null references educator (id),
    primary key (kind, value)
);

create index learner_identity_educator on learner_identity (educator_id);

-- Completions accepted from LMS integrations; an external id counts once per client.
create table completion (
    id           uuid primary key,
    client_id    text          not null,
    external_id  text          not null,
    educator_id  uuid          not null,
    offering_id  uuid          not null references offering (id),
    completed_at timestamptz   not null,
    credit_hours numeric(7, 2) not null,
    received_at  timestamptz   not null,
    unique (client_id, external_id)
);

create index completion_educator on completion (educator_id);

-- Completions whose learner or course is not known yet; a roster or mapping fix releases them.
create table held_completion (
    id                  uuid primary key,
    client_id           text          not null,
    external_id         text          not null,
    learner_email       text,
    learner_sis_id      text,
    learner_lms_account text,
    lms_course_id       text          not null,
    completed_at        timestamptz   not null,
    credit_hours        numeric(7, 2),
    reason              text          not null,
    detail              text          not null,
    received_at         timestamptz   not null,
    released_at         timestamptz,
    completion_id       uuid,
    unique (client_id, external_id)
);

create index held_completion_pending on held_completion (lms_course_id) where released_at is null;
