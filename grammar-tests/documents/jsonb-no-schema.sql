-- no-schema
-- fields of no declared type: jsonb_each, containment with a JSON object or array constant, key existence
SELECT e._id, k.key, e.payload @> '{"device": {"mobile": true}}' AS mobile, e.payload->'items' @> '["S-500"]' AS s500, e.payload ? 'ref' AS has_ref
FROM events e, jsonb_each(e.payload) k WHERE k.key IN ('page', 'ip');
