-- The organization directory's version: every change of units, their parents or groups raises it, and each node
-- keeps the directory's names in memory while the version stays the same (OrgDirectory).
create table org_version (
    id       int     primary key,
    version  bigint  not null
);
insert into org_version (id, version) values (1, 0);

-- An item's notifications (the daily sweep's reminders already sent, the item page), a task's urges (催办), and an
-- item's attachments: without these PostgreSQL reads the whole table (it makes no index for a foreign key).
create index notification_item on notification (item_id, unit_code, kind, on_date);
create index notification_task on notification (task_id, kind);
create index attachment_item on attachment (item_id);
