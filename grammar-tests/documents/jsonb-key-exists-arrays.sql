-- in an array the strings are its elements
SELECT _id, payload->'items' ? 'S-500' AS has_s500, payload->'items' ?| ARRAY['G-400', 'W-100'] AS either, payload->'total' ? '19.99' AS number_is_no_string
FROM events;
