-- A day's notifications: the keys the daily sweep has already recorded that day, and the digests its units had
-- (Outbox.digest); without it both read every notification ever sent.
create index notification_day on notification (on_date, kind);
