-- Growth pathway templates, as their authors wrote them. Every edit is a new version; a plan keeps the version its
-- cycle started with. school_id is null for a district-wide template.
create table pathway_template (
    id         uuid        not null,
    version    int         not null,
    school_id  uuid,
    name       text        not null,
    body       jsonb       not null,
    created_by text        not null,
    created_at timestamptz not null,
    primary key (id, version)
);

create index pathway_template_latest on pathway_template (id, version desc);
create index pathway_template_by_school on pathway_template (school_id);
