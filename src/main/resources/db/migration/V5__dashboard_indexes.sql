-- The dashboard's per-unit figures read the units' opened tasks from the item trail and items by status; at
-- province scale (100,000 items) these indexes keep it from reading every event and item row.
create index item_event_opened on item_event (action, step, item_id, unit_code);
create index item_status on item (status, plan_id);
