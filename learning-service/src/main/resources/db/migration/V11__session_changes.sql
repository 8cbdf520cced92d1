-- A session can be rescheduled or cancelled before it begins; a cancelled one keeps its registrations, cancelled,
-- and says when and why.
alter table offering_session add column cancelled_at timestamptz;
alter table offering_session add column cancel_reason text;
