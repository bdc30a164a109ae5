-- error at 3:38
-- postgres-error
SELECT ev._id, e.key FROM events ev, jsonb_each(ev.payload->'items') e;
