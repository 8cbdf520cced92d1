-- A facilitator takes back an attendance recorded by mistake: it stays, voided, with who and why; the educator can
-- then be recorded again (a new attendance), so at most one attendance per educator and meeting is in force.
alter table attendance add column voided_at timestamptz;
alter table attendance add column voided_by uuid;
alter table attendance add column void_reason text;
alter table attendance drop constraint attendance_meeting_id_educator_id_key;
create unique index attendance_in_force on attendance (meeting_id, educator_id) where voided_at is null;
