-- 签收: a unit signs for its EXECUTE task when it opens (the engine's claim: the task keeps its candidate group, the
-- assignee is who signed). The task list and the daily sweep read the signature here; opened_on is the office's day
-- the task opened, from which the rules count the working days a task waits (unsigned, or in the office's queue).
alter table open_task add column opened_on date;
update open_task set opened_on = cast(created_at as date);
alter table open_task alter column opened_on set not null;
alter table open_task add column signed_by varchar(100);
alter table open_task add column signed_at timestamp;
-- The units were already at work on the tasks open before 签收 existed: those count as signed (by the system), so
-- that the first sweep does not remind and escalate every one of them.
update open_task set signed_by = 'system', signed_at = created_at where step = 'EXECUTE';
