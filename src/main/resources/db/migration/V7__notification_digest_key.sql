-- The digest that carried each reminder (Outbox.digest): a later sweep of the same day sends, in a digest of its
-- own, only the reminders no digest carried yet.
alter table notification add column digest_key varchar(300);

-- Reminders recorded before went out in their day's digest (or in none: then they never will).
update notification set digest_key = 'digest:' || cast(on_date as varchar(10)) || ':' || unit_code
    where kind in ('DUE_SOON', 'DUE_TOMORROW', 'DUE_TODAY', 'OVERDUE', 'LAGGING', 'QUOTA');
