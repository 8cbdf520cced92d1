-- The roster as this service needs it: who an educator is (the recipient of an award is identified by the hash of
-- their email), their schools (a principal approves their imported credentials) and whether they are still active.
create table educator (
    id          uuid primary key,
    given_name  text        not null,
    family_name text        not null,
    email       text,
    school_ids  uuid[]      not null default '{}',
    active      boolean     not null,
    updated_at  timestamptz not null
);

-- Who coaches whom, from plan-service's coach.assigned events, one row per plan: a teacher's coach never assesses the
-- teacher's evidence.
create table coach_assignment (
    plan_id     uuid primary key,
    educator_id uuid        not null,
    coach_id    uuid,
    at          timestamptz not null
);
create index coach_assignment_educator on coach_assignment (educator_id);

-- Micro-credential and stack definitions, one row per version. Editing a published definition adds a version; a
-- submission stays tied to the version it was made against. The body (evidence requirements, rubric, renewal rule,
-- stack members) is the JSON the district admin wrote, validated by the service.
create table credential_definition (
    id              uuid          not null,
    version         integer       not null check (version > 0),
    kind            text          not null check (kind in ('MICRO_CREDENTIAL', 'STACK')),
    status          text          not null check (status in ('DRAFT', 'PUBLISHED', 'SUPERSEDED', 'RETIRED')),
    name            text          not null,
    competency      text          not null,
    credit_hours    numeric(7, 2) not null check (credit_hours >= 0 and credit_hours < 1000),
    validity_months integer check (validity_months > 0),
    competency_tags text[]        not null default '{}',
    body            text          not null,
    created_at      timestamptz   not null,
    created_by      text          not null,
    published_at    timestamptz,
    primary key (id, version)
);
-- At most one current (draft or published) version of a definition.
create unique index credential_definition_current on credential_definition (id)
    where status in ('DRAFT', 'PUBLISHED');
create index credential_definition_status on credential_definition (status, name);

-- The district's assessors. Assignment balances open reviews across the active ones.
create table assessor (
    educator_id      uuid primary key,
    active           boolean     not null,
    added_at         timestamptz not null,
    last_assigned_at timestamptz
);

create table submission (
    id                 uuid primary key,
    educator_id        uuid        not null,
    definition_id      uuid        not null,
    definition_version integer     not null,
    attempt            integer     not null check (attempt > 0),
    renewal_of         uuid,
    status             text        not null check (status in ('IN_REVIEW', 'PASSED', 'RESUBMIT', 'WITHDRAWN')),
    submitted_at       timestamptz not null,
    due_at             timestamptz not null,
    decided_at         timestamptz,
    foreign key (definition_id, definition_version) references credential_definition (id, version)
);
-- Attempts count per series: the first award's, then each renewal's (renewal_of, the award being renewed).
create unique index submission_attempt on submission (educator_id, definition_id,
    coalesce(renewal_of, '00000000-0000-0000-0000-000000000000'), attempt);
-- One submission under review per teacher and definition.
create unique index submission_open on submission (educator_id, definition_id) where status = 'IN_REVIEW';
create index submission_due on submission (due_at) where status = 'IN_REVIEW';

-- The evidence of a submission: a link, a text, or an uploaded file kept with its SHA-256.
create table artifact (
    submission_id uuid    not null references submission (id),
    position      integer not null,
    requirement   text    not null,
    url           text,
    text          text,
    file_name     text,
    content_type  text,
    size_bytes    bigint,
    sha256        text,
    content       bytea,
    primary key (submission_id, position),
    check (num_nonnulls(url, text, content) = 1)
);

-- A submission's assessors: one or two, and a third to settle a disagreement where the definition says so.
create table assignment (
    submission_id uuid        not null references submission (id),
    assessor_id   uuid        not null,
    round         integer     not null,
    assigned_at   timestamptz not null,
    reviewed_at   timestamptz,
    outcome       text check (outcome in ('PASS', 'RESUBMIT')),
    scores        text,
    feedback      text,
    primary key (submission_id, assessor_id)
);
create index assignment_open on assignment (assessor_id) where reviewed_at is null;

-- Submissions waiting for an assessor: none was eligible when they came in.
create table unassigned (
    submission_id uuid primary key references submission (id),
    needed        integer     not null,
    round         integer     not null,
    since         timestamptz not null
);

-- Awards, each with its signed Open Badges 3.0 credential. status_index is its place in the revocation list.
create table award (
    id                 uuid primary key,
    educator_id        uuid          not null,
    definition_id      uuid          not null,
    definition_version integer       not null,
    submission_id      uuid unique references submission (id),
    status             text          not null check (status in ('ACTIVE', 'REVOKED', 'EXPIRED', 'RENEWED')),
    awarded_at         timestamptz   not null,
    valid_from         timestamptz   not null,
    valid_until        timestamptz,
    credit_hours       numeric(7, 2) not null,
    credential_jwt     text          not null,
    key_id             text          not null,
    revoked_at         timestamptz,
    revoke_reason      text,
    ended_at           timestamptz,
    foreign key (definition_id, definition_version) references credential_definition (id, version)
);
create index award_educator on award (educator_id, definition_id);
create index award_expiring on award (valid_until) where status = 'ACTIVE';
-- A stack is awarded once per holder while active.
create unique index award_active on award (educator_id, definition_id) where status = 'ACTIVE';

-- The issuer's signing keys: the private half encrypted under the key-encryption key from configuration. The newest
-- active key signs; retired ones stay in the JWKS so that credentials they signed still verify.
create table issuer_key (
    kid             text primary key,
    algorithm       text        not null,
    public_jwk      text        not null,
    private_key     bytea       not null,
    nonce           bytea       not null,
    created_at      timestamptz not null,
    retired_at      timestamptz
);
