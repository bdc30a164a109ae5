-- jsonb array elements are 0-based with ->
SELECT _id, payload->'items'->>0 AS first_item, payload->'items'->>1 AS second_item FROM events;
