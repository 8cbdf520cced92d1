-- A facilitator (or the district admin) can take back an attendance marked in error; who did it, and why, is kept on
-- the row beside when. An xAPI void keeps the client and the statement as its reason.
alter table attendance add column voided_by text;
alter table attendance add column void_reason text;
