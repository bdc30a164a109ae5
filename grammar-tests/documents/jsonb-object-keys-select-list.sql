-- in the select list: one row per key; event 7's payload is {} (no rows)
SELECT _id, jsonb_object_keys(payload) FROM events WHERE _id <= 8;
