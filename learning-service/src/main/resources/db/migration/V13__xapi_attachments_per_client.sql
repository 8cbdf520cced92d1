-- Attachment contents belong to the client that sent them: another client's statement naming the same hash (by
-- fileUrl) does not get them back. Rows from before this change have no known sender, and are served to nobody.
alter table xapi_attachment add column client_id text not null default '';
alter table xapi_attachment alter column client_id drop default;
alter table xapi_attachment drop constraint xapi_attachment_pkey;
alter table xapi_attachment add primary key (client_id, sha2);
