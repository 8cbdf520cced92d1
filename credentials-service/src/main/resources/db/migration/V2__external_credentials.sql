-- Open Badges 3.0 credentials a teacher earned elsewhere and uploaded. Each is verified against its issuer's published
-- key where that key is reachable, and recorded with what the checks found. It counts for credit only once a
-- principal of the teacher's school (or a district admin) approves it, with the hours it is worth here.
create table external_credential (
    id                uuid primary key,
    educator_id       uuid          not null,
    credential_id     text          not null,
    issuer_id         text          not null,
    issuer_name       text,
    achievement_id    text          not null,
    achievement_name  text          not null,
    valid_from        timestamptz,
    valid_until       timestamptz,
    credits_earned    numeric(7, 2),
    verification      text          not null check (verification in ('VERIFIED', 'KEY_UNREACHABLE', 'EMBEDDED_KEY')),
    checks            text          not null,
    recipient_matched boolean       not null,
    jwt               text          not null,
    status            text          not null check (status in ('PENDING', 'APPROVED', 'DENIED')),
    credit_hours      numeric(7, 2) check (credit_hours >= 0 and credit_hours < 1000),
    decided_by        text,
    decided_at        timestamptz,
    decision_comment  text,
    award_id          uuid unique,
    uploaded_at       timestamptz   not null
);
-- A teacher uploads a credential once.
create unique index external_credential_once on external_credential (educator_id, credential_id);
create index external_credential_status on external_credential (status, uploaded_at);
