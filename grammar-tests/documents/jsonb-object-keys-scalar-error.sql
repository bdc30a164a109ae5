-- error at 3:8
-- postgres-error
SELECT jsonb_object_keys(payload->'total') FROM events;
