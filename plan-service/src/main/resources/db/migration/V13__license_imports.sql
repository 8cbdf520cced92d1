-- HR's license files: each import and, for every row of its file, what became of it (the rows report, in pages).
create table license_import (
    id          uuid primary key,
    started_by  text        not null,
    started_at  timestamptz not null,
    finished_at timestamptz,
    read        bigint      not null,
    accepted    bigint      not null,
    rejected    bigint      not null
);

create table license_import_row (
    import_id   uuid   not null references license_import (id),
    line        bigint not null,
    sourced_id  text,
    educator_id uuid,
    status      text   not null,
    field       text,
    reason      text,
    primary key (import_id, line)
);
