-- error at 1:1
-- postgres-error
SELECT ev._id, e.key FROM events ev, jsonb_each(ev.payload->'items') e;
