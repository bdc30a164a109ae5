-- error at 3:13
-- postgres-error
SELECT _id, jsonb_set(payload->'total', '{a}', '1') FROM events;
