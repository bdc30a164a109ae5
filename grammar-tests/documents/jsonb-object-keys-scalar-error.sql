-- error at 1:1
-- postgres-error
SELECT jsonb_object_keys(payload->'total') FROM events;
