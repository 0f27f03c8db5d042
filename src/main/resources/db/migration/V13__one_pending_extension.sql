-- One waiting 延期 request per unit and item, held by the database: a request's pending_key is its item and unit
-- while it waits and null once decided, so two requests at the same instant cannot both be accepted.
alter table extension add column pending_key varchar(80);
update extension set pending_key = item_id || ':' || unit_code where status = 'PENDING';
alter table extension add constraint extension_one_pending unique (pending_key);
