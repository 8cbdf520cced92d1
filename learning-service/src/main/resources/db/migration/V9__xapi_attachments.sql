-- The content of xAPI attachments sent in multipart/mixed, once per SHA-2: statements name it by its hash.
create table xapi_attachment (
    sha2         text        primary key,
    content_type text        not null,
    length       bigint      not null,
    content      bytea       not null,
    stored       timestamptz not null
);
