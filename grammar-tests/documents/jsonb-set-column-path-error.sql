-- error at 3:32
-- a path read from the rows: the pipeline follows a path known when compiling
SELECT _id, jsonb_set(payload, ARRAY[type], '1') FROM events;
